"""Walk every row a query matches, a page at a time (exports are not limited to one page)."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator, TypeVar

from ..store import Filters

T = TypeVar("T")


def all_rows(fetch: Callable[[Filters], list[T]], f: Filters, page: int = 1000) -> Iterator[T]:
    """All rows of `fetch` under `f`; `f.limit` caps the total when it is above 0."""
    cap = f.limit if f.limit > 0 else None
    offset, seen = f.offset, 0
    while True:
        size = page if cap is None else min(page, cap - seen)
        if size <= 0:
            return
        rows = fetch(replace(f, limit=size, offset=offset))
        yield from rows
        seen += len(rows)
        offset += len(rows)
        if len(rows) < size:
            return
