"""Long documents in pieces spaCy can take, cut where the text itself breaks.

spaCy refuses a text over `nlp.max_length` (1,000,000 characters) and needs about
1 GB of memory per 100,000 characters for a parse. `piece_bounds` cuts a text into
pieces of at most `limit` characters, each ending at a paragraph break if there is one
in the second half of the piece, else at a line break, else at a sentence end, else at a
space; only a run of `limit` characters without any space is cut blindly. The pipeline
runs the pieces as documents of their own and shifts their facts back by each piece's start.
"""
from __future__ import annotations

import regex

PIECE_CHARS = 100_000

_BREAKS = (regex.compile(r"\n[ \t]*\n\s*"), regex.compile(r"\n\s*"),
           regex.compile(r"(?<=[.!?][\"'\u201d\u2019)\]]?)\s+"), regex.compile(r"\s+"))


def piece_bounds(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces that cover `text`, each at most `limit` characters."""
    bounds = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start:start + limit]
        cut = limit
        for rx in _BREAKS:
            ends = [m.end() for m in rx.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, n))
    return bounds
