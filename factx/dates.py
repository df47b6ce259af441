"""Dates: finding calendar references in text (resolution is in temporal.py).

One regex with a named alternative per kind of mention, built from the pattern
tables (months, weekdays, date_words, non_dates). `DateFinder.find` returns
`Mention`s; `extract_dates` resolves them against the document date, with the
sentence's tense and the document's own date ranges as context.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import regex

from .numbers import grammar_for
from .pattern_files import Patterns, alternation
from .temporal import Context, Mention, resolve

YEAR = r"(?:1[6-9]\d\d|20\d\d|21\d\d)"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4,
            "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# The sentence looks ahead from the document date. "was expected to", "were scheduled to" look ahead
# from a past moment, so they do not count.
FUTURE = regex.compile(
    r"(?i)\b(?:will|'ll|shall|going\s+to|(?<!\b(?:was|were)\s)(?:scheduled|expected\s+to|set\s+to)|is\s+due|"
    r"are\s+due|plans?\s+to|upcoming|is\s+to|are\s+to|tomorrow|next)\b")
IN_YEAR = regex.compile(rf"\b[Ii]n\s+(?P<y>{YEAR})\b(?!\s*[-–])")


@dataclass
class DateFact:
    start: int
    end: int
    value: str
    resolved: bool


class DateFinder:
    def __init__(self, patterns: Patterns):
        self.month_of: dict[str, int] = {}
        full, short = [], []
        for row in patterns.rows("months"):
            for name in row["names"]:
                self.month_of[name.lower().rstrip(".")] = row["number"]
                (full if len(name) > 4 or name == "May" or name == "June" or name == "July" else short).append(name)
        self.weekday_of = {n.lower().rstrip("."): r["number"] for r in patterns.rows("weekdays") for n in r["names"]}
        self.word_of = {" ".join(r["phrase"].lower().split()): (r["unit"], r["offset"]) for r in patterns.rows("date_words")}
        self.numbers = grammar_for(patterns)
        self.non_dates = [regex.compile(r["regex"]) for r in patterns.rows("non_dates")]
        MF = alternation(full)  # full names: may stand alone
        MA = alternation(full + short)  # any form: only next to a number
        WD = alternation(self.weekday_of_names(patterns))
        WORDS = alternation(r["phrase"] for r in patterns.rows("date_words"))
        NUM = rf"(?:\d+|{self.numbers.word_number})"
        DAY = r"\d{1,2}(?:st|nd|rd|th)?"
        END = r"(?![\p{L}\d])"
        self.rx = regex.compile(
            rf"""
            (?<![\p{{L}}\d])(?:
              (?P<iso>(?P<iso_y>\d{{4}})-(?P<iso_m>\d{{2}})-(?P<iso_d>\d{{2}})(?:[ T]+(?P<iso_t>\d{{2}}:\d{{2}}))?)(?![\d-])
            | (?P<dr>(?i:(?:from|between)\s+)?(?P<dr_m1>{MA})\s+(?P<dr_d1>{DAY})\s*(?:[-–]|\s(?i:to|through|until|and)\s)\s*
                  (?:(?P<dr_m2>{MA})\s+)?(?P<dr_d2>{DAY})(?![\d:])(?:,?\s+(?P<dr_y>{YEAR}))?){END}
            | (?P<drd>(?P<drd_d1>{DAY})\s*(?:[-–]|\s(?i:to|and)\s)\s*(?P<drd_d2>{DAY})\s+(?P<drd_m>{MA})(?:,?\s+(?P<drd_y>{YEAR}))?){END}
            | (?P<mdy>(?P<mdy_m>{MA})\s+(?P<mdy_d>{DAY})(?![\d:])(?:,?\s+(?P<mdy_y>{YEAR}))?){END}
            | (?P<dmy>(?P<dmy_d>{DAY})\s+(?:of\s+)?(?P<dmy_m>{MA})(?:,?\s+(?P<dmy_y>{YEAR}))?){END}
            | (?P<mr>(?i:between|from)\s+(?P<mr_m1>{MF})(?:\s+(?P<mr_y1>{YEAR}))?\s+(?i:and|to|until|through)\s+
                  (?P<mr_m2>{MF})(?:,?\s+(?P<mr_y2>{YEAR}))?){END}
            | (?P<q>(?i:the\s+)?(?P<q_n>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[\s-]+(?i:quarter|fiscal\s+quarter)
                  (?:\s+(?i:of)\s+(?:(?P<q_y>{YEAR})|(?P<q_rel>(?i:this|last|next))\s+(?i:year)))?){END}
            | (?P<q2>Q(?P<q2_n>[1-4])\s*(?P<q2_y>{YEAR})?){END}
            | (?P<mon>(?:(?P<mon_mod>(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of))[\s-]+)?
                  (?:(?P<mon_rel>(?i:last|next|this|past))\s+)?(?P<mon_m>{MF})
                  (?:,?\s+(?:of\s+)?(?P<mon_y>{YEAR})|\s+(?:of\s+)?(?P<mon_yrel>(?i:this|last|next))\s+(?i:year))?){END}
            | (?P<dec>(?i:the\s+)?(?:(?P<dec_mod>(?i:early|mid|late))[\s-]+)?(?P<dec_y>(?:1\d|20)\d0)'?s){END}
            | (?P<cent>(?i:the\s+)(?P<cent_n>\d{{1,2}})(?:st|nd|rd|th)\s+(?i:century)){END}
            | (?P<yr>(?i:between)\s+(?P<yr_1>{YEAR})\s+(?i:and)\s+(?P<yr_2>{YEAR})
                  | (?i:from\s+)?(?P<yr_1b>{YEAR})\s*(?:[-–]|\s(?i:to|until|through)\s)\s*(?P<yr_2b>{YEAR})){END}
            | (?P<wd>(?:(?P<wd_rel>(?i:last|next|this|past|the\s+next|the\s+following|the\s+previous))\s+)?(?P<wd_d>{WD})
                  (?:\s+(?i:morning|afternoon|evening|night))?){END}
            | (?P<word>(?i:{WORDS}))(?:'s)?{END}
            | (?P<ago>(?P<ago_n>(?i:{NUM}))\s+(?P<ago_u>(?i:day|week|month|year))s?\s+(?i:ago|earlier)){END}
            | (?P<year>(?<![$€£¥#]|No\.\s?){YEAR})(?![\d%]|[.,]\d|-\d|\s*(?i:percent|per\s+cent))
            )
            """,
            regex.VERBOSE,
        )

    @staticmethod
    def weekday_of_names(patterns: Patterns) -> list[str]:
        return [n for r in patterns.rows("weekdays") for n in r["names"]]

    def _month(self, text: str | None) -> int | None:
        return self.month_of.get(text.lower().rstrip(".")) if text else None

    @staticmethod
    def _day(text: str) -> int:
        return int(regex.match(r"\d+", text).group(0))

    def find(self, text: str) -> list[Mention]:
        blocked = [m.span() for rx in self.non_dates for m in rx.finditer(text)]
        out = []
        for m in self.rx.finditer(text):
            mention = self._mention(m)
            if mention is None:
                continue
            if any(s < mention.end and mention.start < e for s, e in blocked):
                continue
            out.append(mention)
        return out

    def _mention(self, m: regex.Match) -> Mention | None:
        g = m.group
        s, e = m.span()
        y = lambda name: int(g(name)) if g(name) else None  # noqa: E731
        if g("iso"):
            return Mention("day", s, e, year=int(g("iso_y")), month=int(g("iso_m")), day=int(g("iso_d")), time=g("iso_t"))
        if g("dr"):
            return Mention("day_range", s, e, year=y("dr_y"), month=self._month(g("dr_m1")), day=self._day(g("dr_d1")),
                           month2=self._month(g("dr_m2")), day2=self._day(g("dr_d2")))
        if g("drd"):
            month = self._month(g("drd_m"))
            return Mention("day_range", s, e, year=y("drd_y"), month=month, day=self._day(g("drd_d1")),
                           month2=month, day2=self._day(g("drd_d2")))
        if g("mdy"):
            return Mention("day", s, e, year=y("mdy_y"), month=self._month(g("mdy_m")), day=self._day(g("mdy_d")))
        if g("dmy"):
            return Mention("day", s, e, year=y("dmy_y"), month=self._month(g("dmy_m")), day=self._day(g("dmy_d")))
        if g("mr"):
            return Mention("month_range", s, e, year=y("mr_y1"), month=self._month(g("mr_m1")),
                           year2=y("mr_y2"), month2=self._month(g("mr_m2")))
        if g("q"):
            offset = {"this": 0, "last": -1, "next": 1}.get((g("q_rel") or "").lower(), 0)
            return Mention("quarter", s, e, quarter=ORDINALS[g("q_n").lower()], year=y("q_y"), offset=offset)
        if g("q2"):
            return Mention("quarter", s, e, quarter=int(g("q2_n")), year=y("q2_y"))
        if g("mon"):
            rel = (g("mon_rel") or "").lower() or None
            rel = "last" if rel == "past" else rel
            offset = {"this": 0, "last": -1, "next": 1}.get((g("mon_yrel") or "").lower(), 0)
            if g("mon_yrel") and offset == 0:
                rel = "this"
            return Mention("month", s, e, year=y("mon_y"), month=self._month(g("mon_m")), relative=rel, offset=offset)
        if g("dec"):
            start = int(g("dec_y"))
            return Mention("year_range", s, e, year=start, year2=start + 9)
        if g("cent"):
            n = int(g("cent_n"))
            return Mention("year_range", s, e, year=(n - 1) * 100, year2=(n - 1) * 100 + 99)
        if g("yr"):
            y1, y2 = int(g("yr_1") or g("yr_1b")), int(g("yr_2") or g("yr_2b"))
            if y2 <= y1:
                return None
            return Mention("year_range", s, e, year=y1, year2=y2)
        if g("wd"):
            rel = (g("wd_rel") or "").lower()
            rel = {"past": "last", "the previous": "last", "the next": "next", "the following": "next"}.get(rel, rel) or None
            return Mention("weekday", s, e, weekday=self.weekday_of[g("wd_d").lower()], relative=rel)
        if g("word"):
            unit, offset = self.word_of[" ".join(g("word").lower().split())]
            return Mention("relative", s, e, unit=unit, offset=offset)
        if g("ago"):
            n = self.numbers.parse(g("ago_n"))
            if n is None or n != int(n):
                return None
            return Mention("ago", s, e, unit=g("ago_u").lower(), offset=int(n))
        if g("year"):
            return Mention("year", s, e, year=int(g("year")))
        return None


@lru_cache(maxsize=8)
def finder_for(patterns: Patterns) -> DateFinder:
    return DateFinder(patterns)


def extract_dates(text: str, anchor: date | None, sentences: list[tuple[int, int]], finder: DateFinder) -> list[DateFact]:
    """Find and resolve every date of `text`; `sentences` are (start, end) offsets, sorted."""
    mentions = finder.find(text)
    starts = [s for s, _ in sentences]

    def sentence_of(pos: int) -> tuple[int, int]:
        i = bisect_right(starts, pos) - 1
        return sentences[i] if i >= 0 else (0, len(text))

    def context(m: Mention, intervals: list) -> Context:
        s0, s1 = sentence_of(m.start)
        sentence = text[s0:s1]
        prefix = text[s0:m.start]
        stated = [int(x.group("y")) for x in IN_YEAR.finditer(prefix)]
        return Context(future=bool(FUTURE.search(sentence)), sentence_year=stated[-1] if stated else None,
                       intervals=intervals)

    intervals = []
    for m in mentions:
        if m.kind == "day_range":
            value = resolve(m, anchor, context(m, []))
            if value:
                a, b = value[0].split("/")
                intervals.append((date.fromisoformat(a), date.fromisoformat(b)))
    facts = []
    for m in mentions:
        value = resolve(m, anchor, context(m, intervals))
        if value is not None:
            facts.append(DateFact(m.start, m.end, value[0], value[1]))
    return facts


def extract(doc, ctx) -> list:
    """The date facts of a spaCy Doc (component entry point)."""
    from .context import Found

    return [Found("date", f.start, f.end, {"value": f.value, "resolved": f.resolved,
                                               "kind": "time" if "T" in f.value else "date"})
            for f in extract_dates(ctx.text, ctx.anchor, ctx.sentences, finder_for(ctx.patterns))]
