"""The storage interface: what every backend (SQLite today, PostgreSQL next) must answer.

Callers use `Store.open(location)`; it asks each backend (each subclass of `Store`, imported by
`wirewatch.store`) whether it `handles` the location, so this module never imports a backend.

An article's identity in a store is (origin, source id): `Article.origin` says where ingest read it (a file's
path, `<stdin>`, `api`), `Article.id` is the id that input gave it. Its public id (`ArticleRow.id`, the
`article_id` of every row) is the source id, or `ID@xxxxxxxx` (8 hex digits of SHA-256 of the origin) when
another origin already holds that id: two sources never replace each other's articles. See docs/store.md.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal

from ..errors import StoreError
from ..model import Document
from .query import ArticleRow, ClaimRow, Cluster, EventPoint, EventRow, Filters, PlaceRow, SearchHit

PutResult = Literal["stored", "unchanged", "replaced", "duplicate"]


@dataclass(frozen=True)
class Put:
    """What `put_article` did, and the public id the article has in the store (None for a duplicate)."""

    result: PutResult
    id: str | None


class Store(abc.ABC):
    """A corpus of extracted Documents with query, search and cross-article links. A context manager."""

    @classmethod
    def handles(cls, location: str) -> bool:
        """Whether this backend opens `location` (each backend says which locations are its own)."""
        return False

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (creating and migrating unless read_only) the store at `path`; SQLite for file paths."""
        if str(path).startswith(("postgres://", "postgresql://")):
            raise StoreError(f"{path}: the PostgreSQL backend is not written yet; use a SQLite file path")
        for backend in Store.__subclasses__():
            if backend.handles(str(path)):
                return backend(Path(path), read_only=read_only)  # type: ignore[call-arg]
        raise StoreError(f"{path}: no store backend handles this location (import wirewatch.store first)")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abc.abstractmethod
    def close(self) -> None: ...

    def put(self, doc: Document) -> PutResult:
        """Store one extracted article in one transaction: 'stored' (new), 'unchanged' (same content
        already stored under its identity), 'replaced' (its identity had other content) or 'duplicate' (the
        same text is already stored under another identity; nothing written)."""
        return self.put_article(doc).result

    @abc.abstractmethod
    def put_article(self, doc: Document) -> Put:
        """`put`, also telling the article's public id (its source id, or `ID@xxxxxxxx`; see above)."""

    @abc.abstractmethod
    def has(self, article_id: str, input_hash: str, origin: str | None = None) -> bool:
        """True if the article (`origin`, `article_id`) is stored from the same input (ingest may skip
        extracting it)."""

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
