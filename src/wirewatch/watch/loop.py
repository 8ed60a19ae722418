"""The watch loop: poll the sources, ingest what is new, link it, judge it against the rules, deliver alerts.

One poll cycle, in order: expand the SOURCE arguments; settle what a previous run left (link what waits, judge
pending events, deliver undelivered alerts); fetch the due feeds (at most N at once) and, feed by feed as the
answers come, ingest its new entries (one transaction per article, through the same `pipeline.run` and
`store.ingest` as `wirewatch ingest`), then settle again, then save the feed's validators; scan the folders
the same way. A stop request (SIGINT/SIGTERM) is honoured between articles: what was stored stays stored, and
a feed left half done keeps its old validators, so the next run fetches it whole and takes what is missing.
"""

from __future__ import annotations

import datetime as dt
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from ..errors import IngestError
from ..ingest.dates import hints_from
from ..model import Document, Skipped, Warned
from ..pipeline import run as pipeline_run
from ..settings import Settings
from ..store import IngestReport, Store, ingest_documents
from ..store.ingest import link_waiting
from ..store.watchlog import Raised, SourceState, WatchLog
from . import items as found
from .fetch import Fetched, Fetcher
from .rules import Rule
from .sinks import DeliveryError, Sink
from .sources import Source, SourceError, expand

MAX_BACKOFF = 3600.0  # seconds: a failing feed is still asked at least once an hour
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass
class SourceLine:
    """A source's status after a poll, for the status line."""

    url: str
    kind: str
    status: str  # '200', '304', 'unchanged', 'timeout', 'HTTP 500', 'backing off', 'scanned' ...
    new: int = 0
    errors: int = 0  # consecutive failed polls
    note: str | None = None


@dataclass
class CycleReport:
    lines: list[SourceLine] = field(default_factory=list)
    ingest: IngestReport = field(default_factory=IngestReport)
    alerts: int = 0
    seconds: float = 0.0
    stopped: bool = False


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _iso(t: dt.datetime) -> str:
    return t.isoformat(timespec="seconds")


