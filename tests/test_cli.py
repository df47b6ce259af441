"""The real CLI: every input kind, every output format, the error cases; CliRunner and subprocesses."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS
from factx.cli import cli
from factx.facts import COMMON_FIELDS, TYPE_FIELDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
SAMPLE = "Chinese President Xi Jinping said on Thursday that trade reached $372.7 billion.\n"


def invoke(*args, input=None):
    runner = CliRunner()
    return runner.invoke(cli, ["extract", *args], input=input, catch_exceptions=False)


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def check_offsets(facts: list[dict], texts: dict[str, str]) -> None:
    for f in facts:
        assert set(COMMON_FIELDS) | set(TYPE_FIELDS[f["type"]]) == set(f)
        assert texts[f["doc"]][f["start"]:f["end"]] == f["text"], f


@pytest.fixture()
def seed_texts():
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in SEED_FILES}


@pytest.fixture(autouse=True)
def in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_jsonl_of_a_folder_has_every_field_and_exact_offsets(seed_texts):
    result = invoke("seeds/", "--format", "jsonl", "-j", "1")
    assert result.exit_code == 0, result.output
    facts = lines(result.stdout)
    assert {f["type"] for f in facts} == {"money", "date", "attendance", "quote"}
    assert {f["doc"] for f in facts} == set(seed_texts)
    check_offsets(facts, seed_texts)


def test_json_is_one_array_of_documents_with_their_dates():
    result = invoke("seeds/", "--format", "json", "-j", "1")
    assert result.exit_code == 0
    docs = json.loads(result.stdout)
    assert [(d["doc"], d["doc_date"]) for d in docs] == [
        ("seeds/000_47ff6bf6c4d4823a.txt", "2023-05-22"),
        ("seeds/001_e87bf17d28dbc1fa.txt", "2024-11-14"),
        ("seeds/002_99a0967cf1d4d7da.txt", "2023-11-24"),
    ]
    assert all(d["facts"] for d in docs)


def test_csv_has_common_then_type_columns():
    result = invoke("seeds/000_47ff6bf6c4d4823a.txt", "--format", "csv", "-j", "1")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[:6] == list(COMMON_FIELDS)
    assert {"amount", "currency", "value", "count", "speaker", "role"} <= set(rows[0])
    quote = next(r for r in rows if r["type"] == "quote")
    assert quote["speaker"] == "Shi Zhongjun" and quote["amount"] == ""


def test_table_shows_each_type():
    result = invoke("seeds/", "--format", "table", "-j", "1", "--width", "120")
    assert result.exit_code == 0
    for title in ("Money", "Dates", "Attendance", "Quotes"):
        assert title in result.stdout
    assert "Xi Jinping" in result.stdout and "29,990,000,000 CNY" in result.stdout


def test_output_file_follows_its_extension(tmp_path):
    out = tmp_path / "facts.json"
    result = invoke("seeds/", "-o", str(out), "-j", "1")
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 3


def test_failed_run_leaves_the_previous_output_file(tmp_path):
    out = tmp_path / "facts.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "seeds/", "-o", str(out), "--model", "no_such_pipeline", "-j", "1"])
    assert result.exit_code != 0
    assert "no spaCy pipeline" in result.output
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"]


def test_stdin_text():
    result = invoke("-", "--format", "jsonl", "-j", "1", "--anchor-date", "2023-11-24", input=SAMPLE)
    facts = lines(result.stdout)
    assert {(f["doc"], f["type"]) for f in facts} >= {("-", "money"), ("-", "date"), ("-", "quote")}
    check_offsets(facts, {"-": SAMPLE})
    assert next(f for f in facts if f["type"] == "date")["value"] == "2023-11-23"


def test_stdin_json_lines_records():
    records = [{"id": "a", "text": SAMPLE, "date": "2023-11-24"}, {"id": "b", "text": "It cost €5 million."}]
    stdin = "\n".join(json.dumps(r) for r in records) + "\n"
    result = invoke("-", "--input-format", "jsonl", "--format", "jsonl", "-j", "1", input=stdin)
    facts = lines(result.stdout)
    assert {f["doc"] for f in facts} == {"a", "b"}
    assert next(f for f in facts if f["doc"] == "a" and f["type"] == "date")["value"] == "2023-11-23"
    check_offsets(facts, {"a": records[0]["text"], "b": records[1]["text"]})


def test_jsonl_file_by_extension(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"id": "x1", "text": "Sales hit $2 billion in 2022."}) + "\n", encoding="utf-8")
    facts = lines(invoke(str(path), "--format", "jsonl", "-j", "1").stdout)
    assert {(f["doc"], f["type"], f["text"]) for f in facts} == {("x1", "money", "$2 billion"), ("x1", "date", "2022")}


def test_types_filter():
    facts = lines(invoke("seeds/", "--types", "money", "--format", "jsonl", "-j", "1").stdout)
    assert facts and {f["type"] for f in facts} == {"money"}


def test_anchor_date_changes_resolved_values():
    args = ["seeds/000_47ff6bf6c4d4823a.txt", "--types", "date", "--format", "jsonl", "-j", "1"]
    normal = lines(invoke(*args).stdout)
    moved = lines(invoke(*args, "--anchor-date", "2024-06-01").stdout)
    assert [(f["text"], f["value"]) for f in normal if f["resolved"]] == [("May 19", "2023-05-19"), ("May 20", "2023-05-20")]
    assert [(f["text"], f["value"]) for f in moved if f["resolved"]] == [("May 19", "2024-05-19"), ("May 20", "2024-05-20")]
    assert [f["value"] for f in normal if not f["resolved"]] == [f["value"] for f in moved if not f["resolved"]]


def test_bad_options_fail_with_a_message():
    for args, words in ((["--types", "money,weather"], "weather"), (["--anchor-date", "yesterday"], "YYYY-MM-DD"),
                        (["--format", "xml"], "xml")):
        result = CliRunner().invoke(cli, ["extract", "seeds/", *args])
        assert result.exit_code == 2 and words in result.output


# --- bad inputs: a message naming the file, a non-zero exit, the other documents still processed -------------


def run_with(tmp_path, name: str, data: bytes, *extra):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text(SAMPLE, encoding="utf-8")
    if name:
        (folder / name).write_bytes(data)
    result = CliRunner().invoke(cli, ["extract", str(folder), "--format", "jsonl", "-j", "1", *extra])
    good = [f for f in lines(result.stdout) if f["doc"].endswith("good.txt")]
    assert {f["type"] for f in good} >= {"money", "quote"}, "the good document lost its facts"
    return result


def test_missing_path(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt"), "seeds/000_47ff6bf6c4d4823a.txt",
                                      "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.txt'}: no such file or directory" in result.stderr
    assert lines(result.stdout)


def test_binary_file_in_a_folder(tmp_path):
    result = run_with(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert result.exit_code == 1
    assert "image.txt: binary file" in result.stderr


def test_empty_and_blank_files(tmp_path):
    run_with(tmp_path, "empty.txt", b"")
    result = run_with(tmp_path, "blank.txt", b"  \n\t\n")
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr and "blank.txt: only whitespace" in result.stderr


def test_non_utf8_file_is_decoded_with_a_warning(tmp_path):
    text = "The café paid €5 million, Mr. Dubois said on Monday. The total was 300 ­– not more."
    result = run_with(tmp_path, "latin.txt", text.encode("cp1252"))
    assert result.exit_code == 3
    assert "latin.txt: not UTF-8; decoded as" in result.stderr
    facts = [f for f in lines(result.stdout) if f["doc"].endswith("latin.txt")]
    assert any(f["type"] == "money" and f["currency"] == "EUR" for f in facts)


def test_named_encoding_has_no_warning(tmp_path):
    result = run_with(tmp_path, "latin.txt", "It cost €5 million.".encode("cp1252"), "--encoding", "cp1252")
    assert result.exit_code == 0 and "warning" not in result.stderr


def test_utf16_with_bom(tmp_path):
    result = run_with(tmp_path, "wide.txt", "It cost $7 million in 2021.".encode("utf-16"))
    assert result.exit_code == 3
    assert "wide.txt: decoded as UTF-16" in result.stderr
    facts = [f for f in lines(result.stdout) if f["doc"].endswith("wide.txt")]
    assert {f["text"] for f in facts} == {"$7 million", "2021"}


def test_utf8_bom_is_plain_utf8(tmp_path):
    result = run_with(tmp_path, "bom.txt", "\ufeffIt cost $7 million.".encode("utf-8"))
    assert result.exit_code == 0
    fact = next(f for f in lines(result.stdout) if f["doc"].endswith("bom.txt"))
    assert fact["text"] == "$7 million" and fact["start"] == 8


def test_malformed_json_lines_name_the_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "ok1", "text": "It cost $1 million."}) + "\n{not json\n"
                    + json.dumps({"id": 3}) + "\n" + json.dumps({"id": "ok2", "text": "It cost £2 million."}) + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 1
    assert f"{path}:2: malformed JSON Lines record" in result.stderr
    assert f"{path}:3: malformed JSON Lines record" in result.stderr
    assert {f["doc"] for f in lines(result.stdout)} == {"ok1", "ok2"}


def test_too_large_file_names_the_limit_and_the_option(tmp_path):
    result = run_with(tmp_path, "big.txt", b"word " * 3000, "--max-size", "10KB")
    assert result.exit_code == 1
    assert "big.txt: file is 0.0 MB, over the 0 MB limit (raise it with --max-size)" in result.stderr or \
        "over the" in result.stderr and "--max-size" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and permissions")
def test_symlink_loop_and_unreadable_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(SAMPLE, encoding="utf-8")
    (folder / "loop").symlink_to(folder)
    secret = folder / "secret.txt"
    secret.write_text("It cost $1.", encoding="utf-8")
    secret.chmod(0)
    try:
        result = CliRunner().invoke(cli, ["extract", str(folder), "--format", "jsonl", "-j", "1"])
    finally:
        secret.chmod(0o644)
    if os.geteuid() == 0:  # root reads anything: only the loop is reported
        assert result.exit_code == 3
    else:
        assert result.exit_code == 1 and "secret.txt: permission denied" in result.stderr
    assert "directory loop" in result.stderr
    assert [f for f in lines(result.stdout) if f["doc"].endswith("good.txt")]
    assert len({f["doc"] for f in lines(result.stdout) if f["doc"].endswith("good.txt")}) == 1


def test_every_command_has_help():
    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and command.help, name
        assert "Usage:" in result.output


# --- as a real subprocess --------------------------------------------------------------------------


def factx_command() -> list[str]:
    script = Path(sys.executable).with_name("factx")
    return [str(script)] if script.exists() else [sys.executable, "-m", "factx"]


def test_subprocess_pipe_gives_json_lines(seed_texts):
    proc = subprocess.run([*factx_command(), "extract", "seeds/", "-j", "1"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    facts = lines(proc.stdout)
    check_offsets(facts, seed_texts)
    assert proc.stderr == ""


def test_python_dash_m(seed_texts):
    proc = subprocess.run([sys.executable, "-m", "factx", "extract", "seeds/000_47ff6bf6c4d4823a.txt",
                           "--types", "quote", "-j", "1"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert {f["speaker"] for f in lines(proc.stdout)} >= {"Shi Zhongjun", "Djauhari Oratmangun"}


def test_broken_pipe_exits_quietly(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:03}.txt").write_text(SAMPLE * 20, encoding="utf-8")
    proc = subprocess.run(f"{' '.join(factx_command())} extract {folder} -j 1 | head -1", shell=True, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert len(proc.stdout.splitlines()) == 1
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr


def test_folder_without_matching_files_is_a_warning(tmp_path):
    (tmp_path / "notes.md").write_text("It cost $5.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 3 and f"{tmp_path}: no files matching *.txt (choose others with --glob)" in result.stderr
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--glob", "*.md", "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 0 and json.loads(result.stdout)["text"] == "$5"


# --- exit statuses and messages as the README says (issue 17, item 10) ---------------------------------


def test_a_model_that_cannot_be_loaded_is_a_usage_error_on_one_line():
    result = CliRunner().invoke(cli, ["extract", "seeds/", "--model", "nosuchmodel", "-j", "1"])
    assert result.exit_code == 2
    assert result.stderr.startswith("factx: error: no spaCy pipeline could be loaded (nosuchmodel:")
    assert len(result.stderr.strip().splitlines()) == 1 and not result.stdout


def test_an_invalid_pattern_folder_is_a_usage_error(tmp_path):
    (tmp_path / "cues.jsonl").write_text('{"phrase": 1}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "seeds/", "--patterns", str(tmp_path), "-j", "1"])
    assert result.exit_code == 2 and result.stderr.startswith(f"factx: error: {tmp_path / 'cues.jsonl'}:1:")


def test_an_unknown_encoding_is_one_usage_error_not_one_a_file():
    result = CliRunner().invoke(cli, ["extract", "seeds/", "--encoding", "nosuch", "-j", "1"])
    assert result.exit_code == 2 and result.output.count("unknown encoding 'nosuch'") == 1


def test_size_limits_are_written_as_people_write_them(tmp_path):
    (tmp_path / "a.txt").write_text("It cost $5. " * 200, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "a.txt"), "--max-size", "1KB", "-j", "1"])
    assert result.exit_code == 1
    assert "file is 2.4 KB, over the 1 KB limit (raise it with --max-size)" in result.stderr


@pytest.mark.parametrize("value, words", [("2024-02-30", "is not a real date"), ("2024-2-3", "YYYY-MM-DD")])
def test_an_impossible_anchor_date_is_told_from_a_malformed_one(value, words):
    result = CliRunner().invoke(cli, ["extract", "seeds/", "--anchor-date", value])
    assert result.exit_code == 2 and words in result.output


def test_json_lines_dates_that_are_not_strings_and_repeated_ids_are_warnings(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "It cost $5.", "date": 20240101}\n'
                    '{"id": "a", "text": "It cost $6."}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(feed), "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 3
    assert f'{feed}:1: "date" is not a "YYYY-MM-DD" string: 20240101' in result.stderr
    assert f"{feed}:2: id 'a' was already used at line 1" in result.stderr
    assert [f["amount"] for f in lines(result.stdout)] == [5, 6]


@pytest.mark.parametrize("command", [["extract", "seeds/", "--format", "table"], ["show", "seeds/"],
                                     ["summary", "seeds/", "--format", "table"]])
def test_tables_and_show_end_quietly_when_the_reader_leaves(command):
    proc = subprocess.run(f"{' '.join(factx_command())} {' '.join(command)} -j 1 | head -1; "
                          "exit ${PIPESTATUS[0]}", shell=True, executable="/bin/bash", cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and len(proc.stdout.splitlines()) == 1


@pytest.mark.parametrize("color, coloured", [("always", True), ("never", False), ("auto", False)])
def test_show_color_option_on_a_pipe(color, coloured):
    proc = subprocess.run([*factx_command(), "show", "seeds/000_47ff6bf6c4d4823a.txt", "--color", color, "-j", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert ("\x1b[" in proc.stdout) == coloured
    import re

    assert "Shi Zhongjun" in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", proc.stdout)
