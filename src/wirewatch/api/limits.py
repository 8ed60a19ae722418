"""Request-body size limit, enforced before any route runs.

A body larger than `Settings.max_request_bytes` gets 413 whether it announces its length or streams it
chunked; the body is buffered (up to the limit) and replayed to the app, so no route ever sees a partial one.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodyLimit"]

_WITH_BODY = {"POST", "PUT", "PATCH"}


async def _reply(send: Send, status: int, payload: dict) -> None:
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware: 413 for bodies over `max_bytes`, 400 for a malformed Content-Length."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    def _too_large(self, size: int | None) -> dict:
        got = f"{size:,} bytes" if size is not None else "more than that"
        return {"detail": f"request body is {got}, over the limit of {self.max_bytes:,} bytes "
                          "(setting max_request_bytes, env WIREWATCH_MAX_REQUEST_BYTES)"}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _WITH_BODY:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if (raw := headers.get(b"content-length")) is not None:
            try:
                declared = int(raw)
            except ValueError:
                await _reply(send, 400, {"detail": f"Content-Length {raw.decode('latin-1')!r} is not a number"})
                return
            if declared > self.max_bytes:
                await _reply(send, 413, self._too_large(declared))
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _reply(send, 413, self._too_large(None))
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body, replayed = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for disconnect like the server would

        await self.app(scope, replay, send)
