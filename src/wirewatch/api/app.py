"""The app factory: routers, limits, errors, the page; the spaCy pipeline loaded once in the lifespan."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator, Sequence

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..extract.claims.tagger import load_tagger
from ..nlp import load_nlp
from ..settings import Settings
from ..store import Store
from ..web import STATIC
from . import (alerts, articles, claims, clusters, errors, events, exports, ingest, labels, meta, overview, places,
               search, sitrep)
from .limits import BodyLimit
from .security import LOOPBACK_HOSTS, SecurityHeaders

__all__ = ["create_app"]

DESCRIPTION = """Events, claims, places and times extracted from news articles, each with the span of text
it came from. Read endpoints are open; `POST /api/ingest` needs `Authorization: Bearer <WIREWATCH_TOKEN>`.
List endpoints share the filters of `wirewatch events` and page with `limit`/`offset` (see `next`)."""


def create_app(db_path: str | Path, settings: Settings | None = None, *, token: str | None = None,
               cors_origins: Sequence[str] = (), allowed_hosts: Sequence[str] | None = LOOPBACK_HOSTS) -> FastAPI:
    """The Wirewatch HTTP app over the store at `db_path`.

    `token` enables writes (POST /api/ingest) for requests bearing it; without one, writes answer 403.
    `cors_origins` lists the origins allowed cross-site reads; empty (the default) means no CORS headers.
    `allowed_hosts` are the names the Host header may give (default: the loopback names; None: any).
    """
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if not Path(db_path).exists():
            Store.open(db_path).close()  # create and migrate once, so read-only requests find a schema
        labels.warm(app.state)  # map labels from the gazetteer, read in the background
        if token:
            app.state.nlp = load_nlp(settings.model)  # once per process; only a writing server needs it
            load_tagger()  # the claims stage's attribution tagger, likewise
        yield

    app = FastAPI(title="Wirewatch", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.db_path = str(db_path)
    app.state.settings = settings
    app.state.token = token or None
    app.state.nlp = None
    app.state.write_lock = threading.Lock()
    app.state.labels, app.state.labels_lock = None, threading.Lock()
    app.state.live_open = 0                    # open /api/alerts/live streams
    app.state.stopping = threading.Event()     # set when the server stops: live streams end at once
    errors.install(app)
    for module in (meta, articles, overview, events, clusters, claims, places, search, sitrep, exports, labels, ingest,
                   alerts):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed_hosts)  # outermost: checks Host first
    return app
