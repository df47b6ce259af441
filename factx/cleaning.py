"""Clean text for the pipeline while keeping a way back to the original offsets.

Cleaning only substitutes one character for one (odd spaces become spaces) or
inserts characters (a space between sentences glued together, "ASEAN.Djauhari").
`CleanText.to_original` maps any offset of the cleaned text back to the
document, so every fact's `text == document[start:end]` holds whatever was done.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import regex

# Spaces that are not ' ' (no-break, thin, ideographic ...), tabs and zero-width marks.
_ODD_SPACE = regex.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# "...ASEAN.Djauhari": a sentence end glued to the next sentence's capitalised word.
_GLUED = regex.compile(r"(?<=[\p{Ll}\p{Lu}]{2}[.!?]['\"\u2019\u201d]?)(?=\p{Lu}\p{Ll})")


@dataclass
class CleanText:
    text: str
    inserted: list[int] = field(default_factory=list)  # cleaned offsets of inserted chars, sorted

    def to_original(self, offset: int) -> int:
        return offset - bisect_left(self.inserted, offset)


def clean(original: str) -> CleanText:
    text = _ODD_SPACE.sub(" ", original)
    text = _ZERO_WIDTH.sub(" ", text)  # one for one: offsets unchanged
    inserted: list[int] = []
    parts: list[str] = []
    last = 0
    for m in _GLUED.finditer(text):
        parts.append(text[last:m.start()])
        inserted.append(m.start() + len(inserted))
        parts.append(" ")
        last = m.start()
    parts.append(text[last:])
    return CleanText("".join(parts), inserted)
