"""`POST /api/ingest`: articles in (JSON or uploaded files), through the one pipeline, into the store.

The spaCy pipeline is loaded once, in the app's lifespan (`app.state.nlp`); writes are serialised by a
lock, so two uploads never interleave their transactions. Bad records are skipped and reported.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, Iterator

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from .. import ingest as ingest_
from ..errors import IngestError, WirewatchError
from ..ingest.dates import DateHints, hints_from
from ..ingest.jsonl import parse_record
from ..settings import Settings
from ..model import Document, Skipped
from ..pipeline import run
from ..store import IngestReport, Store, ingest_documents
from ..store.ingest import unstored
from .auth import require_token

router = APIRouter(prefix="/api", tags=["ingest"])

MAX_FILES = 100
_ARTICLE = {"type": "object", "required": ["id", "text"],
            "properties": {"id": {"type": "string"}, "text": {"type": "string"},
                           "date": {"type": ["string", "null"], "format": "date"},
                           "title": {"type": ["string", "null"]}, "source": {"type": ["string", "null"]},
                           "url": {"type": ["string", "null"]}}}
_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"oneOf": [
        _ARTICLE, {"type": "array", "items": _ARTICLE},
        {"type": "object", "required": ["articles"], "properties": {"articles": {"type": "array", "items": _ARTICLE}}},
    ]}},
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "array", "items": {"type": "string", "format": "binary"},
                 "description": "Files in any format `wirewatch extract` reads: .txt, .jsonl, .html, RSS/Atom."}}}},
}}}


def _from_json(data: Any, hints: DateHints = DateHints()) -> Iterator[Document | Skipped]:
    records = data.get("articles") if isinstance(data, dict) and "articles" in data else data
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list):
        raise HTTPException(422, detail="expected an article object, a list of them, or {\"articles\": [...]}")
    for i, obj in enumerate(records):
        try:
            yield parse_record(obj, f"body[{i}]", hints)
        except IngestError as exc:
            yield Skipped(record=exc.record, reason=exc.reason)


def _dated_settings(request: Request) -> Settings:
    """The app's settings with this request's `date`/`year` query parameters (for articles that give none)."""
    settings = request.app.state.settings
    date, year = request.query_params.get("date"), request.query_params.get("year")
    if date is None and year is None:
        return settings
    try:
        settings = dataclasses.replace(settings, article_date=date or settings.article_date,
                                       article_year=int(year) if year is not None else settings.article_year)
        hints_from(settings)
    except (ValueError, WirewatchError) as exc:
        raise HTTPException(422, detail=f"query parameter date/year: {str(exc).split(': ', 1)[-1]}") from None
    return settings


async def _items(request: Request) -> list[Document | Skipped]:
    settings = _dated_settings(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json" or kind.endswith("+json"):
        try:
            data = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise HTTPException(422, detail=f"body is not valid JSON ({exc})") from None
        return list(_from_json(data, hints_from(settings)))
    if kind == "multipart/form-data":
        try:
            form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES,
                                      max_part_size=settings.max_request_bytes)
        except HTTPException:
            raise
        except Exception as exc:  # malformed multipart: the client's fault, not ours
            raise HTTPException(422, detail=f"multipart body could not be read ({exc})") from None
        uploads = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
        if not uploads:
            raise HTTPException(422, detail="no file in the upload: send the articles as form field 'file'")
        items: list[Document | Skipped] = []
        for up in uploads:
            items.extend(ingest_.read_bytes(await up.read(), up.filename or "upload.txt", settings))
        await form.close()
        return items
    raise HTTPException(415, detail=f"content type {kind or 'none'!r} not accepted: send application/json "
                                    "or multipart/form-data with a 'file' field")


def _store(request: Request, items: list[Document | Skipped]) -> IngestReport:
    state = request.app.state
    report = IngestReport()
    with state.write_lock, Store.open(state.db_path) as store:
        todo = unstored(store, items, report)
        ingest_documents(store, run(todo, nlp=state.nlp, settings=state.settings), report=report)
    return report


@router.post("/ingest", dependencies=[Depends(require_token)], summary="Ingest articles (needs the token)",
             openapi_extra=_BODY, responses={
                 401: {"description": "Missing or wrong bearer token."},
                 403: {"description": "Writes are off (server started without WIREWATCH_TOKEN)."},
                 413: {"description": "Body over max_request_bytes."},
                 415: {"description": "Neither JSON nor multipart."}})
async def ingest(request: Request) -> dict:
    """Extract and store articles: a JSON article (`id`, `text`, optional `date`, `title`, `source`, `url`),
    a list of them, or uploaded files. Runs the same pipeline as `wirewatch extract`; returns counts, the
    reason for every skipped record, and every article left without a date with the reason (`undated`).
    Query parameters `date=YYYY-MM-DD` and `year=YYYY` date articles that give none, as `--date`/`--year` do.
    Re-sending the same article is a no-op (`unchanged`).
    """
    items = await _items(request)
    report = await run_in_threadpool(_store, request, items)
    undated = [{"article": d.article.id, "reason": d.article.date_note or "no date found"}
               for d in items if isinstance(d, Document) and d.article.date is None]
    return {**report.as_dict(), "undated": undated}
