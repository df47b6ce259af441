"""Errors that factx raises, all subclasses of :class:`FactxError`.

    FactxError                  anything factx reports as a one-line message
    ├── InputError              a document cannot be read or decoded (names the path)
    ├── UsageProblem            an argument that cannot work: a bad type, date, size or destination
    ├── PatternError            a pattern file is invalid (names the file, line and problem)
    ├── ModelError              the spaCy pipeline cannot be loaded, or lacks what factx needs
    ├── OutputError             the output could not be written (a full disk, a closed stream)
    └── EngineError             Spark or Dask is not installed (names the extra), or a scheduler is out of reach
"""
from __future__ import annotations


class FactxError(Exception):
    """Base class: its message is meant for the user, on one line."""


class InputError(FactxError):
    """A document could not be read: `source` names it, the message says why."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class UsageProblem(FactxError, ValueError):
    """An argument factx cannot use (also a ValueError, for callers that catch those)."""


class PatternError(FactxError):
    """A pattern file is invalid. `problems` lists every `file:line: problem` found."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        head = problems[0] if problems else "invalid pattern file"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(head + more)


class ModelError(FactxError):
    """No usable spaCy pipeline, or one without a component factx needs."""


class OutputError(FactxError):
    """Writing the output failed: `destination` names where, the message says why."""

    def __init__(self, destination: str, problem: str):
        self.destination = destination
        self.problem = problem
        super().__init__(f"{destination}: cannot write: {problem}")


class EngineError(FactxError):
    """A distributed engine factx was asked to use is not installed or cannot be reached."""


def engine_missing(engine: str, extra: str, exc: ImportError) -> EngineError:
    """The one-line error for an engine that is not installed, naming the extra that brings it."""
    return EngineError(f"{engine} is not installed ({exc.name or exc}): pip install 'factx[{extra}]'")
