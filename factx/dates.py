"""Dates: finding calendar references in text (resolution is in temporal.py).

One regex with a named alternative per kind of mention, built from the pattern
tables (months, weekdays, date_words, non_dates). `DateFinder.find` returns
`Mention`s; `extract_dates` resolves them against the document date, with the
sentence's tense and the document's own date ranges as context.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
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
    kind: str = "date"  # date, time, duration, set or reference (TimeML's kinds; FACTS.md)
    mod: str | None = None  # TimeML's START, MID, END: "early 2011" is 2011, mod START


class DateFinder:
    def __init__(self, patterns: Patterns):
        self.month_of: dict[str, int] = {}
        full, short = [], []
        for row in patterns.rows("months"):
            for name in row["names"]:
                self.month_of[name.lower().rstrip(".")] = row["number"]
                (full if len(name) > 4 or name == "May" or name == "June" or name == "July" else short).append(name)
        self.weekday_of = {n.lower().rstrip("."): r["number"] for r in patterns.rows("weekdays") for n in r["names"]}
        self.word_of = {" ".join(r["phrase"].lower().split()): (r["unit"], r["offset"], bool(r.get("anaphoric")),
                                                               r.get("part")) for r in patterns.rows("date_words")}
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
            | (?P<wk>(?i:the\s+)(?P<wk_n>(?i:first|second|third|fourth|last|final|1st|2nd|3rd|4th))\s+(?i:week)\s+(?i:of)\s+
                  (?P<wk_m>{MF})(?:,?\s+(?P<wk_y>{YEAR}))?){END}
            | (?P<fy>(?i:fiscal\s+(?:year\s+)?)(?P<fy_y>{YEAR})
                  |(?P<fy_rel>(?i:this|last|next|the\s+current|the\s+previous|the\s+next))\s+(?i:fiscal\s+year)){END}
            | (?P<half>(?i:the\s+)?(?P<half_n>(?i:first|second|1st|2nd|latter))\s+(?i:half)\s+(?i:of)\s+
                  (?:(?P<half_y>{YEAR})|(?P<half_rel>(?i:this|last|next|the))\s+(?i:year))){END}
            | (?P<season>(?:(?P<sea_mod>(?i:early|late|mid))[\s-]+)?(?:(?P<sea_rel>(?i:last|next|this|past|the))\s+)?
                  (?P<sea_n>(?i:spring|summer|autumn|fall|winter))(?:,?\s+(?:of\s+)?(?P<sea_y>{YEAR}))?){END}
            | (?P<ymod>(?P<ymod_m>(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|
                  end\s+of|beginning\s+of|start\s+of))[\s-]+
                  (?:(?P<ymod_y>{YEAR})|(?P<ymod_rel>(?i:the|this|last|next))\s+(?P<ymod_u>(?i:year|month)))){END}
            | (?P<yrs>(?P<yrs_1>{YEAR})[-–/](?P<yrs_2>\d\d))(?![\d-]){END}
            | (?P<num>(?P<num_a>\d{{1,2}})/(?P<num_b>\d{{1,2}})/(?P<num_y>\d{{4}}|\d{{2}}))(?![\d/]){END}
            | (?P<dec>(?i:the\s+)?(?:(?P<dec_mod>(?i:early|mid|late))[\s-]+)?(?P<dec_y>(?:1\d|20)\d0)'?s){END}
            | (?P<decq>(?i:the\s+)(?:(?P<decq_mod>(?i:early|mid|late))[\s-]+)?['’](?P<decq_y>\d)0s){END}
            | (?P<decw>(?i:the\s+)(?:(?P<decw_mod>(?i:early|mid|late))[\s-]+)?(?P<decw_w>(?i:twenties|thirties|forties|
                  fifties|sixties|seventies|eighties|nineties))){END}
            | (?P<clk>(?:(?P<clk_h>\d{{1,2}})(?:[:.](?P<clk_m>[0-5]\d))?\s*(?P<clk_ap>(?i:a\.m\.|p\.m\.|am|pm)(?![\p{{L}}]))
                  |(?P<clk_h24>[01]?\d|2[0-3]):(?P<clk_m24>[0-5]\d)(?=\s*(?:GMT|UTC|[A-Z]{{2,4}}T?\b|\(|(?i:local\s+time|hours)))
                  |(?P<clk_w>(?i:noon|midnight)))(?:\s*(?:GMT|UTC)(?:[+-]\d{{1,2}})?(?![\p{{L}}\d])|\s+[A-Z]{{2,4}}T?(?![\p{{L}}]))?
                  (?:\s+(?P<clk_day>(?i:on\s+)?(?:{WD})))?){END}
            | (?P<podof>(?i:the\s+)(?P<podof_p>(?i:morning|afternoon|evening|night))\s+(?i:of)){END}
            | (?P<cent>(?i:the\s+)(?P<cent_n>\d{{1,2}})(?:st|nd|rd|th)\s+(?i:century)){END}
            | (?P<yr>(?i:between)\s+(?P<yr_1>{YEAR})\s+(?i:and)\s+(?P<yr_2>{YEAR})
                  | (?i:from\s+)?(?P<yr_1b>{YEAR})\s*(?:[-–]|\s(?i:to|until|through)\s)\s*(?P<yr_2b>{YEAR})){END}
            | (?P<wd>(?:(?P<wd_rel>(?i:last|next|this|past|the\s+next|the\s+following|the\s+previous))\s+)?(?P<wd_d>{WD})
                  (?:\s+(?P<wd_part>(?i:morning|afternoon|evening|night)))?){END}
            | (?P<word>(?i:{WORDS}))(?:'s)?{END}
            | (?P<ago>(?P<ago_n>(?i:{NUM}|a|an))\s+(?P<ago_u>(?i:day|week|month|year))s?\s+(?P<ago_dir>(?i:ago|earlier|later))){END}
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
            if any(s <= mention.start < e or mention.kind == "year" and s < mention.end and mention.start < e
                   for s, e in blocked):
                continue  # a non-date where the mention starts ("Flight 2012", "may be"); "the summer of 2018 storms" stays
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
            mod = MODS.get(" ".join((g("mon_mod") or "").lower().split()).replace("the ", ""))
            return Mention("month", s, e, year=y("mon_y"), month=self._month(g("mon_m")), relative=rel, offset=offset,
                           mod=mod)
        if g("wk"):
            n = g("wk_n").lower()
            return Mention("month_week", s, e, year=y("wk_y"), month=self._month(g("wk_m")),
                           quarter=-1 if n in ("last", "final") else ORDINALS[n])
        if g("fy"):
            if g("fy_y"):
                return Mention("fiscal_year", s, e, year=int(g("fy_y")))
            rel = " ".join(g("fy_rel").lower().split())
            return Mention("fiscal_year", s, e, offset={"last": -1, "the previous": -1, "next": 1, "the next": 1}.get(rel, 0))
        if g("half"):
            offset = {"last": -1, "next": 1}.get((g("half_rel") or "").lower(), 0)
            return Mention("half", s, e, year=y("half_y"), quarter=1 if g("half_n").lower() in ("first", "1st") else 2,
                           offset=offset)
        if g("season"):
            rel = (g("sea_rel") or "").lower()
            word = g("sea_n").lower()
            if word == "fall" and not (rel or g("sea_y") or g("sea_mod")) or rel == "the" and word == "fall" \
                    and not g("sea_y") and not _after_in(m.string, s):
                return None  # "prices fall", "the fall of Rome": the verb and the noun, not the season
            if not (rel or g("sea_y") or g("sea_mod")) and not _after_in(m.string, s):
                return None  # "a spring", "summer camp": a season only as a time ("in summer", "this summer")
            rel = {"past": "last", "the": None}.get(rel, rel) or None
            return Mention("season", s, e, year=y("sea_y"), unit=SEASONS[word], relative=rel, mod=MODS.get(
                (g("sea_mod") or "").lower()))
        if g("ymod"):
            mod = MODS[" ".join(g("ymod_m").lower().split()).replace("the ", "")]
            if g("ymod_y"):
                return Mention("year", s, e, year=int(g("ymod_y")), mod=mod)
            unit = g("ymod_u").lower()
            offset = {"last": -1, "next": 1}.get(g("ymod_rel").lower(), 0)
            return Mention("relative", s, e, unit=unit, offset=offset, mod=mod)
        if g("yrs"):
            y1 = int(g("yrs_1"))
            y2 = y1 // 100 * 100 + int(g("yrs_2"))
            if y2 <= y1 or (y2 - y1 > 1 and int(g("yrs_2")) <= 12):
                return None  # "2009-10" is a season across two years; "2009-05" would be a month
            return Mention("year_range", s, e, year=y1, year2=y2)
        if g("num"):
            return Mention("numeric", s, e, month=int(g("num_a")), day=int(g("num_b")),
                           year=_full_year(g("num_y")))
        if g("decq") or g("decw"):
            decade = int(g("decq_y")) * 10 if g("decq") else DECADE_WORDS[g("decw_w").lower()]
            return Mention("year_range", s, e, year=1900 + decade, year2=1909 + decade,
                           mod=MODS.get((g("decq_mod") or g("decw_mod") or "").lower()))
        if g("clk"):
            return Mention("clock", s, e, time=_clock(g), weekday=self.weekday_of[g("clk_day").lower().split()[-1]]
                           if g("clk_day") else None)
        if g("podof"):
            return Mention("part", s, e, unit=PARTS[g("podof_p").lower()])
        if g("dec"):
            start = int(g("dec_y"))
            return Mention("year_range", s, e, year=start, year2=start + 9, mod=MODS.get((g("dec_mod") or "").lower()))
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
            return Mention("weekday", s, e, weekday=self.weekday_of[g("wd_d").lower()], relative=rel,
                           part=PARTS.get((g("wd_part") or "").lower()))
        if g("word"):
            unit, offset, anaphoric, part = self.word_of[" ".join(g("word").lower().split())]
            return Mention("relative", s, e, unit=unit, offset=offset, anaphoric=anaphoric, part=part)
        if g("ago"):
            n = 1 if g("ago_n").lower() in ("a", "an") else self.numbers.parse(g("ago_n"))
            if n is None or n != int(n):
                return None
            direction = g("ago_dir").lower()
            # "three years ago" counts back from the document date; "two days later" and "a week
            # earlier" from the date the text last gave.
            return Mention("ago", s, e, unit=g("ago_u").lower(), offset=int(n) if direction != "later" else -int(n),
                           anaphoric=direction != "ago")
        if g("year"):
            return Mention("year", s, e, year=int(g("year")))
        return None


SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
MODS = {"early": "START", "beginning of": "START", "start of": "START", "mid": "MID", "middle of": "MID",
        "late": "END", "end of": "END"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                "eighties": 80, "nineties": 90}
_IN_BEFORE = regex.compile(r"(?i)\b(?:in|during|through|throughout|until|by|since|over|for|last|this|next|early|late|"
                           r"mid|the)\s+$")


def _after_in(text: str, start: int) -> bool:
    """Does a preposition or determiner of time come right before `start` ("in summer", "by spring")?"""
    return bool(_IN_BEFORE.search(text[max(0, start - 12):start]))


def _full_year(text: str) -> int:
    """A two-digit year in a numeric date: 00-49 are 2000s, 50-99 1900s ("7/8/07", "10/26/89")."""
    n = int(text)
    if len(text) == 4:
        return n
    return 2000 + n if n < 50 else 1900 + n


def _clock(g) -> str:
    """HH:MM from a matched clock time: "8 PM" 20:00, "8:30 a.m." 08:30, "15:00 GMT", "noon" 12:00."""
    if g("clk_w"):
        return "12:00" if g("clk_w").lower() == "noon" else "24:00"
    if g("clk_h24"):
        return f"{int(g('clk_h24')):02d}:{g('clk_m24')}"
    h = int(g("clk_h")) % 12
    if g("clk_ap").lower().startswith("p"):
        h += 12
    return f"{h:02d}:{g('clk_m') or '00'}"


@lru_cache(maxsize=8)
def finder_for(patterns: Patterns) -> DateFinder:
    return DateFinder(patterns)


def extract_dates(text: str, anchor: date | None, sentences: list[tuple[int, int]], finder: DateFinder,
                  tense=None, mentions: list[Mention] | None = None) -> list[DateFact]:
    """Find and resolve every date of `text`; `sentences` are (start, end) offsets, sorted.

    `tense(start, end)`, where given, says whether the clause of the date at those offsets looks
    ahead ("future"), tells of the past ("past") or "neither", from the dependency parse (tense.py);
    where it gives None (no parse), a look-ahead word anywhere in the sentence decides, as before."""
    mentions = _joined(text, finder.find(text) if mentions is None else mentions)
    starts = [s for s, _ in sentences]
    day_first = any(m.kind == "numeric" and m.month > 12 for m in mentions)

    def sentence_of(pos: int) -> tuple[int, int]:
        i = bisect_right(starts, pos) - 1
        return sentences[i] if i >= 0 else (0, len(text))

    def context(m: Mention, intervals: list, reference: date | None) -> Context:
        s0, s1 = sentence_of(m.start)
        sentence = text[s0:s1]
        prefix = text[s0:m.start]
        stated = [int(x.group("y")) for x in IN_YEAR.finditer(prefix)]
        clause = tense(m.start, m.end) if tense is not None and m.kind in NEEDS_TENSE else None
        future = clause == "future" if clause not in (None, "present") else bool(FUTURE.search(sentence))
        return Context(future=future, past=clause == "past", sentence_year=stated[-1] if stated else None,
                       intervals=intervals, reference=reference, day_first=day_first)

    intervals = []
    for m in mentions:
        if m.kind == "day_range":
            value = resolve(m, anchor, context(m, [], None))
            if value:
                a, b = value[0].split("/")
                intervals.append((date.fromisoformat(a), date.fromisoformat(b)))
    facts = []
    reference = None  # the narrative's date: the last day the text gave
    reference_sentence = None  # the sentence that gave it
    for m in mentions:
        if m.kind == "clock" and m.weekday is None and reference is not None \
                and reference_sentence == sentence_of(m.start):
            m = replace(m, kind="day", year=reference.year, month=reference.month, day=reference.day)
            # "on the morning of August 1 around 5:30 a.m.": the time is on the day its sentence gave
        value = resolve(m, anchor, context(m, intervals, reference))
        if value is None:
            continue
        suffix = m.time or m.part  # "Friday at 8 PM", "the morning of May 3"
        if suffix and "T" not in value[0] and "/" not in value[0] and DAY_VALUE.fullmatch(value[0]):
            value = (f"{value[0]}T{suffix}", value[1])
        facts.append(DateFact(m.start, m.end, value[0], value[1], kind_of(value[0]), m.mod))
        day = DAY_VALUE.match(value[0])
        if day and "/" not in value[0]:
            reference, reference_sentence = date.fromisoformat(day.group(0)), sentence_of(m.start)
    return facts


NEEDS_TENSE = {"day", "day_range", "month", "month_range", "weekday", "season", "quarter", "clock", "month_week"}
DAY_VALUE = regex.compile(r"\d{4}-\d{2}-\d{2}")
DAY_KINDS = ("day", "weekday", "relative")  # mentions a time of day can join
_JOIN_CLOCK = regex.compile(r"(?i)\s*(?:,|on|at|,\s*at)?\s*$")


def _joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """A time of day and its day are one expression: "8 PM on Friday", "Friday at 8 PM", "the morning
    of May 3"; the day keeps its resolution and gains the time (or part of the day)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        between = text[prev.end:m.start] if prev else ""
        if prev is not None and prev.kind in ("clock", "part") and m.kind in DAY_KINDS and prev.weekday is None \
                and _JOIN_CLOCK.match(between) and len(between) <= 5:
            m.start = prev.start
            m.time, m.part = (prev.time, m.part) if prev.kind == "clock" else (m.time, prev.unit)
            out[-1] = m
            continue
        if prev is not None and m.kind == "clock" and m.weekday is None and prev.kind in ("day", "weekday") \
                and _JOIN_CLOCK.match(between) and len(between) <= 5 and not prev.time:
            prev.end, prev.time = m.end, m.time
            continue
        out.append(m)
    return out


