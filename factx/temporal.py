"""Resolving date mentions against the document date: pure functions, no spaCy.

`resolve(mention, anchor, context)` turns what the finder saw ("Thursday",
"last year", "November 23 to 27") into an ISO 8601 value and says whether the
anchor was needed. Finding and resolving are separate steps, as in Duckling.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass
class Mention:
    """What the finder saw. `kind` picks the fields that matter (see dates.py)."""

    kind: str
    start: int = 0
    end: int = 0
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year2: int | None = None
    month2: int | None = None
    day2: int | None = None
    weekday: int | None = None
    quarter: int | None = None
    unit: str | None = None
    offset: int = 0
    relative: str | None = None  # "last", "next", "this" before a weekday or month
    time: str | None = None  # "09:30"
    mod: str | None = None  # TimeML's START, MID, END: "early 2011", "the end of the year"
    part: str | None = None  # a part of the day: MO, AF, EV, NI ("Friday afternoon", "tonight")
    anaphoric: bool = False  # resolved against the date the text last gave ("the next day", "two days later")


@dataclass
class Context:
    """What the sentence and the document say around a mention."""

    future: bool = False  # the date's clause looks ahead ("will open on Monday")
    past: bool = False  # the date's clause tells of the past ("arrested both men in early August")
    sentence_year: int | None = None  # a year stated earlier in the sentence ("In 2019, ... on May 6")
    intervals: list[tuple[date, date]] = field(default_factory=list)  # the document's own day ranges
    reference: date | None = None  # the date the text last gave, for "the next day", "two days later"
    day_first: bool = False  # the document writes numeric dates day first ("25/12/2019")


def day_iso(d: date) -> str:
    return d.isoformat()


def month_iso(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def week_iso(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + k
    return total // 12, total % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def nearest_year_for(month: int, day: int | None, anchor: date, future: bool = False, past: bool = False) -> int:
    """The year that puts (month, day) nearest the anchor; ahead of it when the tense looks ahead,
    on or before it when the tense tells of the past."""
    best, best_gap = anchor.year, None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = _safe_date(y, month, day or 15)
        if d is None:  # 29 February in a common year
            continue
        if future and (d < anchor if day else (y, month) < (anchor.year, anchor.month)):
            continue
        if past and not future and (d > anchor if day else (y, month) > (anchor.year, anchor.month)):
            continue
        gap = abs((d - anchor).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def weekday_date(weekday: int, anchor: date, relative: str | None, context: Context) -> date:
    """'Thursday' is the nearest on or before the anchor, unless the text places it otherwise."""
    if relative == "last":
        back = (anchor.weekday() - weekday) % 7 or 7
        return anchor - timedelta(days=back)
    if relative == "next":
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    if relative != "this":
        for lo, hi in context.intervals:
            if (hi - lo).days <= 14 and lo <= anchor + timedelta(days=14):
                for k in range((hi - lo).days + 1):
                    d = lo + timedelta(days=k)
                    if d.weekday() == weekday:
                        return d
    if context.future or relative == "this" and weekday > anchor.weekday():
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def quarter_iso(y: int, q: int) -> str:
    return f"{y:04d}-Q{q}"


def resolve(m: Mention, anchor: date | None, context: Context | None = None) -> tuple[str, bool] | None:
    """(ISO value, resolved) for a mention, or None if it cannot be resolved (no anchor, no such day)."""
    return RESOLVERS[m.kind](m, anchor, context or Context())


def _day(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    if m.year is not None:
        d = _safe_date(m.year, m.month, m.day)
        return (day_iso(d) + (f"T{m.time}" if m.time else ""), False) if d else None
    if ctx.sentence_year is not None:
        d = _safe_date(ctx.sentence_year, m.month, m.day)
        return (day_iso(d), False) if d else None
    if anchor is None:
        return None
    d = _safe_date(nearest_year_for(m.month, m.day, anchor, ctx.future, ctx.past), m.month, m.day)
    return (day_iso(d), True) if d else None


def _day_range(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    resolved = m.year is None and ctx.sentence_year is None
    y = m.year if m.year is not None else ctx.sentence_year
    if y is None:
        if anchor is None:
            return None
        y = nearest_year_for(m.month, m.day, anchor, ctx.future, ctx.past)
    month2 = m.month2 or m.month
    y2 = y + 1 if month2 < m.month else y  # "December 28 to January 3" runs into the next year
    d1, d2 = _safe_date(y, m.month, m.day), _safe_date(y2, month2, m.day2)
    if d1 is None or d2 is None or d2 < d1:
        return None
    return f"{day_iso(d1)}/{day_iso(d2)}", resolved


def _month(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    if m.year is not None:
        return month_iso(m.year, m.month), False
    if anchor is None:
        return None
    if m.relative == "last":
        y = anchor.year if m.month < anchor.month else anchor.year - 1
    elif m.relative == "next":
        y = anchor.year if m.month > anchor.month else anchor.year + 1
    elif m.offset:  # "January next year", "June of last year"
        y = anchor.year + m.offset
    elif m.relative == "this":
        y = anchor.year
    elif ctx.sentence_year is not None:
        return month_iso(ctx.sentence_year, m.month), False
    else:
        y = nearest_year_for(m.month, None, anchor, ctx.future, ctx.past)
    return month_iso(y, m.month), True


def _month_range(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    if m.year is not None:
        y1, y2 = m.year, m.year2 if m.year2 is not None else m.year
    elif m.year2 is not None:  # "between December and April 2020"
        y1, y2 = (m.year2 if m.month <= m.month2 else m.year2 - 1), m.year2
    elif anchor is None:
        return None
    else:
        y1 = nearest_year_for(m.month, None, anchor, ctx.future)
        y2 = y1 if m.month2 >= m.month else y1 + 1
    return f"{month_iso(y1, m.month)}/{month_iso(y2, m.month2)}", m.year is None and m.year2 is None


def _quarter(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    if m.year is not None:
        return quarter_iso(m.year, m.quarter), False
    if anchor is None:
        return None
    if m.offset:
        return quarter_iso(anchor.year + m.offset, m.quarter), True
    best = min((anchor.year - 1, anchor.year, anchor.year + 1),
               key=lambda y: abs((date(y, 3 * m.quarter - 1, 15) - anchor).days))
    return quarter_iso(best, m.quarter), True


def _weekday(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    if anchor is None:
        return None
    return day_iso(weekday_date(m.weekday, anchor, m.relative, ctx)), True


def _relative_word(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    base = ctx.reference if m.anaphoric and ctx.reference else anchor
    if base is None:
        return None
    return _relative(m.unit, m.offset, base), True


def _month_week(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    """"The first week of April": the ISO week holding the month's first Thursday (its 4th day holds
    it), then the next ones; "the last week" holds the month's last Thursday."""
    if m.year is not None:
        y, resolved = m.year, False
    elif anchor is not None:
        y, resolved = nearest_year_for(m.month, None, anchor, ctx.future, ctx.past), True
    else:
        return None
    if m.quarter == -1:
        nxt = date(*add_months(y, m.month, 1), 1)
        day = nxt - timedelta(days=4)
    else:
        day = date(y, m.month, 4) + timedelta(weeks=m.quarter - 1)
    return week_iso(day), resolved


