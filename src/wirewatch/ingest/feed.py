"""RSS and Atom feeds (feedparser): one article per entry; a broken entry is skipped, its neighbours kept."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

import feedparser

from ..errors import IngestError
from ..model import Document, Skipped
from .dates import DateHints
from .html import html_to_text
from .text import parse_text


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    parts = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if not parts and entry.get("summary"):
        parts = [entry["summary"]]
    return "\n\n".join(t for t in (html_to_text(p) for p in parts) if t)


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    """The entry's (or the feed's own) published/updated/created date, as feedparser parsed it."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if value := entry.get(key):
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                return None
    return None


def parse_feed(text: str, name: str, hints: DateHints = DateHints()) -> Iterator[Document | Skipped]:
    """Every entry of an RSS/Atom feed as an article; the feed's own title is the source."""
    feed = feedparser.parse(text)
    if not feed.entries:
        problem = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield Skipped(record=name, reason=f"feed has no readable entries{problem}")
        return
    source = feed.feed.get("title") or None
    feed_date = _entry_date(feed.feed)  # the channel's date: the year of an undated entry's dateline
    for number, entry in enumerate(feed.entries, start=1):
        record = f"{name}#entry{number}"
        try:
            body = _entry_text(entry)
            if not body:
                raise IngestError(record, "entry has no text (no content or summary)")
            title = entry.get("title") or None
            article_id = entry.get("id") or entry.get("link") or f"{name}#entry{number}"
            yield parse_text(body, record, article_id=article_id, date=_entry_date(entry),
                             year=feed_date.year if feed_date else None, hints=hints,
                             source=source, url=entry.get("link"), title=title)
        except IngestError as exc:
            yield Skipped(record=exc.record, reason=exc.reason)
