"""Where output goes: standard output, or a file, and never a silent loss.

`open_output(path)` is the one way every command writes:

- no path, or `-`: standard output;
- a regular file (or a new path): written to a temporary file beside it and renamed over it
  only when the run succeeds, so the file is whole or left as it was; it keeps the old file's
  mode, or gets the umask's for a new one (never the temporary file's 0600);
- a symbolic link: the same, on the file the link points to (the link stays a link);
- anything else (a FIFO, `/dev/null`, a terminal): written through, as the shell's `>` would.

Every write goes through `GuardedStream`, which turns a failed write (a full disk, a closed
stream) into an `OutputError` naming the destination, so that it is never reported as success.
`check_output_path` refuses a directory or a missing folder before any work starts.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from .errors import OutputError, UsageProblem

STDOUT_NAME = "standard output"


class GuardedStream:
    """A text stream whose write errors become `OutputError`s (a closed pipe stays BrokenPipeError)."""

    def __init__(self, stream: TextIO, name: str):
        self._stream = stream
        self.name = name

    def _guard(self, call, *args):
        try:
            return call(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(self.name, exc.strerror or str(exc)) from None
        except ValueError as exc:  # writing to a closed file
            raise OutputError(self.name, str(exc)) from None

    def write(self, text: str) -> int:
        return self._guard(self._stream.write, text)

    def flush(self) -> None:
        self._guard(self._stream.flush)

    def isatty(self) -> bool:
        try:
            return self._stream.isatty()
        except (AttributeError, ValueError):
            return False

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"

    def __getattr__(self, name):
        return getattr(self._stream, name)


def check_output_path(path: str | None) -> None:
    """Refuse, before any work, a destination that cannot be written: a folder, a missing folder."""
    if path is None or path == "-":
        return
    target = Path(path)
    if target.is_dir():
        raise UsageProblem(f"{path}: is a directory; name a file to write")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise UsageProblem(f"{path}: folder {str(parent)!r} does not exist")
    if not target.exists() and not os.access(parent, os.W_OK):
        raise UsageProblem(f"{path}: cannot create a file in {str(parent)!r}: permission denied")


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def open_output(path: str | None) -> Iterator[GuardedStream]:
    """A guarded stream for `path` (see the module docstring); flushed, and a file put in place, on success."""
    if path is None or path == "-":
        stream = GuardedStream(sys.stdout, STDOUT_NAME)
        yield stream
        stream.flush()
        return
    check_output_path(path)
    real = Path(os.path.realpath(path))  # through a symbolic link to the file it names
    try:
        info = real.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        yield from _write_through(path, real)
        return
    yield from _write_atomically(path, real, info)


def _write_through(path: str, real: Path):
    try:
        handle = open(real, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    stream = GuardedStream(handle, path)
    try:
        yield stream
        stream.flush()
    finally:
        try:
            handle.close()
        except OSError:
            pass


def _write_atomically(path: str, real: Path, info: os.stat_result | None):
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".part", dir=real.parent)
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            stream = GuardedStream(handle, path)
            yield stream
            stream.flush()
            try:
                os.fsync(handle.fileno())
            except OSError as exc:
                if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
                    raise OutputError(path, exc.strerror or str(exc)) from None
        os.chmod(tmp, stat.S_IMODE(info.st_mode) if info else _new_file_mode())
        if info is not None and hasattr(os, "chown"):
            try:
                os.chown(tmp, info.st_uid, info.st_gid)
            except OSError:
                pass  # not ours to give away: the file keeps our ownership
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
