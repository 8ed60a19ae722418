"""JSON Lines: one article per line with `id`, `date`, `text` and optional `title`, `url`, `source`.

`id` and `text` are kept exactly (the scorers rely on it). The file is split on `\\n` only, since texts
may contain U+0085 and U+2028. A bad line is reported with its number and the batch goes on. `date` is
optional: written dates are read (`2022-05-14`, `14/05/2022`, `May 14, 2022`); one that is not a date
keeps the record, undated unless its dateline gives one, with the reason in `article.date_note`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Iterator

from ..errors import IngestError
from ..model import Document, Skipped
from ..settings import Settings
from .dates import DateHints, NotADate, parse_written_date
from .text import parse_text

_OPTIONAL = ("title", "url", "source")


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


def parse_record(obj: object, record: str, hints: DateHints = DateHints()) -> Document:
    """One decoded JSON value to a Document, or IngestError naming what is wrong with it."""
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
    extras = {}
    for key in _OPTIONAL:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise IngestError(record, f"'{key}' must be a string or null, not {type(value).__name__}")
        extras[key] = value
    date, year, note = _date(obj.get("date"))
    return parse_text(text, record, article_id=str(raw_id), date=date, year=year, date_note=note, hints=hints,
                      **extras)


def parse_jsonl(text: str, name: str, settings: Settings, hints: DateHints = DateHints()) -> Iterator[Document | Skipped]:
    """Every line of a JSON Lines file; blank lines are ignored, duplicate ids after the first are skipped."""
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        record = f"{name}:{number}"
        if not line.strip():
            continue
        if len(line.encode("utf-8", "surrogatepass")) > settings.max_line_bytes:
            yield Skipped(record=record, reason=f"line is over the limit of {settings.max_line_bytes:,} bytes (setting max_line_bytes)")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(record=record, reason=f"not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        try:
            doc = parse_record(obj, record, hints)
        except IngestError as exc:
            yield Skipped(record=record, reason=exc.reason)
            continue
        if (first := seen.get(doc.article.id)) is not None:
            yield Skipped(record=record, reason=f"duplicate id {doc.article.id!r} (first on line {first})")
            continue
        seen[doc.article.id] = number
        yield doc
