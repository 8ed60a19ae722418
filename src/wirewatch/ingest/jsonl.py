"""JSON Lines: one article per line with `id`, `date`, `text` and optional `title`, `url`, `source`.

`id` and `text` are kept exactly (the scorers rely on it). Files are split on `\\n` only, since texts may
contain U+0085 and U+2028, and read a line at a time (`lines`), so a file is never held whole and each line
has its own size limit. A bad line is skipped with its number and the batch goes on. A bad optional field is
never a reason to drop the record: `title`, `url` or `source` of the wrong type is left out with a warning;
`date` is read as people write it (`2022-05-14`, `14/05/2022`, `May 14, 2022`), and one that is not a date
keeps the record, undated unless its dateline gives one, with the reason in `article.date_note`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import BinaryIO, Iterable, Iterator

from ..errors import IngestError
from ..model import Document, Skipped, Warned
from ..settings import Settings
from .dates import DateHints, NotADate, parse_written_date
from .decode import decode
from .guard import admit, guarded, skipped, warned

__all__ = ["parse_record", "parse_jsonl", "parse_lines", "lines", "OVER_TOTAL"]

_OPTIONAL = ("title", "url", "source")
_CHUNK = 1 << 20
OVER_TOTAL = object()  # from `lines`: the input went over its total limit, reading stopped here


def _date(value: object) -> tuple[dt.date | None, int | None, str | None]:
    """(date, year, note): an optional field, so a bad value is a note on the record, never a skip."""
    if value is None or value == "":
        return None, None, None
    if not isinstance(value, str):
        return None, None, f"'date' must be a string such as 2022-05-14, not {type(value).__name__} {value!r}; ignored"
    try:
        return parse_written_date(value)
    except NotADate as exc:
        return None, None, f"'date' {exc}; ignored"


def parse_record(obj: object, record: str, *, origin: str | None = None,
                 seen: dict[str, tuple[str, str]] | None = None,
                 hints: DateHints = DateHints()) -> Iterator[Document | Warned]:
    """One decoded JSON value to a Document (after a Warned per optional field left out); IngestError when
    the record itself is unusable (not an object, no `id`, no `text`)."""
    if not isinstance(obj, dict):
        raise IngestError(record, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise IngestError(record, f"'text' must be a string, not {type(text).__name__ if text is not None else 'null'}")
    if not text.strip():
        raise IngestError(record, "'text' is empty")
    raw_id = obj.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        raise IngestError(record, "no 'id'")
    if not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool):
        raise IngestError(record, f"'id' must be a string or number, not {type(raw_id).__name__}")
    extras: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            yield warned(record, f"'{key}' left out: must be a string or null, not {type(value).__name__}")
            value = None
        extras[key] = value
    date, year, note = _date(obj.get("date"))
    yield from admit(record, text, article_id=str(raw_id), origin=origin, date=date, year=year, date_note=note,
                     hints=hints, seen=seen, **extras)


def lines(stream: BinaryIO, max_line: int, max_total: int, head: bytes = b"") -> Iterator[tuple[int, object]]:
    """(number, line) for each line of a binary stream, read in chunks: a line over `max_line` bytes comes as
    None (and is never held whole); after `max_total` bytes the last item is (number, OVER_TOTAL)."""
    number, pending, too_long, total = 1, bytearray(), False, 0
    chunk = head
    while True:
        if not chunk:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
        total += len(chunk)
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            if too_long or len(pending) + end - start > max_line:
                yield number, None
            else:
                pending += chunk[start:end]
                yield number, bytes(pending)
            number, pending, too_long, start = number + 1, bytearray(), False, end + 1
        if not too_long:
            if len(pending) + len(chunk) - start > max_line:
                too_long, pending = True, bytearray()
            else:
                pending += chunk[start:]
        chunk = b""
        if total > max_total:
            yield number, OVER_TOTAL
            return
    if too_long:
        yield number, None
    elif pending:
        yield number, bytes(pending)


def _line_text(raw: bytes, record: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode(raw, record)  # a stray Latin-1 line: detected as a text file's encoding would be


def parse_lines(numbered: Iterable[tuple[int, object]], name: str, settings: Settings,
                origin: str | None = None, hints: DateHints = DateHints()) -> Iterator[Document | Skipped | Warned]:
    """Every line of a JSON Lines input; blank lines are ignored, duplicate ids after the first are skipped."""
    first_line: dict[str, int] = {}
    total = settings.max_stream_bytes
    for number, line in numbered:
        record = f"{name}:{number}"
        if line is None:
            yield skipped(record, f"line is over the limit of {settings.max_line_bytes:,} bytes (setting max_line_bytes)")
            continue
        if line is OVER_TOTAL:
            yield skipped(name, f"stopped reading at line {number}: the input is over the limit of {total:,} bytes "
                                "(setting max_stream_bytes)")
            return
        assert isinstance(line, (str, bytes))
        yield from guarded(record, lambda: _parse_line(line, record, settings, first_line, number, origin, hints))


def _parse_line(line: str | bytes, record: str, settings: Settings, first_line: dict[str, int], number: int,
                origin: str | None, hints: DateHints) -> Iterator[Document | Skipped | Warned]:
    if isinstance(line, bytes):
        if not line.strip():
            return
        if len(line) > settings.max_line_bytes:
            yield skipped(record, f"line is over the limit of {settings.max_line_bytes:,} bytes (setting max_line_bytes)")
            return
        line = _line_text(line, record)
    if not line.strip():
        return
    if len(line.encode("utf-8", "surrogatepass")) > settings.max_line_bytes:
        yield skipped(record, f"line is over the limit of {settings.max_line_bytes:,} bytes (setting max_line_bytes)")
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield skipped(record, f"not valid JSON: {exc.msg} (column {exc.colno})")
        return
    items = list(parse_record(obj, record, origin=origin, hints=hints))
    doc = items[-1]
    assert isinstance(doc, Document)
    if (first := first_line.get(doc.article.id)) is not None:
        yield skipped(record, f"duplicate id {doc.article.id!r} (first on line {first})")
        return
    first_line[doc.article.id] = number
    yield from items


def parse_jsonl(text: str, name: str, settings: Settings, origin: str | None = None,
                hints: DateHints = DateHints()) -> Iterator[Document | Skipped | Warned]:
    """Every line of a JSON Lines text already in memory (an upload)."""
    yield from parse_lines(enumerate(text.split("\n"), start=1), name, settings, origin, hints)
