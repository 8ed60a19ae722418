"""Browser-facing defences of every response: the Host check and the security headers.

- Host: a request whose `Host` header names a host this server does not answer to gets 400 before any route
  runs, so a web page on another site cannot reach a server on 127.0.0.1 through DNS rebinding. The allowed
  hosts are the loopback names, the address the server binds to, and any given with `--allowed-host`; the
  header itself is never echoed (links such as `next` are relative).
- Headers: a Content-Security-Policy that lets the page load only its own scripts and data (no inline script,
  no framing, no plugins), `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY` and
  `Referrer-Policy: no-referrer`. A route that needs more (the OpenAPI page's one inline script) sets its own
  CSP; this middleware only fills in headers a response does not already have.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["SecurityHeaders", "CSP", "csp_with_script", "LOOPBACK_HOSTS"]

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


def csp_with_script(script: str) -> str:
    """The CSP allowing one inline script, by its SHA-256 (for the OpenAPI page)."""
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    return CSP.replace("script-src 'self'", f"script-src 'self' 'sha256-{digest}'")


def _host_name(raw: bytes) -> str:
    """The host of a Host header, without port or IPv6 brackets, lower case."""
    host = raw.decode("latin-1").strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SecurityHeaders:
    """ASGI middleware: 400 for a Host this server does not answer to; security headers on every response.

    `allowed_hosts` None means any host (a server bound to every interface with no `--allowed-host`)."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.allowed = None if allowed_hosts is None else {h.lower().strip("[]") for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed is not None:
            host = next((v for k, v in scope["headers"] if k == b"host"), b"")
            if _host_name(host) not in self.allowed:
                body = json.dumps({"detail": "the Host header names a host this server does not answer to "
                                             "(start it with --allowed-host NAME to add one)"}).encode()
                await send({"type": "http.response.start", "status": 400, "headers": [
                    (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    *HEADERS]})
                await send({"type": "http.response.body", "body": body})
                return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *((k, v) for k, v in HEADERS if k not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)
