"""The `factx` spaCy component: `nlp.add_pipe("factx")`.

Registered through the `spacy_factories` entry point, so any English pipeline
can add it without importing factx first. It runs the extractors named in
`types` and stores their facts in `doc._.facts` (Fact records, offsets into
`doc.text`) and in `doc.spans["factx"]` (labelled by type).
"""
from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from . import attendance, dates, money, quotes
from .context import ExtractionContext, Found
from .dateline import find_document_date
from .errors import FactxError
from .facts import FACT_TYPES, Fact
from .pattern_files import Patterns, load_patterns

SPAN_KEY = "factx"

#: One extractor a fact type, run in this order (later ones see earlier results).
EXTRACTORS: dict[str, Callable[[Doc, ExtractionContext], list[Found]]] = {
    "money": money.extract,
    "date": dates.extract,
    "attendance": attendance.extract,
    "quote": quotes.extract,
}

#: Extractors whose results another one reads: quotes skip time expressions, attendance skips sums and dates.
DEPENDS_ON: dict[str, tuple[str, ...]] = {"quote": ("date",), "attendance": ("money", "date")}

for _name, _default in (("facts", None), ("factx_anchor", None), ("doc_date", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def parse_types(types: list[str] | tuple[str, ...] | str | None) -> tuple[str, ...]:
    if types is None:
        return FACT_TYPES
    if isinstance(types, str):
        types = [t.strip() for t in types.split(",") if t.strip()]
    unknown = [t for t in types if t not in FACT_TYPES]
    if unknown:
        raise FactxError(f"unknown fact type {unknown[0]!r}: choose from {', '.join(FACT_TYPES)}")
    return tuple(t for t in FACT_TYPES if t in types)


def split_at_line_breaks(doc: Doc) -> None:
    """A line break ends a sentence: headlines, datelines and paragraphs never run together."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            if not token.is_space:
                token.is_sent_start = True


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(doc.text))]


class FactxComponent:
    def __init__(self, nlp: Language, name: str, types: list[str] | None, anchor_date: str | None,
                 patterns: list[str] | None):
        self.name = name
        self.types = parse_types(types)
        needed = set(self.types) | {d for t in self.types for d in DEPENDS_ON.get(t, ())}
        self.run_types = tuple(t for t in EXTRACTORS if t in needed)  # what runs; `types` is what is output
        self.anchor_date = date.fromisoformat(anchor_date) if anchor_date else None
        self.pattern_dirs = tuple(patterns or ())
        self.patterns: Patterns = load_patterns(self.pattern_dirs)

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.factx_anchor or self.anchor_date
        split_at_line_breaks(doc)
        text = doc.text
        doc_date = find_document_date(text, self.patterns)
        doc._.doc_date = anchor or doc_date
        ctx = ExtractionContext(self.patterns, anchor or doc_date, text, sentence_offsets(doc))
        facts: list[Fact] = []
        for kind in self.run_types:
            ctx.found[kind] = EXTRACTORS[kind](doc, ctx)
        starts = [s for s, _ in ctx.sentences]
        for kind in self.types:
            for f in ctx.found[kind]:
                facts.append(Fact(f.type, text[f.start:f.end], f.start, f.end, self._sentence(ctx, starts, f),
                                  f.values))
        facts.sort(key=lambda f: (f.start, FACT_TYPES.index(f.type), f.end))
        doc._.facts = facts
        spans = []
        for f in facts:
            span = doc.char_span(f.start, f.end, label=f.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc

    @staticmethod
    def _sentence(ctx: ExtractionContext, starts: list[int], f: Found) -> str:
        """The sentence(s) holding the evidence, whitespace folded."""
        i = max(bisect_right(starts, f.start) - 1, 0)
        j = max(bisect_right(starts, max(f.end - 1, f.start)) - 1, i)
        first, last = ctx.sentences[i][0], ctx.sentences[j][1]
        return " ".join(ctx.text[min(first, f.start):max(last, f.end)].split())


@Language.factory(
    "factx",
    default_config={"types": None, "anchor_date": None, "patterns": None},
)
def make_factx(nlp: Language, name: str, types: list[str] | None, anchor_date: str | None,
               patterns: list[str] | None) -> FactxComponent:
    return FactxComponent(nlp, name, types, anchor_date, patterns)
