"""factx on Dask: a bag of records or a Dask DataFrame in, facts out; and the CLI's run on a cluster.

    import dask.bag as db
    from factx.dask import extract
    facts = extract(db.read_text("articles.jsonl").map(json.loads))   # a bag of fact dicts
    facts = extract(ddf, text="text", id="id", date="date")           # a Dask DataFrame of facts

Each worker process loads the spaCy pipeline once (`pipeline.cached_extractor` keeps one a
process; threads of a worker take turns with it) and streams its partitions through it. A
DataFrame result has the columns of `rows.COLUMNS` (the FACTS.md fields, typed, and `error`);
a bag result holds the same rows as dicts. A document that cannot be processed gives one row
with its `doc` and an `error`, and the others keep their facts.

`run_on_scheduler` is `factx extract --scheduler tcp://host:8786`: the same batches `--jobs`
makes, sent to an existing cluster, the results written in input order.
Needs the extra: pip install 'factx[dask]'.
"""
from __future__ import annotations

from collections import deque
from typing import Any, Iterable, Iterator

from .documents import Document, Problem
from .errors import EngineError, UsageProblem, engine_missing
from .rows import as_frame, documents_to_rows, settings_of

def _dask():
    try:
        import dask  # noqa: F401
        import dask.bag  # noqa: F401
    except ImportError as exc:
        raise engine_missing("Dask", "dask", exc) from None
    return dask


def _frame_to_facts(frame, text: str, id: str, date: str | None, settings: tuple):  # noqa: A002
    dates = frame[date] if date is not None else [None] * len(frame)
    return as_frame(list(documents_to_rows(zip(frame[id], frame[text], dates), settings)))


def _records_to_facts(records: Iterable[dict], text: str, id: str, date: str | None,  # noqa: A002
                      settings: tuple) -> list[dict]:
    triples = ((r.get(id), r.get(text), r.get(date) if date else None) for r in records)
    return list(documents_to_rows(triples, settings))


def extract(data, text: str = "text", id: str = "id", date: str | None = None,  # noqa: A002
            types: Iterable[str] | str | None = None, *, model: str | None = None, patterns: Iterable[str] = ()):
    """Facts from a Dask bag of document records (dicts) or a Dask DataFrame of documents.

    `text`, `id` and `date` name the fields or columns, as in `factx.spark.extract`. A bag gives
    a bag of fact rows (dicts), a DataFrame a DataFrame; both lazy, computed where they run."""
    _dask()
    import dask.bag as db

    settings = settings_of(model, types, patterns)
    if isinstance(data, db.Bag):
        return data.map_partitions(_records_to_facts, text, id, date, settings)
    try:
        import dask.dataframe as dd
    except ImportError as exc:
        raise engine_missing("Dask DataFrame", "dask", exc) from None
    if not isinstance(data, dd.DataFrame):
        raise UsageProblem(f"factx.dask.extract takes a dask Bag or DataFrame, not {type(data).__name__}")
    missing = [c for c in (text, id, date) if c is not None and c not in data.columns]
    if missing:
        raise UsageProblem(f"no column {missing[0]!r} in the DataFrame (its columns: {', '.join(data.columns)})")
    return data.map_partitions(_frame_to_facts, text, id, date, settings, meta=as_frame([]))


# --- the CLI's run on an existing cluster ----------------------------------------------------


def connect(address: str):
    """A client of the Dask scheduler at `address`; an EngineError naming it where it cannot be reached."""
    _dask()
    try:
        from distributed import Client
    except ImportError as exc:
        raise engine_missing("Dask distributed", "dask", exc) from None
    try:
        return Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise EngineError(f"could not reach the Dask scheduler at {address}: {exc}") from None


def _remote_batch(settings: tuple, batch: list[Document]) -> list:
    from .pipeline import cached_extractor, process_batch
    from .rows import PIPELINE_LOCK

    with PIPELINE_LOCK:
        return process_batch(cached_extractor(settings), batch)


def run_on_scheduler(items: Iterable[Document | Problem], client, settings: tuple,
                     batch_size: int = 8) -> Iterator[Any]:
    """Results and Problems in input order, the batches computed on the cluster of `client`
    (`connect`), which is closed at the end. At most four batches a worker are in flight, so
    memory stays bounded on a long run."""
    from .pipeline import batches

    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window: deque = deque()

        def finished(batch, future):
            results = iter(future.result())
            for item in batch:
                yield next(results) if isinstance(item, Document) else item

        for batch in batches(items, batch_size):
            docs = [d for d in batch if isinstance(d, Document)]
            window.append((batch, client.submit(_remote_batch, settings, docs, pure=False)))
            if len(window) >= 4 * workers:
                yield from finished(*window.popleft())
        while window:
            yield from finished(*window.popleft())
    finally:
        client.close()
