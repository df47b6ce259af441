"""The Fact record and its JSON form (the contract in FACTS.md, section 1)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FACT_TYPES: tuple[str, ...] = ("money", "date", "attendance", "quote")

#: The fields of each type, in output order, after the common ones.
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "money": ("amount", "amount_max", "currency", "qualifier"),
    "date": ("value", "resolved", "kind", "mod"),  # kind: date, time, duration, set, reference; mod: START, MID, END
    "attendance": ("count", "count_max", "qualifier", "attendees", "status"),
    "quote": ("speaker", "role", "quote", "kind", "cue"),
}

COMMON_FIELDS: tuple[str, ...] = ("doc", "type", "text", "start", "end", "sentence")


def all_fields() -> list[str]:
    """Every column a CSV row can have: the common ones, then each type's."""
    cols = list(COMMON_FIELDS)
    for names in TYPE_FIELDS.values():
        cols.extend(n for n in names if n not in cols)
    return cols


@dataclass
class Fact:
    """One extracted fact. `text == document[start:end]` in the original text."""

    type: str
    text: str
    start: int
    end: int
    sentence: str
    values: dict[str, Any] = field(default_factory=dict)
    doc: str = "-"

    def __getattr__(self, name: str) -> Any:
        # Type-specific fields read as attributes: fact.amount, fact.speaker ...
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        raise AttributeError(name)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc": self.doc,
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }
        for name in TYPE_FIELDS[self.type]:
            out[name] = self.values.get(name)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Fact":
        return cls(
            type=data["type"],
            text=data["text"],
            start=data["start"],
            end=data["end"],
            sentence=data.get("sentence", ""),
            values={k: data.get(k) for k in TYPE_FIELDS[data["type"]]},
            doc=data.get("doc", "-"),
        )
