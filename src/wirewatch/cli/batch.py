"""`wirewatch batch`: the extract pipeline over a whole corpus on Dask, results as Parquet shards."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..settings import Settings
from .common import DateOpt, Tally, YearOpt, err, progress, with_dates

if TYPE_CHECKING:
    from ..scale.batch import BatchSummary

DEFAULT_PARTITION_SIZE = 100  # the same as wirewatch.scale.DEFAULT_PARTITION_SIZE (not imported: Dask loads slowly)


def batch(
    inputs: Annotated[list[str], typer.Argument(help="Files or directories (recursive) to read, as for extract.")],
    out: Annotated[Path, typer.Option("--out", help="Directory for the Parquet shards and manifest.json.")],
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1,
                       help="Local worker processes, 1 thread each (default: one per CPU core).")] = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler",
                         help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (instead of --workers).")] = None,
    partition_size: Annotated[Optional[int], typer.Option("--partition-size", "-k", min=1,
                              help=f"Articles per partition and shard (default {DEFAULT_PARTITION_SIZE}; "
                                   "a resumed run keeps the directory's size).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar; the summary only on errors.")] = False,
    date: DateOpt = None,
    year: YearOpt = None,
) -> None:
    """Extract a corpus on Dask into Parquet shards (articles, events, claims, places) under --out.

    Runs the same pipeline as extract, one spaCy pipeline per worker process, in partitions of K articles.
    Resumable: a re-run skips finished partitions, so a killed run picks up where it stopped.

    Example: wirewatch batch corpus/ --out runs/corpus --workers 2
    """
    if workers and scheduler:
        raise typer.BadParameter("give --workers or --scheduler, not both")
    from ..scale import connect, run_batch  # Dask is imported only by the command that uses it

    settings = with_dates(Settings.from_env(), date, year)
    started = time.perf_counter()
    with progress("batch", quiet=quiet) as bar:
        task = bar.task_ids[0]

        def advance(index: int, entry: dict[str, Any]) -> None:
            n = entry["articles"] + len(entry["skipped"])
            done = bar.tasks[0].completed + n
            bar.update(task, advance=n, rate=f"{done / (time.perf_counter() - started):.1f} art/s")

        try:
            summary = run_batch(inputs, out, partial(connect, workers=workers, scheduler=scheduler,
                                                     model=settings.model,
                                                     memory_limit=settings.worker_memory_bytes),
                                partition_size=partition_size, settings=settings, on_partition=advance)
        except (ValueError, OSError) as exc:
            err.print(f"[red]error[/] {exc}", highlight=False)
            raise typer.Exit(code=2) from None
    _report(summary, quiet=quiet)
    if summary.failed or (summary.articles == 0 and summary.skipped):
        raise typer.Exit(code=1)


def _report(summary: BatchSummary, *, quiet: bool) -> None:
    tally = Tally()
    tally.done = summary.articles
    tally.skipped = summary.skipped
    tally.undated = summary.undated
    if quiet and not (summary.failed or summary.skipped or summary.undated):
        return
    err.print(tally.summary(), highlight=False)
    working = summary.seconds - summary.startup_seconds
    rate = f"{summary.computed_articles / working:.1f} art/s" if summary.computed_articles and working > 0 else "-"
    err.print(f"partitions {summary.partitions}: {summary.computed} computed now, {summary.reused} already done, "
              f"{len(summary.failed)} failed · {summary.computed_articles} articles extracted in "
              f"{summary.seconds:.1f} s ({summary.startup_seconds:.1f} s cluster start-up, then {rate}) · "
              f"shards in {summary.out}", highlight=False)
    for index, reason in summary.failed:
        err.print(f"[red]failed[/] partition {index}: {reason} (re-run to retry)", highlight=False)
    for addr, stats in sorted(summary.workers.items()):
        err.print(f"worker {addr} pid {stats['pid']}: peak RSS {stats['peak_rss_bytes'] / 2**20:.0f} MB, "
                  f"spaCy loaded {stats['nlp_loads']}×", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(batch)
