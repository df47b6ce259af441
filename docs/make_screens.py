"""Regenerate the README's pictures: the table and `show` as SVG (Rich's recording), the report as PNG.

    .venv/bin/python docs/make_screens.py      (needs chromium for report.png)
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from rich.console import Console

from factx.documents import iter_documents
from factx.pipeline import run
from factx.report import render
from factx.views import fact_table, highlighted_text, legend, print_tables

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> None:
    results = [r for r in run(iter_documents([str(ROOT / "seeds")])) if hasattr(r, "facts")]
    for r in results:
        r.doc_id = str(Path(r.doc_id).relative_to(ROOT))
        for f in r.facts:
            f.doc = r.doc_id
    table = Console(record=True, width=110, file=open("/dev/null", "w"))
    print_tables([r for r in results if r.doc_id.endswith("002_99a0967cf1d4d7da.txt")], table.file, width=110)
    table = Console(record=True, width=110, file=open("/dev/null", "w"))
    for kind in ("money", "quote"):
        facts = [f for r in results for f in r.facts if f.type == kind]
        table.print(fact_table(kind, facts[:6], with_doc=True))
    table.save_svg(str(HERE / "table.svg"), title="factx extract seeds/")

    show = Console(record=True, width=100, file=open("/dev/null", "w"))
    doc = next(r for r in results if r.doc_id.endswith("002_99a0967cf1d4d7da.txt"))
    cut = doc.text.index("With an exhibition area")
    show.rule(f"[bold]{doc.doc_id}[/bold]  (document date {doc.doc_date})")
    show.print(legend())
    show.print(highlighted_text(doc.text[:cut], [f for f in doc.facts if f.end <= cut]))
    show.save_svg(str(HERE / "show.svg"), title="factx show seeds/002_99a0967cf1d4d7da.txt")

    browser = shutil.which("chromium")
    if browser:
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / "report.html"
            page.write_text(render(results, {r.doc_id: r.text for r in results}), encoding="utf-8")
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--no-first-run", f"--user-data-dir={tmp}/profile", "--window-size=1280,900",
                            f"--screenshot={HERE / 'report.png'}", page.as_uri()], capture_output=True, timeout=120)


if __name__ == "__main__":
    main()
