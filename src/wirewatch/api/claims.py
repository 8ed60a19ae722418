"""`/api/claims`: who says what, how sure, and whether anyone verified it."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ..store import ClaimRow
from .deps import FiltersDep, Page, StoreDep, one_more, page_of

router = APIRouter(prefix="/api/claims", tags=["claims"])


@router.get("", response_model=Page[ClaimRow], summary="List claims")
def list_claims(request: Request, store: StoreDep, f: FiltersDep) -> Page[ClaimRow]:
    """Claims matching the filters; `text` searches claim content, `unverified=true` keeps unverified/disputed."""
    return page_of(request, store.claims(one_more(f)), f)
