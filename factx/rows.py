"""Facts as typed rows, one row a fact: the table form that Spark and Dask return.

Every FACTS.md field is a column (`facts.all_fields()`, in that order), type-specific fields
null where they do not apply, plus `error`: null on a fact, and on the one row a document
that could not be processed gives (its `doc` set, every other field null), so that a failed
document is reported by id and never takes the others with it.

`documents_to_rows` is what runs inside an engine's worker: it takes the worker's part of
the input, loads the pipeline once per process (`pipeline.cached_extractor`), and streams
the part through it in batches.
"""
from __future__ import annotations

import threading
from datetime import date
from typing import Any, Iterable, Iterator

from .documents import Document, Problem, as_date
from .errors import FactxError
from .facts import all_fields

#: Column -> type name ("string", "long", "double", "boolean"), in output order.
COLUMNS: dict[str, str] = {}
for _name in [*all_fields(), "error"]:
    COLUMNS[_name] = {"start": "long", "end": "long", "count": "long", "count_max": "long",
                      "amount": "double", "amount_max": "double", "resolved": "boolean"}.get(_name, "string")

PANDAS_TYPES = {"string": "object", "long": "Int64", "double": "float64", "boolean": "boolean"}
BATCH = 32
PIPELINE_LOCK = threading.Lock()  # one pipeline a process; threads of a Dask worker take turns with it


def settings_of(model: str | None, types, patterns: Iterable[str]) -> tuple:
    """The settings tuple `pipeline.cached_extractor` keys its pipelines by."""
    from .api import types_argument

    chosen = types_argument(types)
    return (model, tuple(chosen) if chosen else None, None, tuple(patterns))


def _document(doc_id: Any, text: Any, day: Any) -> Document | Problem:
    doc_id = "" if doc_id is None else str(doc_id)
    if not isinstance(text, str):
        return Problem(doc_id, f"could not be processed: its text is {type(text).__name__}, not a string")
    try:
        return Document(doc_id, text, as_date(as_date_text(day), "its date"))
    except FactxError as exc:
        return Problem(doc_id, f"could not be processed: {exc}")


def error_row(doc_id: str, message: str) -> dict[str, Any]:
    row = dict.fromkeys(COLUMNS)
    row["doc"], row["error"] = doc_id, message
    return row


def documents_to_rows(records: Iterable[tuple[Any, Any, Any]], settings: tuple) -> Iterator[dict[str, Any]]:
    """(id, text, date) records -> one row a fact, and an error row for each document that failed."""
    from .pipeline import batches, cached_extractor, process_batch

    with PIPELINE_LOCK:
        extractor = cached_extractor(settings)
    for batch in batches((_document(*r) for r in records), BATCH):
        with PIPELINE_LOCK:
            results = iter(process_batch(extractor, [d for d in batch if isinstance(d, Document)]))
        for item in batch:
            result = next(results) if isinstance(item, Document) else item
            if isinstance(result, Problem):
                yield error_row(result.source, result.message)
                continue
            for fact in result.facts:
                row = dict.fromkeys(COLUMNS)
                row.update(fact.to_dict())
                row["doc"] = result.doc_id
                yield row
            for message in result.errors:
                yield error_row(result.doc_id, message)


def sort_key(row: dict[str, Any]) -> tuple:
    """(doc, start, type): the order in which two runs' facts compare byte for byte."""
    return (row.get("doc") or "", row.get("start") if row.get("start") is not None else -1, row.get("type") or "")


def as_date_text(value: Any) -> str | None:
    """A date column's value as YYYY-MM-DD (engines hand over dates, timestamps or strings)."""
    try:
        missing = value is None or bool(value != value)  # None, NaN, NaT
    except TypeError:  # pandas' NA has no truth value
        missing = True
    if missing:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    return str(value)[:10]


def as_frame(rows: list[dict[str, Any]]):
    """Rows as a pandas DataFrame with the columns and types of `COLUMNS` (nullable integers and
    booleans, so that a null stays a null), as Spark's `mapInPandas` and Dask's partitions take them."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype({name: PANDAS_TYPES[kind] for name, kind in COLUMNS.items()})
