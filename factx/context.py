"""What every extractor receives besides the Doc, and what it returns."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .parsing import SentenceParses
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
    sentence_tokens: list[tuple[int, int]] = field(default_factory=list)  # the same sentences, token bounds
    found: dict[str, list[Found]] = field(default_factory=dict)  # earlier extractors' results
    parses: SentenceParses | None = None  # dependency parses on demand (parsing.py)

    def __post_init__(self):
        self._token_starts = [a for a, _ in self.sentence_tokens]
        self.sentence_start_tokens = set(self._token_starts)

    def sentence_of_token(self, i: int) -> int:
        """The index of the sentence holding token i."""
        return max(bisect_right(self._token_starts, i) - 1, 0)
