"""Where output goes (issue: nothing lost): files whole or as they were, links followed, FIFOs and
devices written through, modes kept, write errors reported with exit status 4, bad destinations
refused before any work."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from conftest import ROOT
from factx.cli import cli

SEED = str(ROOT / "seeds" / "002_99a0967cf1d4d7da.txt")


def factx(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "factx", *args], capture_output=True, text=True, timeout=300,
                          cwd=ROOT, **kwargs)


def test_a_symbolic_link_stays_a_link_and_its_file_gets_the_facts(tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    proc = factx("extract", SEED, "-o", str(link), "-j", "1")
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text().splitlines()[0])["doc"] == SEED
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # an existing file keeps its mode


def test_a_new_file_gets_the_umask_mode_not_0600(tmp_path):
    out = tmp_path / "new.jsonl"
    proc = factx("extract", SEED, "-o", str(out), "-j", "1", preexec_fn=lambda: os.umask(0o022))
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert not list(tmp_path.glob("*.part"))


def test_a_fifo_is_written_through_not_replaced(tmp_path):
    fifo = tmp_path / "facts.fifo"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    proc = factx("extract", SEED, "-o", str(fifo), "-j", "1")
    reader.join(timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and all(json.loads(line)["doc"] == SEED for line in got[0].splitlines())


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["extract", SEED], ["extract", SEED, "--format", "csv"],
                                  ["extract", SEED, "--format", "table"], ["summary", SEED]])
def test_a_full_disk_on_standard_output_is_an_error(args):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "factx", *args, "-j", "1"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 4
    assert "factx: error: standard output: cannot write: No space left on device" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_dash_o_on_a_device_writes_to_it_and_never_replaces_it():
    before = os.stat("/dev/full")
    proc = factx("extract", SEED, "-o", "/dev/full", "-j", "1")
    assert proc.returncode == 4 and "/dev/full: cannot write" in proc.stderr
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@pytest.mark.parametrize("target, message", [("nosuchdir/out.json", "folder 'nosuchdir' does not exist"),
                                             ("seeds", "is a directory")])
def test_a_destination_that_cannot_be_written_is_refused_before_any_work(target, message, monkeypatch):
    monkeypatch.chdir(ROOT)
    for command in (["extract", "seeds/"], ["report", "seeds/"]):
        result = CliRunner().invoke(cli, [*command, "-o", target, "-j", "1"])
        assert result.exit_code == 2, result.output
        assert result.stderr.strip() == f"factx: error: {target}: {message}" + ("; name a file to write"
                                                                                if "directory" in message else "")
