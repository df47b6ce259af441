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
from .cleaning import clean
from .context import ExtractionContext, Found
from .dateline import find_document_date
from .errors import FactxError, ModelError, UsageProblem
from .facts import FACT_TYPES, Fact
from .parsing import SentenceParses
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

#: What the token-level extractors read from earlier components: (what, the `assigns` that give it).
NEEDS: dict[str, tuple[tuple[str, str], ...]] = {
    "attendance": (("part-of-speech tags (a 'tagger')", "token.tag"),
                   ("a dependency parse (a 'parser', enabled or disabled)", "token.dep")),
    "quote": (("part-of-speech tags (a 'tagger')", "token.tag"), ("named entities (an 'ner')", "doc.ents")),
}


def _set_extensions() -> None:
    """doc._ holds only plain values (str, int, lists, dicts), so Docs serialize (DocBin,
    to_bytes, nlp.pipe(n_process=2)); `facts` and `doc_date` read them back as objects."""
    plain = {"factx_facts": None, "factx_doc_date": None, "factx_anchor": None, "factx_errors": None}
    for name, default in plain.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("facts"):
        Doc.set_extension("facts", getter=lambda doc: [Fact.from_dict(d) for d in doc._.factx_facts or ()])
    if not Doc.has_extension("doc_date"):
        Doc.set_extension("doc_date", getter=lambda doc: date.fromisoformat(doc._.factx_doc_date)
                          if doc._.factx_doc_date else None)


_set_extensions()


def parse_types(types: list[str] | tuple[str, ...] | str | None) -> tuple[str, ...]:
    if types is None:
        return FACT_TYPES
    if isinstance(types, str):
        types = [t.strip() for t in types.split(",") if t.strip()]
    unknown = [t for t in types if t not in FACT_TYPES]
    if unknown:
        raise UsageProblem(f"unknown fact type {unknown[0]!r}: choose from {', '.join(FACT_TYPES)}")
    return tuple(t for t in FACT_TYPES if t in types)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds of the sentences factx works in: the Doc's own sentences where a component
    set them (parser, senter, sentencizer), else ends at '.', '!' and '?'; and a line break always
    ends one (headlines, datelines and paragraphs never run together). The Doc is not changed."""
    n = len(doc)
    if n == 0:
        return []
    if doc.has_annotation("SENT_START"):
        starts = {s.start for s in doc.sents}
    else:
        starts = {0} | {t.i + 1 for t in doc[:-1] if t.text in (".", "!", "?", "...")
                        and not doc[t.i + 1].is_punct}
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)) and not token.is_space:
            starts.add(token.i)
    ordered = sorted(starts)
    return list(zip(ordered, ordered[1:] + [n]))


def _char_bounds(doc: Doc, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in bounds] or [(0, len(doc.text))]


def _assigned(nlp: Language) -> set[str]:
    out: set[str] = set()
    for name in nlp.component_names:
        out.update(nlp.get_pipe_meta(name).assigns)
    return out


def check_pipeline(nlp: Language, types: tuple[str, ...]) -> None:
    """Fail at `add_pipe`, naming what is missing, where the pipeline cannot give a type its input."""
    assigned = _assigned(nlp)
    for kind in types:
        missing = [what for what, key in NEEDS.get(kind, ()) if key not in assigned]
        if missing:
            raise ModelError(f"factx: {kind} facts need {' and '.join(missing)} before factx in the pipeline; "
                             f"use a trained pipeline such as en_core_web_sm, or choose other types "
                             f"(money and date need neither)")


class FactxComponent:
    def __init__(self, nlp: Language, name: str, types: list[str] | None, anchor_date: str | None,
                 patterns: list[str] | None):
        self.name = name
        self.nlp = nlp
        self.types = parse_types(types)
        needed = set(self.types) | {d for t in self.types for d in DEPENDS_ON.get(t, ())}
        self.run_types = tuple(t for t in EXTRACTORS if t in needed)  # what runs; `types` is what is output
        check_pipeline(nlp, self.run_types)
        self.anchor_date = _as_date(anchor_date)
        self.pattern_dirs = tuple(patterns or ())
        self.patterns: Patterns = load_patterns(self.pattern_dirs)

    def _parser(self):
        """The pipeline's parser, for sentences to parse on demand (None where there is none)."""
        return self.nlp.get_pipe("parser") if "parser" in self.nlp.component_names else None

    def __call__(self, doc: Doc) -> Doc:
        """Facts into doc._ and doc.spans. Where the text needs cleaning (odd spaces, sentences glued
        as in "ASEAN.Djauhari", see cleaning.py), the components before factx run again on a
        cleaned copy, so that the facts are those the CLI finds; offsets map back to `doc.text`."""
        anchor = _as_date(doc._.factx_anchor) or self.anchor_date
        original = doc.text
        cleaned = clean(original)
        work = doc if cleaned.text == original else self._reprocessed(cleaned.text)
        text = work.text
        doc_date = find_document_date(text, self.patterns)
        doc._.factx_doc_date = (anchor or doc_date).isoformat() if (anchor or doc_date) else None
        bounds = sentence_bounds(work)
        ctx = ExtractionContext(self.patterns, anchor or doc_date, text, _char_bounds(work, bounds), bounds)
        ctx.parses = SentenceParses(work, bounds, self._parser())
        errors: list[str] = []
        for kind in self.run_types:
            try:
                ctx.found[kind] = EXTRACTORS[kind](work, ctx)
            except Exception as exc:  # noqa: BLE001 -- one type failing keeps the document's other facts
                ctx.found[kind] = []
                errors.append(f"{kind} extraction failed ({type(exc).__name__}: {exc}); its facts are missing")
        starts = [s for s, _ in ctx.sentences]
        facts: list[Fact] = []
        for kind in self.types:
            for f in ctx.found[kind]:
                start, end = cleaned.to_original(f.start), cleaned.to_original(f.end)
                facts.append(Fact(f.type, original[start:end], start, end, self._sentence(ctx, starts, f),
                                  f.values))
        facts.sort(key=lambda f: (f.start, FACT_TYPES.index(f.type), f.end))
        doc._.factx_facts = [f.to_dict() for f in facts]
        doc._.factx_errors = errors or None
        spans = []
        for f in facts:
            span = doc.char_span(f.start, f.end, label=f.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc

    def _reprocessed(self, text: str) -> Doc:
        """`text` through the pipeline's components that come before factx."""
        work = self.nlp.make_doc(text)
        for _, proc in self.nlp.pipeline:
            if proc is self:
                break
            work = proc(work)
        return work

    @staticmethod
    def _sentence(ctx: ExtractionContext, starts: list[int], f: Found) -> str:
        """The sentence(s) holding the evidence, whitespace folded."""
        i = max(bisect_right(starts, f.start) - 1, 0)
        j = max(bisect_right(starts, max(f.end - 1, f.start)) - 1, i)
        first, last = ctx.sentences[i][0], ctx.sentences[j][1]
        return " ".join(ctx.text[min(first, f.start):max(last, f.end)].split())


def _as_date(value) -> date | None:
    """A date from a date, an ISO string or None (the component's config and doc._.factx_anchor)."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise FactxError(f"anchor date {value!r} is not a date in YYYY-MM-DD form") from None


@Language.factory(
    "factx",
    default_config={"types": None, "anchor_date": None, "patterns": None},
)
def make_factx(nlp: Language, name: str, types: list[str] | None, anchor_date: str | None,
               patterns: list[str] | None) -> FactxComponent:
    return FactxComponent(nlp, name, types, anchor_date, patterns)
