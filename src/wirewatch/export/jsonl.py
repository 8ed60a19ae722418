"""JSON Lines export: one `wirewatch.article/1` document per line, for every article the filters match."""

from __future__ import annotations

from typing import TextIO

from ..store import Filters, Store
from .pages import all_rows


def write_jsonl(store: Store, f: Filters, out: TextIO) -> int:
    """Write the matching articles' whole documents (newest first); return how many."""
    n = 0
    for row in all_rows(store.articles, f):
        doc = store.document(row.id)
        if doc is not None:
            out.write(doc.to_json_text() + "\n")
            n += 1
    return n
