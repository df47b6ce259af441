"""factx on Spark: a DataFrame of documents in, a DataFrame of facts out.

    from factx.spark import extract
    facts = extract(spark.read.json("articles.jsonl"), text="text", id="id", date="date")
    facts.write.parquet("facts.parquet")

Built on `mapInPandas`: each executor's Python worker loads the spaCy pipeline once (Spark
reuses its Python workers, and `pipeline.cached_extractor` keeps one pipeline a process) and
streams its partitions through it in batches; nothing is collected on the driver. The result
has `SCHEMA`: the FACTS.md fields as typed columns (null where a field is not the fact's
type's), `doc` from the id column, and `error` (null on facts; set on the one row a document
that could not be processed gives). Needs the extra: pip install 'factx[spark]'.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from .errors import UsageProblem, engine_missing
from .rows import COLUMNS, as_frame, documents_to_rows, settings_of

_SPARK_TYPES = {"string": "StringType", "long": "LongType", "double": "DoubleType", "boolean": "BooleanType"}


def _spark():
    try:
        import pyspark.sql.types as types  # noqa: F401
    except ImportError as exc:
        raise engine_missing("Spark (pyspark)", "spark", exc) from None
    return types


def schema():
    """The Spark schema of the facts DataFrame (a StructType), one field a column of `rows.COLUMNS`."""
    types = _spark()
    return types.StructType([types.StructField(name, getattr(types, _SPARK_TYPES[kind])(), True)
                             for name, kind in COLUMNS.items()])


def partition_to_facts(settings: tuple, has_date: bool):
    """The function each executor runs over its partition: pandas frames of (id, text[, date])
    in, pandas frames of facts out, one per input frame."""

    def run(frames: Iterator[Any]) -> Iterator[Any]:
        for frame in frames:
            dates = frame["date"] if has_date else [None] * len(frame)
            records = zip(frame["id"], frame["text"], dates)
            yield as_frame(list(documents_to_rows(records, settings)))

    return run


def extract(df, text: str = "text", id: str = "id", date: str | None = None,  # noqa: A002 (the column's name)
            types: Iterable[str] | str | None = None, *, model: str | None = None,
            patterns: Iterable[str] = ()):
    """A DataFrame of facts (schema `SCHEMA`) from a DataFrame of documents.

    `text`, `id` and `date` name the columns: the text, its id (becomes `doc`), and an optional
    document date (a date, a timestamp or a 'YYYY-MM-DD' string) that relative dates resolve
    against. `types`, `model` and `patterns` are `factx.extract`'s."""
    _spark()
    missing = [c for c in (text, id, date) if c is not None and c not in df.columns]
    if missing:
        raise UsageProblem(f"no column {missing[0]!r} in the DataFrame (its columns: {', '.join(df.columns)})")
    settings = settings_of(model, types, patterns)
    columns = [df[id].cast("string").alias("id"), df[text].alias("text")]
    if date is not None:
        columns.append(df[date].cast("string").alias("date"))
    return df.select(*columns).mapInPandas(partition_to_facts(settings, date is not None), schema=schema())


def __getattr__(name: str):
    if name == "SCHEMA":  # built on first use, so that importing factx.spark needs no pyspark
        return schema()
    raise AttributeError(name)
