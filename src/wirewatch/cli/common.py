"""Pieces shared by the commands: the stderr console, progress bars and the run summary."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from typing import Iterator

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..model import Skipped, Warned

err = Console(stderr=True, soft_wrap=True)  # messages stay whole lines, so they can be grepped


@contextmanager
def progress(label: str, *, quiet: bool = False, total: int | None = None) -> Iterator[Progress]:
    """A progress bar on stderr (hidden with --quiet or when stderr is not a terminal)."""
    bar = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err,
                   disable=quiet, transient=True)
    with bar:
        bar.add_task(label, total=total, rate="")
        yield bar


class Tally:
    """Counts of a run: read, done, skipped with reasons, and warnings (records kept with a problem)."""

    def __init__(self) -> None:
        self.done = 0
        self.skipped: list[Skipped] = []
        self.warnings: list[Warned] = []

    @property
    def read(self) -> int:
        return self.done + len(self.skipped)

    def skip(self, item: Skipped, *, quiet: bool = False) -> None:
        self.skipped.append(item)
        if not quiet:
            err.print(f"[yellow]skipped[/] {escape(str(item))}", highlight=False)

    def warn(self, item: Warned, *, quiet: bool = False) -> None:
        self.warnings.append(item)
        if not quiet:
            err.print(f"[yellow]warning[/] {escape(str(item))}", highlight=False)

    def summary(self, verb: str = "extracted") -> str:
        reasons = Counter(s.reason.split(" (")[0] for s in self.skipped)
        line = f"read {self.read}, {verb} {self.done}, skipped {len(self.skipped)}"
        if reasons:
            line += " (" + "; ".join(f"{n}× {r}" for r, n in reasons.most_common(5)) + ")"
        if self.warnings:
            line += f", warnings {len(self.warnings)}"
        return line
