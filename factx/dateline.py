"""The document date, from the document itself.

Looks near the top of the text for, in order of trust: a header line
(` date 2023-05-22`), a dateline ("SHENZHEN, China, Nov. 14, 2024 (GLOBE NEWSWIRE) --")
or a stamp ("2023-11-24 09:30"). The first full date in the opening lines wins.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

import regex

from .pattern_files import Patterns, alternation

HEAD_CHARS = 600


@lru_cache(maxsize=8)
def _compiled(patterns: Patterns) -> tuple[regex.Pattern, dict[str, int]]:
    months = {}
    for row in patterns.rows("months"):
        for name in row["names"]:
            months[name.lower().rstrip(".")] = row["number"]
    month = alternation(n for row in patterns.rows("months") for n in row["names"])
    rx = regex.compile(
        rf"""(?ix)
        ^\s*date\s+(?P<header>\d{{4}}-\d{{2}}-\d{{2}})
        | (?P<iso>(?<!\d)\d{{4}}-\d{{2}}-\d{{2}}(?!\d))
        | (?P<mdy>(?P<m1>{month})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}}))
        | (?P<dmy>(?P<d2>\d{{1,2}})\s+(?P<m2>{month})\s+(?P<y2>\d{{4}}))
        """
    )
    return rx, months


def find_document_date(text: str, patterns: Patterns) -> date | None:
    rx, months = _compiled(patterns)
    for m in rx.finditer(text[:HEAD_CHARS]):
        try:
            if m.group("header") or m.group("iso"):
                return date.fromisoformat(m.group("header") or m.group("iso"))
            if m.group("mdy"):
                return date(int(m.group("y1")), months[m.group("m1").lower().rstrip(".")], int(m.group("d1")))
            if m.group("dmy"):
                return date(int(m.group("y2")), months[m.group("m2").lower().rstrip(".")], int(m.group("d2")))
        except (ValueError, KeyError):
            continue
    return None
