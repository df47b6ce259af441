"""Money: every sum with a currency, normalized (FACTS.md, money).

Finding is one regex built from the pattern tables (currencies, multipliers,
qualifiers, number words); normalizing turns the match into amount, range,
ISO 4217 code and qualifier. A figure without a currency is not money.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from .numbers import DIGITS, NumberGrammar, digits_value, grammar_for
from .pattern_files import Patterns, alternation


@dataclass
class MoneyMatch:
    start: int
    end: int
    amount: float
    amount_max: float | None
    currency: str | None
    qualifier: str | None


def _number(value: float) -> int | float:
    """Whole numbers as int, others rounded to cents' precision without float noise."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


class MoneyFinder:
    def __init__(self, patterns: Patterns):
        self.numbers: NumberGrammar = grammar_for(patterns)
        self.symbol_code: dict[str, str] = {}
        self.name_code: dict[str, str] = {}
        self.minor: dict[str, tuple[str, float]] = {}
        for row in patterns.rows("currencies"):
            for s in row.get("symbols", []):
                self.symbol_code.setdefault(s, row["code"])
            for n in row.get("names", []):
                self.name_code.setdefault(n.lower(), row["code"])
            for n in row.get("minor_names", []):
                self.minor.setdefault(n.lower(), (row["code"], float(row.get("minor_unit", 0.01))))
        self.qualifier_of = {r["phrase"].lower(): r["qualifier"] for r in patterns.rows("qualifiers")}
        before = alternation(r["phrase"] for r in patterns.rows("qualifiers") if r.get("position", "before") == "before")
        after = alternation(r["phrase"] for r in patterns.rows("qualifiers") if r.get("position") == "after")
        sym = alternation(self.symbol_code)
        name = alternation(self.name_code)
        minor = alternation(self.minor)
        fig = self.numbers.figure
        digits_fig = fig.split("|(?i:")[0] + ")"  # the digit alternative only: "$ten" is not written
        scale = self.numbers.scale
        minor_words = alternation(n for n in self.minor if len(n) > 1)
        minor_letters = alternation(n for n in self.minor if len(n) == 1)
        # A range joins two figures with "-" or "to", or "and" after "between". "from $55bn to $110bn"
        # is a change, two facts; "ranging from $5 to $10" is a range; "fell by $2m to $40m" is a
        # change and a new level, two facts.
        conn = r"(?:\s*[-–]\s*|(?(from)(?!)|(?(by)(?!)|\s+to\s+))|(?(between)\s+and\s+|(?!)))"
        # Symbols that may follow the amount ("2,50 €", "100€"): those that are not letters.
        after_sym = alternation(s for s in self.symbol_code if not regex.search(r"\p{L}", s))
        self.rx = regex.compile(
            rf"""
            (?<![\p{{L}}\d.,$])
            (?P<from>(?<=(?<!(?i:rang(?:e|es|ed|ing))\s)(?i:from)\s))?
            (?P<by>(?<=(?i:by)\s))?
            (?:(?P<qual>(?i:{before}))\s+)?
            (?P<between>(?i:between)\s+)?
            (?:
              (?P<neg>(?<![\p{{L}}\d])[-\u2212](?=\S))?(?P<sym>{sym})\s?(?P<f1>{digits_fig})
                (?:{conn}(?P<sym2>{sym})?\s?(?P<f2>{digits_fig}))?
                (?:\s+(?i:{name})(?![\p{{L}}]))?
            | (?P<w1>{fig})(?:{conn}(?P<w2>{fig}))?
                \s+(?:of\s+)?(?P<name>(?i:{name}))(?![\p{{L}}])
            | (?P<a1>{digits_fig})\s?(?P<sym_after>{after_sym})(?!\s?\d)
            | (?P<m1>{fig})(?:\s+(?P<minor>(?i:{minor_words}))|(?P<minor1>{minor_letters}))(?![\p{{L}}]|\.\p{{L}})
            | (?P<vague>(?i:(?:tens|hundreds)\s+of\s+)?(?i:{scale})\s+of\s+)(?P<vname>(?i:{name}))(?![\p{{L}}])
            )
            (?:\s+(?P<qual_after>(?i:{after}))(?![\p{{L}}]))?
            """,
            regex.VERBOSE,
        )

    def find(self, text: str) -> Iterator[MoneyMatch]:
        last_dollar = "USD"
        for m in self.rx.finditer(text):
            found = self._normalize(m, last_dollar)
            if found is None:
                continue
            sym = m.group("sym")
            if sym and sym != "$" and "$" in sym:
                last_dollar = self.symbol_code[sym]
            elif m.group("name") and "dollar" in m.group("name").lower():
                last_dollar = self.name_code[m.group("name").lower()]
            yield found

    def _normalize(self, m: regex.Match, last_dollar: str) -> MoneyMatch | None:
        qualifier = None
        if m.group("qual"):
            qualifier = self.qualifier_of.get(" ".join(m.group("qual").lower().split()))
        if m.group("qual_after"):
            qualifier = qualifier or self.qualifier_of.get(" ".join(m.group("qual_after").lower().split()))
        start, end = m.span()
        if m.group("sym"):
            sym = m.group("sym")
            code = last_dollar if sym == "$" else self.symbol_code[sym]
            lo = self.numbers.parse(m.group("f1"))
            hi = self.numbers.parse(m.group("f2")) if m.group("f2") else None
        elif m.group("sym_after"):
            sym = m.group("sym_after")
            code = last_dollar if sym == "$" else self.symbol_code[sym]
            lo, hi = self.numbers.parse(m.group("a1")), None
        elif m.group("name"):
            code = self.name_code[m.group("name").lower()]
            if m.group("name").lower() in ("dollars", "dollar"):
                code = last_dollar
            lo = self.numbers.parse(m.group("w1"))
            hi = self.numbers.parse(m.group("w2")) if m.group("w2") else None
        elif m.group("minor") or m.group("minor1"):
            code, unit = self.minor[(m.group("minor") or m.group("minor1")).lower()]
            lo, hi = self.numbers.parse(m.group("m1")), None
            lo = lo * unit if lo is not None else None
        else:
            code = self.name_code[m.group("vname").lower()]
            lo, hi = self.numbers.scales.get(m.group("vague").split()[-2].lower()), None
            qualifier = qualifier or "over"
        if lo is None:
            return None
        if hi is not None:
            f1, f2 = (m.group("f1"), m.group("f2")) if m.group("sym") else (m.group("w1"), m.group("w2"))
            lo, hi = self._spread_scale(lo, hi, f1, f2)
        if m.group("neg"):  # "-$5 million": a loss, a debt
            lo, hi = -lo, (-hi if hi is not None else None)
        return MoneyMatch(start, end, _number(lo), _number(hi) if hi is not None else None, code, qualifier)

    def _spread_scale(self, lo: float, hi: float, lo_text: str, hi_text: str) -> tuple[float, float]:
        """'$5-10 million': a bare bottom figure takes the top figure's scale."""
        bare = regex.fullmatch(DIGITS, lo_text.strip())
        top = regex.match(DIGITS, hi_text.strip())
        if bare and top:
            base = digits_value(top.group(0))
            if base and hi / base > 1:
                lo *= hi / base
        return lo, hi


@lru_cache(maxsize=8)
def finder_for(patterns: Patterns) -> MoneyFinder:
    return MoneyFinder(patterns)


def extract(doc, ctx) -> list:
    """The money facts of a spaCy Doc (component entry point)."""
    from .context import Found

    return [
        Found("money", m.start, m.end, {"amount": m.amount, "amount_max": m.amount_max,
                                        "currency": m.currency, "qualifier": m.qualifier})
        for m in finder_for(ctx.patterns).find(ctx.text)
    ]
