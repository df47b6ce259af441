"""TimeML in and out: the reader's offsets, the writer's TIMEX3 values, TempEval-3's measures, and
the benchmark script on the hand-annotated documents in tests/data/timeml/ (written for these tests)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, python

from factx.timeml import Timex, read_tml, score, score_document, timexes_of, to_timex3, write_tml

DATA = Path(__file__).parent / "data" / "timeml"

SMALL = ('<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="2019-03-14" '
         'functionInDocument="CREATION_TIME">x</TIMEX3></DCT>\n<TEXT>Fish &amp; chips cost more '
         '<TIMEX3 tid="t1" type="DATE" value="PRESENT_REF">now</TIMEX3> than <TIMEX3 tid="t2" type="DATE" '
         'value="196">in the 1960s</TIMEX3>.</TEXT>\n</TimeML>\n')


def test_reader_gives_text_offsets_and_the_creation_time():
    doc = read_tml(SMALL)
    assert doc.text == "Fish & chips cost more now than in the 1960s."
    assert doc.dct == "2019-03-14" and str(doc.dct_date) == "2019-03-14"
    assert [(doc.text[t.start:t.end], t.type, t.value) for t in doc.timexes] == [
        ("now", "DATE", "PRESENT_REF"), ("in the 1960s", "DATE", "196")]


@pytest.mark.parametrize("path", sorted(DATA.glob("*.tml")), ids=lambda p: p.name)
def test_reader_offsets_hold_on_every_test_document(path):
    doc = read_tml(path.read_text(encoding="utf-8"))
    assert doc.timexes and all(doc.text[t.start:t.end] == t.text and t.text.strip() == t.text for t in doc.timexes)


# (factx value, kind, mod) -> (TIMEX3 type, value, mod)
CONVERSIONS = [
    (("1980/1989", "date", None), ("DATE", "198", None)),
    (("1900/1999", "date", None), ("DATE", "19", None)),
    (("1957/1958", "date", None), ("DATE", "1957", None)),
    (("2019-09-14/2019-09-15", "date", None), ("DATE", "2019-W37-WE", None)),
    (("2023-11-23/2023-11-27", "date", None), ("DATE", "2023-11-23", None)),
    (("2011", "date", "START"), ("DATE", "2011", "START")),
    (("2019-05-03TMO", "time", None), ("TIME", "2019-05-03TMO", None)),
    (("P3Y", "duration", None), ("DURATION", "P3Y", None)),
    (("P1W", "set", None), ("SET", "P1W", None)),
    (("PAST_REF", "reference", None), ("DATE", "PAST_REF", None)),
]


@pytest.mark.parametrize("fact,timex", CONVERSIONS, ids=[c[0][0] for c in CONVERSIONS])
def test_writer_converts_to_timeml_values(fact, timex):
    assert to_timex3(*fact) == timex


def test_written_document_reads_back_with_the_same_spans_and_values():
    text = "Prices rose in the 1980s and fell now."
    facts = [{"type": "date", "text": "the 1980s", "start": 15, "end": 24, "value": "1980/1989", "kind": "date",
              "mod": None},
             {"type": "date", "text": "now", "start": 34, "end": 37, "value": "PRESENT_REF", "kind": "reference",
              "mod": None}]
    doc = read_tml(write_tml("d", text, "2020-01-01", facts))
    assert doc.text == text and doc.dct == "2020-01-01"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [("the 1980s", "DATE", "198"),
                                                              ("now", "DATE", "PRESENT_REF")]


def test_tempeval_measures_on_a_hand_made_case():
    gold = [Timex(0, 6, "Monday", "DATE", "2019-03-18"), Timex(10, 21, "three years", "DURATION", "P3Y"),
            Timex(30, 35, "daily", "SET", "P1D")]
    predicted = [Timex(0, 6, "Monday", "DATE", "2019-03-11"),  # exact span, wrong value
                 Timex(16, 21, "years", "DURATION", "P3Y"),  # overlapping span, right value
                 Timex(40, 44, "noon", "TIME", "T12:00")]  # spurious
    s = score_document(gold, predicted)
    assert (s.gold, s.predicted, s.strict, s.relaxed, s.value, s.type) == (3, 3, 1, 2, 1, 2)
    assert s.prf(s.relaxed) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert score([(gold, predicted), (gold, [])]).gold == 6


def test_factx_on_the_test_documents(extractor):
    """factx's own run on tests/data/timeml: every TIMEX3 kind found with its value."""
    from factx.documents import Document

    total = []
    for path in sorted(DATA.glob("*.tml")):
        doc = read_tml(path.read_text(encoding="utf-8"))
        result = next(extractor.process([Document(path.name, doc.text, doc.dct_date)]))
        total.append((doc.timexes, timexes_of(result.facts)))
    s = score(total)
    assert s.prf(s.value)[2] >= 0.9 and s.prf(s.relaxed)[2] >= 0.95
    found_types = {t.type for _, predicted in total for t in predicted}
    assert found_types == {"DATE", "TIME", "DURATION", "SET"}


def test_benchmark_script_prints_the_measures_and_writes_timeml(tmp_path):
    proc = subprocess.run([python(), str(ROOT / "bench" / "timeml.py"), str(DATA), "--write", str(tmp_path),
                           "--by-type"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "relaxed P" in proc.stdout and "value F1" in proc.stdout and "DURATION" in proc.stdout
    written = sorted(p.name for p in tmp_path.glob("*.tml"))
    assert written == sorted(p.name for p in DATA.glob("*.tml"))
    assert read_tml((tmp_path / written[0]).read_text(encoding="utf-8")).timexes
