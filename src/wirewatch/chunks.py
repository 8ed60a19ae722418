"""Very long texts are extracted in pieces and merged, so the work stays linear in the text's length.

Some stages compare mentions across a paragraph or the whole article (coreference, nearest place); on a
multi-megabyte text with no paragraph breaks that is quadratic. Above `Settings.nlp_chunk_chars` the text is
parsed and extracted piece by piece (cut at line breaks or spaces), then the pieces' results are merged:
offsets shifted into the whole text, ids renumbered so they stay unique and every reference follows them.
Links across pieces (a pronoun to a name in an earlier piece) are lost, which only affects such texts.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .extract import FIELDS
from .model import Article, Document

_REF_KEYS = ("place", "time", "actor", "actor1", "actor2", "claim")
_ID = re.compile(r"^([a-z]+)(\d+)$")


def _shift(obj: Any, offset: int, ids: dict[str, str]) -> Any:
    if isinstance(obj, list):
        return [_shift(x, offset, ids) for x in obj]
    if not isinstance(obj, dict):
        return obj
    out = {k: _shift(v, offset, ids) for k, v in obj.items()}
    if isinstance(out.get("start"), int) and isinstance(out.get("end"), int):
        out["start"] += offset
        out["end"] += offset
    for key in ("id", *_REF_KEYS):
        if isinstance(out.get(key), str) and out[key] in ids:
            out[key] = ids[out[key]]
    if isinstance(out.get("figures"), list) and all(isinstance(f, str) for f in out["figures"]):
        out["figures"] = [ids.get(f, f) for f in out["figures"]]
    return out


class Merger:
    """Joins the Documents of a text's pieces as they come: each is shifted and renumbered at once and kept as
    compact JSON text, so until the end memory holds a piece's results as text (about a tenth of the objects),
    and the whole Document is built once, straight from that text."""

    def __init__(self, article: Article, text: str) -> None:
        self.article, self.text = article, text
        self.counters: dict[str, int] = {}
        self.parts: dict[str, list[str]] = {name: [] for name in FIELDS}

    def add(self, offset: int, piece: Document) -> None:
        """The Document of the piece starting at `offset` in the text."""
        ids: dict[str, str] = {}
        for name in FIELDS:
            for item in getattr(piece, name):
                if isinstance(getattr(item, "id", None), str) and (m := _ID.match(item.id)):
                    self.counters[m[1]] = self.counters.get(m[1], 0) + 1
                    ids[item.id] = f"{m[1]}{self.counters[m[1]]}"
        for name in FIELDS:
            items = _shift(piece.model_dump(mode="json", include={name})[name], offset, ids)
            if items:
                self.parts[name].append(json.dumps(items, ensure_ascii=False)[1:-1])

    def document(self) -> Document:
        """The whole Document, validated once from one JSON text (its spans checked against the text)."""
        head = {"schema": "wirewatch.article/1", "article": self.article.model_dump(mode="json"), "text": self.text}
        pieces = [json.dumps(head, ensure_ascii=False)[:-1]]
        for name in FIELDS:
            pieces += [f', "{name}": [', ", ".join(self.parts.pop(name)), "]"]  # each part let go once joined
        pieces.append("}")
        data = "".join(pieces)
        del pieces
        doc = Document.model_validate_json(data)
        return doc.model_copy(update={"article": self.article})  # the Article itself, origin included


def merge(article: Article, text: str, pieces: list[tuple[int, Document]]) -> Document:
    """One Document for `text` from Documents of its pieces, each given with its start offset in `text`."""
    merger = Merger(article, text)
    for offset, piece in pieces:
        merger.add(offset, piece)
    return merger.document()
