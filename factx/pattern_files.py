"""Rule data: the JSON Lines files in `patterns/`, checked against a schema.

Each file holds one table; its name says which (`currencies.jsonl`, `cues.jsonl`,
...). Every line is one JSON object (blank lines and lines starting with `//`
are skipped). Unknown keys, missing keys, wrong types, bad regexes and bad spaCy
Matcher patterns are errors that name the file and line. User directories
(`--patterns DIR`) add records to the shipped tables; a file whose name is not a
known table is an error.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import regex

from .errors import PatternError

QUALIFIERS = ("approx", "over", "under", "at_least", "up_to")
STATUSES = ("actual", "expected", "invited")

# field name -> type spec; a trailing "?" marks an optional field.
SCHEMAS: dict[str, dict[str, Any]] = {
    "currencies": {"code": "str", "symbols": "list[str]?", "names": "list[str]?",
                   "minor_names": "list[str]?", "minor_unit": "number?", "note": "str?"},
    "multipliers": {"word": "str", "value": "number", "forms": "list[str]?",
                    "abbreviation": "bool?"},
    "number_words": {"word": "str", "value": "number"},
    "qualifiers": {"phrase": "str", "qualifier": QUALIFIERS, "position": ("before", "after", "?")},
    "months": {"number": "int", "names": "list[str]"},
    "weekdays": {"number": "int", "names": "list[str]"},
    "date_words": {"phrase": "str", "unit": ("day", "week", "weekend", "month", "year", "quarter"),
                   "offset": "int", "anaphoric": "bool?", "part": ("MO", "AF", "EV", "NI", "?")},
    "non_dates": {"regex": "regex", "note": "str?"},
    "duration_units": {"word": "str", "unit": ("Y", "M", "W", "D", "H", "MIN", "S"), "size": "number?"},
    "set_words": {"phrase": "str", "value": "str"},
    "reference_words": {"phrase": "str", "value": ("PRESENT_REF", "PAST_REF", "FUTURE_REF")},
    "scheduling_verbs": {"verb": "str"},
    "attendee_nouns": {"noun": "str", "alone": "bool?"},
    "non_attendee_nouns": {"noun": "str"},
    "non_attendance_verbs": {"verb": "str", "note": "str?"},
    "attendance_verbs": {"phrase": "str", "status": STATUSES,
                         "position": ("after_count", "before_count")},
    "cues": {"phrase": "str?", "pattern": "matcher?", "kind": ("verb", "source", "noun")},
    "titles": {"word": "str"},
    "honorifics": {"word": "str", "gender": ("m", "f", "?")},
    "speaker_nouns": {"noun": "str", "kind": ("speaker", "organisation", "document", "data", "audience", "?"),
                      "company": "bool?"},
    "institution_words": {"word": "str"},
}


@dataclass
class Record:
    """One pattern record and where it came from."""

    table: str
    data: dict[str, Any]
    source: str  # "file:line"


@dataclass(eq=False)  # hashed by identity: loaded once, cached
class Patterns:
    """All loaded tables, each a list of records, plus the directories they came from."""

    tables: dict[str, list[Record]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def rows(self, table: str) -> list[dict[str, Any]]:
        return [r.data for r in self.tables.get(table, [])]

    def fingerprint(self) -> tuple:
        """A hashable key: same fingerprint, same compiled rules."""
        return tuple(self.sources)


def shipped_dir() -> Path:
    return Path(str(resources.files("factx.patterns")))


def _check_type(spec: Any, value: Any) -> str | None:
    """Return a problem with `value` against `spec`, or None."""
    if isinstance(spec, tuple):
        choices = [c for c in spec if c != "?"]
        return None if value in choices else f"must be one of {', '.join(choices)}, not {value!r}"
    spec = spec.rstrip("?")
    if spec == "str":
        return None if isinstance(value, str) and value.strip() else "must be a non-empty string"
    if spec == "int":
        return None if isinstance(value, int) and not isinstance(value, bool) else "must be an integer"
    if spec == "number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok else "must be a number"
    if spec == "bool":
        return None if isinstance(value, bool) else "must be true or false"
    if spec == "list[str]":
        ok = isinstance(value, list) and all(isinstance(v, str) and v for v in value)
        return None if ok else "must be a list of non-empty strings"
    if spec == "regex":
        if not isinstance(value, str):
            return "must be a regular expression string"
        try:
            regex.compile(value)
        except regex.error as exc:
            return f"bad regex: {exc}"
        return None
    if spec == "matcher":
        return _check_matcher_pattern(value)
    raise ValueError(spec)


def _check_matcher_pattern(value: Any) -> str | None:
    if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
        return "bad Matcher pattern: must be a non-empty list of token objects"
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    try:
        Matcher(Vocab(), validate=True).add("check", [value])
    except Exception as exc:  # spaCy raises ValueError/MatchPatternError with a long text
        first = " ".join(str(exc).split())[:200]
        return f"bad Matcher pattern: {first}"
    return None


def _optional(spec: Any) -> bool:
    return (isinstance(spec, tuple) and "?" in spec) or (isinstance(spec, str) and spec.endswith("?"))


def check_record(table: str, data: Any) -> list[str]:
    """Problems with one record of `table` (empty when it is valid)."""
    if not isinstance(data, dict):
        return ["each line must be a JSON object"]
    schema = SCHEMAS[table]
    problems = [f"unknown key {k!r} (known: {', '.join(schema)})" for k in data if k not in schema]
    for name, spec in schema.items():
        if name not in data:
            if not _optional(spec):
                problems.append(f"missing key {name!r}")
            continue
        problem = _check_type(spec, data[name])
        if problem:
            problems.append(f"{name}: {problem}")
    if table == "cues" and not problems and ("phrase" in data) == ("pattern" in data):
        problems.append("give exactly one of 'phrase' or 'pattern'")
    return problems


def read_file(path: Path) -> tuple[list[Record], list[str]]:
    """Read one pattern file: its records and every problem, as `file:line: problem`."""
    table = path.name.removesuffix(".jsonl")
    if table not in SCHEMAS:
        return [], [f"{path}: unknown pattern table {table!r} (known: {', '.join(SCHEMAS)})"]
    records, problems = [], []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot read: {exc}"]
    for n, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("//"):
            continue
        where = f"{path}:{n}"
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        found = check_record(table, data)
        problems.extend(f"{where}: {p}" for p in found)
        if not found:
            records.append(Record(table, data, where))
    return records, problems


def check_dir(directory: Path) -> tuple[list[Record], list[str]]:
    """Validate every `*.jsonl` file of a directory."""
    if not directory.is_dir():
        return [], [f"{directory}: not a directory"]
    records, problems = [], []
    files = sorted(directory.glob("*.jsonl"))
    if not files:
        problems.append(f"{directory}: no *.jsonl pattern files")
    for path in files:
        recs, probs = read_file(path)
        records.extend(recs)
        problems.extend(probs)
    return records, problems


@lru_cache(maxsize=8)
def load_patterns(extra_dirs: tuple[str, ...] = ()) -> Patterns:
    """The shipped tables plus those of `extra_dirs`; raises PatternError listing every problem."""
    dirs = [shipped_dir(), *(Path(d) for d in extra_dirs)]
    patterns = Patterns(tables={name: [] for name in SCHEMAS})
    problems: list[str] = []
    for directory in dirs:
        records, probs = check_dir(directory)
        problems.extend(probs)
        for rec in records:
            patterns.tables[rec.table].append(rec)
        patterns.sources.append(str(directory))
    if problems:
        raise PatternError(problems)
    return patterns


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of literal strings, longest first; spaces match any run of spaces."""
    escaped = [regex.escape(s).replace(r"\ ", r"\s+") for s in sorted(set(items), key=lambda s: (-len(s), s))]
    return "(?:" + "|".join(escaped) + ")" if escaped else "(?!)"
