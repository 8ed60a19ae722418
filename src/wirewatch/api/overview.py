"""`/api/events/overview`: everything the page draws for a filter in one answer: counts per day and type
(with fatalities per day) for the timeline, counts per type for the legend, and every located event as a
compact row for the map (position, type, fatalities, how precisely it is located; a continent or an
ocean is too vague to draw and counts as not on the map).

Bounded by the setting `max_export_rows`: past it the answer says `truncated` and covers the newest rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request

from ..store import EventPoint
from .deps import FiltersDep, StoreDep
from .precision import precision_of, ring_km

router = APIRouter(prefix="/api/events", tags=["events"])

POINT_COLUMNS = ("uid", "lat", "lon", "type", "fatalities", "precision", "place", "admin1", "country_code", "day",
                 "sources", "cluster_id", "ring_km")


def overview(rows: list[EventPoint], cap: int) -> dict[str, Any]:
    """Counts per day and type, counts per type, and map rows for the first `cap` rows (newest first)."""
    days: dict[str, dict[str, Any]] = {}
    types: Counter[str] = Counter()
    points: list[list[Any]] = []
    undated = 0
    for row in rows[:cap]:
        types[row.type] += 1
        killed = row.killed
        precision = precision_of(row.feature_code)
        located = row.lat is not None and row.lon is not None and precision != "vague"
        if row.day is None:
            undated += 1
        else:
            d = days.setdefault(row.day, {"n": 0, "types": Counter(), "killed": 0, "unmapped": 0})
            d["n"] += 1
            d["types"][row.type] += 1
            d["killed"] += killed or 0
            d["unmapped"] += 0 if located else 1
        if located:
            points.append([row.uid, row.lat, row.lon, row.type, killed, precision, row.place, row.admin1,
                           row.country_code, row.day, row.cluster_sources, row.cluster_id,
                           ring_km(row.feature_code, precision)])
    shown = min(len(rows), cap)
    return {"total": shown, "truncated": len(rows) > cap, "cap": cap, "mapped": len(points),
            "undated": undated, "types": dict(types.most_common()),
            "days": [{"day": day, **d, "types": dict(d["types"])} for day, d in sorted(days.items())],
            "columns": list(POINT_COLUMNS), "points": points}


@router.get("/overview", summary="Counts per day and type, and every located event, for the page",
            responses={200: {"description": "`total` events match (`truncated` if over the setting "
                                            "max_export_rows); `days` (n, types, killed, unmapped per day), `types`, "
                                            "and `points`: one row per located event with `columns`."}})
def events_overview(request: Request, store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    """The timeline, legend and map of `/` for the same filters as `/api/events` (paging ignored).
    Example: `/api/events/overview?country=UA&since=2022-03-01`."""
    cap = request.app.state.settings.max_export_rows
    return overview(store.event_points(replace(f, limit=cap + 1, offset=0)), cap)
