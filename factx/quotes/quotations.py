"""Stage 1, quotations: where quoted text stands, as character offsets.

Conventions, each handled here:
- double marks, straight and curly, and guillemets; a quotation left open at a paragraph's
  end runs on when the next paragraph reopens it or closes it;
- typewriter doubles made of two single marks, ``like this'' and ''like this'';
- single marks as British and Asian papers use them, ‘like this’ and 'like this', told
  apart from apostrophes ("don't", "the workers' union", "'90s") by where they stand: an
  opening mark after a space or a line start and before a letter, a closing one after a
  letter or punctuation and before a space or punctuation; single marks inside a double
  quotation are a quotation within it, not one of their own.
"""
from __future__ import annotations

from bisect import bisect_right

import regex

OPENING = "\"“„«"
CLOSING = "\"”»"
# Quotation marks as spaCy tokens (the single and typewriter forms included).
OPEN_TOKENS = frozenset(OPENING) | {"‘", "'", "``", "''"}
CLOSE_TOKENS = frozenset(CLOSING) | {"’", "'", "''"}
MARK_TOKENS = OPEN_TOKENS | CLOSE_TOKENS

_TYPEWRITER = regex.compile(r"``|''")
_SINGLE_OPEN = regex.compile(r"(?<=^|[\s(\[—–-])[‘'](?!\d\ds?\b)(?=[\p{L}\p{N}\[])", regex.M)  # not "'90s"
_SINGLE_CLOSE = regex.compile(r"(?<=[\p{L}\p{N}.,!?…\])])[’'](?=$|[\s.,;:!?)\]—–-])", regex.M)


def _as_double_marks(text: str) -> str:
    """The text with ``...'' and ''...'' written as one double mark and a space (same length)."""
    def swap(m):
        closing = m.group() == "''" and m.start() > 0 and not text[m.start() - 1].isspace()
        return '" ' if closing else ' "'
    return _TYPEWRITER.sub(swap, text) if "``" in text or "''" in text else text


def find_quotations(text: str) -> list[tuple[int, int]]:
    """(content start, content end) of each quotation, double marks first, then single marks
    outside them."""
    doubles = _find_double(_as_double_marks(text))
    return sorted(doubles + _find_single(text, doubles))


def _find_single(text: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations in single marks, within a paragraph, outside every double quotation."""
    if "'" not in text and "‘" not in text:
        return []
    starts = [s - 1 for s, _ in doubles]  # sorted, as find_quotations makes them

    def inside(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i <= doubles[k][1]

    closes = [m.start() for m in _SINGLE_CLOSE.finditer(text) if not inside(m.start())]
    out, after = [], -1
    for m in _SINGLE_OPEN.finditer(text):
        o = m.start()
        if o < after or inside(o):
            continue
        line_end = text.find("\n", o)
        line_end = len(text) if line_end < 0 else line_end
        window = closes[bisect_right(closes, o + 1):bisect_right(closes, line_end)]  # this paragraph's, after o
        ahead = [c for c in window if text[c] == "’" or text[o] == "'"]
        # a mark beside punctuation closes before one after a plural ("the workers' union")
        close = next((c for c in ahead if text[c - 1] in ".,!?…" or text[c + 1:c + 2] in (",", ".", "!", "?", ";", ":")),
                     ahead[0] if ahead else None)
        if close is None or len(text[o + 1:close].split()) < 2:
            continue  # "'90s", "rock 'n' roll": an apostrophe, not a quotation
        out.append((o + 1, close))
        after = close + 1
    return out


def _find_double(text: str) -> list[tuple[int, int]]:
    """(content start, content end) of each quotation in double marks.

    A quotation open at a paragraph's end runs on when the next paragraph reopens
    it, or when the next quotation mark ahead is a closing one (the writer never
    closed the first paragraph); otherwise it ends with its paragraph.
    """
    out = []
    i, n = 0, len(text)
    open_at = None
    while i < n:
        ch = text[i]
        if open_at is None:
            if ch in OPENING and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
                open_at = i + 1
        elif ch in CLOSING and (ch != '"' or i + 1 >= n or not text[i + 1].isalnum() or i > open_at):
            out.append((open_at, i))
            open_at = None
        elif ch == "\n":
            j = i
            while j < n and text[j] in "\n \t\r":
                j += 1
            if j < n and text[j] in OPENING and text[j] != "\u201d":
                if text[j] == "\u201c" or _opens_at(text, j):
                    i = j + 1  # reopened: the same quotation goes on
                    continue
            if not _closing_ahead(text, j):
                out.append((open_at, i))
                open_at = None
            i = j
            continue
        i += 1
    if open_at is not None:
        out.append((open_at, n))
    return out


def _opens_at(text: str, j: int) -> bool:
    return text[j] == '"' and (j == 0 or not text[j - 1].isalnum())


def _closing_ahead(text: str, j: int) -> bool:
    """Is the next quotation mark after `j`, within the next paragraph, a closing one?"""
    end = text.find("\n", j)
    end = len(text) if end < 0 else end
    for k in range(j, end):
        ch = text[k]
        if ch == "\u201d":
            return True
        if ch == "\u201c":
            return False
        if ch == '"':
            return k > 0 and not text[k - 1].isspace() and (k + 1 >= len(text) or not text[k + 1].isalnum())
    return False


def strip_span(text: str, s: int, e: int, trailing: str) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in trailing):
        e -= 1
    return s, e


def stands_alone(text: str, open_at: int, s: int, e: int) -> bool:
    """A quotation that is its own sentence: it opens a paragraph or follows a sentence's end,
    and ends like a sentence."""
    before = text[:max(0, open_at - 1)].rstrip(" \t")
    starts = not before or before[-1] in "\n.!?\"\u201d:"
    return starts and text[e - 1:e] in (".", "!", "?", "\u2026", "]") or starts and text[e:e + 1] in (".", "!", "?")


def title_like(content: str) -> bool:
    """A name or a title in quotation marks ('"Technological Leadership, Industrial Synergy"')."""
    words = [w for w in content.replace(",", " ").split() if w.isalpha()]
    small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at"}
    return bool(words) and all(w[0].isupper() or w in small for w in words) and len(words) <= 8
