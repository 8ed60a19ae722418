"""`/api/sitrep`: the situation report for a period and area, as JSON, Markdown or HTML.

The report is `wirewatch.export.sitrep` (the same as `wirewatch sitrep`): fixed wording around stored
values and exact quotes, every line citing the spans it rests on, unverified material labelled. It takes
every filter of `/api/events` (paging aside), so the page can print the report for what it shows.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from ..export.sitrep import build_sitrep, render_html, render_markdown
from .deps import FiltersDep, StoreDep

router = APIRouter(prefix="/api/sitrep", tags=["sitrep"])


@router.get("", summary="Situation report", response_class=Response, responses={200: {"content": {
    "application/json": {}, "text/markdown": {}, "text/html": {}}, "description": "The report."}})
def sitrep(store: StoreDep, f: FiltersDep,
           format: Annotated[Literal["json", "markdown", "html"], Query(description="json, markdown or html.")] = "json",
           ) -> Response:
    """What happened where, who says so, and what is unverified, for the events the filters select.
    Example: `/api/sitrep?since=2022-03-29&place=Mykolaiv&format=markdown`."""
    report = build_sitrep(store, f.since, f.until, f.place, where=f)
    if format == "markdown":
        return PlainTextResponse(render_markdown(report), media_type="text/markdown; charset=utf-8")
    if format == "html":
        return HTMLResponse(render_html(report))
    return JSONResponse(jsonable_encoder(dataclasses.asdict(report)))
