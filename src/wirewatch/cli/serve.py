"""`wirewatch serve`: the HTTP API and the map page over a store, on localhost unless told otherwise.

The socket is bound before the URL is announced, so a busy port is a clear error and never a URL that does
not answer; a server exposed beyond the loopback interface with writes on and a short token is warned about.
"""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..settings import Settings
from ..store import DEFAULT_DB
from .common import err

MIN_TOKEN_CHARS = 32  # secrets.token_urlsafe(24) gives 32 characters
_LOOPBACK = ("127.0.0.1", "localhost", "::1")
_WILDCARD = ("0.0.0.0", "::", "")


def exposure_warnings(host: str, token: str | None, allowed_hosts: list[str]) -> list[str]:
    """What to warn about before serving on `host` (loopback is safe; other addresses reach the network)."""
    out: list[str] = []
    if host in _LOOPBACK or host.startswith("127."):
        return out
    if token and len(token) < MIN_TOKEN_CHARS:
        out.append(f"writes are on with a {len(token)}-character WIREWATCH_TOKEN and {host} is reachable from the "
                   f"network: anyone there can try to guess it. Use at least {MIN_TOKEN_CHARS} random characters, "
                   "e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(32))'")
    if host in _WILDCARD and not allowed_hosts:
        out.append("the Host header is not checked on every interface: give the names clients use with "
                   "--allowed-host NAME (protects against DNS rebinding)")
    return out


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port, or a clear error (port busy, address not on this machine)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise OSError(f"port {port} on {host} is already in use (another server?): stop it or choose "
                          "another with --port") from None
        if exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) or isinstance(exc, socket.gaierror):
            raise OSError(f"cannot listen on {host}: not an address of this machine ({exc.strerror or exc})") from None
        raise OSError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
    sock.set_inheritable(True)
    return sock


def serve(
    db: Annotated[Path, typer.Option("--db", help="The store (SQLite file); created if missing.")] = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Address to bind; 0.0.0.0 exposes the server to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port (0: any free port).")] = 8000,
    cors_origin: Annotated[Optional[list[str]], typer.Option("--cors-origin", help="Allow cross-site reads from this origin (repeatable). Default: no CORS.")] = None,
    allowed_host: Annotated[Optional[list[str]], typer.Option("--allowed-host", help="A host name clients may use in the Host header besides the loopback names and --host (repeatable).")] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
) -> None:
    """Serve the HTTP API and the web map (/), with OpenAPI docs at /docs.

    Writes (POST /api/ingest) are enabled only when the environment variable WIREWATCH_TOKEN is set;
    clients then send 'Authorization: Bearer <token>'. Requests whose Host header is not a loopback name,
    --host or an --allowed-host get 400 (DNS rebinding); on 0.0.0.0 without --allowed-host any host is accepted.

    Example: WIREWATCH_TOKEN=s3cret wirewatch serve --db ww.db --port 8000
    """
    import uvicorn

    from ..api import create_app

    token = os.environ.get("WIREWATCH_TOKEN") or None
    names = list(allowed_host or ())
    hosts = None if host in _WILDCARD and not names else [*_LOOPBACK, *([host] if host not in _WILDCARD else []), *names]
    try:
        sock = bind(host, port)
    except OSError as exc:
        err.print(f"[red]error[/] {exc}", highlight=False)
        raise typer.Exit(code=1) from None
    port = sock.getsockname()[1]
    for warning in exposure_warnings(host, token, names):
        err.print(f"[yellow]warning[/] {warning}", highlight=False)
    app = create_app(db, Settings.from_env(), token=token, cors_origins=tuple(cors_origin or ()), allowed_hosts=hosts)
    writes = "on (bearer token)" if token else "off (set WIREWATCH_TOKEN to enable)"
    shown = f"[{host}]" if ":" in host else host
    err.print(f"wirewatch: store {db}, writes {writes}; page http://{shown}:{port}/ , docs http://{shown}:{port}/docs",
              highlight=False)
    config = uvicorn.Config(app, log_level=log_level, proxy_headers=False, server_header=False)
    server = uvicorn.Server(config)
    exit_ = server.handle_exit

    def handle_exit(sig: int, frame: object) -> None:  # live streams (/api/alerts/live) end now: uvicorn waits for them
        app.state.stopping.set()
        exit_(sig, frame)  # type: ignore[arg-type]

    server.handle_exit = handle_exit  # type: ignore[method-assign]
    server.run(sockets=[sock])


def register(app: typer.Typer) -> None:
    app.command()(serve)
