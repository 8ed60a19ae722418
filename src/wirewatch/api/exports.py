"""`/api/export`: what a filter selects as a file to download: ACLED-column CSV (one row per event cluster)
or GeoJSON (one feature per located event), written by the same exporters as `wirewatch export`.

Bounded by the setting `max_export_rows`; the response says how many rows it holds (`X-Wirewatch-Rows`)
and, when the cap cut it short, `X-Wirewatch-Truncated: true`.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ..export import write_acled, write_geojson
from .deps import FiltersDep, StoreDep

router = APIRouter(prefix="/api", tags=["export"])

MEDIA = {"acled": "text/csv; charset=utf-8", "geojson": "application/geo+json"}
SUFFIX = {"acled": "acled.csv", "geojson": "geojson"}


@router.get("/export", summary="Download the filtered events (ACLED CSV or GeoJSON)", response_class=Response,
            responses={200: {"content": {"text/csv": {}, "application/geo+json": {}},
                             "description": "An attachment; `X-Wirewatch-Rows` counts its rows."}})
def export(request: Request, store: StoreDep, f: FiltersDep,
           format: Annotated[Literal["acled", "geojson"], Query(description="acled (CSV) or geojson.")] = "acled",
           ) -> Response:
    """The events the filters select, as `wirewatch export --format acled|geojson` writes them (paging ignored).
    Example: `/api/export?format=acled&country=UA&since=2022-03-01`."""
    cap = request.app.state.settings.max_export_rows
    f = replace(f, limit=cap + 1, offset=0)
    out = io.StringIO()
    if format == "acled":
        rows, truncated = write_acled(store, f, out), False
        if rows > cap:  # one row per cluster; count again with the cap (a cut CSV is still whole rows)
            out = io.StringIO()
            rows, truncated = write_acled(store, replace(f, limit=cap), out), True
        unlocated = 0
    else:
        rows, unlocated = write_geojson(store, replace(f, limit=cap), out)
        truncated = bool(store.events(replace(f, limit=1, offset=cap)))
    stamp = dt.date.today().strftime("%Y%m%d")
    headers = {"Content-Disposition": f'attachment; filename="wirewatch-{stamp}.{SUFFIX[format]}"',
               "X-Wirewatch-Rows": str(rows), "X-Wirewatch-Truncated": "true" if truncated else "false",
               "Cache-Control": "no-store"}
    if unlocated:
        headers["X-Wirewatch-Unlocated"] = str(unlocated)
    return Response(out.getvalue(), media_type=MEDIA[format], headers=headers)
