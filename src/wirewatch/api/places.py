"""`/api/places`: resolved places and how often the corpus mentions them."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ..store import PlaceRow
from .deps import FiltersDep, Page, StoreDep, one_more, page_of

router = APIRouter(prefix="/api/places", tags=["places"])


@router.get("", response_model=Page[PlaceRow], summary="List places")
def list_places(request: Request, store: StoreDep, f: FiltersDep) -> Page[PlaceRow]:
    """Places matching the filters, with mention, article and event counts."""
    return page_of(request, store.places(one_more(f)), f)
