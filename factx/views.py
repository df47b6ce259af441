"""What analysts look at: the fact tables and an article with its facts highlighted."""
from __future__ import annotations

from typing import Iterable, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .facts import FACT_TYPES, Fact

COLOURS = {"money": "green", "date": "cyan", "attendance": "magenta", "quote": "yellow"}
TITLES = {"money": "Money", "date": "Dates", "attendance": "Attendance", "quote": "Quotes"}


def format_amount(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def money_cell(f: Fact) -> str:
    amount = format_amount(f.amount)
    if f.amount_max is not None:
        amount += f"–{format_amount(f.amount_max)}"
    return f"{amount} {f.currency or '?'}"


QUALIFIER_WORDS = {"approx": "about", "over": "over", "under": "under", "at_least": "at least", "up_to": "up to"}


def _columns(kind: str) -> list[tuple[str, dict]]:
    wrap = {"overflow": "fold"}
    return {
        "money": [("Doc", {"ratio": 2, **wrap}), ("Amount", {"ratio": 3, "justify": "right"}),
                  ("Qualifier", {"ratio": 1}), ("Evidence", {"ratio": 3, **wrap}), ("Sentence", {"ratio": 6, **wrap})],
        "date": [("Doc", {"ratio": 2, **wrap}), ("Value", {"ratio": 3}), ("Resolved", {"ratio": 1}),
                 ("Evidence", {"ratio": 3, **wrap}), ("Sentence", {"ratio": 6, **wrap})],
        "attendance": [("Doc", {"ratio": 2, **wrap}), ("Count", {"ratio": 2, "justify": "right"}),
                       ("Qualifier", {"ratio": 1}), ("Attendees", {"ratio": 4, **wrap}), ("Status", {"ratio": 1}),
                       ("Sentence", {"ratio": 5, **wrap})],
        "quote": [("Doc", {"ratio": 2, **wrap}), ("Speaker", {"ratio": 2, **wrap}), ("Role", {"ratio": 3, **wrap}),
                  ("Quote", {"ratio": 6, **wrap}), ("Kind", {"ratio": 1}), ("Cue", {"ratio": 1, **wrap})],
    }[kind]


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _row(kind: str, f: Fact, doc_name: str) -> list[str]:
    qualifier = QUALIFIER_WORDS.get(f.values.get("qualifier") or "", "")
    sentence = shorten(f.sentence, 220)
    if kind == "money":
        return [doc_name, money_cell(f), qualifier, f.text, sentence]
    if kind == "date":
        return [doc_name, f.value, "yes" if f.resolved else "", f.text, sentence]
    if kind == "attendance":
        return [doc_name, f"{f.count:,}", qualifier, f.attendees, f.status, sentence]
    return [doc_name, f.speaker, f.role or "", shorten(f.quote, 300), f.kind, f.cue or ""]


def fact_table(kind: str, facts: Iterable[Fact]) -> Table:
    table = Table(title=TITLES[kind], title_style=f"bold {COLOURS[kind]}", expand=True, show_lines=False,
                  header_style="bold")
    for name, opts in _columns(kind):
        table.add_column(name, **opts)
    for f in facts:
        table.add_row(*_row(kind, f, _short_doc(f.doc)))
    return table


def _short_doc(doc_id: str) -> str:
    return doc_id.rsplit("/", 1)[-1]


def print_tables(results, stream: TextIO, width: int | None = None) -> None:
    console = Console(file=stream, width=width, highlight=False)
    facts = [f for r in results for f in r.facts]
    if not facts:
        console.print(f"No facts found in {len(results)} document(s).")
        return
    for kind in FACT_TYPES:
        of_kind = [f for f in facts if f.type == kind]
        if of_kind:
            console.print(fact_table(kind, of_kind))
    counts = ", ".join(f"{sum(f.type == k for f in facts)} {k}" for k in FACT_TYPES)
    console.print(f"[dim]{len(facts)} facts ({counts}) in {len(results)} document(s)[/dim]")


def highlighted_text(text: str, facts: list[Fact]) -> Text:
    """The article with each fact's evidence in its type's colour (outer spans win where they nest)."""
    out = Text(text)
    for f in sorted(facts, key=lambda f: (f.end - f.start), reverse=True):
        out.stylize(f"bold {COLOURS[f.type]}" if f.type != "quote" else "italic yellow", f.start, f.end)
    return out


def legend() -> Text:
    out = Text("Legend: ")
    for kind in FACT_TYPES:
        out.append(f" {kind} ", style=f"reverse {COLOURS[kind]}")
        out.append(" ")
    return out
