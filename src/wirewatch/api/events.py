"""`/api/events`: coded events with the CLI's filters, as JSON pages or as GeoJSON for maps."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from ..export.geojson import feature
from ..store import EVENT_ORDERS, EventRow
from .deps import FiltersDep, Page, StoreDep, one_more, page_of

router = APIRouter(prefix="/api/events", tags=["events"])

Order = Literal[EVENT_ORDERS]  # type: ignore[valid-type]


def geojson(rows: list[EventRow], page: Page[EventRow]) -> dict[str, Any]:
    """A FeatureCollection as `wirewatch export --format geojson` writes it, plus paging members and, for the
    events a map cannot show, their count per day and type (`unmapped`), so a timeline can still count them."""
    features = [feature(row) for row in rows if row.lat is not None and row.lon is not None]
    unmapped: dict[str, dict[str, int]] = {}
    for row in rows:
        if (row.lat is None or row.lon is None) and row.day is not None:
            by_type = unmapped.setdefault(row.day.isoformat(), {})
            by_type[row.type] = by_type.get(row.type, 0) + 1
    return {"type": "FeatureCollection", "features": features, "without_coordinates": len(rows) - len(features),
            "unmapped": unmapped, "limit": page.limit, "offset": page.offset, "next": page.next}


@router.get("", response_model=Page[EventRow], summary="List events",
            responses={200: {"content": {"application/geo+json": {}}, "description": "A page of events (JSON), or a GeoJSON FeatureCollection "
                                            "with format=geojson (events without coordinates are left out, "
                                            "counted in `without_coordinates` and, per day and type, in "
                                            "`unmapped`)."}})
def list_events(request: Request, store: StoreDep, f: FiltersDep,
                format: Annotated[Literal["json", "geojson"], Query(description="json (pages) or geojson.")] = "json",
                sort: Annotated[Order, Query(description="Order: day, type, fatalities, place or sources; '-' in "
                                             "front for descending. Ties: newest first.")] = "-day",
                ) -> Any:
    """Events matching the filters, newest day first unless `sort` says otherwise.
    Example: `/api/events?place=Mykolaiv&sort=-fatalities&format=geojson`."""
    page = page_of(request, store.events(one_more(replace(f, order=sort))), f)
    if format == "geojson":
        return JSONResponse(geojson(page.items, page), media_type="application/geo+json")
    return page
