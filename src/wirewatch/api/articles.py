"""`/api/articles`: stored articles, and one article with its text and every extraction."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from ..store import ArticleRow
from .deps import FiltersDep, Page, StoreDep, one_more, page_of

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", response_model=Page[ArticleRow], summary="List articles")
def list_articles(request: Request, store: StoreDep, f: FiltersDep) -> Page[ArticleRow]:
    """Articles matching the filters, with counts of what was extracted from each."""
    return page_of(request, store.articles(one_more(f)), f)


@router.get("/{article_id:path}", summary="One article: text and all extractions (wirewatch.article/1)",
            responses={404: {"description": "No article with that id."}})
def get_article(article_id: str, store: StoreDep) -> dict:
    """The stored `wirewatch.article/1` document: text, times, places, actors, figures, claims, events, notes.

    Ids may contain `/` (articles read from a directory keep their relative path).
    """
    if len(article_id) > 1000:
        raise HTTPException(404, detail="no article with an id that long")
    doc = store.document(article_id)
    if doc is None:
        raise HTTPException(404, detail=f"no article with id {article_id!r}")
    return doc.to_json()
