"""New items of a source: which feed entries and folder files were not taken yet, and their ingest records.

An item is taken once per source and key (a feed entry's id, else its link; a file's path), and again only
when its content changes (a hash of what the entry or file says). Articles are read by the project's ingest
(`ingest.feed.entry_items`, `ingest.html.parse_html`, `ingest.read_bytes`), so a watched article is the same
Article that `wirewatch ingest` makes of the same input.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from lxml import etree

from ..errors import IngestError
from ..ingest import read_bytes
from ..ingest.dates import DateHints
from ..ingest.decode import decode
from ..ingest.feed import ParsedFeed, entry_date, entry_items, has_content, read_feed
from ..ingest.guard import guarded
from ..ingest.html import parse_html
from ..model import Document, Skipped, Warned
from ..settings import Settings

Record = Document | Skipped | Warned
Taken = Callable[[str, str], "tuple[str | None, str | None] | None"]  # (source, key) -> (hash, stamp) or None
HashTaken = Callable[[str, str], bool]


@dataclass
class Item:
    """One new item of a source and the ingest records it makes (read when the item is processed)."""

    source: str
    key: str
    content_hash: str
    records: Callable[[], list[Record]]
    page_url: str | None = None  # a summary-only entry's article page, to fetch before reading
    page: bytes | None = field(default=None, repr=False)
    page_error: str | None = None
    stamp: str | None = None


def digest(*parts: str | bytes | None) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else (part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def _entry_hash(entry) -> str:
    content = [c.get("value", "") for c in entry.get("content", [])]
    return digest(entry.get("title"), entry.get("link"), entry.get("summary"), *content)


_XML = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


def raw_entries(body: bytes) -> frozenset[str] | None:
    """Hashes of a feed's entries as bytes (each RSS item, Atom entry), read by lxml in about 1 ms where
    feedparser takes about 50 ms for 50 entries: a feed whose entries were all seen before, whatever else
    changed in it (a build date), need not be parsed. None when no entry can be found this way."""
    try:
        root = etree.fromstring(body, parser=_XML)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    found = frozenset(digest(etree.tostring(el)) for el in root.iter("{*}item", "{*}entry"))
    return found or None


def parse(body: bytes, url: str) -> ParsedFeed:
    """A fetched feed, decoded as ingest decodes files; IngestError when it is not text."""
    return read_feed(decode(body, url), url)


def feed_items(feed: ParsedFeed, url: str, taken: Taken, hash_taken: HashTaken, *, summaries_only: bool,
               hints: DateHints = DateHints()) -> list[Item]:
    """The entries of a fetched feed not taken before (or changed since), each with its records."""
    items: list[Item] = []
    seen: dict[str, tuple[str, str]] = {}
    keys: set[str] = set()
    for number, entry in enumerate(feed.entries, start=1):
        chash = _entry_hash(entry)
        key = entry.get("id") or entry.get("link") or f"#{chash}"
        if key in keys:  # the same id twice in one feed: ingest keeps both (see guard.admit); so do we
            key = f"{key}#{number}"
        keys.add(key)
        before = taken(url, key)
        if before is not None and before[0] == chash:
            continue
        if before is None and hash_taken(url, chash):
            continue  # the same entry under a new id
        record = f"{url}#entry{number}"
        link = entry.get("link")
        item = Item(url, key, chash, lambda: [])
        item.page_url = link if (not summaries_only and not has_content(entry) and link
                                 and link.startswith(("http://", "https://"))) else None
        item.records = _entry_reader(feed, entry, record, url, item, hints, seen)
        items.append(item)
    return items


def _entry_reader(feed: ParsedFeed, entry, record: str, url: str, item: Item, hints: DateHints,
                  seen: dict) -> Callable[[], list[Record]]:
    def read() -> list[Record]:
        if item.page is not None:
            page = _page_records(feed, entry, record, url, item, hints)
            if page:
                return page
        notes: list[Record] = []
        if item.page_error is not None:
            notes.append(Warned(record=record, reason=f"article page not read ({item.page_error}); "
                                                      "the feed's summary is used"))
        return notes + list(entry_items(feed, entry, record, url, hints, seen))
    return read


def _page_records(feed: ParsedFeed, entry, record: str, url: str, item: Item, hints: DateHints) -> list[Record]:
    """The article page of a summary-only entry, read by the HTML ingest; the feed fills what the page lacks
    (outlet: the feed's title; the entry's title and date). [] when the page has no main text."""
    assert item.page is not None
    try:
        html = decode(item.page, item.page_url or record)
        out = list(parse_html(html, f"{record} page", article_id=item.key if not item.key.startswith("#")
                              else record, url=item.page_url, origin=url, hints=hints))
    except IngestError as exc:
        item.page_error = exc.reason
        return []
    fixed: list[Record] = []
    for rec in out:
        if isinstance(rec, Document):
            a = rec.article
            changes = {"source": feed.source or a.source, "title": a.title or entry.get("title") or None}
            if a.date is None and (date := entry_date(entry)) is not None:
                changes.update(date=date, date_source="input", date_note=None)
            rec = rec.model_copy(update={"article": a.model_copy(update=changes)})
        fixed.append(rec)
    return fixed



def folder_items(folder: str, taken: Taken, settings: Settings, ignore: frozenset[str] = frozenset()
                 ) -> tuple[list[Item], list[tuple[str, str]]]:
    """New and changed files of a folder (recursive, hidden names skipped), and (key, stamp) of files touched but
    unchanged. A file's stamp (mtime and size) spares reading files that did not change; its hash decides.
    `ignore` holds resolved paths never read (the store's own files, the alerts file: they change every poll)."""
    root = Path(folder)
    items: list[Item] = []
    touched: list[tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if ignore and str(path.resolve()) in ignore:
                continue
            try:
                st = path.stat()
            except OSError:
                continue
            if not path.is_file():
                continue
            key = str(path.relative_to(root))
            stamp = f"{st.st_mtime_ns}:{st.st_size}"
            before = taken(folder, key)
            if before is not None and before[1] == stamp:
                continue
            if st.st_size > settings.max_article_bytes and path.suffix.lower() not in (".jsonl", ".ndjson"):
                reason = (f"{st.st_size:,} bytes, over the limit of {settings.max_article_bytes:,} "
                          "(setting max_article_bytes)")
                items.append(Item(folder, key, digest(stamp), lambda r=reason, n=str(path): [Skipped(record=n, reason=r)],
                                  stamp=stamp))
                continue
            try:
                data = path.read_bytes()
            except OSError as exc:
                items.append(Item(folder, key, digest(stamp), _failed(str(path), exc), stamp=stamp))
                continue
            chash = digest(data)
            if before is not None and before[0] == chash:
                touched.append((key, stamp))
                continue
            items.append(Item(folder, key, chash, _file_reader(data, path, root, settings), stamp=stamp))
    return items, touched


def _file_reader(data: bytes, path: Path, root: Path, settings: Settings) -> Callable[[], list[Record]]:
    def read() -> list[Record]:
        return list(guarded(str(path), lambda: read_bytes(data, str(path), settings, root=root,
                                                           origin=str(path.resolve()))))
    return read


def _failed(name: str, exc: OSError) -> Callable[[], list[Record]]:
    return lambda: [Skipped(record=name, reason=f"cannot be read ({exc.strerror or exc})")]


def flatten(items: list[Item]) -> Iterator[tuple[Item, Record]]:
    for item in items:
        for record in item.records():
            yield item, record