def _fiscal_year(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    """TimeML writes a fiscal year FY1998: "fiscal 1998", "this fiscal year"."""
    if m.year is not None:
        return f"FY{m.year:04d}", False
    return (f"FY{anchor.year + m.offset:04d}", True) if anchor else None


def _half(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    if m.year is not None:
        return f"{m.year:04d}-H{m.quarter}", False
    return (f"{anchor.year + m.offset:04d}-H{m.quarter}", True) if anchor else None


SEASON_MIDDLE = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}  # the month in the middle of each season


def _season(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    if m.year is not None:
        return f"{m.year:04d}-{m.unit}", False
    if anchor is None:
        return None
    month = SEASON_MIDDLE[m.unit]
    if m.relative == "this":
        y = anchor.year
    elif m.relative == "last":
        y = anchor.year if (month, 15) < (anchor.month - 1, anchor.day) else anchor.year - 1
    elif m.relative == "next":
        y = anchor.year if (month, 1) > (anchor.month + 1, anchor.day) else anchor.year + 1
    elif ctx.sentence_year is not None:
        return f"{ctx.sentence_year:04d}-{m.unit}", False
    else:
        y = nearest_year_for(month, None, anchor, ctx.future, ctx.past)
    return f"{y:04d}-{m.unit}", True


def _numeric(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    """7/8/07: month first, as US news writes it, unless the document writes day first or the
    first number cannot be a month."""
    month, day = m.month, m.day
    if ctx.day_first or month > 12:
        month, day = day, month
    d = _safe_date(m.year, month, day)
    return (day_iso(d), False) if d else None


def _clock(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    """A time of day on the day it names ("15:00 GMT Saturday"), else on the document date."""
    if anchor is None:
        return None
    day = weekday_date(m.weekday, anchor, None, ctx) if m.weekday is not None else anchor
    return f"{day_iso(day)}T{m.time}", True


def _ago(m: Mention, anchor: date | None, ctx: Context) -> tuple[str, bool] | None:
    if m.anaphoric and ctx.reference:
        anchor = ctx.reference
    if anchor is None:
        return None
    if m.unit == "year":
        return f"{anchor.year - m.offset:04d}", True
    if m.unit == "month":
        return month_iso(*add_months(anchor.year, anchor.month, -m.offset)), True
    if m.unit == "week":
        return week_iso(anchor - timedelta(weeks=m.offset)), True
    return day_iso(anchor - timedelta(days=m.offset)), True


RESOLVERS = {
    "day": _day,
    "day_range": _day_range,
    "month": _month,
    "month_range": _month_range,
    "year": lambda m, anchor, ctx: (f"{m.year:04d}", False),
    "year_range": lambda m, anchor, ctx: (f"{m.year:04d}/{m.year2:04d}", False),
    "quarter": _quarter,
    "weekday": _weekday,
    "relative": _relative_word,
    "ago": _ago,
    "half": _half,
    "month_week": _month_week,
    "fiscal_year": _fiscal_year,
    "season": _season,
    "numeric": _numeric,
    "clock": _clock,
    "part": lambda m, anchor, ctx: None,  # "the morning of": only with the day after it (dates.py joins them)
}


def _relative(unit: str, offset: int, anchor: date) -> str:
    if unit == "day":
        return day_iso(anchor + timedelta(days=offset))
    if unit == "week":
        return week_iso(anchor + timedelta(weeks=offset))
    if unit == "weekend":
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7 + 7 * offset)
        if anchor.weekday() == 6 and offset == 0:
            saturday = anchor - timedelta(days=1)
        return f"{day_iso(saturday)}/{day_iso(saturday + timedelta(days=1))}"
    if unit == "month":
        return month_iso(*add_months(anchor.year, anchor.month, offset))
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + offset
        return quarter_iso(anchor.year + q // 4, q % 4 + 1)
    return f"{anchor.year + offset:04d}"
