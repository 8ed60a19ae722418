"""Parquet export (pyarrow): one row per event, flat columns, for pandas/DuckDB/Spark."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..link.figures import headline
from ..store import Filters, Store
from .pages import all_rows

SCHEMA = pa.schema([
    ("uid", pa.string()), ("article_id", pa.string()), ("article_date", pa.date32()), ("source", pa.string()),
    ("day", pa.date32()), ("date", pa.string()), ("date_precision", pa.string()), ("type", pa.string()),
    ("mode", pa.string()), ("cameo", pa.string()), ("acled_event_type", pa.string()),
    ("acled_sub_event_type", pa.string()), ("actor1", pa.string()), ("actor2", pa.string()),
    ("place", pa.string()), ("admin1", pa.string()), ("country_code", pa.string()), ("geonameid", pa.int64()),
    ("lat", pa.float64()), ("lon", pa.float64()), ("killed", pa.int64()), ("injured", pa.int64()),
    ("displaced", pa.int64()), ("figures", pa.string()), ("claim_source", pa.string()), ("certainty", pa.string()),
    ("polarity", pa.string()), ("verification", pa.string()), ("cluster_id", pa.string()),
    ("evidence", pa.string()), ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
])


def events_table(store: Store, f: Filters) -> pa.Table:
    rows = []
    for r in all_rows(store.events, f):
        d = {name: getattr(r, name, None) for name in SCHEMA.names if hasattr(r, name)}
        for cat in ("killed", "injured", "displaced"):
            fig = headline(r.figures, cat)
            d[cat] = fig.value if fig else None
        d["figures"] = json.dumps([x.model_dump(mode="json") for x in r.figures], ensure_ascii=False)
        d["evidence"], d["evidence_start"], d["evidence_end"] = r.evidence.text, r.evidence.start, r.evidence.end
        rows.append(d)
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def write_parquet(store: Store, f: Filters, path: Path) -> int:
    table = events_table(store, f)
    pq.write_table(table, path)
    return table.num_rows
