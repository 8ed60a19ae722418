"""`/api/clusters`: reports judged to be one real event, with corroboration and contradictions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request

from ..store import Cluster
from .deps import FiltersDep, Page, StoreDep, one_more, page_of

router = APIRouter(prefix="/api/clusters", tags=["clusters"])


@router.get("", response_model=Page[Cluster], summary="List event clusters")
def list_clusters(request: Request, store: StoreDep, f: FiltersDep) -> Page[Cluster]:
    """Clusters matching the filters, most-reported first; each lists its reports and contradictions."""
    return page_of(request, store.clusters(one_more(f)), f)


@router.get("/{cluster_id}", response_model=Cluster, summary="One event cluster",
            responses={404: {"description": "No cluster with that id."}})
def get_cluster(cluster_id: Annotated[str, Path(max_length=200)], store: StoreDep) -> Cluster:
    """One cluster: its reports side by side (figures, sources, certainty) and where they disagree."""
    cluster = store.cluster(cluster_id)
    if cluster is None:
        raise HTTPException(404, detail=f"no cluster with id {cluster_id!r}")
    return cluster
