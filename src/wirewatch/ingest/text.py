"""Plain-text articles: the text is kept exactly as written; title, dateline and date are read from its head."""

from __future__ import annotations

import datetime as dt

from ..model import Article, Document
from .dates import DateHints, date_article


def _title(text: str, dateline_start: int | None) -> str | None:
    """The first line is a title when it is short, unpunctuated at the end, and followed by more text."""
    lines = text.lstrip().split("\n", 1)
    if len(lines) < 2:
        return None
    first = lines[0].strip()
    if not first or len(first) > 200 or first[-1] in ".:;,\"”’" or first.lower().startswith("date "):
        return None
    if dateline_start is not None and text.find(first) >= dateline_start:
        return None  # the first line is the dateline itself
    return first


def parse_text(text: str, record: str, *, article_id: str, date: dt.date | None = None,
               source: str | None = None, url: str | None = None, title: str | None = None,
               year: int | None = None, date_note: str | None = None,
               hints: DateHints = DateHints()) -> Document:
    """An Article from plain text; `date` is a known publication date that the dateline cannot override,
    `year` the year the input's metadata gives without a full date, `hints` the run's --date/--year."""
    decided = date_article(text, given=date, given_year=year, given_note=date_note, hints=hints)
    dl = decided.dateline
    return Document(
        article=Article(
            id=article_id,
            date=decided.date,
            date_source=decided.source,
            date_note=decided.note,
            dateline=(dl.text or None) if dl else None,
            title=title or _title(text, dl.start if dl else None),
            source=source or (dl.source if dl else None),
            url=url,
        ),
        text=text,
    )
