"""factx: money, dates, attendance counts and speaker-role-quote triples from news text.

    >>> import factx
    >>> facts = factx.extract("The deal is worth $5 million, Smith said on Monday.", anchor_date="2024-05-08")
    >>> [(f.type, f.text) for f in facts]  # doctest: +SKIP
"""
from .api import extract, extract_many
from .documents import Document
from .errors import FactxError, InputError, ModelError, OutputError, PatternError, UsageProblem
from .facts import FACT_TYPES, Fact
from .pipeline import Result

__all__ = [
    "Document",
    "FACT_TYPES",
    "Fact",
    "FactxError",
    "InputError",
    "ModelError",
    "OutputError",
    "PatternError",
    "Result",
    "UsageProblem",
    "extract",
    "extract_many",
]
__version__ = "0.1.0"
