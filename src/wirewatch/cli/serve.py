"""`wirewatch serve`: the HTTP API and the map page over a store, on localhost unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..settings import Settings
from ..store import DEFAULT_DB
from .common import err


def serve(
    db: Annotated[Path, typer.Option("--db", help="The store (SQLite file); created if missing.")] = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Address to bind; 0.0.0.0 exposes the server to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
    cors_origin: Annotated[Optional[list[str]], typer.Option("--cors-origin", help="Allow cross-site reads from this origin (repeatable). Default: no CORS.")] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
) -> None:
    """Serve the HTTP API and the web map (/), with OpenAPI docs at /docs.

    Writes (POST /api/ingest) are enabled only when the environment variable WIREWATCH_TOKEN is set;
    clients then send 'Authorization: Bearer <token>'.

    Example: WIREWATCH_TOKEN=s3cret wirewatch serve --db ww.db --port 8000
    """
    import uvicorn

    from ..api import create_app

    token = os.environ.get("WIREWATCH_TOKEN") or None
    app = create_app(db, Settings.from_env(), token=token, cors_origins=tuple(cors_origin or ()))
    writes = "on (bearer token)" if token else "off (set WIREWATCH_TOKEN to enable)"
    err.print(f"wirewatch: store {db}, writes {writes}; page http://{host}:{port}/ , docs http://{host}:{port}/docs",
              highlight=False)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)


def register(app: typer.Typer) -> None:
    app.command()(serve)
