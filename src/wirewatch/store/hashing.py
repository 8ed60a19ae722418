"""Content hashes of a Document: what makes a re-ingest a no-op and a changed article a new version.

`origin` (where ingest read the article) is identity, not content: it is left out of every hash, so moving a
corpus folder does not make its articles look changed, and stores written before origins existed still match.
"""

from __future__ import annotations

import hashlib
import json

from ..model import Document

__all__ = ["content_hash", "input_hash", "text_hash"]


def _sha(data: object) -> str:
    return hashlib.sha256(_dumps(data).encode("utf-8", "surrogatepass")).hexdigest()


def _article(doc: Document) -> dict:
    return doc.article.model_dump(mode="json", exclude={"origin"})


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(doc: Document) -> str:
    """Hash of the whole document (input and extractions): a change in either is a new version.

    The same hash as of the whole `to_json()` dumped with sorted keys, fed a top-level key at a time (memory)."""
    h = hashlib.sha256(b"{")
    keys = sorted((info.alias or name, name) for name, info in Document.model_fields.items() if not info.exclude)
    for i, (key, name) in enumerate(keys):
        value = _article(doc) if name == "article" else doc.model_dump(mode="json", by_alias=True, include={name})[key]
        h.update(f"{',' if i else ''}{json.dumps(key)}:{_dumps(value)}".encode("utf-8", "surrogatepass"))
    h.update(b"}")
    return h.hexdigest()


def input_hash(doc: Document) -> str:
    """Hash of what ingest read (metadata and text), before extraction."""
    return _sha({"article": _article(doc), "text": doc.text})


def text_hash(text: str) -> str:
    """Hash of the text alone: the same text under another id is a duplicate."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()
