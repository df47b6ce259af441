"""TimeML in and out: read a `.tml` document, write factx's dates as TIMEX3s, and score them
with TempEval-3's measures, so that factx can be run and measured on any TimeML corpus
(TimeBank, AQUAINT, TempEval-3; `bench/timeml.py` does it for a folder).

- `read_tml(text)`: the document's plain text (the TEXT element, tags removed, entities decoded),
  its creation time (the DCT's TIMEX3 value) and its TIMEX3s with offsets into that text.
- `to_timex3(fact)`: a date fact's TIMEX3 type, value and mod. FACTS.md keeps decades and
  centuries as intervals (`1980/1989`); TimeML writes them `198` and `19`. A range of days or
  years is written as its first value (TimeML has one value a TIMEX3), a weekend as `YYYY-Www-WE`.
- `write_tml(name, text, dct, facts)`: a TimeML document with the facts as inline TIMEX3s.
- `score(pairs)`: strict and relaxed span precision, recall and F1, and value and type F1
  (a value or type is right on a relaxed match whose value or type is equal), over documents.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

KIND_TO_TYPE = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET", "reference": "DATE"}
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass
class TimemlDoc:
    name: str
    text: str
    dct: str | None  # the creation time's value, e.g. "1998-02-13T14:35:00"
    timexes: list[Timex] = field(default_factory=list)

    @property
    def dct_date(self) -> date | None:
        if self.dct and re.match(r"\d{4}-\d{2}-\d{2}", self.dct):
            return date.fromisoformat(self.dct[:10])
        return None


def read_tml(source: str, name: str = "") -> TimemlDoc:
    """Parse a TimeML document (its text as a str)."""
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", source)
    dct = dict(_ATTR.findall(dct_match.group(1))).get("value") if dct_match else None
    body = re.search(r"<TEXT>(.*?)</TEXT>", source, re.S)
    inner = body.group(1) if body else source
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict]] = []
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG.finditer(inner):
        chunk = _decode(inner[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, tag, attrs, selfclosing = m.group(1), m.group(2), m.group(3), m.group(4)
        if tag != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, a = open_timex.pop()
            timexes.append(Timex(start, length, "", a.get("type", ""), a.get("value", ""), a.get("mod")))
    chunk = _decode(inner[pos:])
    out.append(chunk)
    text = "".join(out)
    for t in timexes:
        t.text = text[t.start:t.end]
    timexes.sort(key=lambda t: t.start)
    return TimemlDoc(name, text, dct, timexes)


def _decode(chunk: str) -> str:
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), chunk)


def to_timex3(value: str, kind: str, mod: str | None = None) -> tuple[str, str, str | None]:
    """(TIMEX3 type, value, mod) for a factx date fact's value, kind and mod."""
    timex_type = KIND_TO_TYPE.get(kind, "DATE")
    if kind in ("date", "time") and "/" in value:
        a, b = value.split("/", 1)
        if re.fullmatch(r"\d{4}", a) and re.fullmatch(r"\d{4}", b):
            y1, y2 = int(a), int(b)
            if y1 % 10 == 0 and y2 == y1 + 9:
                return timex_type, a[:3], mod  # a decade: 1980/1989 is 198
            if y1 % 100 == 0 and y2 == y1 + 99:
                return timex_type, a[:2], mod  # a century: 1900/1999 is 19
            return timex_type, a, mod
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", a) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", b):
            d1, d2 = date.fromisoformat(a), date.fromisoformat(b)
            if d1.weekday() == 5 and (d2 - d1).days == 1:  # a weekend
                y, w, _ = d1.isocalendar()
                return timex_type, f"{y:04d}-W{w:02d}-WE", mod
        return timex_type, a, mod
    return timex_type, value, mod


def write_tml(name: str, text: str, dct: str | None, facts: Iterable) -> str:
    """A TimeML document holding `text`, with each date fact (a Fact or a FACTS.md dict) as a TIMEX3."""
    spans = []
    for f in facts:
        d = f if isinstance(f, dict) else f.to_dict()
        if d.get("type", "date") == "date":
            spans.append(d)
    spans.sort(key=lambda d: (d["start"], -d["end"]))
    parts, pos, n = [], 0, 0
    for d in spans:
        if d["start"] < pos:
            continue  # TimeML does not nest TIMEX3s
        timex_type, value, mod = to_timex3(d["value"], d.get("kind") or "date", d.get("mod"))
        n += 1
        attrs = f'tid="t{n}" type="{timex_type}" value={quoteattr(value)}'
        if mod:
            attrs += f' mod="{mod}"'
        parts.append(escape(text[pos:d["start"]]))
        parts.append(f"<TIMEX3 {attrs}>{escape(text[d['start']:d['end']])}</TIMEX3>")
        pos = d["end"]
    parts.append(escape(text[pos:]))
    dct_xml = (f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} functionInDocument="CREATION_TIME">'
               f"{escape(dct)}</TIMEX3></DCT>\n") if dct else ""
    return (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{escape(name)}</DOCID>\n{dct_xml}'
            f"<TEXT>{''.join(parts)}</TEXT>\n</TimeML>\n")


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    strict: int = 0  # predicted TIMEX3s whose span equals a gold one's
    relaxed: int = 0  # predicted TIMEX3s paired with an overlapping gold one
    value: int = 0  # relaxed pairs with the same value
    type: int = 0  # relaxed pairs with the same type

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def add(self, other: "Scores") -> None:
        for name in ("gold", "predicted", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score_document(gold: list[Timex], predicted: list[Timex]) -> Scores:
    """TempEval-3's matching for one document: each gold TIMEX3 pairs with at most one predicted
    one, exact spans first, then the largest overlap."""
    s = Scores(gold=len(gold), predicted=len(predicted))
    free = list(range(len(gold)))
    pairs = []
    for p in predicted:
        exact = [i for i in free if gold[i].start == p.start and gold[i].end == p.end]
        if exact:
            i = exact[0]
            s.strict += 1
        else:
            overlapping = [i for i in free if gold[i].start < p.end and p.start < gold[i].end]
            if not overlapping:
                continue
            i = max(overlapping, key=lambda k: min(gold[k].end, p.end) - max(gold[k].start, p.start))
        free.remove(i)
        pairs.append((gold[i], p))
    s.relaxed = len(pairs)
    s.value = sum(g.value == p.value for g, p in pairs)
    s.type = sum(g.type == p.type for g, p in pairs)
    return s


def score(documents: Iterable[tuple[list[Timex], list[Timex]]]) -> Scores:
    total = Scores()
    for gold, predicted in documents:
        total.add(score_document(gold, predicted))
    return total


def timexes_of(facts: Iterable) -> list[Timex]:
    """factx's date facts as TIMEX3s (spans, TimeML type and value)."""
    out = []
    for f in facts:
        d = f if isinstance(f, dict) else f.to_dict()
        if d.get("type", "date") != "date":
            continue
        timex_type, value, mod = to_timex3(d["value"], d.get("kind") or "date", d.get("mod"))
        out.append(Timex(d["start"], d["end"], d["text"], timex_type, value, mod))
    return out
