"""Ingest: bytes to Articles. One module per format; this module finds the files and picks the format.

`read(paths)` yields, in order, a `Document` (text and metadata, not yet extracted) for every good
article and a `Skipped` (record and reason) for every bad one, so a batch never stops on a bad neighbour.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import IngestError
from ..model import Document, Skipped
from ..settings import Settings
from .dates import hints_from
from .decode import decode
from .feed import parse_feed
from .html import parse_html
from .jsonl import parse_jsonl
from .text import parse_text

__all__ = ["read", "read_bytes", "sniff"]

_BY_SUFFIX = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".txt": "text", ".text": "text", ".md": "text",
}


def sniff(name: str, text: str) -> str:
    """The format of a decoded input: by file extension, else by its first characters."""
    if (fmt := _BY_SUFFIX.get(Path(name).suffix.lower())) is not None:
        return fmt
    head = text.lstrip()[:500].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<?xml") or "<rss" in head or "<feed" in head:
        return "html" if "<html" in head else "feed"
    if head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head:
        return "html"
    return "text"


def _article_id(name: str, root: Path | None) -> str:
    """A stable id from the file's path: relative to the directory given, or the file's stem."""
    path = Path(name)
    if root is None:
        return path.stem or name
    try:
        path = path.relative_to(root)
    except ValueError:
        pass
    return str(path.with_suffix(""))


def read_bytes(data: bytes, name: str, settings: Settings, root: Path | None = None) -> Iterator[Document | Skipped]:
    """Articles in one input's bytes (`name` is used for messages, the format and ids)."""
    try:
        if len(data) > settings.max_article_bytes and sniff(name, "") != "jsonl":
            raise IngestError(name, f"{len(data):,} bytes, over the limit of {settings.max_article_bytes:,} "
                                    "(setting max_article_bytes)")
        text = decode(data, name)
        fmt = sniff(name, text)
        hints = hints_from(settings)
        if fmt == "jsonl":
            yield from parse_jsonl(text, name, settings, hints)
        elif fmt == "feed":
            yield from parse_feed(text, name, hints)
        elif fmt == "html":
            yield parse_html(text, name, article_id=_article_id(name, root), hints=hints)
        else:
            yield parse_text(text, name, article_id=_article_id(name, root), hints=hints)
    except IngestError as exc:
        yield Skipped(record=exc.record, reason=exc.reason)


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for filename in sorted(filenames):
                if not filename.startswith("."):
                    yield Path(dirpath) / filename
    else:
        yield path


def read(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Document | Skipped]:
    """Every article in the given files and directories (recursive); `-` reads standard input."""
    settings = settings or Settings()
    for raw in paths:
        if str(raw) == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", settings)
            continue
        root = Path(raw)
        if not root.exists():
            yield Skipped(record=str(raw), reason="no such file or directory")
            continue
        for file in _files(root):
            try:
                size = file.stat().st_size
                limit = settings.max_line_bytes * 1000 if _BY_SUFFIX.get(file.suffix.lower()) == "jsonl" \
                    else settings.max_article_bytes
                if size > limit:
                    yield Skipped(record=str(file), reason=f"{size:,} bytes, over the limit of {limit:,} (setting max_article_bytes)")
                    continue
                data = file.read_bytes()
            except OSError as exc:
                yield Skipped(record=str(file), reason=f"cannot be read ({exc.strerror or exc})")
                continue
            yield from read_bytes(data, str(file), settings, root if root.is_dir() else None)
