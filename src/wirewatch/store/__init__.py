"""The corpus store: extracted Documents in SQLite (WAL, FTS5, versioned schema), queried with `Filters`.

    with Store.open("wirewatch.db") as store:
        report = ingest_documents(store, pipeline.run(ingest.read(paths)))
        rows = store.events(Filters(place="Mykolaiv", since=date(2022, 3, 29)))

One transaction per article: a killed batch leaves whole articles only, and a re-run resumes.
See docs/store.md.
"""

from __future__ import annotations

from .base import PutResult, Store
from .ingest import IngestReport, content_hash, ingest_documents, input_hash
from .query import (
    EVENT_ORDERS, ArticleRow, ClaimRow, Cluster, Contradiction, EventPoint, EventRow, FigureRange, Filters, Join,
    PlaceRow, SearchHit, Story, StoryReport, parse_bbox, parse_near,
)

DEFAULT_DB = "wirewatch.db"

__all__ = [
    "Store", "PutResult", "Filters", "EventRow", "ClaimRow", "PlaceRow", "ArticleRow", "SearchHit", "Cluster",
    "Contradiction", "FigureRange", "Join", "Story", "StoryReport", "IngestReport", "ingest_documents", "content_hash",
    "input_hash", "parse_near", "DEFAULT_DB", "EVENT_ORDERS", "EventPoint", "parse_bbox",
]
