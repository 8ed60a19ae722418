"""Health, counts, and the OpenAPI docs page served from vendored Swagger UI (works offline)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from .. import __version__
from .deps import StoreDep

router = APIRouter(tags=["meta"])


@router.get("/health", summary="Is the server up")
def health(request: Request) -> dict:
    """Liveness and what this server allows: `writes` is true when POST /api/ingest is enabled."""
    return {"ok": True, "version": __version__, "writes": bool(request.app.state.token)}


@router.get("/api/counts", summary="Rows per kind")
def counts(store: StoreDep) -> dict[str, int]:
    """How many articles, events, claims, places, figures and clusters the store holds."""
    return store.counts()


@router.get("/api/facets", summary="Values to pick from, per event column")
def facets(store: StoreDep) -> dict[str, list[tuple[str, int]]]:
    """Outlets (`source`), types, ACLED types and sub-types, countries, admin1 names and places of the stored
    events, each with its count, most frequent first (at most 500 each): the page's pick lists."""
    return store.facets()


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    vendor = "/static/vendor/swagger-ui"
    return get_swagger_ui_html(openapi_url=request.app.openapi_url or "/openapi.json", title="Wirewatch API",
                               swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
                               swagger_css_url=f"{vendor}/swagger-ui.css",
                               swagger_favicon_url=f"{vendor}/favicon-32x32.png",
                               swagger_ui_parameters={"validatorUrl": None})  # no call to an online validator
