"""GeoJSON export: a FeatureCollection of located events (Point, [lon, lat]) with flat properties.

Properties are scalars only (strings, numbers, booleans, null) so QGIS and geopandas read every one as a
column; figures are given as `killed`/`injured`/`displaced` (the largest stated count) plus their text.
"""

from __future__ import annotations

import json
from typing import TextIO

from ..link.figures import headline
from ..store import EventRow, Filters, Store
from .pages import all_rows

PROPERTIES = ("uid", "article_id", "day", "date", "type", "mode", "acled_event_type", "acled_sub_event_type",
              "actor1", "actor2", "place", "admin1", "country_code", "geonameid", "source", "claim_source",
              "certainty", "polarity", "verification", "cluster_id")


def feature(row: EventRow) -> dict:
    props = {k: v for k, v in row.model_dump(mode="json", include=set(PROPERTIES)).items()}
    for cat in ("killed", "injured", "displaced"):
        fig = headline(row.figures, cat)
        props[cat] = fig.value if fig else None
    props["figures"] = "; ".join(f"{f.category}: {f.text}" for f in row.figures) or None
    props["evidence"] = row.evidence.text
    props["evidence_start"], props["evidence_end"] = row.evidence.start, row.evidence.end
    return {"type": "Feature", "id": row.uid,
            "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]}, "properties": props}


def feature_collection(store: Store, f: Filters) -> tuple[dict, int]:
    """The collection and the number of matching events left out for lack of coordinates."""
    features, unlocated = [], 0
    for row in all_rows(store.events, f):
        if row.lat is None or row.lon is None:
            unlocated += 1
            continue
        features.append(feature(row))
    return {"type": "FeatureCollection", "features": features}, unlocated


def write_geojson(store: Store, f: Filters, out: TextIO) -> tuple[int, int]:
    fc, unlocated = feature_collection(store, f)
    json.dump(fc, out, ensure_ascii=False)
    out.write("\n")
    return len(fc["features"]), unlocated
