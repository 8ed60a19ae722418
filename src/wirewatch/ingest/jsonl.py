"""JSON Lines: one article per line with `id`, `date`, `text` and optional `title`, `url`, `source`.

`id` and `text` are kept exactly (the scorers rely on it). The file is split on `\\n` only, since texts
may contain U+0085 and U+2028. A bad line is reported with its number and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Iterator

from ..errors import IngestError
from ..model import Document, Skipped
from ..settings import Settings
from .text import parse_text

_OPTIONAL = ("title", "url", "source")


def _date(value: object, record: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise IngestError(record, f"'date' must be a string YYYY-MM-DD or null, not {type(value).__name__} {value!r}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise IngestError(record, f"'date' {value!r} is not a real calendar date (YYYY-MM-DD)") from None


def parse_record(obj: object, record: str) -> Document:
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
    return parse_text(text, record, article_id=str(raw_id), date=_date(obj.get("date"), record), **extras)


def parse_jsonl(text: str, name: str, settings: Settings) -> Iterator[Document | Skipped]:
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
            doc = parse_record(obj, record)
        except IngestError as exc:
            yield Skipped(record=record, reason=exc.reason)
            continue
        if (first := seen.get(doc.article.id)) is not None:
            yield Skipped(record=record, reason=f"duplicate id {doc.article.id!r} (first on line {first})")
            continue
        seen[doc.article.id] = number
        yield doc
