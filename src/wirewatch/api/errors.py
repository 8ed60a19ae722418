"""Error responses: every failure is JSON with a `detail` a person can act on; a 422 also says which parameter.

FastAPI's validation errors are kept in its shape (`detail` is a list with `loc` and `msg`) and get a
one-line `message` on top, e.g. "query parameter 'limit': page size 5000 is over the maximum of 1000".
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from ..errors import StoreError

log = logging.getLogger("wirewatch.api")

_WHERE = {"query": "query parameter", "path": "path parameter", "body": "body", "header": "header"}


def _one_line(err: dict) -> str:
    loc = [str(x) for x in err.get("loc", ())]
    where = _WHERE.get(loc[0], loc[0]) if loc else "request"
    name = ".".join(loc[1:])
    return f"{where} {name!r}: {err.get('msg', 'invalid')}" if name else f"{where}: {err.get('msg', 'invalid')}"


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    for err in errors:  # drop the URL to pydantic's docs and non-JSON context from each error
        err.pop("url", None)
        if "ctx" in err:
            err["ctx"] = {k: str(v) for k, v in err["ctx"].items()}
    return JSONResponse(status_code=422, content=jsonable_encoder(
        {"message": "; ".join(_one_line(e) for e in errors), "detail": errors}))


async def store_error(request: Request, exc: StoreError) -> JSONResponse:
    log.error("store error on %s: %s", request.url.path, exc)
    return JSONResponse(status_code=503, content={"detail": f"the store could not answer: {exc}"})


async def unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return JSONResponse(status_code=500, content={"detail": f"internal error ({type(exc).__name__}); "
                                                            "see the server log"})


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, store_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, unexpected)
