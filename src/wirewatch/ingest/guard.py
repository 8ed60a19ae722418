"""The one gate every ingested record passes: a bad record becomes a named skip, never a crash of the run.

- `guarded(record, parse)` runs the parser of one input or one record; whatever it raises (a lone surrogate,
  JSON nested 100,000 deep, a 5,000-digit number, a library bug) becomes `Skipped(record, reason)`. What the
  parser yielded before is kept, and the run goes on with the next record.
- `admit(...)` builds every Document that leaves ingest (text files, JSON Lines, HTML, feed entries, the API's
  JSON): an `id` or `text` that is not valid Unicode (a lone surrogate can be neither hashed, stored nor printed)
  skips the record; a bad optional field (title, source, url) is left out with a warning (`Warned`); bidi
  control characters are removed from the names shown beside other text (title, source, dateline), so a
  source name cannot reverse the line it is shown in. The text itself is never changed.
- `shown(name)` is a record name or reason safe to print on one line: control characters, bidi controls and
  lone surrogates are escaped, so a file name with a newline cannot forge lines of a skip report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from typing import Callable, Iterable, Iterator

from ..errors import IngestError
from ..model import Document, Skipped, Warned
from .dates import DateHints
from .text import parse_text

__all__ = ["Item", "guarded", "admit", "shown", "fs_text", "invalid_unicode", "BIDI_CONTROLS"]

Item = Document | Skipped | Warned

_SURROGATE = re.compile("[\ud800-\udfff]")
# Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): they reorder the text around them.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SHOWN_FIELDS = ("title", "source", "dateline")
_OPTIONAL = ("title", "source", "url")


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return named.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def shown(name: str) -> str:
    """`name` on one printable line: controls, line separators, bidi controls and lone surrogates escaped."""
    return _UNPRINTABLE.sub(_escape, name)


def fs_text(path: object) -> str:
    """A path as text that is valid Unicode: bytes a file name cannot decode become `\\xff` escapes."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")  # type: ignore[arg-type]
    except (UnicodeError, TypeError):
        return shown(str(path))


def invalid_unicode(value: str) -> str | None:
    """Why `value` is not valid Unicode text (its first lone surrogate), or None when it is."""
    if (m := _SURROGATE.search(value)) is None:
        return None
    return f"lone surrogate U+{ord(m.group()):04X} at character {m.start()}"


def skipped(record: str, reason: str) -> Skipped:
    return Skipped(record=shown(record), reason=shown(reason))


def warned(record: str, reason: str) -> Warned:
    return Warned(record=shown(record), reason=shown(reason))


def guarded(record: str, parse: Callable[[], Iterable[Item]]) -> Iterator[Item]:
    """Everything `parse()` yields; whatever it raises ends it as one `Skipped` naming `record` and why."""
    try:
        for item in parse():
            yield item
    except IngestError as exc:
        yield skipped(exc.record, exc.reason)
    except RecursionError:
        yield skipped(record, "nested too deeply to read (over Python's recursion limit)")
    except Exception as exc:  # noqa: BLE001 - one bad record must not end the run
        message = str(exc)
        message = message if len(message) <= 300 else message[:299] + "…"
        yield skipped(record, f"could not be read ({type(exc).__name__}: {message})")


def admit(record: str, text: str, *, article_id: str, origin: str | None = None, date: dt.date | None = None,
          title: str | None = None, source: str | None = None, url: str | None = None,
          year: int | None = None, date_note: str | None = None, hints: DateHints = DateHints(),
          seen: dict[str, tuple[str, str]] | None = None) -> Iterator[Document | Warned]:
    """The checked Document for one record, after a `Warned` for each problem that did not stop it.

    The date arguments are `text.parse_text`'s: a date that is not one is a note on the article
    (`Article.date_note`), never a reason to drop it.
    `seen` (id -> (record, text hash)) is shared by the records of one input: an id that repeats with another
    text is kept as a separate article (its origin gets `#2`, `#3` ...), not as a new version of the first.
    Raises IngestError when `article_id` or `text` is unusable.
    """
    for name, value in (("id", article_id), ("text", text)):
        if (problem := invalid_unicode(value)) is not None:
            raise IngestError(record, f"'{name}' is not valid Unicode ({problem})")
    notes: list[Warned] = []
    fields = {"title": title, "source": source, "url": url}
    for name in _OPTIONAL:
        value = fields[name]
        if value is not None and (problem := invalid_unicode(value)) is not None:
            fields[name] = None
            notes.append(warned(record, f"'{name}' left out: not valid Unicode ({problem})"))
    if seen is not None:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        first = seen.setdefault(article_id, (record, digest))
        if first[1] != digest:
            copies = sum(1 for key in seen if key.startswith(f"{article_id}\0")) + 2
            seen[f"{article_id}\0{copies}"] = (record, digest)
            origin = f"{origin or ''}#{copies}"
            notes.append(warned(record, f"id {article_id!r} repeats {first[0]} with another text; "
                                        "kept as a separate article"))
    doc = parse_text(text, record, article_id=article_id, date=date, year=year, date_note=date_note, hints=hints,
                     origin=origin, **fields)
    clean = {name: BIDI_CONTROLS.sub("", value) for name in _SHOWN_FIELDS
             if (value := getattr(doc.article, name)) is not None and BIDI_CONTROLS.search(value)}
    if clean:
        notes.append(warned(record, f"bidirectional control characters removed from {', '.join(sorted(clean))}"))
        doc = doc.model_copy(update={"article": doc.article.model_copy(update=clean)})
    yield from notes
    yield doc
