"""Durations, sets and references: the date facts that are not a point on the calendar.

TimeML's kinds (FACTS.md, date `kind`), each found here and valued without the document date:
- **duration**, an amount of time: "three years" `P3Y`, "a decade" `P10Y`, "24 hours" `PT24H`,
  "the past three years" `P3Y`, "a four-day event" `P4D`, "the next few months" `PXM`, "for years"
  `PXY`, a race time "3:07:35" `PT3H7M35S`; not an age ("a 45-year-old", "45 years old");
- **set**, a regular repetition: "every week" `P1W`, "each Thursday" `XXXX-WXX-4`, "annually"
  `P1Y`, "every morning" `XXXX-XX-XXTMO`, "twice a year" `P1Y`;
- **reference**, the present, past or future without a date: "now", "currently" `PRESENT_REF`;
  "the past", "at the time" `PAST_REF`; "the future" `FUTURE_REF`.
Units, set words and reference words are pattern tables (duration_units, set_words,
reference_words). Dates that hold a number of units ("three years ago", "two days later") are
the calendar finder's (dates.py); where the two overlap, the date wins.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .numbers import grammar_for
from .pattern_files import Patterns, alternation

TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}  # after the T of an ISO 8601 duration
# Words before "a year", "an hour" that make it a length of time ("for a year", "within an hour").
SPAN_WORDS = regex.compile(r"(?i)\b(?:for|over|within|in|about|around|nearly|almost|than|after|spent|took|takes|"
                           r"lasted|lasting|last|lasts|half|least|most|only|just|barely)\s+$")


@dataclass
class Period:
    start: int
    end: int
    value: str
    kind: str  # duration, set or reference


JOINED = regex.compile(r"\s*(?:,|,?\s+and)?\s*")
_PART = regex.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")


def join_durations(a: str, b: str) -> str:
    """P1Y + P6M = P1Y6M; PT2H + PT1M = PT2H1M (the parts of one duration written in a row)."""
    date_parts, time_parts = [], []
    for value in (a, b):
        head, _, time = value[1:].partition("T")
        date_parts += _PART.findall(head)
        time_parts += _PART.findall(time)
    text = "P" + "".join(n + u for n, u in date_parts)
    return text + ("T" + "".join(n + u for n, u in time_parts) if time_parts else "")


_ORDER = ["Y", "M", "W", "D", "TH", "TM", "TS"]


def _units(value: str) -> list[str]:
    head, _, time = value[1:].partition("T")
    return [u for _, u in _PART.findall(head)] + ["T" + u for _, u in _PART.findall(time)]


def _descending(a: str, b: str) -> bool:
    """Do b's units all come after a's ("2 hours 1 minute"), so that the two are one duration?"""
    ua, ub = _units(a), _units(b)
    return bool(ua and ub) and _ORDER.index(ua[-1]) < _ORDER.index(ub[0])


def _sentence_start(text: str, i: int) -> bool:
    before = text[:i].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"


def duration_value(count: float | None, unit: str, size: float = 1) -> str:
    """ISO 8601 / TimeML: P3Y, P1.5Y, PT24H, PT30M; PX<unit> for an unstated count."""
    if count is None:
        n = "X"
    else:
        total = count * size
        n = str(int(total)) if float(total).is_integer() else f"{total:g}"
    if unit in TIME_UNITS:
        return f"PT{n}{TIME_UNITS[unit]}"
    return f"P{n}{unit}"


class PeriodFinder:
    def __init__(self, patterns: Patterns):
        self.units = {r["word"].lower(): (r["unit"], float(r.get("size", 1))) for r in patterns.rows("duration_units")}
        self.set_words = {" ".join(r["phrase"].lower().split()): r["value"] for r in patterns.rows("set_words")}
        self.references = {" ".join(r["phrase"].lower().split()): r["value"] for r in patterns.rows("reference_words")}
        self.weekdays = {n.lower().rstrip("."): r["number"] for r in patterns.rows("weekdays") for n in r["names"]}
        self.numbers = grammar_for(patterns)
        UNIT = alternation(self.units)
        SINGULAR = alternation(w for w in self.units if not w.endswith("s") or w.endswith("ss"))
        WD = alternation(n for r in patterns.rows("weekdays") for n in r["names"] if len(n) > 3)
        NUM = rf"(?:\d+(?:\.\d+)?|{self.numbers.word_number}|one)"
        NOT_AGE = r"(?![-\s](?i:old|olds|of\s+age)\b)(?!-(?i:year|month|week|day)-old)"
        AFTER = r"(?![-\s]*(?i:ago|earlier|later|from\s+now|old)\b)"  # "a month after X" is a duration; "later" a date
        END = r"(?![\p{L}\d])"
        self.rx = regex.compile(
            rf"""
            (?<![\p{{L}}\d:])(?:
              (?P<hms>(?P<h>\d{{1,2}}):(?P<m>[0-5]\d):(?P<s>[0-5]\d))(?![\d:])
            | (?P<every>(?i:every|each)\s+(?:(?P<every_other>other)\s+)?(?:(?P<every_wd>{WD})|(?P<every_u>{SINGULAR})))s?{END}
            | (?P<times>(?i:once|twice|(?:{NUM})\s+times)\s+(?i:a|an|per)\s+(?P<times_u>{SINGULAR})){END}
            | (?P<setw>(?i:{alternation(self.set_words)})){END}
            | (?P<dur>(?i:(?P<dur_dir>the\s+(?:past|last|next|coming|previous|following|first|final|last)\s+)?
                  (?:(?P<dur_vague>few|several|many|some|couple\s+of)\s+|(?P<dur_n>{NUM}|an?)(?P<dur_half>\s+and\s+a\s+half)?[-\s]+))
                  (?P<dur_u>(?i:{UNIT}))(?P<dur_half2>\s+(?i:and\s+a\s+half))?{NOT_AGE}{AFTER}(?:-(?i:long))?){END}
            | (?P<bare>(?P<bare_dir>(?i:the\s+(?:past|last|next|coming|previous|following)\s+))(?P<bare_u>(?i:{SINGULAR}))){END}{AFTER}
            | (?<=(?i:\b(?:for|over|in\s+recent|took|take|takes|lasted|last)\s+))(?P<plural>(?i:years|months|weeks|days|decades|hours)){END}{AFTER}
            | (?P<ref>(?i:{alternation(self.references)})){END}(?<!(?i:past|future)(?=\s+(?i:{NUM}|few|several|many|couple|{UNIT})\b))
            )
            """,
            regex.VERBOSE,
        )

    def find(self, text: str) -> list[Period]:
        out: list[Period] = []
        for m in self.rx.finditer(text):
            if m.group("setw") or m.group("ref"):
                word = m.group()
                if word[:1].isupper() and not _sentence_start(text, m.start()):
                    continue  # "the Daily Mail", "Current Biology": a name, not a time
            period = self._period(m)
            if period is None:
                continue
            prev = out[-1] if out else None
            if prev is not None and prev.kind == period.kind == "duration" and "X" not in prev.value + period.value \
                    and JOINED.fullmatch(text[prev.end:period.start]) and _descending(prev.value, period.value):
                out[-1] = Period(prev.start, period.end, join_durations(prev.value, period.value), "duration")
                continue  # "2 hours 1 minute 39 seconds": one duration
            out.append(period)
        return out

    def _unit(self, word: str) -> tuple[str, float]:
        return self.units[word.lower()]

    def _period(self, m: regex.Match) -> Period | None:
        g = m.group
        s, e = m.span()
        if g("hms"):  # "3:07:35": a race or a flight time
            h, mi, sec = int(g("h")), int(g("m")), int(g("s"))
            parts = "".join(f"{v}{u}" for v, u in ((h, "H"), (mi, "M"), (sec, "S")) if v)
            return Period(s, e, f"PT{parts or '0S'}", "duration")
        if g("every"):
            if g("every_wd"):
                iso_day = self.weekdays[g("every_wd").lower().rstrip(".")] + 1  # ISO 8601: Monday is 1
                return Period(s, e, f"XXXX-WXX-{iso_day}", "set")
            unit, size = self._unit(g("every_u"))
            return Period(s, e, duration_value(2 if g("every_other") else 1, unit, size), "set")
        if g("times"):
            unit, size = self._unit(g("times_u"))
            return Period(s, e, duration_value(1, unit, size), "set")
        if g("setw"):
            return Period(s, e, self.set_words[" ".join(g("setw").lower().split())], "set")
        if g("ref"):
            return Period(s, e, self.references[" ".join(g("ref").lower().split())], "reference")
        if g("dur"):
            unit, size = self._unit(g("dur_u"))
            if g("dur_vague"):
                return Period(s, e, duration_value(None, unit, size), "duration")
            word = g("dur_n").lower()
            if word in ("a", "an", "one") and not g("dur_dir") and not m.group().lower().endswith("-long") \
                    and not SPAN_WORDS.search(m.string[max(0, s - 25):s]) and size < 10 \
                    and not regex.match(r"\s+(?:of|longer|shorter|later|earlier|more|less)\b", m.string[e:e + 9]):
                return None  # "a day" in "twice a day" or "$5 a day", "one day" (some day): no duration
            count = 1.0 if word in ("a", "an", "one") else self.numbers.parse(g("dur_n"))
            if count is None or count <= 0:
                return None
            if g("dur_half") or g("dur_half2"):
                count += 0.5
            return Period(s, e, duration_value(count, unit, size), "duration")
        if g("bare"):  # "the past week": one of the unit, back from now
            if g("bare_dir").split()[-1].lower() == "last" and g("bare_u").lower() in ("day", "night"):
                return None  # "the last night" of a convention: its final night, not a length of time
            unit, size = self._unit(g("bare_u"))
            return Period(s, e, duration_value(1, unit, size), "duration")
        if g("plural"):  # "for years": an unstated count
            unit, size = self._unit(g("plural"))
            return Period(s, e, duration_value(None, unit, size), "duration")
        return None


@lru_cache(maxsize=8)
def period_finder_for(patterns: Patterns) -> PeriodFinder:
    return PeriodFinder(patterns)
