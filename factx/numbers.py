"""Numbers as news text writes them: "29.99 billion", "1,000", "two dozen", "half a billion".

Shared by money and attendance. `NumberGrammar` builds, from the pattern tables
`number_words` and `multipliers`, the regex pieces that find a figure and the
function that turns the matched text into a number.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .pattern_files import Patterns, alternation

# Thousands with commas ("1,000.5"); a decimal comma ("2,50", "3,5", "1.234,56": one or two digits
# after the comma, where three would be thousands); plain digits with a decimal point.
DIGITS = (r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+,\d{2}(?![,.]?\d)"
          r"|\d+,\d{1,2}(?![,.]?\d)|\d+(?:\.\d+)?|\.\d+)")
_DECIMAL_COMMA = regex.compile(r"(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})")


def digits_value(text: str) -> float:
    """The value of digits matched by DIGITS: '1,000' is 1000, '2,50' is 2.5, '1.234,56' is 1234.56."""
    m = _DECIMAL_COMMA.fullmatch(text)
    if m:
        return float(m.group(1).replace(".", "") + "." + m.group(2))
    return float(text.replace(",", ""))


class NumberGrammar:
    def __init__(self, patterns: Patterns):
        self.words = {r["word"].lower(): float(r["value"]) for r in patterns.rows("number_words")}
        self.scales: dict[str, float] = {}
        self.abbrevs: dict[str, float] = {}
        for r in patterns.rows("multipliers"):
            target = self.abbrevs if r.get("abbreviation") else self.scales
            for form in [r["word"], *r.get("forms", [])]:
                target[form if r.get("abbreviation") else form.lower()] = float(r["value"])
        units = [w for w in self.words if w not in ("a", "an", "half", "quarter", "dozen", "hundred")]
        word_num = alternation(units)
        self.scale = alternation(self.scales)
        # "twenty-five", "two hundred", "a dozen", "two dozen", "a million" (the article only before a scale)
        self.word_number = (
            rf"(?:{word_num}(?:[-\s]{word_num})?(?:\s+(?:hundred|dozen))?|(?:a|an)\s+(?:hundred|dozen)"
            rf"|half\s+a|a\s+half|a\s+quarter|an?(?=\s+{self.scale}))"
        )
        self.abbrev = alternation(self.abbrevs)
        # A figure: digits or words, then optional scale ("million") or glued abbreviation ("bn").
        self.figure = (
            rf"(?:{DIGITS}(?:\s*{self.abbrev}(?![\p{{L}}\d])|(?:\s+|-){self.scale}(?:\s+{self.scale})?)?"
            rf"|(?i:{self.word_number})(?:\s+{self.scale})?)"
        )

    def parse(self, text: str) -> float | None:
        """The value of a figure matched by `self.figure`; None if it is not a number."""
        t = " ".join(text.replace("-", " ").split())
        if not t:
            return None
        m = regex.match(DIGITS, t)
        if m:
            value = digits_value(m.group(0))
            rest = t[m.end():].strip()
        else:
            value, rest = self._words(t)
            if value is None:
                return None
        for part in rest.split():
            if part in self.abbrevs:
                value *= self.abbrevs[part]
            elif part.lower() in self.scales:
                value *= self.scales[part.lower()]
            elif part.lower() in self.words and part.lower() in ("dozen", "hundred"):
                value *= self.words[part.lower()]
            else:
                break
        return value

    def _words(self, t: str) -> tuple[float | None, str]:
        parts = t.lower().split()
        total, i, got = 0.0, 0, False
        while i < len(parts):
            w = parts[i]
            if w in ("half", "quarter") and i + 1 < len(parts) and parts[i + 1] in ("a", "an"):
                total, got, i = self.words[w], True, i + 2
                break
            if w in ("a", "an") and i + 1 < len(parts) and parts[i + 1] in ("half", "quarter"):
                total, got, i = 1 + self.words[parts[i + 1]] if got else self.words[parts[i + 1]], True, i + 2
                break
            if w in ("hundred", "dozen"):
                total = (total or 1) * self.words[w]
                got = True
            elif w in self.words and w not in ("half", "quarter"):
                total += self.words[w]
                got = True
            else:
                break
            i += 1
        return (total if got else None), " ".join(parts[i:])


@lru_cache(maxsize=8)
def grammar_for(patterns: Patterns) -> NumberGrammar:
    return NumberGrammar(patterns)
