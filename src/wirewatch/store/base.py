"""The storage interface: what every backend (SQLite today, PostgreSQL next) must answer.

Callers use `Store.open(path)`; it picks the backend from the location (a file path means SQLite).
"""

from __future__ import annotations

import abc
from pathlib import Path
from typing import Callable, Literal

from ..model import Document
from .query import ArticleRow, ClaimRow, Cluster, EventPoint, EventRow, Filters, PlaceRow, SearchHit

PutResult = Literal["stored", "unchanged", "replaced", "duplicate"]


class Store(abc.ABC):
    """A corpus of extracted Documents with query, search and cross-article links. A context manager."""

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (creating and migrating unless read_only) the store at `path`; SQLite for file paths."""
        if str(path).startswith(("postgres://", "postgresql://")):
            from ..errors import StoreError
            raise StoreError(f"{path}: the PostgreSQL backend is not written yet; use a SQLite file path")
        from .sqlite import SQLiteStore
        return SQLiteStore(Path(path), read_only=read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def put(self, doc: Document) -> PutResult:
        """Store one extracted article in one transaction: 'stored' (new), 'unchanged' (same content
        already stored under its id), 'replaced' (its id had other content) or 'duplicate' (the same text
        is already stored under another id; nothing written)."""

    @abc.abstractmethod
    def has(self, article_id: str, input_hash: str) -> bool:
        """True if `article_id` is stored from the same input (so ingest may skip extracting it)."""

    @abc.abstractmethod
    def document(self, article_id: str) -> Document | None: ...

    @abc.abstractmethod
    def articles(self, f: Filters) -> list[ArticleRow]: ...

    @abc.abstractmethod
    def events(self, f: Filters) -> list[EventRow]: ...

    @abc.abstractmethod
    def event_points(self, f: Filters) -> list[EventPoint]:
        """The events `events(f)` would list (newest first, up to f.limit), lean: for maps and timelines."""

    @abc.abstractmethod
    def claims(self, f: Filters) -> list[ClaimRow]: ...

    @abc.abstractmethod
    def places(self, f: Filters) -> list[PlaceRow]: ...

    @abc.abstractmethod
    def search(self, text: str, f: Filters) -> list[SearchHit]:
        """Full-text search over article text and claim content; `text` is user text, matched as words."""

    @abc.abstractmethod
    def clusters(self, f: Filters) -> list[Cluster]:
        """Clusters of reports with corroboration and contradictions, most-reported first."""

    @abc.abstractmethod
    def cluster(self, cluster_id: str) -> Cluster | None: ...

    @abc.abstractmethod
    def facets(self, limit: int = 500) -> dict[str, list[tuple[str, int]]]:
        """Values of the event columns type, acled, acled_sub, country, admin1, place, source, with counts."""

    @abc.abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per kind: articles, events, claims, places, figures, clusters."""

    @abc.abstractmethod
    def link(self, on_batch: Callable | None = None):
        """Link the events and claims waiting to be linked (every stored article's, until linked); return
        counts (`store.linking.LinkStats`). Cost depends on what waits, not on the store's size."""

    @abc.abstractmethod
    def relink(self, on_batch: Callable | None = None):
        """Forget all links and link the whole store again, in store order (after a change of rules)."""

    @abc.abstractmethod
    def story(self, cluster_id: str):
        """A cluster's reports in time order with their figures (`store.query.Story`), or None."""
