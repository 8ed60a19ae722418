"""Putting a stream of Documents (and Skipped records) into a store, with a report of what happened.

Used by `wirewatch ingest`, the API's write endpoint and `wirewatch ingest --from DIR` (batch shards).
Each article is its own transaction (`Store.put`), so an interrupted run keeps every whole article it
stored and a re-run resumes: `unstored` lets the caller skip extraction for articles already stored.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from ..model import Document, Skipped, Warned
from .base import Store
from .hashing import content_hash, input_hash, text_hash

__all__ = ["IngestReport", "ingest_documents", "link_waiting", "unstored", "content_hash", "input_hash", "text_hash"]

Item = Document | Skipped | Warned


@dataclass
class IngestReport:
    """Counts of an ingest run; `skipped` keeps each bad record with its reason."""

    stored: int = 0
    unchanged: int = 0
    replaced: int = 0
    duplicate: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Warned] = field(default_factory=list)
    link_error: str | None = None  # why the link step stopped (its events wait for the next one)

    @property
    def read(self) -> int:
        return self.stored + self.unchanged + self.replaced + self.duplicate + len(self.skipped)

    def count(self, result: str) -> None:
        setattr(self, result, getattr(self, result) + 1)

    def as_dict(self) -> dict:
        return {"read": self.read, "stored": self.stored, "unchanged": self.unchanged, "replaced": self.replaced,
                "duplicate": self.duplicate, "skipped": len(self.skipped),
                "reasons": [{"record": s.record, "reason": s.reason} for s in self.skipped],
                "warnings": [{"record": w.record, "reason": w.reason} for w in self.warnings],
                "link_error": self.link_error}

    def summary(self) -> str:
        line = (f"read {self.read}, stored {self.stored}, replaced {self.replaced}, unchanged {self.unchanged}, "
                f"duplicate {self.duplicate}, skipped {len(self.skipped)}")
        reasons = Counter(s.reason.split(" (")[0] for s in self.skipped)
        if reasons:
            line += " (" + "; ".join(f"{n}× {r}" for r, n in reasons.most_common(5)) + ")"
        if self.warnings:
            line += f", warnings {len(self.warnings)}"
        if self.link_error:
            line += f"\n{self.link_error}"
        return line


def _not_stored(item: Document, exc: Exception) -> Skipped:
    return Skipped(record=f"article {item.article.id!r}", reason=f"not stored ({type(exc).__name__}: {exc})")


def unstored(store: Store, items: Iterable[Item], report: IngestReport,
             on_item: Callable[[Item, str], None] | None = None) -> Iterator[Item]:
    """Pass on the items that still need extracting; count those stored from the same input as unchanged.

    Hashing is inside the per-record guard: a Document that cannot be hashed is skipped, its neighbours go on."""
    for item in items:
        if isinstance(item, Document):
            try:
                same = store.has(item.article.id, input_hash(item), item.article.origin)
            except Exception as exc:  # noqa: BLE001 - one bad record must not stop the batch
                report.skipped.append(_not_stored(item, exc))
                if on_item is not None:
                    on_item(item, "skipped")
                continue
            if same:
                report.count("unchanged")
                if on_item is not None:
                    on_item(item, "unchanged")
                continue
        yield item


def ingest_documents(
    store: Store,
    docs_and_skips: Iterable[Item],
    *,
    report: IngestReport | None = None,
    on_item: Callable[[Item, str], None] | None = None,
    relink: bool = True,
) -> IngestReport:
    """Put every Document (one transaction each), record every Skipped and Warned; then link what waits
    (`relink`: link at all; events stored before, by a run killed before it linked them, are linked too).

    `on_item(item, result)` is called after each item (result: stored|unchanged|replaced|duplicate|skipped|
    warned), e.g. to advance a progress bar. An article stored under another id than its own (another source
    holds that id: see `Store`) is reported as a warning naming both ids.
    """
    report = report or IngestReport()
    for item in docs_and_skips:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            result = "skipped"
        elif isinstance(item, Warned):
            report.warnings.append(item)
            result = "warned"
        else:
            try:
                put = store.put_article(item)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch; it is reported
                report.skipped.append(_not_stored(item, exc))
                result = "skipped"
            else:
                result = put.result
                report.count(result)
                if result in ("stored", "replaced") and put.id is not None and put.id != item.article.id:
                    report.warnings.append(Warned(
                        record=f"article {item.article.id!r}",
                        reason=f"another source already has this id; stored as {put.id!r} "
                               f"(origin {item.article.origin or 'unknown'})"))
        if on_item is not None:
            on_item(item, result)
    if relink:
        link_waiting(store, report)
    return report


def link_waiting(store: Store, report: IngestReport, on_batch: Callable | None = None) -> None:
    """Link what waits; a link step that fails (a full disk) is reported, never a crash of the run.

    Each link batch is its own transaction and rolls back whole, so the articles stored stay stored and
    their events stay waiting: the next ingest (or `wirewatch relink`) links them."""
    try:
        store.link(on_batch=on_batch)
    except Exception as exc:  # noqa: BLE001 - what was stored is committed; only the linking is left
        report.link_error = (f"linking stopped ({type(exc).__name__}: {exc}); the events not yet linked wait "
                             "for the next ingest or `wirewatch relink`")
