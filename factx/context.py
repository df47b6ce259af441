"""What every extractor receives besides the Doc, and what it returns."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .pattern_files import Patterns


@dataclass
class Found:
    """A fact as an extractor sees it: offsets into `doc.text` and the type's fields."""

    type: str
    start: int
    end: int
    values: dict[str, Any]


@dataclass
class ExtractionContext:
    patterns: Patterns
    anchor: date | None
    text: str = ""  # doc.text, built once (spaCy rebuilds it from the tokens on every access)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # char offsets, sorted
    found: dict[str, list[Found]] = field(default_factory=dict)  # earlier extractors' results
