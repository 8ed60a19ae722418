"""`/api/search`: full-text search over article text and claim content."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ..store import SearchHit
from .deps import FiltersDep, Page, StoreDep, check_text, invalid, one_more, page_of

router = APIRouter(prefix="/api/search", tags=["search"])


@router.get("", response_model=Page[SearchHit], summary="Full-text search")
def search(request: Request, store: StoreDep, f: FiltersDep,
           q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find (all must match).")],
           ) -> Page[SearchHit]:
    """Articles and claims containing the words, best match first; hits are marked [like this] in `snippet`."""
    check_text("q", q)
    if not q.strip():
        raise invalid("query", "q", "search text is blank", q)
    return page_of(request, store.search(q.strip(), one_more(f)), f)
