"""Corpus-scale runs on Dask: `run_batch` writes Parquet shards and a manifest; `read_documents` reads them back.

`scale` wraps the same `wirewatch.pipeline.run` that `extract` uses; it adds partitioning, a cluster and files.
"""

from .batch import DEFAULT_PARTITION_SIZE, BatchSummary, run_batch
from .cluster import connect, worker_stats
from .shards import read_documents, read_manifest, read_skipped

__all__ = ["DEFAULT_PARTITION_SIZE", "BatchSummary", "connect", "read_documents", "read_manifest", "read_skipped",
           "run_batch", "worker_stats"]
