"""The commands besides `extract`: show, report, summary and patterns. Thin, like `extract`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .cli import RunStatus, cli, color_option, handle_errors, input_options, run_documents
from .errors import FactxError
from .output import check_output_path, open_output
from .views import console_for


@cli.command()
@input_options
@click.option("--width", type=click.IntRange(min=40), default=None, help="Text width (default: the terminal's).")
@color_option
@handle_errors
def show(paths, glob, input_format, encoding, max_size, anchor_date, types, model, pattern_dirs, jobs, quiet, width,
         color):
    """Show articles with every fact highlighted in place, a colour per type.

    Articles print as they are done (no progress bar: it would be drawn into the text or a pager).

    \b
    Examples:
      factx show seeds/002_99a0967cf1d4d7da.txt
      factx show seeds/ --types quote,money --color always | less -R
    """
    from .views import fact_table, highlighted_text, legend

    status = RunStatus(quiet)
    results = run_documents(paths, glob, input_format, encoding, max_size, anchor_date, types, model,
                            pattern_dirs, jobs or 1, quiet, status, "Reading", progress=False)
    with open_output(None) as stream:
        console = console_for(stream, width, color)
        for result in results:
            date = f"  (document date {result.doc_date.isoformat()})" if result.doc_date else ""
            console.rule(f"[bold]{result.doc_id}[/bold]{date}")
            console.print(legend())
            console.print(highlighted_text(result.text, result.facts))
            console.print()
            kinds = [t for t in ("money", "date", "attendance", "quote") if any(f.type == t for f in result.facts)]
            for kind in kinds:
                console.print(fact_table(kind, [f for f in result.facts if f.type == kind]))
    sys.exit(status.exit_code)


@cli.command()
@input_options
@click.option("--output", "-o", required=True, metavar="FILE", help="The HTML file to write.")
@click.option("--title", default="factx report", show_default=True, help="The page title.")
@handle_errors
def report(paths, glob, input_format, encoding, max_size, anchor_date, types, model, pattern_dirs, jobs, quiet,
           output, title):
    """Write one self-contained HTML page: every document with its facts highlighted
    (hover for the value, click to pin it) and a sortable table of all facts.

    \b
    Example:
      factx report seeds/ -o report.html
    """
    from .report import render

    check_output_path(output)
    status = RunStatus(quiet)
    results = list(run_documents(paths, glob, input_format, encoding, max_size, anchor_date, types, model,
                                 pattern_dirs, jobs, quiet, status, "Reporting"))
    page = render(results, {r.doc_id: r.text for r in results}, title)
    with open_output(output) as stream:
        stream.write(page)
    if not quiet:
        click.echo(f"factx: wrote {output} ({len(results)} documents, "
                   f"{sum(len(r.facts) for r in results)} facts)", err=True)
    sys.exit(status.exit_code)


@cli.command()
@input_options
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default=None,
              help="table on a terminal, json when piped.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Rows in the top-N lists.")
@handle_errors
def summary(paths, glob, input_format, encoding, max_size, anchor_date, types, model, pattern_dirs, jobs, quiet,
            fmt, top):
    """Totals an analyst asks first: money per currency (sum, largest), a timeline of dated
    facts by month, the largest attendance figures and the most quoted speakers.

    \b
    Examples:
      factx summary seeds/
      factx summary articles/ --format json | jq .money
    """
    from .summary import summarize
    from .views import format_amount

    status = RunStatus(quiet)
    s = summarize(run_documents(paths, glob, input_format, encoding, max_size, anchor_date, types, model,
                                pattern_dirs, jobs, quiet, status, "Summarizing"))
    fmt = fmt or ("table" if sys.stdout is not None and sys.stdout.isatty() else "json")
    with open_output(None) as stream:
        if fmt == "json":
            stream.write(json.dumps(s.to_dict(top), ensure_ascii=False, indent=1) + "\n")
        else:
            _print_summary(console_for(stream, None, "auto"), s, top)
    sys.exit(status.exit_code)


def _print_summary(console: Console, s, top: int) -> None:
    from .views import format_amount

    counts = ", ".join(f"{n} {t}" for t, n in s.facts.items())
    console.print(f"[bold]{s.documents} documents[/bold]: {counts or 'no facts'}")
    money = Table(title="Money by currency", title_style="bold green")
    for col, just in (("Currency", "left"), ("Facts", "right"), ("Sum", "right"), ("Largest", "right"),
                      ("Largest, as written", "left")):
        money.add_column(col, justify=just)
    for code, m in s.money.items():
        money.add_row(code, str(m["count"]), format_amount(m["total"]), format_amount(m["largest"]),
                      f'{m["evidence"]} ({Path(m["doc"]).name})')
    timeline = Table(title="Timeline: dated facts by month", title_style="bold cyan")
    timeline.add_column("Month")
    timeline.add_column("Facts", justify="right")
    timeline.add_column("")
    peak = max(s.timeline.values(), default=1)
    for month, n in sorted(s.timeline.items()):
        timeline.add_row(month, str(n), "█" * max(1, round(20 * n / peak)))
    crowd = Table(title="Largest attendance", title_style="bold magenta")
    for col in ("Count", "Attendees", "Status", "Document"):
        crowd.add_column(col)
    for f in s.attendance[:top]:
        crowd.add_row(f"{f.count:,}", f.attendees, f.status, Path(f.doc).name)
    speakers = Table(title="Most quoted speakers", title_style="bold yellow")
    for col in ("Speaker", "Role", "Quotes"):
        speakers.add_column(col)
    for name, n in s.speakers.most_common(top):
        speakers.add_row(name, s.roles.get(name, ""), str(n))
    for table in (money, timeline, crowd, speakers):
        if table.row_count:
            console.print(table)


@cli.group()
def patterns():
    """The rule tables: list what is loaded, check your own pattern files.

    \b
    Examples:
      factx patterns list
      factx patterns list --patterns my_patterns/ --table cues
      factx patterns check my_patterns/
    """


@patterns.command("list")
@click.option("--patterns", "pattern_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Add the pattern files of DIR to the shipped ones (repeatable).")
@click.option("--table", "table_name", default=None, metavar="NAME", help="List the records of one table.")
@handle_errors
def list_patterns(pattern_dirs, table_name):
    """Show every pattern table, how many records it holds, and where they come from."""
    from .pattern_files import SCHEMAS, load_patterns

    loaded = load_patterns(tuple(pattern_dirs))
    console = Console(highlight=False)
    if table_name:
        if table_name not in SCHEMAS:
            raise FactxError(f"unknown table {table_name!r}: choose from {', '.join(SCHEMAS)}")
        out = Table(title=table_name)
        out.add_column("Record")
        out.add_column("From")
        for rec in loaded.tables[table_name]:
            out.add_row(json.dumps(rec.data, ensure_ascii=False), rec.source)
        console.print(out)
        return
    out = Table(title="Pattern tables")
    out.add_column("Table")
    out.add_column("Records", justify="right")
    out.add_column("Files")
    for name in SCHEMAS:
        recs = loaded.tables[name]
        files = sorted({r.source.rsplit(":", 1)[0] for r in recs})
        out.add_row(name, str(len(recs)), "\n".join(files))
    console.print(out)
    console.print("Loaded from: " + ", ".join(loaded.sources))


@patterns.command("check")
@click.argument("directory", type=click.Path(file_okay=False))
def check_patterns(directory):
    """Validate the pattern files of DIRECTORY: every problem as FILE:LINE: PROBLEM; exit 1 if any."""
    from .pattern_files import check_dir

    records, problems = check_dir(Path(directory))
    for p in problems:
        click.echo(p, err=True)
    if problems:
        click.echo(f"factx: {len(problems)} problem(s) in {directory}", err=True)
        sys.exit(1)
    click.echo(f"{directory}: {len(records)} records, all valid")
