"""Ingest: bytes to Articles. One module per format; this module finds the inputs, reads each with a bound
and picks the format.

`read(paths)` yields, in order, a `Document` (text and metadata, not yet extracted) for every good article,
a `Skipped` (record and reason) for every bad one and a `Warned` before a Document kept with a problem, so a
batch never stops on a bad neighbour. Every record passes `guard.guarded` and `guard.admit` (see there).

Reading is bounded everywhere: a file over `max_article_bytes` is refused before it is read and never read past
the limit (its size may lie: /proc, a pipe); JSON Lines files, standard input and pipes that start with `{` are
read a line at a time (`max_line_bytes` per line, `max_stream_bytes` in all). In a directory only regular
files are read: a FIFO, a device or a symlink to one is skipped by name (reading it could block or never end);
given by name, a pipe or device is read with the same bounds as standard input.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..errors import IngestError
from ..model import Document, Skipped, Warned
from ..settings import Settings
from .dates import DateHints, hints_from
from .decode import decode, looks_utf16
from .feed import parse_feed
from .guard import admit, fs_text, guarded, skipped
from .html import parse_html
from .jsonl import lines, parse_jsonl, parse_lines, parse_record

__all__ = ["read", "read_bytes", "read_records", "read_uploads", "sniff"]

Item = Document | Skipped | Warned
_HEAD = 65_536

_BY_SUFFIX = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".txt": "text", ".text": "text", ".md": "text",
}
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def sniff(name: str, text: str) -> str:
    """The format of a decoded input: by file extension, else by its first characters."""
    if (fmt := _BY_SUFFIX.get(Path(name).suffix.lower())) is not None:
        return fmt
    head = text.lstrip("\ufeff \t\r\n")[:500].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<?xml") or "<rss" in head or "<feed" in head:
        return "html" if "<html" in head else "feed"
    if head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head:
        return "html"
    return "text"


def _article_id(name: str, root: str | None) -> str:
    """A stable id from the file's path: relative to the directory given, or the file's stem."""
    path = Path(name)
    if root is None:
        return path.stem or name
    try:
        path = path.relative_to(root)
    except ValueError:
        pass
    return str(path.with_suffix(""))


def read_bytes(data: bytes, name: str, settings: Settings, root: str | Path | None = None,
               origin: str | None = None) -> Iterator[Item]:
    """Articles in one input's bytes (`name` is used for messages, the format and ids; `origin` for identity)."""

    def parse() -> Iterator[Item]:
        if sniff(name, data[:2000].decode("utf-8", "replace")) == "jsonl" and not _wide(data[:_HEAD]):
            # line by line, each decoded on its own: one line that is not UTF-8 costs only that line
            yield from parse_lines(enumerate(data.split(b"\n"), start=1), name, settings, origin, hints)
            return
        if len(data) > settings.max_article_bytes:
            raise IngestError(name, f"{len(data):,} bytes, over the limit of {settings.max_article_bytes:,} "
                                    "(setting max_article_bytes)")
        text = decode(data, name)
        fmt = sniff(name, text)
        article_id = _article_id(name, str(root) if root is not None else None)
        if fmt == "jsonl":
            yield from parse_jsonl(text, name, settings, origin, hints)
        elif fmt == "feed":
            yield from parse_feed(text, name, origin, hints)
        elif fmt == "html":
            yield from parse_html(text, name, article_id=article_id, origin=origin, hints=hints)
        else:
            yield from admit(name, text, article_id=article_id, origin=origin, hints=hints)

    hints = hints_from(settings)  # a bad --date/--year ends the run here, before any record
    yield from guarded(name, parse)


def read_records(records: object, name: str = "body", origin: str = "api",
                 hints: DateHints = DateHints()) -> Iterator[Item]:
    """Articles from decoded JSON (the API's body: one object or a list of them), each record guarded."""
    seen: dict[str, tuple[str, str]] = {}
    for i, obj in enumerate(records if isinstance(records, list) else [records]):
        record = f"{name}[{i}]"
        yield from guarded(record, lambda: parse_record(obj, record, origin=origin, seen=seen, hints=hints))


