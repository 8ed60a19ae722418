"""What every route shares: the store as a dependency, the common filters, paging and 422 errors.

The filters are the CLI's (`wirewatch.store.Filters`), so `GET /api/events?place=Kharkiv` and
`wirewatch events --place Kharkiv` select the same rows. Every parameter is checked here and a bad one
gets 422 with a message that names the parameter; nothing a client sends can reach the store unchecked.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Generic, Iterator, Literal, Sequence, TypeVar

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field

from ..store import Filters, Store, parse_bbox, parse_near

__all__ = ["StoreDep", "FiltersDep", "Page", "invalid", "get_store", "get_filters", "page_of", "one_more", "check_text"]

T = TypeVar("T")
MAX_OFFSET = 10_000_000
CERTAINTIES = ("certain", "probable", "possible", "uncertain")
STATUSES = ("occurred", "future", "hypothetical", "generic")


def invalid(where: str, name: str, message: str, value: Any = None) -> RequestValidationError:
    """A 422 in FastAPI's own shape, e.g. invalid("query", "limit", "must be at most 1000", 5000)."""
    return RequestValidationError([{"type": "value_error", "loc": (where, name), "msg": message, "input": value}])


def check_text(name: str, value: str | None) -> None:
    """Refuse control characters (NUL and the like) in a text parameter: no name or word contains them."""
    if value is not None and any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise invalid("query", name, "contains control characters", value)


def get_store(request: Request) -> Iterator[Store]:
    """The store, opened read-only for this request and closed after the response."""
    with Store.open(request.app.state.db_path, read_only=True) as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]


def get_filters(
    request: Request,
    since: Annotated[dt.date | None, Query(description="First day (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[dt.date | None, Query(description="Last day (YYYY-MM-DD), inclusive.")] = None,
    type: Annotated[str | None, Query(max_length=300, description="PLOVER type (ASSAULT), several comma-separated "
                                      "(ASSAULT,COERCE), or an ACLED event type.")] = None,
    acled: Annotated[str | None, Query(max_length=80, description="ACLED event type or sub-event type.")] = None,
    status: Annotated[str, Query(max_length=80, description="Event statuses, comma-separated: occurred, future, "
                                 "hypothetical, generic.")] = "occurred",
    actor: Annotated[str | None, Query(max_length=200, description="Part of an actor's name.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code (UA).")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Place or admin1 name, whole name.")] = None,
    admin1: Annotated[str | None, Query(max_length=200, description="Admin1 name of the place (Mykolaiv Oblast).")] = None,
    near: Annotated[str | None, Query(max_length=100, description="LAT,LON,KM: within KM of a point.",
                                      examples=["46.97,32.0,50"])] = None,
    bbox: Annotated[str | None, Query(max_length=120, description="SOUTH,WEST,NORTH,EAST: inside a box (events with "
                                      "coordinates only).", examples=["44,22,53,41"])] = None,
    certainty: Annotated[Literal["certain", "probable", "possible", "uncertain"] | None, Query()] = None,
    unverified: Annotated[bool, Query(description="Only rows whose claim is unverified or disputed.")] = False,
    source: Annotated[str | None, Query(max_length=200, description="The outlet (article source).")] = None,
    text: Annotated[str | None, Query(max_length=500, description="Full-text words to match.")] = None,
    limit: Annotated[int, Query(ge=1, description="Rows per page (at most the server's max_page_size).")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0,
) -> Filters:
    """The query parameters every list endpoint shares, checked, as a `Filters`."""
    for name, value in (("type", type), ("acled", acled), ("actor", actor), ("place", place), ("admin1", admin1),
                        ("near", near), ("source", source), ("text", text)):
        check_text(name, value)
    statuses = tuple(dict.fromkeys(s.strip().lower() for s in status.split(",") if s.strip()))
    if not statuses or any(s not in STATUSES for s in statuses):
        raise invalid("query", "status", f"expected one or more of {', '.join(STATUSES)}, comma-separated", status)
    maximum = request.app.state.settings.max_page_size
    if limit > maximum:
        raise invalid("query", "limit", f"page size {limit} is over the maximum of {maximum} "
                                        "(page with offset, or raise the setting max_page_size)", limit)
    if since and until and since > until:
        raise invalid("query", "since", f"since {since} is after until {until}", str(since))
    point = None
    if near is not None:
        try:
            point = parse_near(near)
        except ValueError as exc:
            raise invalid("query", "near", str(exc).replace("--near", "near"), near) from None
    box = None
    if bbox is not None:
        try:
            box = parse_bbox(bbox)
        except ValueError as exc:
            raise invalid("query", "bbox", str(exc), bbox) from None
    words = text.strip() if text and text.strip() else None
    return Filters(since=since, until=until, type=type or None, actor=actor or None, country=country.upper() if country else None,
                   place=place or None, near=point, bbox=box, certainty=certainty, unverified=unverified, source=source or None,
                   text=words, acled=acled or None, admin1=admin1 or None, status=statuses, limit=limit,
                   offset=offset)


FiltersDep = Annotated[Filters, Depends(get_filters)]


class Page(BaseModel, Generic[T]):
    """One page of rows; `next` is the URL of the following page, null on the last."""

    items: list[T]
    limit: int
    offset: int
    next: str | None = Field(default=None, description="URL of the next page, or null.")


def page_of(request: Request, rows: Sequence[T], f: Filters) -> Page[T]:
    """Rows fetched with limit+1 -> a Page (the extra row only tells that there is a next page)."""
    more = len(rows) > f.limit
    nxt = str(request.url.include_query_params(offset=f.offset + f.limit)) if more else None
    return Page[T](items=list(rows[: f.limit]), limit=f.limit, offset=f.offset, next=nxt)


def one_more(f: Filters) -> Filters:
    """The same filters asking for one row more than the page, to know whether a next page exists."""
    return f.page(f.limit + 1, f.offset)
