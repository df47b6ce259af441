"""factx on Spark and on Dask, on the real engines: the same facts as the CLI, byte for byte once
sorted by (doc, start, type); a document that fails inside a worker is reported by id and the
others keep their facts.

Spark runs in local mode (`local[2]`, needs Java); Dask as a LocalCluster of two worker processes,
and as a `dask scheduler` and two `dask worker` commands on 127.0.0.1 that `factx extract
--scheduler` sends its batches to.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SEEDS, SHARED, python

from factx.facts import COMMON_FIELDS, TYPE_FIELDS

DEV = SHARED / "corpus" / "dev"


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> list[dict]:
    """Documents with ids and dates: the seeds and a few development articles (or the seeds alone)."""
    paths = sorted(SEEDS.glob("*.txt")) + (sorted(DEV.glob("*.txt"))[:5] if DEV.is_dir() else [])
    out = []
    for n, p in enumerate(paths):
        out.append({"id": p.name, "text": p.read_text(encoding="utf-8"), "date": "2024-11-15" if n % 2 else None})
    return out


@pytest.fixture(scope="module")
def corpus_file(records, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("engines") / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _factx(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([python(), "-m", "factx", *args], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def cli_output(corpus_file) -> str:
    proc = _factx("extract", str(corpus_file), "--format", "jsonl", "--jobs", "1", "-q")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _number(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def canonical(rows) -> list[str]:
    """Each fact as the CLI writes it (its type's fields only, integral numbers as integers),
    sorted by (doc, start, type)."""
    lines = []
    for row in rows:
        fields = [*COMMON_FIELDS, *TYPE_FIELDS[row["type"]]]
        fact = {}
        for name in fields:
            value = row.get(name)
            if value is None or isinstance(value, float) and math.isnan(value):
                value = None
            elif hasattr(value, "item"):  # numpy scalars from pandas
                value = value.item()
            fact[name] = _number(value)
        lines.append(fact)
    lines.sort(key=lambda f: (f["doc"], f["start"], f["type"]))
    return [json.dumps(f, ensure_ascii=False) for f in lines]


def test_cli_reference_has_facts(cli_output):
    assert len(cli_output.splitlines()) > 50


# --- Spark -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no Java on this machine (.ci/run installs Debian's default-jre-headless)")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this interpreter, with factx and spaCy
    session = (SparkSession.builder.master("local[2]").appName("factx-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.executorEnv.PYTHONPATH", str(Path(__file__).resolve().parents[1]))
               .config("spark.pyspark.python", sys.executable).getOrCreate())
    yield session
    session.stop()


def test_spark_gives_the_cli_facts(spark, records, cli_output):
    import pandas as pd

    from factx.spark import extract, schema

    frame = spark.createDataFrame(pd.DataFrame(records)).repartition(2)
    facts = extract(frame, text="text", id="id", date="date")
    assert facts.schema == schema()
    rows = [r.asDict() for r in facts.collect()]
    assert not [r for r in rows if r["error"]]
    assert canonical(rows) == canonical(json.loads(line) for line in cli_output.splitlines())


def test_spark_reports_a_failed_document_and_keeps_the_others(spark, records):
    import pandas as pd

    from factx.spark import extract

    bad = pd.DataFrame([*records[:2], {"id": "broken", "text": None, "date": None}])
    rows = [r.asDict() for r in extract(spark.createDataFrame(bad), date="date").collect()]
    errors = [r for r in rows if r["error"]]
    assert [(r["doc"], r["type"]) for r in errors] == [("broken", None)]
    assert "not a string" in errors[0]["error"]
    assert {r["doc"] for r in rows if not r["error"]} == {records[0]["id"], records[1]["id"]}


def test_spark_names_a_missing_column(spark, records):
    import pandas as pd

    from factx.errors import UsageProblem
    from factx.spark import extract

    with pytest.raises(UsageProblem, match="no column 'body'"):
        extract(spark.createDataFrame(pd.DataFrame(records)), text="body")


# --- Dask ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_client():
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_bag_gives_the_cli_facts(dask_client, records, cli_output):
    import dask.bag as db

    from factx.dask import extract

    rows = extract(db.from_sequence(records, npartitions=2), date="date").compute(scheduler=dask_client.get)
    assert canonical(rows) == canonical(json.loads(line) for line in cli_output.splitlines())


def test_dask_dataframe_gives_the_cli_facts(dask_client, records, cli_output):
    import dask.dataframe as dd
    import pandas as pd

    from factx.dask import extract

    frame = dd.from_pandas(pd.DataFrame(records), npartitions=2)
    facts = extract(frame, date="date").compute(scheduler=dask_client.get)
    rows = facts.to_dict("records")
    assert not [r for r in rows if isinstance(r["error"], str)]
    assert canonical(rows) == canonical(json.loads(line) for line in cli_output.splitlines())


def test_dask_reports_a_failed_document_and_keeps_the_others(dask_client, records):
    import dask.bag as db

    from factx.dask import extract

    bag = db.from_sequence([records[0], {"id": "broken", "text": 42}, records[1]], npartitions=2)
    rows = extract(bag).compute(scheduler=dask_client.get)
    errors = [r for r in rows if r["error"]]
    assert [r["doc"] for r in errors] == ["broken"] and "int, not a string" in errors[0]["error"]
    assert {r["doc"] for r in rows if not r["error"]} == {records[0]["id"], records[1]["id"]}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dask_commands():
    """A `dask scheduler` and two `dask worker` processes on 127.0.0.1, as separate commands."""
    pytest.importorskip("distributed")
    from distributed import Client

    dask_cli = Path(sys.executable).with_name("dask")
    cmd = [str(dask_cli)] if dask_cli.exists() else [sys.executable, "-m", "distributed.cli.dask_spec"]
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    procs = [subprocess.Popen([*cmd, "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(2):
            procs.append(subprocess.Popen([*cmd, "worker", address, "--nthreads", "1", "--no-dashboard",
                                           "--host", "127.0.0.1"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(address, timeout="5s") as client:
                    client.wait_for_workers(2, timeout=max(1, deadline - time.monotonic()))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        yield address
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def test_cli_on_a_dask_scheduler_writes_what_jobs_writes(dask_commands, corpus_file, cli_output):
    proc = _factx("extract", str(corpus_file), "--format", "jsonl", "-q", "--scheduler", dask_commands)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == cli_output  # the same bytes, in input order


def test_cli_on_a_dask_scheduler_reports_unreadable_input_and_goes_on(dask_commands, corpus_file, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The fair drew 20,000 visitors on Saturday, organisers said.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    proc = _factx("extract", str(tmp_path), "--format", "jsonl", "--scheduler", dask_commands)
    assert proc.returncode == 1
    assert "binary.txt" in proc.stderr
    assert any(json.loads(line)["type"] == "attendance" for line in proc.stdout.splitlines())


def test_cli_scheduler_out_of_reach_is_a_one_line_error(tmp_path):
    pytest.importorskip("distributed")
    doc = tmp_path / "a.txt"
    doc.write_text("He paid $5.", encoding="utf-8")
    proc = _factx("extract", str(doc), "--scheduler", f"tcp://127.0.0.1:{_free_port()}", "-o", str(tmp_path / "o.jsonl"))
    assert proc.returncode == 2
    assert proc.stderr.startswith("factx: error: could not reach the Dask scheduler at tcp://127.0.0.1:")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o.jsonl").exists()


def test_cli_scheduler_and_jobs_conflict(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("He paid $5.", encoding="utf-8")
    proc = _factx("extract", str(doc), "--scheduler", "tcp://127.0.0.1:1", "--jobs", "2")
    assert proc.returncode == 2 and "--jobs and --scheduler cannot be used together" in proc.stderr


@pytest.mark.parametrize("module,extra", [("spark", "spark"), ("dask", "dask")])
def test_missing_engine_names_the_extra(module, extra):
    """Without the engine installed, one line naming the extra to install."""
    blocked = "pyspark" if module == "spark" else "dask"
    code = (f"import sys; sys.modules[{blocked!r}] = None\n"
            f"from factx.{module} import extract\n"
            "from factx.errors import EngineError\n"
            "try:\n    extract(None)\nexcept EngineError as e:\n    print(e)\n")
    proc = subprocess.run([python(), "-c", code], capture_output=True, text=True, timeout=120)
    assert f"pip install 'factx[{extra}]'" in proc.stdout, proc.stderr
