"""Stage 1, quotations: where quoted text stands, as character offsets.

Paired quotation marks (straight and curly double marks, guillemets); a quotation left
open at a paragraph's end runs on when the next paragraph reopens it or closes it.
"""
from __future__ import annotations

OPENING = "\"“„«"
CLOSING = "\"”»"


def find_quotations(text: str) -> list[tuple[int, int]]:
    """(content start, content end) of each quotation.

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
