"""Inputs: paths, folders, '-' (stdin) and JSON Lines records, decoded into Documents.

`iter_documents` yields, in input order, a `Document` for every text it could
read and a `Problem` for every one it could not, so that a caller reports the
problem and goes on with the rest.
"""
from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .errors import UsageProblem

DEFAULT_MAX_BYTES = 20_000_000  # decimal, as --max-size reads "20MB"


def format_size(n: float) -> str:
    """A byte count as people write it: 512 bytes, 1 KB, 1.5 MB, 20 MB."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{int(n)} bytes"


def _utf16_order(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for text that is UTF-16 without a byte order mark: NUL bytes
    in most odd (little-endian) or most even (big-endian) positions, few in the others."""
    sample = data[:65536]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.6 and zeros_even < 0.1:
        return "utf-16-le"
    if zeros_even > 0.6 and zeros_odd < 0.1:
        return "utf-16-be"
    return None


def as_date(value, what: str = "date") -> date | None:
    """A date from a date, a "YYYY-MM-DD" string or None; a UsageProblem telling a malformed
    date from an impossible one ("2024-02-30") for anything else."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, str):
        raise UsageProblem(f"{what} must be a date or a 'YYYY-MM-DD' string, not {type(value).__name__}")
    text = value.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise UsageProblem(f"{what} {value!r} is not a date in YYYY-MM-DD form")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageProblem(f"{what} {value!r} is not a real date ({exc})") from None


@dataclass
class Document:
    id: str
    text: str
    date: date | None = None  # from a JSON Lines record's "date"; a "YYYY-MM-DD" string is accepted
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self):
        if not isinstance(self.text, str):
            raise UsageProblem(f"document {self.id!r}: text must be a str, not {type(self.text).__name__}")
        self.id = str(self.id)
        self.date = as_date(self.date, f"document {self.id!r}: date")


@dataclass
class Problem:
    """An input that could not be read; `warning` problems do not stop the document."""

    source: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def decode(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str | None]:
    """Decode bytes; return (text, note) where note says an encoding was guessed.

    Raises ValueError with the problem for binary or undecodable data.
    """
    if encoding:
        try:
            return data.decode(encoding), None
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise ValueError(f"cannot be decoded as {encoding} (byte {exc.start})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "decoded as UTF-16 (byte order mark)"
        except UnicodeDecodeError:
            raise ValueError("has a UTF-16 byte order mark but is not valid UTF-16") from None
    if b"\x00" in data[:65536]:
        order = _utf16_order(data)
        if order is None:
            raise ValueError("binary file (contains NUL bytes), skipped")
        try:
            return data.decode(order), f"no byte order mark; decoded as {order.upper()} (NUL bytes between the characters)"
        except UnicodeDecodeError:
            raise ValueError(f"looks like {order.upper()} without a byte order mark, but is not valid; "
                             "name the encoding with --encoding") from None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    high = sum(b >= 0x80 for b in data[:65536])
    if high <= 0.1 * min(len(data), 65536):
        # Mostly ASCII with a few other bytes: English text in the usual legacy Windows encoding.
        try:
            text = data.decode("cp1252")
            if not any(0x80 <= ord(c) <= 0x9f for c in text):
                return text, "not UTF-8; decoded as cp1252 (name the encoding with --encoding)"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None:
        raise ValueError(f"not UTF-8 (invalid byte at {utf8_error.start}) and no encoding detected; name one with --encoding")
    try:
        return data.decode(best.encoding), f"not UTF-8; decoded as {best.encoding} (name the encoding with --encoding)"
    except (UnicodeDecodeError, LookupError):
        raise ValueError(f"not UTF-8 (invalid byte at {utf8_error.start}); name the encoding with --encoding") from None


def _text_problem(text: str) -> str | None:
    if not text:
        return "empty file, nothing to extract"
    if not text.strip():
        return "only whitespace, nothing to extract"
    return None


def _walk(folder: Path, pattern: str) -> Iterator[Path | Problem]:
    """Files under `folder` matching `pattern`, sorted, following links but never in a loop.
    A folder that cannot be read is a Problem (an error: its files are not processed)."""
    seen: set[str] = set()
    found = 0
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=unreadable.append):
        while unreadable:
            exc = unreadable.pop(0)
            yield Problem(str(exc.filename or root), f"folder cannot be read ({exc.strerror or exc}); its files are skipped")
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            yield Problem(root, "directory loop through symbolic links, not followed again", warning=True)
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if path.match(pattern):
                found += 1
                yield path
    for exc in unreadable:
        yield Problem(str(exc.filename or folder), f"folder cannot be read ({exc.strerror or exc}); its files are skipped")
    if not found and not unreadable:
        yield Problem(str(folder), f"no files matching {pattern} (choose others with --glob)", warning=True)


def count_documents(paths: Iterable[str], glob: str = "*.txt", input_format: str = "auto") -> int | None:
    """How many documents `paths` hold, when that is cheap to know (no stdin, no JSON Lines); else None."""
    if input_format == "jsonl" or "-" in paths:
        return None
    total = 0
    for given in paths:
        path = Path(given)
        try:
            files = [p for p in _walk(path, glob) if isinstance(p, Path)] if path.is_dir() else [path]
        except OSError:
            continue
        if any(p.suffix == ".jsonl" for p in files) and input_format == "auto":
            return None
        total += len(files)
    return total


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(
            f"file is {format_size(size)}, over the {format_size(max_bytes)} limit (raise it with --max-size)")
    with open(path, "rb") as handle:
        return handle.read()


def _records(lines: Iterable[bytes], source: str, encoding: str | None) -> Iterator[Document | Problem]:
    """Documents from JSON Lines records {"id", "text", "date"?}."""
    seen_ids: dict[str, int] = {}
    for n, raw in enumerate(lines, 1):
        where = f"{source}:{n}"
        try:
            line, _ = decode(raw, where, encoding)
        except ValueError as exc:
            yield Problem(where, str(exc))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"malformed JSON Lines record: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Problem(where, 'malformed JSON Lines record: needs an object with a "text" string')
            continue
        doc_id = str(record.get("id", where))
        if doc_id in seen_ids:
            yield Problem(where, f"id {doc_id!r} was already used at line {seen_ids[doc_id]}; "
                                 "the facts of both records carry it", warning=True)
        else:
            seen_ids[doc_id] = n
        doc_date = None
        raw_date = record.get("date")
        if raw_date is not None:
            try:
                if not isinstance(raw_date, str):
                    raise ValueError
                doc_date = date.fromisoformat(raw_date.strip()[:10])
            except ValueError:
                yield Problem(where, f'"date" is not a "YYYY-MM-DD" string: {raw_date!r}; '
                                     "using the text's own date", warning=True)
        problem = _text_problem(record["text"])
        if problem:
            yield Problem(f"{where} (id {doc_id})", problem.replace("file", "text"))
            continue
        yield Document(doc_id, record["text"], doc_date)


def _one_text(data: bytes, source: str, encoding: str | None) -> Iterator[Document | Problem]:
    try:
        text, note = decode(data, source, encoding)
    except ValueError as exc:
        yield Problem(source, str(exc))
        return
    problem = _text_problem(text)
    if problem:
        yield Problem(source, problem)
        return
    doc = Document(source, text)
    if note:
        doc.warnings.append(note)
    yield doc


def iter_documents(
    paths: Iterable[str],
    glob: str = "*.txt",
    input_format: str = "auto",
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | Problem]:
    """Every document of `paths` in order; `input_format` is auto, text or jsonl."""
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:
                yield Problem("-", "standard input is closed; nothing to read")
                continue
            if input_format == "jsonl":
                yield from _records(stream, "-", encoding)
            else:
                yield from _one_text(stream.read(), "-", encoding)
            continue
        path = Path(given)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except PermissionError:
            yield Problem(given, "permission denied (a folder on its path cannot be searched)")
            continue
        if is_dir:
            files: Iterable[Path | Problem] = _walk(path, glob)
        elif exists:
            files = [path]
        else:
            yield Problem(given, "no such file or directory")
            continue
        for item in files:
            if isinstance(item, Problem):
                yield item
                continue
            source = str(item)
            as_jsonl = input_format == "jsonl" or (input_format == "auto" and item.suffix == ".jsonl")
            try:
                if as_jsonl:
                    if item.stat().st_size > max_bytes * 50:
                        raise ValueError(f"file is over {format_size(max_bytes * 50)}, the limit for JSON Lines "
                                         "(50 times --max-size; raise it with --max-size)")
                    with open(item, "rb") as handle:
                        yield from _records(handle, source, encoding)
                    continue
                data = _read_bytes(item, max_bytes)
            except FileNotFoundError:
                yield Problem(source, "no longer exists (removed during the run, or a broken link)")
                continue
            except PermissionError:
                yield Problem(source, "permission denied")
                continue
            except IsADirectoryError:
                yield Problem(source, "is a directory")
                continue
            except OSError as exc:
                yield Problem(source, f"cannot be read: {exc.strerror or exc}")
                continue
            except ValueError as exc:
                yield Problem(source, str(exc))
                continue
            yield from _one_text(data, source, encoding)
