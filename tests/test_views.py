"""What analysts look at: tables, `show`, the HTML report (in a real browser) and `summary`, by content."""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from factx.cli import cli
from factx.views import highlighted_text

SEED = "seeds/002_99a0967cf1d4d7da.txt"


@pytest.fixture(autouse=True)
def in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)


def run(*args):
    result = CliRunner().invoke(cli, [*args, "-j", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("width", [80, 200])
def test_table_fits_and_names_what_matters(width):
    out = run("extract", "seeds/", "--format", "table", "--width", str(width))
    assert max(len(line) for line in out.splitlines()) <= width
    for words in ("Money", "Quotes", "Attendance", "Dates", "Chinese President", "372,700,000,000 USD", "expected",
                  "2023-11-23", "facts (", "Juha", "Suoniemi", "│ called for", "│ indirect │ said"):
        assert words in out, words
    if width < 120:
        assert "Quotes · 002_99a0967cf1d4d7da.txt" in out
    else:
        assert "Doc" in out and "002_99a0967cf1d4d7da.txt" in out


def test_show_prints_the_article_legend_and_its_facts():
    out = run("show", SEED, "--width", "100")
    assert "Legend:" in out and "money" in out and "quote" in out
    assert "Exhibitors and visitors enthusiastically embraced" in out
    assert "document date 2023-11-24" in out
    assert "Quotes" in out and "Money" in out


def test_show_types_filter():
    out = run("show", SEED, "--types", "money", "--width", "100")
    assert "Money" in out and "Quotes" not in out and "Speaker" not in out


def test_highlighting_covers_every_fact(extractor):
    from factx.documents import Document

    text = (ROOT / SEED).read_text(encoding="utf-8")
    result = next(extractor.process([Document(SEED, text)]))
    rendered = highlighted_text(text, result.facts)
    styled = {(s.start, s.end, str(s.style)) for s in rendered.spans}
    for f in result.facts:
        assert any(a <= f.start and f.end <= b for a, b, _ in styled), f.text
    assert rendered.plain == text


def test_report_html_is_self_contained_and_marks_every_fact(tmp_path):
    out = tmp_path / "report.html"
    CliRunner().invoke(cli, ["report", "seeds/", "-o", str(out), "-j", "1", "-q"], catch_exceptions=False)
    page = out.read_text(encoding="utf-8")
    assert "<script src" not in page and "<link" not in page and "http://" not in page and "https://" not in page
    facts = json.loads(re.search(r'<script type="application/json" id="facts-data">(.*?)</script>', page, re.S)
                       .group(1).replace("<\\/", "</"))
    marked = {int(i) for ids in re.findall(r'data-facts="([\d ]+)"', page) for i in ids.split()}
    assert marked == set(range(len(facts)))
    assert page.count("<tr data-type=") == len(facts)
    assert page.count('<section class="doc" id="doc-') == 3
    assert '<select id="type-filter"' in page and '<input id="search"' in page


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.mark.skipif(_browser() is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_report_in_a_real_browser(tmp_path):
    out = tmp_path / "report.html"
    CliRunner().invoke(cli, ["report", "seeds/", "-o", str(out), "-j", "1", "-q"], catch_exceptions=False)
    n_facts = len(re.findall(r"<tr data-type=", out.read_text(encoding="utf-8")))
    profile = tmp_path / "profile"
    dom = subprocess.run([_browser(), *BROWSER_FLAGS, f"--user-data-dir={profile}", "--dump-dom", out.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    # The page's script ran: it counted the facts it highlighted, and every one of them is.
    body = re.search(r"<body[^>]*>", dom).group(0)
    assert f'data-facts="{n_facts}"' in body and f'data-highlighted="{n_facts}"' in body
    assert 'title="quote: Xi Jinping, Chinese President [indirect]' in dom
    shot = tmp_path / "report.png"
    subprocess.run([_browser(), *BROWSER_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,900",
                    f"--screenshot={shot}", out.as_uri()], capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


@pytest.mark.skipif(_browser() is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_report_sorts_values_as_numbers_filters_by_type_and_pins_named_fields(tmp_path):
    out = tmp_path / "report.html"
    CliRunner().invoke(cli, ["report", "seeds/", "-o", str(out), "-j", "1", "-q"], catch_exceptions=False)
    probe = """<script>
      const cells = () => Array.from(document.querySelectorAll('#facts tbody tr'))
        .filter(r => !r.hidden).map(r => r.dataset.type + '=' + r.cells[3].dataset.sort);
      document.querySelectorAll('#facts th')[3].click();
      const numbers = cells().filter(c => /^(money|attendance)=/.test(c)).map(c => Number(c.split('=')[1]));
      document.body.dataset.sortedNumbers = JSON.stringify(numbers);
      const filter = document.getElementById('type-filter');
      filter.value = 'attendance'; filter.dispatchEvent(new Event('change'));
      document.body.dataset.afterFilter = JSON.stringify(cells().map(c => c.split('=')[0]));
      filter.value = ''; filter.dispatchEvent(new Event('change'));
      const search = document.getElementById('search');
      search.value = 'Juha'; search.dispatchEvent(new Event('input'));
      document.body.dataset.afterSearch = document.getElementById('shown').textContent;
      document.querySelector('mark.money').click();
      document.body.dataset.pinned = Array.from(document.querySelectorAll('#detail dt')).map(x => x.textContent).join(',');
    </script></body>"""
    page = tmp_path / "probe.html"
    page.write_text(out.read_text(encoding="utf-8").replace("</body>", probe), encoding="utf-8")
    dom = subprocess.run([_browser(), *BROWSER_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    data = lambda name: json.loads(html.unescape(re.search(rf'data-{name}="([^"]*)"', dom).group(1)))  # noqa: E731
    numbers = data("sorted-numbers")
    assert len(numbers) > 5 and numbers == sorted(numbers)  # numerically: 60, 68, 800 ... 5,000,000,000
    assert set(data("after-filter")) == {"attendance"}
    assert 1 <= data("after-search") < 10
    pinned = html.unescape(re.search(r'data-pinned="([^"]*)"', dom).group(1)).split(",")
    assert {"type", "text", "amount", "currency", "start"} <= set(pinned)  # field names, not raw JSON


def test_summary_totals():
    data = json.loads(run("summary", "seeds/", "--format", "json"))
    assert data["documents"] == 3
    # "2 trillion yuan ($282 billion)": the conversion is not summed a second time.
    assert data["money"]["USD"]["count"] == 2
    assert data["money"]["USD"]["total"] == 372_700_000_000 + 124_200_000_000
    assert data["money"]["USD"]["largest"] == 372_700_000_000
    assert data["money"]["CNY"]["total"] == 29_990_000_000 + 30_000_000_000 + 5_000_000_000 + 2_000_000_000_000
    assert data["timeline"]["2023-11"] >= 5
    assert data["largest_attendance"][0]["count"] == 15000
    top = data["top_speakers"][0]
    assert (top["speaker"], top["role"]) == ("Xi Jinping", "Chinese President") and top["quotes"] == 4


@pytest.mark.parametrize("text, summed", [
    ("The plan costs 2 trillion yuan ($282 billion).", {"CNY": 2e12}),                    # conversion in brackets
    ("The plan costs 2 trillion yuan, or about $282 billion.", {"CNY": 2e12}),            # ", or" conversion
    ("The city will spend $5 billion, including $2 billion for roads.", {"USD": 5e9}),    # a part of a whole
    ("It raised $5 million in May and $2 million in June.", {"USD": 7e6}),                # two sums: both
])
def test_summary_sums_neither_conversions_nor_parts(text, summed, extractor):
    from factx.documents import Document
    from factx.summary import summarize

    s = summarize(extractor.process([Document("t", text)]))
    assert {code: m["total"] for code, m in s.money.items()} == summed


def test_summary_table():
    out = run("summary", "seeds/", "--format", "table")
    for words in ("Money by currency", "Timeline", "Largest attendance", "Most quoted speakers", "Xi Jinping"):
        assert words in out


def _run_with_terminal_stderr(*args) -> tuple[int, bytes, bytes]:
    """Run factx with stdout a pipe and stderr a pseudo-terminal: (status, stdout, what the terminal got)."""
    import os
    import sys

    main, secondary = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "factx", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=secondary)
    os.close(secondary)
    out, _ = proc.communicate(timeout=300)
    os.set_blocking(main, False)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    return proc.returncode, out, seen


NEEDS_PTY = pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")


@NEEDS_PTY
def test_progress_goes_to_a_terminal_stderr_and_never_into_stdout():
    status, out, seen = _run_with_terminal_stderr("extract", "seeds/", "-j", "1")
    assert status == 0
    assert b"Extracting documents" in seen and b"/3" in seen
    assert all(json.loads(line)["type"] for line in out.decode().splitlines())


@NEEDS_PTY
def test_quiet_hides_progress():
    _, _, seen = _run_with_terminal_stderr("extract", "seeds/", "-j", "1", "-q")
    assert b"Extracting" not in seen


@NEEDS_PTY
def test_show_draws_no_progress_bar_into_the_article():
    status, out, seen = _run_with_terminal_stderr("show", "seeds/000_47ff6bf6c4d4823a.txt", "-j", "1")
    assert status == 0 and b"Reading documents" not in seen and b"\x1b[?25l" not in seen
    assert out.decode().startswith("─")  # the first rule starts the output, nothing glued to it
