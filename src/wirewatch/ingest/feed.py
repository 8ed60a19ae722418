"""RSS and Atom feeds (feedparser): one article per entry; a broken entry is skipped, its neighbours kept.

Character references to what XML forbids (`&#55296;`, a lone surrogate; `&#0;`) are replaced with U+FFFD
before parsing, as an HTML5 parser does, with a warning naming the feed: feedparser would otherwise fail on
the whole feed. Entry ids are the feed's guids: two entries of one feed with one guid and different texts are
both kept (see `guard.admit`), and the store keys articles by origin and id, so another feed cannot replace them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator

import feedparser

from ..errors import IngestError
from ..model import Document, Skipped, Warned
from .dates import DateHints
from .guard import admit, guarded, skipped, warned
from .html import html_to_text

_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _xml_char(code: int) -> bool:
    """Whether XML 1.0 allows the character (its `Char` production)."""
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def repair_charrefs(text: str) -> tuple[str, list[str]]:
    """The feed with character references to forbidden characters replaced by U+FFFD, and those references."""
    bad: list[str] = []

    def fix(m: re.Match[str]) -> str:
        code = int(m[1], 16) if m[1] else int(m[2])
        if _xml_char(code):
            return m.group()
        bad.append(m.group())
        return "\ufffd"

    return _CHARREF.sub(fix, text), bad


def _content_text(value: str, kind: str | None) -> str:
    """Entry content as plain text: HTML is read (entities unescaped once); plain text is taken as it is."""
    if kind == "text/plain":
        return "\n\n".join(" ".join(p.split()) for p in value.split("\n\n") if p.strip())
    return html_to_text(value)


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    parts = [(c.get("value", ""), c.get("type")) for c in entry.get("content", []) if c.get("value")]
    if not parts and entry.get("summary"):
        parts = [(entry["summary"], entry.get("summary_detail", {}).get("type"))]
    return "\n\n".join(t for t in (_content_text(value, kind) for value, kind in parts) if t)


def entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    """The entry's (or the feed's own) published/updated/created date, as feedparser parsed it."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if value := entry.get(key):
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                return None
    return None


def _entry(entry: feedparser.FeedParserDict, record: str, source: str | None, origin: str | None,
           seen: dict[str, tuple[str, str]], year: int | None, hints: DateHints) -> Iterator[Document | Warned]:
    body = _entry_text(entry)
    if not body:
        raise IngestError(record, "entry has no text (no content or summary)")
    article_id = entry.get("id") or entry.get("link") or record
    yield from admit(record, body, article_id=article_id, origin=origin, date=entry_date(entry), year=year,
                     hints=hints, source=source, url=entry.get("link"), title=entry.get("title") or None, seen=seen)


@dataclass
class ParsedFeed:
    """A feed read once: its outlet (the feed's title), the year of its own date, its entries, and the problems
    found reading it (a skip when it has no readable entry, a warning for repaired character references)."""

    source: str | None
    year: int | None
    entries: list
    problems: list[Skipped | Warned]
    error: str | None = None  # why a feed with no entries could not be read (malformed XML), else None


def read_feed(text: str, name: str) -> ParsedFeed:
    """Parse an RSS/Atom feed; callers that pick entries themselves (`wirewatch watch`) use this with
    `entry_items`, so a feed is parsed once and an entry is read exactly as `parse_feed` reads it."""
    text, bad = repair_charrefs(text)
    problems: list[Skipped | Warned] = []
    if bad:
        problems.append(warned(name, f"{len(bad)} character reference(s) to characters XML forbids "
                                     f"({', '.join(bad[:3])}) replaced with U+FFFD"))
    feed = feedparser.parse(text)
    error = None
    if not feed.entries and feed.get("bozo"):
        error = str(feed.get("bozo_exception"))
    elif not feed.entries and not feed.get("version"):
        error = "not an RSS or Atom feed"
    if not feed.entries:
        problems.append(skipped(name, "feed has no readable entries" + (f" ({error})" if error else "")))
    feed_date = entry_date(feed.feed)  # the channel's date: the year of an undated entry's dateline
    return ParsedFeed(source=feed.feed.get("title") or None, year=feed_date.year if feed_date else None,
                      entries=list(feed.entries), problems=problems, error=error)


def has_content(entry: feedparser.FeedParserDict) -> bool:
    """Whether the entry carries its article's text (Atom content, RSS content:encoded), not only a summary."""
    return any(c.get("value") for c in entry.get("content", []))


def entry_items(feed: ParsedFeed, entry: feedparser.FeedParserDict, record: str, origin: str | None,
                hints: DateHints = DateHints(), seen: dict[str, tuple[str, str]] | None = None
                ) -> Iterator[Document | Skipped | Warned]:
    """One entry of a read feed as an article (guarded: a broken entry is a Skipped naming `record`)."""
    seen = {} if seen is None else seen
    yield from guarded(record, lambda: _entry(entry, record, feed.source, origin, seen, feed.year, hints))


def parse_feed(text: str, name: str, origin: str | None = None,
               hints: DateHints = DateHints()) -> Iterator[Document | Skipped | Warned]:
    """Every entry of an RSS/Atom feed as an article; the feed's own title is the source."""
    feed = read_feed(text, name)
    yield from feed.problems
    seen: dict[str, tuple[str, str]] = {}
    for number, entry in enumerate(feed.entries, start=1):
        yield from entry_items(feed, entry, f"{name}#entry{number}", origin, hints, seen)
