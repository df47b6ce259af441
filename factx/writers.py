"""One writer a format, looked up by name. JSON Lines, JSON and CSV stream result by result.

A writer takes `Result`s one at a time (`write`) and is closed once (`close`).
"""
from __future__ import annotations

import csv
import json
from typing import Callable, TextIO

from .facts import all_fields
from .pipeline import Result


class JsonLinesWriter:
    """One fact a line (FACTS.md section 1)."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, result: Result) -> None:
        for fact in result.facts:
            self.stream.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonWriter:
    """One array, an object a document: {"doc", "doc_date", "facts": [...]}; written as it goes."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.count = 0

    def write(self, result: Result) -> None:
        obj = {"doc": result.doc_id, "doc_date": result.doc_date.isoformat() if result.doc_date else None,
               "facts": [f.to_dict() for f in result.facts]}
        self.stream.write(("[\n" if self.count == 0 else ",\n") + json.dumps(obj, ensure_ascii=False, indent=1))
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class CsvWriter:
    """One row a fact: the common columns, then every type's fields (empty where they do not apply)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.columns = all_fields()
        self.writer = csv.DictWriter(stream, fieldnames=self.columns, lineterminator="\n")
        self.writer.writeheader()

    def write(self, result: Result) -> None:
        for fact in result.facts:
            row = fact.to_dict()
            self.writer.writerow({k: _csv_value(row.get(k)) for k in self.columns})

    def close(self) -> None:
        self.stream.flush()


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class TableWriter:
    """Rich tables, one a fact type, printed when the run ends (see views.py)."""

    def __init__(self, stream: TextIO, width: int | None = None, color: str = "auto"):
        self.stream = stream
        self.width = width
        self.color = color
        self.results: list[Result] = []

    def write(self, result: Result) -> None:
        self.results.append(result)

    def close(self) -> None:
        from .views import print_tables

        print_tables(self.results, self.stream, width=self.width, color=self.color)


WRITERS: dict[str, Callable[[TextIO], object]] = {
    "jsonl": JsonLinesWriter,
    "json": JsonWriter,
    "csv": CsvWriter,
    "table": TableWriter,
}

FORMAT_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".txt": "table"}


def writer_for(name: str, stream: TextIO):
    return WRITERS[name](stream)
