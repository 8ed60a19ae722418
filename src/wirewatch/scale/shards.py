"""Parquet shards of a batch run: one file per partition and table, written atomically, read back in order.

Layout of a batch directory (``wirewatch batch --out DIR``)::

    DIR/manifest.json                 which partitions are finished (and what was skipped in each)
    DIR/articles/part-00000.parquet   one row per article: id, date, source, counts, the whole JSON `document`
    DIR/events/part-00000.parquet     one row per event, with `article_id`
    DIR/claims/part-00000.parquet     one row per claim, with `article_id`
    DIR/places/part-00000.parquet     one row per place mention, with `article_id`

Every shard has the fixed schema below (also when it has no rows), so DuckDB, pandas or Spark can read a
table's folder as one dataset. A shard is written to a temporary name and renamed, so a reader or a resumed
run never sees half a file; the manifest is the record of what is finished.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import Document, Skipped

__all__ = ["TABLES", "SCHEMAS", "tables_for", "write_shards", "shard_path", "read_documents", "read_skipped",
           "read_manifest", "write_manifest", "MANIFEST"]

MANIFEST = "manifest.json"
FORMAT = "wirewatch.batch/1"

_COUNTS = ("times", "places", "actors", "figures", "claims", "events", "notes")

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", pa.string()), ("date", pa.date32()), ("dateline", pa.string()), ("title", pa.string()),
        ("source", pa.string()), ("url", pa.string()), ("chars", pa.int64()),
        *((f"n_{name}", pa.int32()) for name in _COUNTS),
        ("document", pa.string()),
        ("origin", pa.string()),  # where ingest read it (not in `document`): the store's identity needs it
    ]),
    "events": pa.schema([
        ("article_id", pa.string()), ("id", pa.string()), ("type", pa.string()), ("mode", pa.string()),
        ("cameo", pa.string()), ("acled_event_type", pa.string()), ("acled_sub_event_type", pa.string()),
        ("actor1", pa.string()), ("actor1_name", pa.string()), ("actor2", pa.string()), ("actor2_name", pa.string()),
        ("place", pa.string()), ("place_name", pa.string()), ("country_code", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64()), ("date", pa.string()), ("date_precision", pa.string()),
        ("n_figures", pa.int32()), ("claim", pa.string()), ("certainty", pa.string()), ("polarity", pa.string()),
        ("evidence", pa.string()), ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
        ("trigger", pa.string()),
    ]),
    "claims": pa.schema([
        ("article_id", pa.string()), ("id", pa.string()), ("source", pa.string()), ("source_kind", pa.string()),
        ("source_actor", pa.string()), ("cue", pa.string()), ("content", pa.string()),
        ("content_start", pa.int64()), ("content_end", pa.int64()), ("direct_quote", pa.bool_()),
        ("certainty", pa.string()), ("polarity", pa.string()), ("verification", pa.string()), ("time", pa.string()),
    ]),
    "places": pa.schema([
        ("article_id", pa.string()), ("id", pa.string()), ("text", pa.string()), ("start", pa.int64()),
        ("end", pa.int64()), ("geonameid", pa.int64()), ("name", pa.string()), ("country_code", pa.string()),
        ("admin1", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()), ("feature_class", pa.string()),
        ("feature_code", pa.string()), ("confidence", pa.float64()), ("sentence", pa.int32()),
    ]),
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)


def _article_row(doc: Document, document_json: str) -> dict[str, Any]:
    a = doc.article
    row: dict[str, Any] = {"id": a.id, "date": a.date, "dateline": a.dateline, "title": a.title,
                           "source": a.source, "url": a.url, "chars": len(doc.text), "document": document_json,
                           "origin": a.origin}
    row.update({f"n_{name}": len(getattr(doc, name)) for name in _COUNTS})
    return row


def _event_rows(doc: Document) -> Iterator[dict[str, Any]]:
    actors = {x.id: x for x in doc.actors}
    places = {p.id: p for p in doc.places}
    for e in doc.events:
        a1, a2, p = actors.get(e.actor1 or ""), actors.get(e.actor2 or ""), places.get(e.place or "")
        yield {"article_id": doc.article.id, "id": e.id, "type": e.type, "mode": e.mode, "cameo": e.cameo,
               "acled_event_type": e.acled_event_type, "acled_sub_event_type": e.acled_sub_event_type,
               "actor1": e.actor1, "actor1_name": a1.name if a1 else None,
               "actor2": e.actor2, "actor2_name": a2.name if a2 else None,
               "place": e.place, "place_name": (p.name or p.text) if p else None,
               "country_code": p.country_code if p else None, "lat": p.lat if p else None,
               "lon": p.lon if p else None, "date": e.date, "date_precision": e.date_precision,
               "n_figures": len(e.figures), "claim": e.claim, "certainty": e.certainty, "polarity": e.polarity,
               "evidence": e.evidence.text, "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
               "trigger": e.trigger.text if e.trigger else None}


def _claim_rows(doc: Document) -> Iterator[dict[str, Any]]:
    for c in doc.claims:
        yield {"article_id": doc.article.id, "id": c.id,
               "source": c.source.text if c.source else None, "source_kind": c.source.kind if c.source else None,
               "source_actor": c.source.actor if c.source else None, "cue": c.cue.text if c.cue else None,
               "content": c.content.text, "content_start": c.content.start, "content_end": c.content.end,
               "direct_quote": c.direct_quote, "certainty": c.certainty, "polarity": c.polarity,
               "verification": c.verification, "time": c.time}


def _place_rows(doc: Document) -> Iterator[dict[str, Any]]:
    names = SCHEMAS["places"].names
    for p in doc.places:
        row = {"article_id": doc.article.id}
        row.update({k: getattr(p, k) for k in names if k != "article_id"})
        yield row


def tables_for(docs: Iterable[Document]) -> dict[str, pa.Table]:
    """The four tables of one partition, with the fixed schemas (empty tables when nothing was found)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for doc in docs:
        rows["articles"].append(_article_row(doc, doc.to_json_text()))
        rows["events"].extend(_event_rows(doc))
        rows["claims"].extend(_claim_rows(doc))
        rows["places"].extend(_place_rows(doc))
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


