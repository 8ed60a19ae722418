"""Dask plumbing: a local cluster or an existing scheduler, one spaCy pipeline per worker process.

Workers get the model from `wirewatch.nlp.load_nlp`, which is cached per process: the `LoadModel` plugin
calls it once when a worker starts (so no task pays for it, and the model never travels with a task);
`extract_partition` calls it again and gets the same object back.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import resource
from contextlib import contextmanager
from typing import Any, Iterator

import dask
from distributed import Client, LocalCluster, WorkerPlugin

from ..model import Article, Document
from ..nlp import load_nlp
from ..pipeline import run

__all__ = ["LoadModel", "connect", "worker_stats"]


_WARM_UP = "KYIV, June 3 (Wirewatch) - Officials said on Monday that two people were hurt in a strike on a depot."


class LoadModel(WorkerPlugin):
    """Load the spaCy pipeline once in each worker process when it starts, and warm the stages up.

    The warm-up article (our own sentence) makes every stage load its data files now, not in a first task.
    """

    name = "wirewatch-load-model"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        nlp = load_nlp(self.model)
        article = Document(article=Article(id="warm-up", date=dt.date(2024, 6, 3)), text=_WARM_UP)
        try:
            for _ in run([article], nlp=nlp):
                pass
        except Exception:  # noqa: BLE001 - only a warm-up: a real task will meet (and report) the same error
            pass


@contextmanager
def connect(*, workers: int | None = None, scheduler: str | None = None, model: str | None = None,
            memory_limit: int | None = None) -> Iterator[Client]:
    """A Dask client: on `scheduler` if given, else on a local cluster of `workers` processes, 1 thread each.

    `memory_limit` (bytes per worker, setting `worker_memory_bytes`) makes Dask restart a local worker that
    grows past it; its partition is then retried or reported as failed, never half-written.

    With `model`, every worker (also ones that join later) loads that spaCy pipeline before its first task.
    """
    if scheduler and workers:
        raise ValueError("give either a number of local workers or a scheduler address, not both")
    cluster = None
    if scheduler:
        client = Client(scheduler, set_as_default=False)
    else:
        # Dask's sampling profiler costs a worker about a fifth of its CPU here; our tasks need no flame graph.
        # Worker logs are silenced below CRITICAL: a heartbeat that meets the closing scheduler at shutdown
        # printed a traceback; what matters (a failed or killed task) reaches the summary as a failed partition.
        # A task whose worker dies is not retried on another worker (Dask's default is 3 retries, so one
        # article too big for memory killed four workers in turn): `run_batch` retries the partition one
        # article per task instead, and only the article that kills its worker is lost, by name. For that
        # the death must be the running task's alone: a worker is given one task per thread, no more waiting
        # on it (worker-saturation 1), so no queued neighbour dies with it. Workers never pause or spill: a
        # task holds no data to spill, and a paused worker (80% of its limit, which the spaCy pipeline alone
        # can reach under a low limit) would wait for memory that is never freed.
        with dask.config.set({"distributed.worker.profile.enabled": False,
                              "distributed.scheduler.allowed-failures": 0,
                              "distributed.scheduler.worker-saturation": 1.0,
                              "distributed.worker.memory.pause": False,
                              "distributed.worker.memory.spill": False,
                              "distributed.worker.memory.target": False}):
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None, silence_logs=logging.CRITICAL,
                                   memory_limit=memory_limit or "auto")
        client = Client(cluster, set_as_default=False)
    try:
        if model:
            client.register_plugin(LoadModel(model))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _stats() -> dict[str, Any]:
    """Runs on a worker: its pid, peak resident memory and how often it loaded a spaCy pipeline."""
    return {"pid": os.getpid(), "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            "nlp_loads": load_nlp.cache_info().misses}


def worker_stats(client: Client) -> dict[str, dict[str, Any]]:
    """Per worker address: pid, peak RSS in bytes (Linux ru_maxrss) and number of spaCy loads."""
    return client.run(_stats)
