"""Very long texts are extracted in pieces and merged, so the work stays linear in the text's length.

Some stages compare mentions across a paragraph or the whole article (coreference, nearest place); on a
multi-megabyte text with no paragraph breaks that is quadratic. Above `Settings.nlp_chunk_chars` the text is
parsed and extracted piece by piece (cut at line breaks or spaces), then the pieces' results are merged:
offsets shifted into the whole text, ids renumbered so they stay unique and every reference follows them.
Links across pieces (a pronoun to a name in an earlier piece) are lost, which only affects such texts.
"""

from __future__ import annotations

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


def merge(article: Article, text: str, pieces: list[tuple[int, Document]]) -> Document:
    """One Document for `text` from Documents of its pieces, each given with its start offset in `text`."""
    merged: dict[str, list] = {name: [] for name in FIELDS}
    counters: dict[str, int] = {}
    for offset, piece in pieces:
        data = piece.to_json()
        ids: dict[str, str] = {}
        for name in FIELDS:
            for item in data[name]:
                if isinstance(item.get("id"), str) and (m := _ID.match(item["id"])):
                    counters[m[1]] = counters.get(m[1], 0) + 1
                    ids[item["id"]] = f"{m[1]}{counters[m[1]]}"
        for name in FIELDS:
            merged[name].extend(_shift(data[name], offset, ids))
    return Document.model_validate({"schema": "wirewatch.article/1", "article": article.model_dump(),
                                    "text": text, **merged})
