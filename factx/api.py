"""The Python API: `extract` one text, `extract_many` a stream of them."""
from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator

from .documents import Document
from .facts import Fact
from .pipeline import Extractor, Result, cached_extractor


def _extractor(model: str | None, types, patterns: Iterable[str]) -> Extractor:
    return cached_extractor((model, tuple(types) if types else None, None, tuple(patterns)))


def _as_date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def extract(text: str, anchor_date: date | str | None = None, types: Iterable[str] | None = None, *,
            model: str | None = None, patterns: Iterable[str] = (), doc_id: str = "-") -> list[Fact]:
    """The facts of one text. `anchor_date` resolves relative dates (default: the text's own date)."""
    return next(extract_many([Document(doc_id, text, _as_date(anchor_date))], types=types, model=model,
                             patterns=patterns)).facts


def extract_many(documents: Iterable[str | Document], anchor_date: date | str | None = None,
                 types: Iterable[str] | None = None, *, model: str | None = None,
                 patterns: Iterable[str] = ()) -> Iterator[Result]:
    """A `Result` (doc_id, doc_date, facts) for each text or Document, in order, streaming."""
    anchor = _as_date(anchor_date)
    from .component import parse_types

    chosen = parse_types(list(types)) if types is not None else None
    extractor = _extractor(model, chosen, patterns)

    def docs() -> Iterator[Document]:
        for n, item in enumerate(documents):
            if isinstance(item, Document):
                yield Document(item.id, item.text, anchor or item.date, list(item.warnings))
            else:
                yield Document(str(n), item, anchor)

    yield from extractor.process(docs())
