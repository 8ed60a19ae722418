"""Corpus-scale runs: the `extract` pipeline over partitions of articles on Dask, results as Parquet shards.

The client reads the inputs (`wirewatch.ingest.read`, streamed), cuts them into partitions of K articles
and keeps a few partitions per worker in flight. Each worker runs `wirewatch.pipeline.run` (the function
`extract` runs) on its partition and writes the shards itself when it can see the output directory (a
local cluster, or a filesystem all machines share: it finds the run's token file there); otherwise it
returns Arrow tables and the client writes them. Either way the client then records the partition in the
manifest. A partition is identified by its index and a fingerprint of its inputs, so a
re-run skips what is finished, a killed run resumes, and changed inputs are recomputed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
import uuid
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import pyarrow as pa
from distributed import Client, as_completed

from .. import __version__, ingest
from ..model import Document, Skipped
from ..nlp import load_nlp
from ..pipeline import run
from ..settings import Settings
from .cluster import worker_stats
from .shards import FORMAT, TABLES, read_manifest, shard_path, tables_for, write_manifest, write_shards

__all__ = ["Partition", "PartitionResult", "BatchSummary", "partitions", "extract_partition", "run_batch",
           "DEFAULT_PARTITION_SIZE"]

DEFAULT_PARTITION_SIZE = 100


@dataclass(frozen=True)
class Partition:
    """K consecutive ingest results (articles and ingest skips) and a fingerprint of their content."""

    index: int
    items: list[Document | Skipped]
    fingerprint: str


@dataclass(frozen=True)
class PartitionResult:
    """What a worker sends back: rows per table, the tables themselves unless it wrote the shards, its skips
    and where/how long it ran."""

    rows: dict[str, int]
    tables: dict[str, pa.Table] | None
    skipped: list[Skipped]
    seconds: float
    cpu_seconds: float
    pid: int


@dataclass
class BatchSummary:
    """The outcome of `run_batch`; `articles`/`skipped` cover the whole directory, this run's and earlier ones."""

    out: Path
    partitions: int = 0
    computed: int = 0
    reused: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)
    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    computed_articles: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0  # of `seconds`: starting/connecting to the cluster (workers load spaCy)
    workers: dict[str, dict[str, Any]] = field(default_factory=dict)  # per worker: pid, peak RSS, spaCy loads
    undated: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason): read without a date

    @property
    def read(self) -> int:
        return self.articles + len(self.skipped)


def _fingerprint(items: Sequence[Document | Skipped], model: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT}\0{__version__}\0{model}\0".encode())
    for item in items:
        h.update(item.model_dump_json().encode())
        h.update(b"\0")
    return h.hexdigest()


def partitions(items: Iterable[Document | Skipped], size: int, model: str) -> Iterator[Partition]:
    """Cut a stream of ingest results into partitions of `size` (lazily: the inputs are never all in memory)."""
    if size < 1:
        raise ValueError(f"partition size must be at least 1, not {size}")
    it = iter(items)
    index = 0
    while chunk := list(islice(it, size)):
        yield Partition(index=index, items=chunk, fingerprint=_fingerprint(chunk, model))
        index += 1


def extract_partition(items: list[Document | Skipped], settings: Settings, index: int = 0,
                      token: str | None = None) -> PartitionResult:
    """Runs on a worker: the pipeline over one partition (the cached model, never a shipped one).

    With `token` (the path of the run's token file in the output directory) a worker that sees that file
    writes the partition's shards itself and sends back only counts; one that does not sends the tables.
    """
    t0, c0 = time.perf_counter(), time.process_time()
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for item in run(items, nlp=load_nlp(settings.model), settings=settings):
        (docs if isinstance(item, Document) else skipped).append(item)
    tables: dict[str, pa.Table] | None = tables_for(docs)
    rows = {name: table.num_rows for name, table in tables.items()}
    if token is not None and Path(token).exists():
        write_shards(Path(token).parent, index, tables)
        tables = None
    return PartitionResult(rows=rows, tables=tables, skipped=skipped, seconds=time.perf_counter() - t0,
                           cpu_seconds=time.process_time() - c0, pid=os.getpid())


def _is_done(out: Path, entry: dict[str, Any] | None, part: Partition) -> bool:
    return (entry is not None and entry.get("fingerprint") == part.fingerprint
            and all(shard_path(out, t, part.index).exists() for t in TABLES))


def _new_manifest(paths: Sequence[str], size: int, settings: Settings) -> dict[str, Any]:
    return {"format": FORMAT, "wirewatch": __version__, "model": settings.model, "partition_size": size,
            "inputs": [str(p) for p in paths], "partitions": {}, "complete": False}


