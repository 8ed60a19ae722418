"""`/api/labels`: names of major places from the gazetteer for the map's base layer, by zoom: capitals and
cities of millions when zoomed out, towns of tens of thousands when zoomed in. Offline, like the outlines.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ..gazetteer import open_gazetteer

router = APIRouter(prefix="/api", tags=["meta"])

MIN_POPULATION = 15_000     # the smallest towns ever labelled (loaded once per server)
MAX_LABELS = 300            # per answer; the page hides labels that would overlap
# zoom -> smallest population labelled at that zoom (capitals are always labelled)
BY_ZOOM = ((3, 5_000_000), (4, 1_500_000), (5, 700_000), (6, 250_000), (7, 100_000), (8, 40_000))


def min_population(zoom: int) -> int:
    return next((pop for z, pop in BY_ZOOM if zoom <= z), MIN_POPULATION)


def load(state: Any) -> list[tuple[str, str, str, float, float, int]]:
    """(name, country, feature code, lat, lon, population), most populous first; read once per app (the app
    starts reading in the background, so the page's first request does not wait for the gazetteer)."""
    with state.labels_lock:
        if getattr(state, "labels", None) is None:
            state.labels = [(c.name, c.country_code, c.feature_code, c.lat, c.lon, c.population)
                            for c in open_gazetteer().populated_places(MIN_POPULATION)]
    return state.labels


def warm(state: Any) -> None:
    """Read the labels in a background thread (errors surface, logged, on the first request instead)."""
    def run() -> None:
        try:
            load(state)
        except Exception:  # noqa: BLE001 - the request that needs the labels reports it
            pass
    threading.Thread(target=run, name="wirewatch-labels", daemon=True).start()


@router.get("/labels", summary="Place names for the map at a zoom and in a box")
def labels(request: Request,
           south: Annotated[float, Query(ge=-90, le=90)], west: Annotated[float, Query(ge=-540, le=540)],
           north: Annotated[float, Query(ge=-90, le=90)], east: Annotated[float, Query(ge=-540, le=540)],
           zoom: Annotated[int, Query(ge=0, le=20)]) -> dict[str, Any]:
    """Up to 300 places inside the box, most populous first: `[name, country, lat, lon, population, capital]`.
    Example: `/api/labels?south=44&west=22&north=53&east=41&zoom=6`."""
    floor = min_population(zoom)
    wrap = east - west >= 360
    out: list[list[Any]] = []
    for name, cc, code, lat, lon, pop in load(request.app.state):
        capital = code == "PPLC"
        if pop < floor and not capital:
            continue
        if not south <= lat <= north:
            continue
        if not wrap and not any(west <= x <= east for x in (lon, lon - 360, lon + 360)):
            continue
        out.append([name, cc, lat, lon, pop, capital])
        if len(out) >= MAX_LABELS:
            break
    return {"zoom": zoom, "min_population": floor, "labels": out}
