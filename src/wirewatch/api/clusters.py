"""`/api/clusters`: reports judged to be one real event, with corroboration, contradictions and why they were
joined; `/api/clusters/{id}/story`: the cluster's reports in time order with their figures."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request

from ..store import Cluster, Story
from .deps import FiltersDep, Page, StoreDep, one_more, page_of

router = APIRouter(prefix="/api/clusters", tags=["clusters"])
ClusterId = Annotated[str, Path(max_length=200)]


@router.get("", response_model=Page[Cluster], summary="List event clusters")
def list_clusters(request: Request, store: StoreDep, f: FiltersDep) -> Page[Cluster]:
    """Clusters matching the filters, most-reported first; each lists its reports, contradictions and the
    signals that joined its members (`why`, `joins`)."""
    return page_of(request, store.clusters(one_more(f)), f)


@router.get("/{cluster_id}", response_model=Cluster, summary="One event cluster",
            responses={404: {"description": "No cluster with that id."}})
def get_cluster(cluster_id: ClusterId, store: StoreDep) -> Cluster:
    """One cluster: its reports side by side (figures, sources, certainty) and where they disagree."""
    cluster = store.cluster(cluster_id)
    if cluster is None:
        raise HTTPException(404, detail=f"no cluster with id {cluster_id!r}")
    return cluster


@router.get("/{cluster_id}/story", response_model=Story, summary="A cluster's reports in time order",
            responses={404: {"description": "No cluster with that id."}})
def get_story(cluster_id: ClusterId, store: StoreDep) -> Story:
    """The cluster (without `reports`) and its reports oldest first, each with its figures, claim source,
    the contradictions it is part of (`disagrees`) and why it joined (`joined`). An id that was merged into
    another cluster answers with the cluster it went into."""
    story = store.story(cluster_id)
    if story is None:
        raise HTTPException(404, detail=f"no cluster with id {cluster_id!r}")
    return story
