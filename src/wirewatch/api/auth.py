"""The write rule: POST needs `Authorization: Bearer <WIREWATCH_TOKEN>`; with no token configured, writes are off."""

from __future__ import annotations

import secrets

from fastapi import HTTPException, Request

__all__ = ["require_token"]


def require_token(request: Request) -> None:
    """403 when the server has no token (writes off), 401 when the request's bearer token is missing or wrong."""
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(403, detail="writes are off: this server was started without WIREWATCH_TOKEN; "
                                        "set it to enable POST /api/ingest")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, detail="missing bearer token: send 'Authorization: Bearer <WIREWATCH_TOKEN>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, detail="wrong bearer token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
