"""The Python API: `extract` one text, `extract_many` a stream of them.

Both accept the obvious forms (a str or UTF-8 bytes for a text; "money,date" or a list for
`types`; a date or "YYYY-MM-DD" for `anchor_date`) and raise `UsageProblem`, a `FactxError`,
with a sentence naming the argument for anything else.
"""
from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator

from .documents import Document, as_date
from .errors import UsageProblem
from .facts import Fact
from .pipeline import Extractor, Result, cached_extractor


def _extractor(model: str | None, types, patterns: Iterable[str]) -> Extractor:
    return cached_extractor((model, tuple(types) if types else None, None, tuple(patterns)))


def _text(value, what: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UsageProblem(f"{what} is bytes that are not UTF-8 (byte {exc.start}); decode it first") from None
    raise UsageProblem(f"{what} must be a str (or UTF-8 bytes), not {type(value).__name__}")


def types_argument(types) -> tuple[str, ...] | None:
    from .component import parse_types

    if types is None:
        return None
    if not isinstance(types, str):
        try:
            types = [str(t) for t in types]
        except TypeError:
            raise UsageProblem(f"types must be a list of fact types or a string such as 'money,date', "
                               f"not {type(types).__name__}") from None
    try:
        return parse_types(types)
    except UsageProblem:
        raise
    except Exception as exc:  # parse_types' FactxError, reworded as a usage problem
        raise UsageProblem(str(exc)) from None


def extract(text: str | bytes, anchor_date: date | str | None = None, types: Iterable[str] | str | None = None, *,
            model: str | None = None, patterns: Iterable[str] = (), doc_id: str = "-") -> list[Fact]:
    """The facts of one text. `anchor_date` resolves relative dates (default: the text's own date)."""
    document = Document(doc_id, _text(text, "text"), as_date(anchor_date, "anchor_date"))
    return next(extract_many([document], types=types, model=model, patterns=patterns)).facts


def extract_many(documents: Iterable[str | bytes | Document] | str, anchor_date: date | str | None = None,
                 types: Iterable[str] | str | None = None, *, model: str | None = None,
                 patterns: Iterable[str] = ()) -> Iterator[Result]:
    """A `Result` (doc_id, doc_date, facts, errors) for each text or Document, in order, streaming.
    A single str is one document."""
    anchor = as_date(anchor_date, "anchor_date")
    if isinstance(documents, (str, bytes, Document)):
        documents = [documents]
    try:
        items = iter(documents)
    except TypeError:
        raise UsageProblem(f"documents must be texts or Documents, not {type(documents).__name__}") from None
    extractor = _extractor(model, types_argument(types), patterns)

    def docs() -> Iterator[Document]:
        for n, item in enumerate(items):
            if isinstance(item, Document):
                yield Document(item.id, item.text, anchor or item.date, list(item.warnings))
            else:
                yield Document(str(n), _text(item, f"document {n}"), anchor)

    yield from extractor.process(docs())
