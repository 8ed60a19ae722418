"""Putting a stream of Documents (and Skipped records) into a store, with a report of what happened.

Used by `wirewatch ingest`, the API's write endpoint and `wirewatch ingest --from DIR` (batch shards).
Each article is its own transaction (`Store.put`), so an interrupted run keeps every whole article it
stored and a re-run resumes: `unstored` lets the caller skip extraction for articles already stored.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from ..model import Document, Skipped
from .base import Store

__all__ = ["IngestReport", "ingest_documents", "unstored", "content_hash", "input_hash", "text_hash"]


def _sha(data: object) -> str:
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def content_hash(doc: Document) -> str:
    """Hash of the whole document (input and extractions): a change in either is a new version."""
    return _sha(doc.to_json())


def input_hash(doc: Document) -> str:
    """Hash of what ingest read (metadata and text), before extraction."""
    return _sha({"article": doc.article.model_dump(mode="json"), "text": doc.text})


def text_hash(text: str) -> str:
    """Hash of the text alone: the same text under another id is a duplicate."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass
class IngestReport:
    """Counts of an ingest run; `skipped` keeps each bad record with its reason."""

    stored: int = 0
    unchanged: int = 0
    replaced: int = 0
    duplicate: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.stored + self.unchanged + self.replaced + self.duplicate + len(self.skipped)

    def count(self, result: str) -> None:
        setattr(self, result, getattr(self, result) + 1)

    def as_dict(self) -> dict:
        return {"read": self.read, "stored": self.stored, "unchanged": self.unchanged, "replaced": self.replaced,
                "duplicate": self.duplicate, "skipped": len(self.skipped),
                "reasons": [{"record": s.record, "reason": s.reason} for s in self.skipped]}

    def summary(self) -> str:
        line = (f"read {self.read}, stored {self.stored}, replaced {self.replaced}, unchanged {self.unchanged}, "
                f"duplicate {self.duplicate}, skipped {len(self.skipped)}")
        reasons = Counter(s.reason.split(" (")[0] for s in self.skipped)
        if reasons:
            line += " (" + "; ".join(f"{n}× {r}" for r, n in reasons.most_common(5)) + ")"
        return line


def unstored(store: Store, items: Iterable[Document | Skipped], report: IngestReport,
             on_item: Callable[[Document | Skipped, str], None] | None = None) -> Iterator[Document | Skipped]:
    """Pass on the items that still need extracting; count those stored from the same input as unchanged."""
    for item in items:
        if isinstance(item, Document) and store.has(item.article.id, input_hash(item)):
            report.count("unchanged")
            if on_item is not None:
                on_item(item, "unchanged")
            continue
        yield item


def ingest_documents(
    store: Store,
    docs_and_skips: Iterable[Document | Skipped],
    *,
    report: IngestReport | None = None,
    on_item: Callable[[Document | Skipped, str], None] | None = None,
    relink: bool = True,
) -> IngestReport:
    """Put every Document (one transaction each), record every Skipped; then link what waits (`relink`:
    link at all; events stored before, by a run killed before it linked them, are linked too).

    `on_item(item, result)` is called after each item (result: stored|unchanged|replaced|duplicate|skipped),
    e.g. to advance a progress bar.
    """
    report = report or IngestReport()
    for item in docs_and_skips:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            result = "skipped"
        else:
            try:
                result = store.put(item)
            except Exception as exc:  # one bad article must not stop the batch; it is reported
                report.skipped.append(Skipped(record=f"article {item.article.id}",
                                              reason=f"not stored ({type(exc).__name__}: {exc})"))
                result = "skipped"
            else:
                report.count(result)
        if on_item is not None:
            on_item(item, result)
    if relink:
        store.link()
    return report