def read_uploads(files: Iterable[tuple[str, bytes]], settings: Settings, origin: str = "api") -> Iterator[Item]:
    """Articles from uploaded files (name, bytes), as if read from a folder; each file's origin is `api:NAME`."""
    for filename, data in files:
        yield from read_bytes(data, filename, settings, origin=f"{origin}:{filename}")


def _kind(mode: int) -> str | None:
    """What a non-regular file is ('a named pipe (FIFO)' ...), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def _wide(head: bytes) -> bool:
    """UTF-16/32 text cannot be split into lines on the byte b'\\n'."""
    boms = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    return head.startswith(boms) or looks_utf16(head) is not None


def read_stream(stream: BinaryIO, name: str, settings: Settings, *, origin: str | None = None,
                root: str | None = None, fmt: str | None = None) -> Iterator[Item]:
    """Articles from a binary stream of unknown length (stdin, a pipe, a file), never reading past a limit."""
    head = stream.read(_HEAD)
    fmt = fmt or sniff(name, head[:2000].decode("utf-8", "replace"))
    if fmt == "jsonl" and not _wide(head):
        yield from parse_lines(lines(stream, settings.max_line_bytes, settings.max_stream_bytes, head), name,
                               settings, origin, hints_from(settings))
        return
    limit = settings.max_article_bytes
    data = head + (stream.read(limit + 1 - len(head)) if len(head) <= limit else b"")
    if len(data) > limit:
        yield skipped(name, f"over the limit of {limit:,} bytes (setting max_article_bytes); not read further")
        return
    yield from read_bytes(data, name, settings, root, origin)


def _open_error(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    return f"cannot be read ({exc.strerror or exc})"


def _read_path(path: Path, settings: Settings, root: Path | None, in_folder: bool) -> Iterator[Item]:
    name = fs_text(path)
    try:  # non-blocking in a folder: opening a FIFO there must not wait for a writer
        fd = os.open(path, os.O_RDONLY | (os.O_NONBLOCK if in_folder else 0))
    except OSError as exc:
        yield skipped(name, _open_error(exc))
        return
    with os.fdopen(fd, "rb") as stream:
        st = os.fstat(stream.fileno())
        suffix_fmt = _BY_SUFFIX.get(path.suffix.lower())
        root_name = fs_text(root) if root is not None else None
        if (kind := _kind(st.st_mode)) is not None:
            if in_folder:
                yield skipped(name, f"not a regular file ({kind}); give it by name to read it as a stream")
                return
            yield from read_stream(stream, name, settings, origin=name, fmt=suffix_fmt)
            return
        origin = fs_text(path.resolve())
        if suffix_fmt not in (None, "jsonl") and st.st_size > settings.max_article_bytes:  # (no suffix: sniffed)
            yield skipped(name, f"{st.st_size:,} bytes, over the limit of {settings.max_article_bytes:,} "
                                "(setting max_article_bytes)")
            return
        yield from read_stream(stream, name, settings, origin=origin, root=root_name, fmt=suffix_fmt)


def _files(path: Path, errors: list[OSError]) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(path, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith("."):
                yield Path(dirpath) / filename


def read(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Item]:
    """Every article in the given files and directories (recursive); `-` reads standard input."""
    settings = settings or Settings()
    hints_from(settings)  # a bad --date/--year ends the run here, before any record
    for raw in paths:
        if str(raw) == "-":
            yield from guarded("<stdin>", lambda: read_stream(sys.stdin.buffer, "<stdin>", settings, origin="<stdin>"))
            continue
        root = Path(raw)
        if not root.is_dir():
            yield from guarded(fs_text(root), lambda: _read_path(root, settings, None, in_folder=False))
            continue
        errors: list[OSError] = []
        for file in _files(root, errors):
            yield from guarded(fs_text(file), lambda: _read_path(file, settings, root, in_folder=True))
            while errors:
                exc = errors.pop(0)
                yield skipped(fs_text(exc.filename or root), _open_error(exc))
        for exc in errors:
            yield skipped(fs_text(exc.filename or root), _open_error(exc))
