"""Bad input never crashes a run, nothing is lost, output is deterministic."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

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


def _start_a_long_run(tmp_path, jobs: str = "2"):
    """A run over 400 documents to -o, returned once documents are going through: its output file
    has grown (waiting on progress, not on a sleep)."""
    folder = tmp_path / "big"
    folder.mkdir()
    text = (ROOT / "seeds" / "002_99a0967cf1d4d7da.txt").read_text(encoding="utf-8")
    for n in range(400):
        (folder / f"{n:03}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "factx", "extract", str(folder), "-o", str(out), "-j", jobs],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if any(p.stat().st_size > 0 for p in tmp_path.glob(".facts.jsonl.*.part")):
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be stopped"
    return proc, out


@pytest.mark.parametrize("signum, status, message", [(signal.SIGINT, 130, b"factx: interrupted"),
                                                     (signal.SIGTERM, 143, b"factx: terminated")])
def test_a_signal_stops_the_run_without_a_traceback_or_a_partial_file(tmp_path, signum, status, message):
    proc, out = _start_a_long_run(tmp_path)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == status, err
    assert message in err and b"Traceback" not in err and b"Error" not in err
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


def test_a_document_over_spacys_max_length_is_processed_in_pieces(tmp_path):
    seed = (ROOT / "seeds" / "002_99a0967cf1d4d7da.txt").read_text(encoding="utf-8")
    long_text = (seed + "\n\n") * 330  # 1.3 million characters, over nlp.max_length
    assert len(long_text) > 1_000_000
    (tmp_path / "a_long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "b_short.txt").write_text("The fund raised $5 million.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    per_copy = len(factx.extract(seed, types=None))
    long_facts = [f for f in facts if f["doc"].endswith("a_long.txt")]
    assert all(long_text[f["start"]:f["end"]] == f["text"] for f in long_facts)
    assert len(long_facts) == 330 * per_copy
    assert [f["doc"] for f in facts].count(str(tmp_path / "b_short.txt")) == 1
    # The API takes it too, with the same facts.
    assert len(factx.extract(long_text)) == 330 * per_copy


def test_pieces_end_at_paragraphs_then_lines_then_sentences():
    from factx.chunking import piece_bounds

    text = "A b c. " * 30 + "\n\n" + "D e f. " * 30
    bounds = piece_bounds(text, 300)
    assert bounds[0][1] == text.index("D e f")
    assert [b for _, b in bounds][-1] == len(text) and all(b - a <= 300 for a, b in bounds)
    sentences = "Word word word. " * 100
    assert all(sentences[b - 2:b] == ". " for _, b in piece_bounds(sentences, 250)[:-1])
    assert piece_bounds("x" * 1000, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_decoded_with_a_warning(tmp_path, encoding):
    path = tmp_path / "u16.txt"
    path.write_bytes("The fund raised $5 million on May 3, 2024.".encode(encoding))
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 3
    assert f"no byte order mark; decoded as {encoding.upper()}" in result.stderr
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["$5 million", "May 3, 2024"]


def test_nul_bytes_that_are_not_utf16_are_binary(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"PK\x03\x04\x00\x00abc\x00\x00\x00It cost $5 million." * 20)
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "x.txt"), "-j", "1"])
    assert result.exit_code == 1 and "binary file (contains NUL bytes)" in result.stderr


def test_closed_standard_input_is_a_named_error():
    proc = subprocess.run([sys.executable, "-m", "factx", "extract", "-", "--format", "jsonl"], stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=120, cwd=ROOT, preexec_fn=lambda: os.close(0))
    assert proc.returncode == 1, proc.stderr
    assert b"factx: error: -: standard input is closed" in proc.stderr and b"Traceback" not in proc.stderr


SETPRIV = shutil.which("setpriv")
NEEDS_UNPRIVILEGED = pytest.mark.skipif(not SETPRIV and os.geteuid() == 0,
                                        reason="root reads every folder and setpriv is missing")


def _unprivileged(args):
    """factx as a process that permissions bind: as root, without the capabilities that bypass them."""
    prefix = [SETPRIV, "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, sys.executable, "-m", "factx", *args], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)


@NEEDS_UNPRIVILEGED
def test_an_unreadable_subfolder_and_a_file_inside_one_are_named_errors(tmp_path):
    top = tmp_path / "in"
    (top / "locked").mkdir(parents=True)
    (top / "locked" / "hidden.txt").write_text("It cost $7 million.", encoding="utf-8")
    (top / "open.txt").write_text("It cost $2 million.", encoding="utf-8")
    (top / "locked").chmod(0)
    try:
        folder = _unprivileged(["extract", str(top), "--format", "jsonl", "-j", "1"])
        inside = _unprivileged(["extract", str(top / "locked" / "hidden.txt"), str(top / "open.txt"),
                                "--format", "jsonl", "-j", "1"])
    finally:
        (top / "locked").chmod(0o755)
    assert folder.returncode == 1 and "Traceback" not in folder.stderr
    assert f"factx: error: {top / 'locked'}: folder cannot be read (Permission denied)" in folder.stderr
    assert [json.loads(line)["text"] for line in folder.stdout.splitlines()] == ["$2 million"]
    assert inside.returncode == 1 and "Traceback" not in inside.stderr
    assert "hidden.txt: permission denied" in inside.stderr
    assert [json.loads(line)["text"] for line in inside.stdout.splitlines()] == ["$2 million"]


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
