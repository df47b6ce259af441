"""Bad input never crashes a run, nothing is lost, output is deterministic."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factx
from conftest import ROOT
from factx.cli import cli
from factx.documents import Document, Problem, iter_documents

PROPERTY = settings(max_examples=60, derandomize=True, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def check(text: str) -> None:
    for f in factx.extract(text, anchor_date="2023-11-24"):
        assert text[f.start:f.end] == f.text
        assert f.type in factx.FACT_TYPES


@PROPERTY
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    check(text)


WORDS = st.sampled_from([
    "$", "US$", "€", "£", "¥", "HK$", "5", "1,000", "29.99", "billion", "million", "bn", "yuan", "dollars", "euros",
    "about", "over", "up to", "between", "and", "to", "-", "–", "May", "19", "Thursday", "last", "week", "year",
    "2023", "2023-11-24", "the 1990s", "Q3", "\"", "“", "”", "'", "said", "told", "according to", "Xi", "Jinping",
    "he", "she", "Mr.", "President", ",", ".", ":", "\n", "\n\n", "attended", "visitors", "delegates", "expected",
    "over 60", "(", ")", "that", "A", "The", "of", "percent", "%", "\u00a0", "ASEAN.Djauhari", "‘", "’",
])


@PROPERTY
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_sentences_built_from_the_fact_grammar(text):
    check(text)


@PROPERTY
@given(st.lists(WORDS, max_size=40).map("".join))
def test_fact_grammar_glued_without_spaces(text):
    check(text)


def test_same_input_gives_byte_identical_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    runs = [CliRunner().invoke(cli, ["extract", "seeds/", "--format", "jsonl", "-j", "1"]).stdout for _ in range(2)]
    assert runs[0] == runs[1] and runs[0]


def test_jobs_1_and_jobs_2_give_identical_output(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for n in range(70):  # enough batches for the worker pool to start
        (folder / f"{n:03}.txt").write_bytes(seeds[n % 3].read_bytes())
    outputs = []
    for jobs in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "factx", "extract", str(folder), "--format", "jsonl",
                               "--jobs", jobs], capture_output=True, timeout=600)
        assert proc.returncode == 0, proc.stderr.decode()
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    docs = [json.loads(line)["doc"] for line in outputs[0].decode().splitlines()]
    assert docs == sorted(docs) and len(set(docs)) == 70


def test_ctrl_c_stops_promptly_without_a_traceback_or_a_partial_file(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    text = (ROOT / "seeds" / "002_99a0967cf1d4d7da.txt").read_text(encoding="utf-8")
    for n in range(400):
        (folder / f"{n:03}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "factx", "extract", str(folder), "-o", str(out), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while not list(tmp_path.glob(".facts.jsonl.*.part")) and time.time() < deadline:
        time.sleep(0.2)
    time.sleep(3)  # the pipeline is loaded and documents are going through
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"factx: interrupted" in err and b"Traceback" not in err
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not list(tmp_path.glob("*.part"))


def test_a_50mb_file_is_refused_with_the_limit_and_the_option(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.write(b"The fund raised $5 million. " * (50 * 1024 * 1024 // 28 + 1))
    good = tmp_path / "good.txt"
    good.write_text("The fund raised $5 million.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 1
    assert f"{big}: file is 52.4 MB, over the 20 MB limit (raise it with --max-size)" in result.stderr
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == [str(good)]


def test_file_removed_during_the_run(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"{name} cost $1 million.", encoding="utf-8")
    items = iter_documents([str(tmp_path)])
    first = next(items)
    (tmp_path / "b.txt").unlink()
    rest = list(items)
    assert isinstance(first, Document) and first.id.endswith("a.txt")
    assert isinstance(rest[0], Problem) and rest[0].message.startswith("no longer exists")
    assert isinstance(rest[1], Document) and rest[1].id.endswith("c.txt")


def test_broken_link_through_the_cli(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "ok.txt").write_text("It cost $2.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 1 and "gone.txt: no longer exists" in result.stderr
    assert len(result.stdout.splitlines()) == 1
