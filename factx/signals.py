"""Ctrl-C and SIGTERM end a run the same way: no traceback, no partial `-o` file, one line.

`install()` (the CLI does it once) makes SIGINT raise `KeyboardInterrupt` and SIGTERM raise
`Terminated`, and records that a signal came. `check()` raises again if one came and was
swallowed on the way (inside a library, or while workers were starting): output is never put
in place, and the exit status is never 0, after a signal.
"""
from __future__ import annotations

import signal

_received: list[int] = []


class Terminated(KeyboardInterrupt):
    """SIGTERM (`timeout`, a cancelled job): handled as Ctrl-C is, with exit status 143."""


def _on_signal(signum, frame):
    _received.append(signum)
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def install() -> None:
    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)


def for_worker() -> None:
    """Worker processes leave both signals to the parent, which stops the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def check() -> None:
    if _received:
        raise Terminated() if _received[-1] == signal.SIGTERM else KeyboardInterrupt()