def run_batch(
    paths: Sequence[str | Path],
    out: str | Path,
    client: Client | Callable[[], AbstractContextManager[Client]],
    *,
    partition_size: int | None = None,
    settings: Settings | None = None,
    in_flight: int | None = None,
    on_partition: Callable[[int, dict[str, Any]], None] | None = None,
) -> BatchSummary:
    """Extract every article in `paths` on the Dask `client`, writing shards and the manifest under `out`.

    `client` is a Dask client, or a function returning a context manager that gives one (e.g.
    `functools.partial(cluster.connect, workers=2)`): then a cluster is only started if there is work to do.
    `on_partition(index, entry)` is called after each partition is recorded (reused or computed), e.g. to
    advance a progress bar. A partition whose task fails is reported in the summary and left out of the
    manifest, so the next run retries it.
    """
    settings = settings or Settings()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    manifest = read_manifest(out)
    if manifest is not None and partition_size and manifest["partition_size"] != partition_size:
        raise ValueError(f"{out} was written with --partition-size {manifest['partition_size']}; "
                         f"use that size to resume, or a new --out directory")
    size = partition_size or (manifest or {}).get("partition_size") or DEFAULT_PARTITION_SIZE
    if manifest is None:
        manifest = _new_manifest([str(p) for p in paths], size, settings)
    manifest["complete"] = False
    summary = BatchSummary(out=out)
    token = out / f".wirewatch-run-{uuid.uuid4().hex}"  # workers that see it write their shards themselves
    token.touch()
    try:
        with ExitStack() as stack:
            _submit_all(paths, out, size, settings, manifest, summary, client, stack, in_flight, on_partition,
                        token)
    finally:
        token.unlink(missing_ok=True)
    done = manifest["partitions"]
    if not summary.failed:
        for key in [k for k in done if int(k) >= summary.partitions]:  # the inputs shrank: drop stale shards
            del done[key]
            for table in TABLES:
                shard_path(out, table, int(key)).unlink(missing_ok=True)
        manifest["complete"] = True
    manifest["inputs"] = [str(p) for p in paths]
    write_manifest(out, manifest)
    summary.seconds = time.perf_counter() - t0
    return summary


def _submit_all(paths: Sequence[str | Path], out: Path, size: int, settings: Settings, manifest: dict[str, Any],
                summary: BatchSummary, client: Any, stack: ExitStack, in_flight: int | None,
                on_partition: Callable[[int, dict[str, Any]], None] | None, token: Path) -> None:
    """Stream partitions through the cluster, keeping `in_flight` tasks queued; record each as it lands."""
    done = manifest["partitions"]

    def record(index: int, entry: dict[str, Any]) -> None:
        summary.articles += entry["articles"]
        summary.skipped.extend(Skipped(**s) for s in entry["skipped"])
        if on_partition is not None:
            on_partition(index, entry)

    parts = partitions(ingest.read(paths, settings), size, settings.model)
    pending: dict[Any, Partition] = {}
    futures: list[as_completed] = []  # created with the client (it needs the client's event loop)
    live: list[Client] = []
    limit = [in_flight or 2]

    def get_client() -> Client:
        if not live:
            t0 = time.perf_counter()
            live.append(client if isinstance(client, Client) else stack.enter_context(client()))
            summary.startup_seconds = time.perf_counter() - t0
            limit[0] = in_flight or 2 * max(1, sum(live[0].nthreads().values()))
            futures.append(as_completed(loop=live[0].loop))
        return live[0]

    def submit_more() -> None:
        while len(pending) < limit[0] and (part := next(parts, None)) is not None:
            summary.partitions += 1
            summary.undated.extend((d.article.id, d.article.date_note or "no date found") for d in part.items
                                   if isinstance(d, Document) and d.article.date is None)
            entry = done.get(f"{part.index:05d}")
            if _is_done(out, entry, part):
                summary.reused += 1
                record(part.index, entry)
                continue
            done.pop(f"{part.index:05d}", None)  # stale (inputs changed): never read it back if this one fails
            future = get_client().submit(extract_partition, part.items, settings, part.index, str(token), pure=False,
                                         key=f"wirewatch-partition-{part.index:05d}-{part.fingerprint[:12]}")
            pending[future] = part
            futures[0].add(future)

    submit_more()
    for future in futures[0] if futures else ():
        part = pending.pop(future)
        try:
            result: PartitionResult = future.result()
        except Exception as exc:  # a failed partition is reported and retried by the next run, not fatal
            summary.failed.append((part.index, f"{type(exc).__name__}: {exc}"))
            submit_more()
            continue
        if result.tables is not None:  # the worker could not see the output directory
            write_shards(out, part.index, result.tables)
        entry = {"fingerprint": part.fingerprint, **result.rows,
                 "written_by": "client" if result.tables is not None else "worker",
                 "skipped": [s.model_dump() for s in result.skipped], "seconds": round(result.seconds, 3),
                 "cpu_seconds": round(result.cpu_seconds, 3),
                 "pid": result.pid, "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
        done[f"{part.index:05d}"] = entry
        write_manifest(out, manifest)
        summary.computed += 1
        summary.computed_articles += entry["articles"]
        record(part.index, entry)
        submit_more()
    if live:
        summary.workers = worker_stats(live[0])
