"""`/api/sitrep`: the situation report for a period and area, as JSON, Markdown or HTML.

The report is `wirewatch.export.sitrep` (the same as `wirewatch sitrep`): fixed wording around stored
values and exact quotes, every line citing the spans it rests on, unverified material labelled.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from ..export.sitrep import build_sitrep, render_html, render_markdown
from ..store import parse_status
from .deps import StoreDep, check_text, invalid

router = APIRouter(prefix="/api/sitrep", tags=["sitrep"])


@router.get("", summary="Situation report", response_class=Response, responses={200: {"content": {
    "application/json": {}, "text/markdown": {}, "text/html": {}}, "description": "The report."}})
def sitrep(store: StoreDep,
           since: Annotated[dt.date | None, Query(description="First day (YYYY-MM-DD), inclusive.")] = None,
           until: Annotated[dt.date | None, Query(description="Last day (YYYY-MM-DD), inclusive.")] = None,
           place: Annotated[str | None, Query(max_length=200, description="Place or admin1 name.")] = None,
           format: Annotated[Literal["json", "markdown", "html"], Query(description="json, markdown or html.")] = "json",
           status: Annotated[str | None, Query(max_length=80, description="Event statuses, comma-separated "
                                               "(occurred, future, hypothetical, generic, all). Default: occurred.")] = None,
           ) -> Response:
    """What happened where, who says so, and what is unverified. Example: `/api/sitrep?since=2022-03-29&format=markdown`."""
    check_text("place", place)
    if since and until and since > until:
        raise invalid("query", "since", f"since {since} is after until {until}", str(since))
    try:
        statuses = parse_status(status)
    except ValueError as exc:
        raise invalid("query", "status", str(exc), status) from None
    report = build_sitrep(store, since, until, place or None, status=statuses)
    if format == "markdown":
        return PlainTextResponse(render_markdown(report), media_type="text/markdown; charset=utf-8")
    if format == "html":
        return HTMLResponse(render_html(report))
    return JSONResponse(jsonable_encoder(dataclasses.asdict(report)))
