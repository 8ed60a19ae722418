"""`/api/alerts`: the alerts `wirewatch watch` raised, as pages after a sequence number, and live as Server-Sent
Events (`/api/alerts/live`), with a note whenever new events are stored, so the page can offer them.

The live stream polls the store, it is not told: `watch` is another process, and SQLite has no cross-process
notification. A poll is one statement of two primary-key lookups (`store.alerts.marks`), so a stream costs next to
nothing while nothing happens; rows are read only when a mark moved. Streams are counted and bounded
(setting `max_live_connections`), each holds one read-only connection, and each ends when its client goes away
or the server stops.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Annotated, Any, AsyncIterator

from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from ..store import Store
from ..store.alerts import AlertRow, alerts_after, count_events_between, events_after, marks
from .deps import StoreDep, invalid

router = APIRouter(prefix="/api/alerts", tags=["alerts"])

POLL_SECONDS = 1.0   # how often a live stream looks at the store's marks
BATCH = 100          # alerts sent per poll at most (the rest follow on the next polls)
RETRY_MS = 3000      # the reconnection delay the stream asks browsers for
SEQ_MAX = 2**63 - 1  # SQLite's largest integer: larger numbers cannot be a seq or a rowid

Seq = Annotated[int, Query(ge=0, le=SEQ_MAX, description="Only alerts with a larger seq (the last one seen).")]


class AlertPage(BaseModel):
    """Alerts after `since`, oldest first; `next` asks for the ones after this page, null on the last."""

    items: list[AlertRow]
    since: int
    limit: int
    last_seq: int = Field(description="The newest alert in the store (0: none yet).")
    next: str | None = Field(default=None, description="URL of the next page (path and query), or null.")


@router.get("", response_model=AlertPage, summary="Alerts raised by `wirewatch watch`")
def list_alerts(request: Request, store: StoreDep, since: Seq = 0,
                limit: Annotated[int, Query(ge=1, description="Alerts per page (at most max_page_size).")] = 100,
                ) -> AlertPage:
    """The alerts raised after `since`, oldest first, each with its rule, incident, event (as /api/events returns
    it) and article. Keep the last `seq` and ask with `since=` next time; see docs/watch.md for the rules."""
    maximum = request.app.state.settings.max_page_size
    if limit > maximum:
        raise invalid("query", "limit", f"page size {limit} is over the maximum of {maximum} "
                                        "(page with since, or raise the setting max_page_size)", limit)
    rows = alerts_after(store, since, limit + 1)
    items = rows[:limit]
    nxt = f"/api/alerts?since={items[-1].seq}&limit={limit}" if len(rows) > limit else None
    return AlertPage(items=items, since=since, limit=limit, last_seq=marks(store).seq, next=nxt)


def sse(event: str, data: Any, *, id: int | None = None) -> str:
    """One Server-Sent Event: `event:`, optional `id:`, and the data as one line of JSON."""
    head = f"id: {id}\n" if id is not None else ""
    text = data if isinstance(data, str) else json.dumps(data, separators=(",", ":"), default=str)
    return f"{head}event: {event}\ndata: {text}\n\n"


def _start(last_event_id: str | None, since: int | None, current: int) -> int:
    """Where the alerts of a stream start: after Last-Event-ID (a browser reconnecting), else after `since`,
    else after the newest alert (a new subscriber hears only what comes next)."""
    if last_event_id is not None and last_event_id.strip():
        value = last_event_id.strip()
        if not value.isdigit() or int(value) > SEQ_MAX:
            raise invalid("header", "Last-Event-ID", "must be the seq of an alert (a whole number)", last_event_id)
        return int(value)
    return current if since is None else since


async def _stream(request: Request, store: Store, seq: int, rowid: int) -> AsyncIterator[str]:
    """The live stream: alerts after `seq`, new events after `rowid`, a heartbeat when idle. Ends when the
    client disconnects (Starlette cancels it) or the server stops; releases its slot and connection either way."""
    state = request.app.state
    try:  # from the first step: the slot the handler took is this stream's to release
        heartbeat = max(1, state.settings.live_heartbeat_seconds)
        yield f"retry: {RETRY_MS}\n" + sse("ready", {"since": seq, "events_after": rowid})
        beat = time.monotonic()
        while not state.stopping.is_set():
            await asyncio.sleep(POLL_SECONDS)
            now = await asyncio.to_thread(marks, store)
            out: list[str] = []
            if now.seq > seq:
                for alert in await asyncio.to_thread(alerts_after, store, seq, BATCH):
                    out.append(sse("alert", alert.model_dump_json(), id=alert.seq))
                    seq = alert.seq
            if now.event_rowid > rowid:
                count = await asyncio.to_thread(count_events_between, store, rowid, now.event_rowid)
                latest = await asyncio.to_thread(events_after, store, rowid, 1, now.event_rowid)
                if count:
                    out.append(sse("events", {"count": count, "after": rowid, "upto": now.event_rowid,
                                              "latest": latest[0].model_dump(mode="json") if latest else None}))
                rowid = now.event_rowid
            elif now.event_rowid < rowid:  # the newest events were deleted (an article replaced): follow the mark
                rowid = now.event_rowid
            if out:
                yield "".join(out)
                beat = time.monotonic()
            elif time.monotonic() - beat >= heartbeat:
                yield ": heartbeat\n\n"
                beat = time.monotonic()
    finally:
        state.live_open -= 1
        store.close()


async def _primed(first: str, rest: AsyncIterator[str]) -> AsyncIterator[str]:
    yield first
    async for chunk in rest:
        yield chunk


@router.get("/live", summary="Alerts and new events as they happen (Server-Sent Events)",
            response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}},
                             "description": "`event: alert` (`id:` its seq, data: the alert as in GET /api/alerts), "
                                            "`event: events` (data: `count`, `after`, `upto`, `latest`), "
                                            "`event: ready` first, and `: heartbeat` comments when idle."},
                       503: {"description": "Too many live streams open (setting max_live_connections)."}})
async def live(request: Request, since: Annotated[int | None, Query(
                   ge=0, le=SEQ_MAX, description="Send the alerts after this seq first (default: only new ones).")] = None,
               events_after: Annotated[int | None, Query(
                   ge=0, le=SEQ_MAX, description="Count events stored after this mark (the `upto` of the last "
                                                 "`events` message; default: from now).")] = None,
               last_event_id: Annotated[str | None, Header(alias="Last-Event-ID", max_length=30,
                                                           description="Sent by a reconnecting browser.")] = None,
               ) -> StreamingResponse:
    """A Server-Sent Events stream: each alert `watch` raises (`event: alert`, `id:` its seq, so a reconnecting
    browser resumes after the last it got), and `event: events` whenever new events are stored. Read-only, like
    every read; one read-only store connection per stream, at most `max_live_connections` streams at once."""
    state = request.app.state
    limit = state.settings.max_live_connections
    if state.live_open >= limit:
        raise HTTPException(503, detail=f"{limit} live streams are open, the most this server allows "
                                        "(setting max_live_connections, env WIREWATCH_MAX_LIVE_CONNECTIONS)",
                            headers={"Retry-After": str(RETRY_MS // 1000)})
    state.live_open += 1  # taken before any await, so concurrent requests cannot all pass the check
    store = None
    try:
        store = Store.open(state.db_path, read_only=True)
        now = await asyncio.to_thread(marks, store)
        seq = _start(last_event_id, since, now.seq)
        stream = _stream(request, store, seq, now.event_rowid if events_after is None else events_after)
    except BaseException:
        state.live_open -= 1
        if store is not None:
            store.close()
        raise
    # Started here, so the stream owns the slot and the connection from now on: one the client abandons before
    # reading is a started generator, closed (slot and connection freed) when it is collected.
    first = await stream.__anext__()
    return StreamingResponse(_primed(first, stream), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