class Watcher:
    """Follows sources into a store. `on_line` gets each source's status, `on_note` each warning or skip
    (a sentence naming the record), `on_article` each article stored."""

    def __init__(self, store: Store, args: Sequence[str], *, fetcher: Fetcher, rules: Sequence[Rule] = (),
                 sinks: Sequence[Sink] = (), every: float = 300.0, summaries_only: bool = False,
                 settings: Settings | None = None, nlp=None,
                 on_line: Callable[[SourceLine], None] | None = None,
                 on_note: Callable[[str], None] | None = None,
                 on_article: Callable[[], None] | None = None, ignore: Sequence[str] = ()) -> None:
        self.store, self.args, self.fetcher = store, list(args), fetcher
        self.rules, self.sinks = list(rules), list(sinks)
        self.every, self.summaries_only = every, summaries_only
        self.settings = settings or Settings()
        self.hints = hints_from(self.settings)
        self.nlp = nlp
        self.log = WatchLog(store.conn)  # type: ignore[attr-defined]  # the SQLite backend's connection
        self.on_line = on_line or (lambda line: None)
        self.on_note = on_note or (lambda text: None)
        self.on_article = on_article or (lambda: None)
        self.stop = threading.Event()
        db = getattr(store, "path", None)  # a folder that holds the store must not ingest the store
        own = [f"{db}{suffix}" for suffix in ("", "-wal", "-shm", "-journal")] if db is not None else []
        self.ignore = frozenset(str(Path(p).resolve()) for p in [*own, *ignore])
        self.sources: list[Source] = expand(self.args)  # SourceError here: the command cannot start
        self._report = CycleReport()
        self._skip_sinks: set[str] = set()
        self._seen_entries: dict[str, frozenset[str]] = {}  # per feed: its entries' byte hashes, all taken

    # -- the loop --------------------------------------------------------------------------------------

    def run(self, *, once: bool = False, on_cycle: Callable[[CycleReport], None] | None = None) -> None:
        """Poll until stopped (SIGINT/SIGTERM, or `stop.set()`), or once."""
        with _stop_on_signals(self.stop):
            while True:
                started = time.monotonic()
                report = self.cycle()
                if on_cycle is not None:
                    on_cycle(report)
                if once or self.stop.is_set():
                    return
                self.stop.wait(max(0.0, self.every - (time.monotonic() - started)))
                if self.stop.is_set():
                    return

    def cycle(self) -> CycleReport:
        """One poll of every due source; returns what happened."""
        t0 = time.monotonic()
        self._report = report = CycleReport()
        self._skip_sinks = set()
        try:
            self.sources = expand(self.args)  # a listing file may have changed
        except SourceError as exc:
            self.on_note(f"sources: {exc}; following the {len(self.sources)} known before")
        self.log.register((s.url, s.kind) for s in self.sources)
        self.settle()
        states = {s.url: s for s in self.log.sources()}
        now = _now()
        due: list[SourceState] = []
        for source in self.sources:
            state = states[source.url]
            if source.kind != "feed":
                continue
            if state.next_at and dt.datetime.fromisoformat(state.next_at) > now:
                self._line(SourceLine(source.url, "feed", f"backing off until {state.next_at}", errors=state.errors))
                continue
            due.append(state)
        for fetched, state in zip(self.fetcher.get_many([(s.url, s.etag, s.last_modified) for s in due]), due):
            if self.stop.is_set():
                report.stopped = True
                break
            self._feed(fetched, state)
        for source in self.sources:
            if source.kind == "folder" and not self.stop.is_set():
                self._folder(source)
        report.stopped = report.stopped or self.stop.is_set()
        report.seconds = time.monotonic() - t0
        return report

    # -- one source ------------------------------------------------------------------------------------

    def _feed(self, fetched: Fetched, state: SourceState) -> None:
        url = state.url
        if fetched.error is not None:
            return self._failed(state, fetched.label, fetched.error, fetched.retry_after)
        if fetched.not_modified:
            self.log.fetched(url, "304", failed=False, next_at=None)
            return self._line(SourceLine(url, "feed", "304"))
        body = fetched.body or b""
        body_hash = found.digest(body)
        etag, last_modified = fetched.etag, fetched.last_modified
        unchanged = body_hash == state.body_hash
        raw = None if unchanged else found.raw_entries(body)
        if unchanged or (raw is not None and raw <= self._seen_entries.get(url, frozenset())):
            # the same bytes, or only entries taken before: nothing to read, but the fetch and its validators count
            self.log.fetched(url, str(fetched.status), failed=False, next_at=None)
            self.log.done(url, etag=etag, last_modified=last_modified, body_hash=body_hash, new_items=0)
            return self._line(SourceLine(url, "feed", "unchanged" if unchanged else str(fetched.status)))
        try:
            feed = found.parse(body, url)
        except IngestError as exc:
            return self._failed(state, "malformed", exc.reason, None)
        if feed.error is not None:
            return self._failed(state, "malformed", f"not a readable feed ({feed.error})", None)
        self.log.fetched(url, str(fetched.status), failed=False, next_at=None)
        for problem in feed.problems:
            if isinstance(problem, Warned):
                self._note(problem)
        new = found.feed_items(feed, url, self.log.taken, self.log.hash_taken, summaries_only=self.summaries_only,
                               hints=self.hints)
        self._fetch_pages(new)
        done = self._ingest(new)
        if done:
            self.log.done(url, etag=etag, last_modified=last_modified, body_hash=body_hash, new_items=len(new))
            if raw is not None:
                self._seen_entries[url] = raw
        self._line(SourceLine(url, "feed", str(fetched.status), new=len(new),
                              note=None if done else "stopped before every new item was taken"))

    def _failed(self, state: SourceState, label: str, why: str, retry_after: float | None) -> None:
        """A failed poll: one more consecutive error, and a wait that doubles with each (every, 2x, 4x ...)."""
        errors = state.errors + 1
        wait = min(self.every * 2 ** (errors - 1), max(MAX_BACKOFF, self.every))
        if retry_after is not None:
            wait = max(wait, min(retry_after, 24 * MAX_BACKOFF))
        next_at = _iso(_now() + dt.timedelta(seconds=wait))
        self.log.fetched(state.url, label, failed=True, next_at=next_at)
        self._line(SourceLine(state.url, "feed", label, errors=errors, note=f"{why}; next try at {next_at}"))

    def _fetch_pages(self, new: list[found.Item]) -> None:
        """The article pages of summary-only entries, fetched at most N at once."""
        wanted = [item for item in new if item.page_url]
        pages = self.fetcher.get_many([(item.page_url, None, None) for item in wanted], accept=PAGE_ACCEPT)
        for item, page in zip(wanted, pages):
            if page.error is None and page.body:
                item.page = page.body
            else:
                item.page_error = page.error or f"HTTP {page.status}, empty"

    def _folder(self, source: Source) -> None:
        items, touched = found.folder_items(source.url, self.log.taken, self.settings, self.ignore)
        for key, stamp in touched:
            self.log.restamp(source.url, key, stamp)
        self.log.fetched(source.url, "scanned", failed=False, next_at=None)
        done = self._ingest(items)
        if done:
            self.log.done(source.url, etag=None, last_modified=None, body_hash=None, new_items=len(items))
        if items or not done:
            self._line(SourceLine(source.url, "folder", "scanned", new=len(items),
                                  note=None if done else "stopped before every new file was taken"))

    # -- ingest, then settle ---------------------------------------------------------------------------

    def _ingest(self, new: list[found.Item]) -> bool:
        """Extract and store the items' articles (one transaction each) and mark each item taken once all its
        records are through; then settle. False when a stop request cut the list short."""
        if not new:
            return True
        queue: deque[list] = deque()  # [item, records still to come out of the pipeline]
        first_article: dict[int, str] = {}
        cut = [False]

        def records():
            for item in new:
                if self.stop.is_set():
                    cut[0] = True
                    return
                recs = item.records()
                queue.append([item, len(recs)])
                yield from recs

        def taken_through() -> None:
            while queue and queue[0][1] == 0:
                item = queue.popleft()[0]
                self.log.take(item.source, item.key, item.content_hash, first_article.pop(id(item), None),
                              item.stamp)

        def tick(record, result: str) -> None:
            taken_through()
            head = queue[0]
            if isinstance(record, Document):
                first_article.setdefault(id(head[0]), record.article.id)
                if result in ("stored", "replaced"):
                    self.on_article()
            elif isinstance(record, (Skipped, Warned)):
                self._note(record)
            head[1] -= 1
            taken_through()

        def until_stopped(stream):
            """Stop after the current article: the rest of a parsed batch is dropped, neither stored nor taken."""
            for record in stream:
                yield record
                if self.stop.is_set():
                    cut[0] = True
                    return

        report = self._report.ingest
        ingest_documents(self.store, until_stopped(pipeline_run(records(), nlp=self.nlp, settings=self.settings)),
                         report=report, on_item=tick, relink=False)
        taken_through()
        self.settle()
        return not cut[0]

    def settle(self) -> None:
        """Link what waits, judge the events pending judgement, deliver what is undelivered."""
        report = self._report.ingest
        link_waiting(self.store, report)
        if report.link_error:
            self.on_note(report.link_error)
            report.link_error = None
        self.judge()
        self.deliver()

    def judge(self) -> int:
        """Judge every pending, linked event against the rules (by incident); commit the alerts raised together
        with the events' leaving the queue. Returns the number of new alerts."""
        raised_total = 0
        while True:
            batch = self.log.pending()
            if not batch:
                return raised_total
            raised: list[Raised] = []
            incidents: dict[str, tuple] = {}
            for _, event in batch:
                if not self.rules:
                    break
                if event.cluster_id:
                    if event.cluster_id not in incidents:
                        incidents[event.cluster_id] = self.log.incident(event.cluster_id)
                    reports, n_sources, disputed = incidents[event.cluster_id]
                    incident = event.cluster_id
                else:
                    reports, n_sources, disputed, incident = [event], 1, False, event.uid
                for rule in self.rules:
                    hit = rule.pick(reports, n_sources, disputed, first=event)
                    if hit is not None:
                        raised.append(Raised(rule.name, incident, hit))
            new = self.log.judged([rowid for rowid, _ in batch], raised)
            raised_total += len(new)
            self._report.alerts += len(new)

    def deliver(self) -> None:
        """Send every undelivered alert to each sink it has not reached; a sink that fails is left for this
        cycle (its alerts stay undelivered and go at the next one)."""
        names = {s.name for s in self.sinks}
        for alert in self.log.undelivered():
            reached = set(alert.sinks)
            for sink in self.sinks:
                if sink.name in reached or sink.name in self._skip_sinks:
                    continue
                try:
                    sink.send(alert.payload)
                except DeliveryError as exc:
                    self._skip_sinks.add(sink.name)
                    self.on_note(f"alert #{alert.seq} not delivered: {exc}; it will be sent again")
                    continue
                reached.add(sink.name)
                self.log.delivered(alert.seq, sink.name, complete=names <= reached)

    # -- reporting -------------------------------------------------------------------------------------

    def _line(self, line: SourceLine) -> None:
        self._report.lines.append(line)
        self.on_line(line)

    def _note(self, record: Skipped | Warned) -> None:
        what = "skipped" if isinstance(record, Skipped) else "warning"
        self.on_note(f"{what} {record.record}: {record.reason}")


class _stop_on_signals:
    """SIGINT and SIGTERM set the stop event (the loop ends after the current article); a second SIGINT
    interrupts at once. Only in the main thread (elsewhere signals cannot be caught)."""

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop
        self.saved: dict[int, object] = {}

    def _handle(self, signum, frame) -> None:
        if self.stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.stop.set()

    def __enter__(self) -> None:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.saved[sig] = signal.signal(sig, self._handle)

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.saved.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]
