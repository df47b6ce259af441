"""Totals an analyst asks first: money per currency, a timeline of dates, the largest crowds, who speaks most."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

import regex

from .facts import Fact


@dataclass
class Summary:
    documents: int = 0
    facts: Counter = field(default_factory=Counter)
    # currency -> {count, total, largest, evidence, doc}; conversions and parts of a whole are left out (counted_money)
    money: dict[str, dict[str, Any]] = field(default_factory=dict)
    timeline: Counter = field(default_factory=Counter)  # YYYY-MM -> mentions
    attendance: list[Fact] = field(default_factory=list)  # largest first
    speakers: Counter = field(default_factory=Counter)
    roles: dict[str, str] = field(default_factory=dict)

    def to_dict(self, top: int = 10) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "facts": dict(self.facts),
            "money": self.money,
            "timeline": dict(sorted(self.timeline.items())),
            "largest_attendance": [{"doc": f.doc, "count": f.count, "qualifier": f.qualifier,
                                    "attendees": f.attendees, "status": f.status} for f in self.attendance[:top]],
            "top_speakers": [{"speaker": s, "role": self.roles.get(s), "quotes": n}
                             for s, n in self.speakers.most_common(top)],
        }


def month_of(value: str) -> str | None:
    """The month a date value falls in, if it names one ('2023-11-23' -> '2023-11'; '2023' -> None)."""
    first = value.split("/")[0].split("T")[0]
    if len(first) >= 7 and first[4] == "-" and first[5:7].isdigit():
        return first[:7]
    return None


# "2 trillion yuan ($282 billion)", "2 trillion yuan, or about $282 billion": the second is the first converted.
_CONVERSION = regex.compile(r"\s*(?:\(|,?\s+or\s+|\s*/\s*)\s*$", regex.I)
# "$5 billion, including $2 billion for roads": the second is part of the first.
_PART = regex.compile(r"\b(?:including|includes|of which|of that|of it|out of which|among them)\b", regex.I)


def counted_money(facts: list[Fact], text: str) -> list[Fact]:
    """The money facts a sum should add: not a conversion of the amount just before it, and not a
    part of a larger amount of the same currency given earlier in the same sentence."""
    money = [f for f in facts if f.type == "money" and f.currency]
    kept = []
    for n, f in enumerate(money):
        prev = money[n - 1] if n else None
        if prev is not None and prev.currency != f.currency and _CONVERSION.fullmatch(text[prev.end:f.start]):
            continue
        if any(w.currency == f.currency and w.sentence == f.sentence and w.end <= f.start and w.amount > f.amount
               and _PART.search(text[w.end:f.start]) for w in money[:n]):
            continue
        kept.append(f)
    return kept


def summarize(results: Iterable) -> Summary:
    s = Summary()
    money: dict[str, dict[str, Any]] = defaultdict(lambda: {"count": 0, "total": 0, "largest": None,
                                                            "evidence": None, "doc": None})
    for result in results:
        s.documents += 1
        counted = {id(f) for f in counted_money(result.facts, result.text)}
        for f in result.facts:
            s.facts[f.type] += 1
            if f.type == "money" and id(f) in counted:
                m = money[f.currency]
                m["count"] += 1
                m["total"] += f.amount
                if m["largest"] is None or f.amount > m["largest"]:
                    m["largest"], m["evidence"], m["doc"] = f.amount, f.text, f.doc
            elif f.type == "date":
                month = month_of(f.value)
                if month:
                    s.timeline[month] += 1
            elif f.type == "attendance":
                s.attendance.append(f)
            elif f.type == "quote":
                s.speakers[f.speaker] += 1
                if f.role and f.speaker not in s.roles:
                    s.roles[f.speaker] = f.role
    s.money = dict(sorted(money.items(), key=lambda kv: -kv[1]["count"]))
    s.attendance.sort(key=lambda f: -f.count)
    return s
