"""`wirewatch extract` and `wirewatch schema`: articles in, `wirewatch.article/1` JSON Lines out."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import ingest
from ..model import Document, Skipped
from ..pipeline import Profile, run
from ..schema import output_schema
from ..settings import Settings
from .common import DateOpt, Tally, YearOpt, err, progress, with_dates
from .pretty import render_document, render_profile


def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or directories (recursive) to read; '-' for stdin.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write JSON Lines here instead of stdout.")] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Show each article readably (spans highlighted) instead of JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no skip messages; the summary only on errors.")] = False,
    profile: Annotated[bool, typer.Option("--profile", help="Print the seconds spent per stage on stderr.")] = False,
    date: DateOpt = None,
    year: YearOpt = None,
) -> None:
    """Extract times, places, actors, figures, claims and events from articles.

    Input formats: plain text with a dateline, JSON Lines (id, date, text, ...), HTML pages, RSS/Atom feeds.
    Output: one wirewatch.article/1 JSON object per line (see docs/output.md).

    Articles left without a date are named in the summary with the reason; --date and --year fill them in.

    Example: wirewatch extract examples/ -o out.jsonl --year 2022
    """
    settings = with_dates(Settings.from_env(), date, year)
    tally = Tally()
    prof = Profile() if profile else None
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    started = time.perf_counter()
    try:
        with progress("extracting", quiet=quiet or pretty) as bar:
            for item in run(ingest.read(paths, settings), settings=settings, profile=prof):
                if isinstance(item, Skipped):
                    tally.skip(item, quiet=quiet)
                    continue
                tally.article(item)
                if pretty:
                    render_document(item, sys.stdout)
                else:
                    sink.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
                elapsed = time.perf_counter() - started
                bar.update(bar.task_ids[0], advance=1, rate=f"{tally.done / elapsed:.1f} art/s")
    finally:
        if output:
            sink.close()
    if not quiet or tally.skipped or tally.undated or tally.date_warnings:
        err.print(tally.summary(), highlight=False)
    if prof is not None:
        render_profile(prof, err)
    if tally.done == 0 and tally.skipped:
        raise typer.Exit(code=1)


def schema() -> None:
    """Print the JSON Schema of the output (wirewatch.article/1).

    Example: wirewatch schema > schema.json
    """
    typer.echo(json.dumps(output_schema(), indent=2, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    app.command()(extract)
    app.command()(schema)