def shard_path(out: Path, table: str, index: int) -> Path:
    return Path(out) / table / f"part-{index:05d}.parquet"


def _atomic_write(path: Path, write: Any) -> None:
    """Write through `write(tmp_path)`, flush to disk, then rename over `path` (atomic on POSIX)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_shards(out: Path, index: int, tables: dict[str, pa.Table]) -> None:
    """Write one partition's shards, each atomically (the manifest entry is written after, by the caller)."""
    for name in TABLES:
        _atomic_write(shard_path(out, name, index), lambda tmp, t=tables[name]: pq.write_table(t, tmp))


def read_manifest(out: Path) -> dict[str, Any] | None:
    """The batch directory's manifest, or None if there is none yet."""
    path = Path(out) / MANIFEST
    if not path.exists():
        return None
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise ValueError(f"{path}: not a Wirewatch batch manifest (format {manifest.get('format')!r})")
    return manifest


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    data = json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True)
    _atomic_write(Path(out) / MANIFEST, lambda tmp: tmp.write_text(data + "\n", encoding="utf-8"))


def _finished(out: Path) -> list[tuple[int, dict[str, Any]]]:
    """Finished partitions in input order; without a manifest, every articles shard on disk."""
    manifest = read_manifest(out)
    if manifest is None:
        return [(int(p.stem.split("-")[1]), {}) for p in sorted((Path(out) / "articles").glob("part-*.parquet"))]
    return sorted((int(k), v) for k, v in manifest.get("partitions", {}).items())


def read_documents(out: str | Path) -> Iterator[Document]:
    """Every extracted article of a batch directory, as `Document`s, in input order (for `ingest --from`)."""
    out = Path(out)
    if not out.is_dir():
        raise FileNotFoundError(f"{out}: no such batch directory")
    for index, _ in _finished(out):
        path = shard_path(out, "articles", index)
        has_origin = "origin" in pq.read_schema(path).names  # shards written before origins have none
        table = pq.read_table(path, columns=["document", "origin"] if has_origin else ["document"])
        origins = table.column("origin").to_pylist() if has_origin else [None] * table.num_rows
        for text, origin in zip(table.column("document").to_pylist(), origins):
            doc = Document.from_json(json.loads(text))
            yield doc.model_copy(update={"article": doc.article.model_copy(update={"origin": origin})}) if origin else doc


def read_skipped(out: str | Path) -> list[Skipped]:
    """What the run skipped, with reasons, as recorded in the manifest."""
    return [Skipped(**s) for _, part in _finished(Path(out)) for s in part.get("skipped", [])]
