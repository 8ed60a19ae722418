"""Pieces shared by the commands: the stderr console, progress bars and the run summary."""

from __future__ import annotations

import dataclasses
from collections import Counter
from contextlib import contextmanager
from typing import Annotated, Iterable, Iterator, Optional

import typer

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..errors import WirewatchError
from ..model import Document, Skipped
from ..settings import Settings

DateOpt = Annotated[Optional[str], typer.Option(
    "--date", help="Date (YYYY-MM-DD, 14/05/2022, 'May 14, 2022') of articles whose input and text give none.")]
YearOpt = Annotated[Optional[int], typer.Option(
    "--year", help="Year of datelines written without one ('KHARKIV, May 14 (Reuters)').")]

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


def with_dates(settings: Settings, date: str | None, year: int | None) -> Settings:
    """Settings with the run's --date/--year, checked here so a bad value is a usage error naming the option."""
    from ..ingest.dates import hints_from

    settings = dataclasses.replace(settings, article_date=date or settings.article_date,
                                   article_year=year if year is not None else settings.article_year)
    try:
        hints_from(settings)
    except WirewatchError as exc:
        raise typer.BadParameter(str(exc).split(": ", 1)[-1], param_hint="--date/--year") from None
    return settings


def undated_lines(undated: list[tuple[str, str]]) -> list[str]:
    """One line per reason naming every article left without a date ('undated 2: <reason>: a1, a2')."""
    by_reason: dict[str, list[str]] = {}
    for article_id, reason in undated:
        by_reason.setdefault(reason, []).append(article_id)
    return [f"undated {len(ids)}: {reason}: {', '.join(ids)}" for reason, ids in by_reason.items()]


def noting_undated(items: Iterable[Document | Skipped], undated: list[tuple[str, str]]
                   ) -> Iterator[Document | Skipped]:
    """Pass ingest results on, noting (id, reason) of every article read without a date."""
    for item in items:
        if isinstance(item, Document) and item.article.date is None:
            undated.append((item.article.id, item.article.date_note or "no date found"))
        yield item


class Tally:
    """Counts of a run: read, done, skipped with reasons, articles left undated with reasons."""

    def __init__(self) -> None:
        self.done = 0
        self.skipped: list[Skipped] = []
        self.undated: list[tuple[str, str]] = []
        self.date_warnings: list[tuple[str, str]] = []

    def article(self, doc: Document) -> None:
        """Count an extracted article; remember it if it ends without a date, or with a note on its date."""
        self.done += 1
        a = doc.article
        if a.date is None:
            self.undated.append((a.id, a.date_note or "no date found"))
        elif a.date_note:
            self.date_warnings.append((a.id, a.date_note))

    @property
    def read(self) -> int:
        return self.done + len(self.skipped)

    def skip(self, item: Skipped, *, quiet: bool = False) -> None:
        self.skipped.append(item)
        if not quiet:
            err.print(f"[yellow]skipped[/] {escape(str(item))}", highlight=False)

    def summary(self, verb: str = "extracted") -> str:
        reasons = Counter(s.reason.split(" (")[0] for s in self.skipped)
        line = f"read {self.read}, {verb} {self.done}, skipped {len(self.skipped)}"
        if reasons:
            line += " (" + "; ".join(f"{n}× {r}" for r, n in reasons.most_common(5)) + ")"
        lines = [line] + undated_lines(self.undated)
        lines += [f"date warning {article_id}: {note}" for article_id, note in self.date_warnings]
        return "\n".join(lines)