def kind_of(value: str) -> str:
    """TimeML's kind of a calendar value: time where a time of day follows the day."""
    return "time" if "T" in value else "date"


def _tense_from_parse(doc, ctx, mentions_at: list[tuple[int, int]]):
    """`tense(start, end)` for extract_dates, over the parses of the sentences that hold a date
    needing one (parsed on demand, in one batch); None where no parse can be had."""
    from .tense import clause_tense

    if ctx.parses is None or not ctx.parses.available or not mentions_at:
        return None
    tokens: dict[int, int] = {}
    for s, e in mentions_at:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            tokens[s] = span.start
    parsed = ctx.parses.get(ctx.sentence_of_token(i) for i in tokens.values())
    scheduling = scheduling_verbs(ctx.patterns)

    def tense(start: int, end: int) -> str | None:
        i = tokens.get(start)
        if i is None:
            return None
        sentence = parsed.get(ctx.sentence_of_token(i))
        if sentence is None:
            return None
        return clause_tense(sentence.token_at(i), scheduling) or "neither"  # parsed: the regex no longer decides

    return tense


@lru_cache(maxsize=8)
def scheduling_verbs(patterns: Patterns) -> frozenset[str]:
    return frozenset(r["verb"].lower() for r in patterns.rows("scheduling_verbs"))


def extract(doc, ctx) -> list:
    """The date facts of a spaCy Doc (component entry point): calendar dates and times (this
    module), durations, sets and references (periods.py); a period inside a date is the date's."""
    from .context import Found
    from .periods import period_finder_for

    finder = finder_for(ctx.patterns)
    text = ctx.text
    mentions = finder.find(text)
    partial = [(m.start, m.end) for m in mentions if m.kind in NEEDS_TENSE and m.year is None]
    facts = extract_dates(text, ctx.anchor, ctx.sentences, finder, _tense_from_parse(doc, ctx, partial), mentions)
    for p in period_finder_for(ctx.patterns).find(text):
        inside = [f for f in facts if f.start < p.end and p.start < f.end]
        if p.kind == "set" and inside and all(p.start <= f.start and f.end <= p.end for f in inside):
            facts = [f for f in facts if f not in inside]  # "each Thursday": the set, not the Thursday in it
        elif inside:
            continue  # "three years ago", "two days later": the date holds the period
        facts.append(DateFact(p.start, p.end, p.value, False, p.kind))
    facts.sort(key=lambda f: f.start)
    return [Found("date", f.start, f.end, {"value": f.value, "resolved": f.resolved, "kind": f.kind, "mod": f.mod})
            for f in facts]
