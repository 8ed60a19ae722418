"""A partition whose task failed (its worker died: out of memory, a crash) is retried one article per task,
so the article that kills workers is skipped by name and every other article of the partition is extracted.

`pieces` cuts a partition's items into single-article tasks (each Document with the warnings just before
it; ingest skips need no task); `combine` joins their results, in input order, into one partition result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from ..model import Document, Skipped, Warned
from .shards import SCHEMAS, TABLES

__all__ = ["Split", "pieces"]

Item = Document | Skipped | Warned


def pieces(items: list[Item]) -> list[list[Item]]:
    """One list per article (a Document and the warnings before it), and one of the items left over."""
    out: list[list[Item]] = []
    waiting: list[Item] = []
    for item in items:
        waiting.append(item)
        if isinstance(item, Document):
            out.append(waiting)
            waiting = []
    if waiting:
        out.append(waiting)
    return out


@dataclass
class Split:
    """The single-article tasks of one failed partition, and what came back from each."""

    index: int
    fingerprint: str
    reason: str                       # why the whole partition failed
    tasks: list[list[Item]]
    results: dict[int, object] = field(default_factory=dict)   # task -> PartitionResult, or Skipped on failure

    def __post_init__(self) -> None:
        for task, items in enumerate(self.tasks):  # ingest's skips and warnings need no worker
            if not any(isinstance(i, Document) for i in items):
                self.results[task] = items

    def todo(self) -> list[int]:
        """The tasks that need a worker (one article each)."""
        return [task for task in range(len(self.tasks)) if task not in self.results]

    def all_failed(self) -> list[str]:
        """The records of the articles, when every one of them failed on its own (else an empty list): then
        the cause is not one article (a cluster without the model, a full disk) and the partition is retried."""
        failed = [r.record for r in self.results.values() if isinstance(r, Skipped)]
        articles = sum(any(isinstance(i, Document) for i in items) for items in self.tasks)
        return failed if failed and len(failed) == articles else []

    @property
    def finished(self) -> bool:
        return len(self.results) == len(self.tasks)

    def failed(self, task: int, exc: BaseException) -> None:
        doc = next((i for i in self.tasks[task] if isinstance(i, Document)), None)
        record = f"article {doc.article.id!r}" if doc is not None else f"partition {self.index}"
        self.results[task] = Skipped(record=record, reason=(
            f"its worker failed while extracting it ({type(exc).__name__}: {str(exc)[:200]}); the partition "
            f"had failed as a whole ({self.reason[:200]}), so its articles were extracted one by one and "
            "the others kept (setting worker_memory_bytes if it ran out of memory)"))

    def combine(self) -> tuple[dict[str, pa.Table], list[Skipped], list[Warned], float, float]:
        """Tables, skips, warnings, seconds and CPU seconds of the whole partition, in input order."""
        parts: dict[str, list[pa.Table]] = {name: [] for name in TABLES}
        skipped: list[Skipped] = []
        warnings: list[Warned] = []
        seconds = cpu = 0.0
        for task in range(len(self.tasks)):
            result = self.results[task]
            if isinstance(result, list):  # no article: ingest's own skips and warnings
                skipped.extend(i for i in result if isinstance(i, Skipped))
                warnings.extend(i for i in result if isinstance(i, Warned))
                continue
            if isinstance(result, Skipped):
                warnings.extend(i for i in self.tasks[task] if isinstance(i, Warned))
                skipped.extend(i for i in self.tasks[task] if isinstance(i, Skipped))
                skipped.append(result)
                continue
            for name in TABLES:
                parts[name].append(result.tables[name])  # type: ignore[attr-defined]
            skipped.extend(result.skipped)  # type: ignore[attr-defined]
            warnings.extend(result.warnings)  # type: ignore[attr-defined]
            seconds += result.seconds  # type: ignore[attr-defined]
            cpu += result.cpu_seconds  # type: ignore[attr-defined]
        tables = {name: pa.concat_tables(parts[name]) if parts[name] else SCHEMAS[name].empty_table()
                  for name in TABLES}
        return tables, skipped, warnings, seconds, cpu
