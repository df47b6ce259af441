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
    short = {"no_wrap": True}
    return {
        "money": [("Amount", {"justify": "right", "min_width": 19, "overflow": "fold"}), ("Qualifier", {"min_width": 8, **short}),
                  ("Evidence", {"ratio": 3, **wrap}), ("Sentence", {"ratio": 6, **wrap})],
        "date": [("Value", {"min_width": 10, **short}), ("Resolved", {"min_width": 8, **short}),
                 ("Evidence", {"ratio": 3, **wrap}), ("Sentence", {"ratio": 6, **wrap})],
        "attendance": [("Count", {"justify": "right", "min_width": 7, **short}), ("Qualifier", {"min_width": 8, **short}),
                       ("Attendees", {"ratio": 4, **wrap}), ("Status", {"min_width": 8, **short}),
                       ("Sentence", {"ratio": 5, **wrap})],
        "quote": [("Speaker", {"ratio": 2, **wrap}), ("Role", {"ratio": 3, **wrap}), ("Quote", {"ratio": 6, **wrap}),
                  ("Kind", {"min_width": 8, **short}), ("Cue", {"no_wrap": True, "max_width": 14, "overflow": "ellipsis"})],
    }[kind]


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _row(kind: str, f: Fact) -> list[str]:
    qualifier = QUALIFIER_WORDS.get(f.values.get("qualifier") or "", "")
    sentence = shorten(f.sentence, 220)
    if kind == "money":
        return [money_cell(f), qualifier, f.text, sentence]
    if kind == "date":
        return [f.value, "yes" if f.resolved else "", f.text, sentence]
    if kind == "attendance":
        return [f"{f.count:,}", qualifier, f.attendees, f.status, sentence]
    return [f.speaker, f.role or "", shorten(f.quote, 300), f.kind, f.cue or ""]


def fact_table(kind: str, facts: Iterable[Fact], with_doc: bool = False, title: str | None = None) -> Table:
    """One table of one fact type; `with_doc` adds a first column naming each fact's document."""
    table = Table(title=title or TITLES[kind], title_style=f"bold {COLOURS[kind]}", expand=True,
                  header_style="bold")
    if with_doc:
        table.add_column("Doc", ratio=2, overflow="fold")
    for name, opts in _columns(kind):
        table.add_column(name, **opts)
    for f in facts:
        table.add_row(*([_short_doc(f.doc)] if with_doc else []), *_row(kind, f))
    return table


def _short_doc(doc_id: str) -> str:
    return doc_id.rsplit("/", 1)[-1]


class PipeConsole(Console):
    """Rich ends the process with status 1 when the reader of a pipe leaves (`| head`); factx
    treats that as the end of the reading, as every other output does (cli.handle_errors)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def console_for(stream: TextIO, width: int | None = None, color: str = "auto") -> Console:
    """A Rich console on `stream`; `color` is auto (colour on a terminal), always or never."""
    if color == "always":
        return PipeConsole(file=stream, width=width or (None if stream.isatty() else 100), highlight=False,
                           force_terminal=True)
    if color == "never":
        return PipeConsole(file=stream, width=width, highlight=False, no_color=True, color_system=None)
    return PipeConsole(file=stream, width=width, highlight=False)


def print_tables(results, stream: TextIO, width: int | None = None, color: str = "auto") -> None:
    """One table a fact type. Wide terminals get a Doc column; narrow ones a table per document."""
    console = console_for(stream, width, color)
    facts = [f for r in results for f in r.facts]
    if not facts:
        console.print(f"No facts found in {len(results)} document(s).")
        return
    many = len({f.doc for f in facts}) > 1
    if many and console.width < 120:
        for result in results:
            for kind in FACT_TYPES:
                of_kind = [f for f in result.facts if f.type == kind]
                if of_kind:
                    console.print(fact_table(kind, of_kind, title=f"{TITLES[kind]} · {_short_doc(result.doc_id)}"))
    else:
        for kind in FACT_TYPES:
            of_kind = [f for f in facts if f.type == kind]
            if of_kind:
                console.print(fact_table(kind, of_kind, with_doc=many))
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
