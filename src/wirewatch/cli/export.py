"""`wirewatch export` (jsonl, acled, geojson, parquet) and `wirewatch sitrep` (Markdown or HTML)."""

from __future__ import annotations

import datetime as dt
import sys
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..store import DEFAULT_DB
from .common import err
from .store import (Actor, CertaintyOpt, Country, DbOpt, Limit, Near, PlaceOpt, Since, SourceOpt, StatusOpt,
                    TypeOpt, Unverified, Until, make_filters, open_store)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    acled = "acled"
    geojson = "geojson"
    parquet = "parquet"


class ReportFormat(str, Enum):
    md = "md"
    html = "html"


def export(fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl | acled | geojson | parquet.")],
           output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (stdout if none; "
                                                          "required for parquet).")] = None,
           db: DbOpt = Path(DEFAULT_DB), since: Since = None, until: Until = None, type: TypeOpt = None,
           actor: Actor = None, country: Country = None, place: PlaceOpt = None, near: Near = None,
           certainty: CertaintyOpt = None, unverified: Unverified = False, source: SourceOpt = None,
           status: StatusOpt = None,
           limit: Annotated[int, typer.Option("--limit", min=0, help="At most this many rows (0: all).")] = 0) -> None:
    """Export what the filters select: JSON Lines articles, ACLED CSV clusters, GeoJSON or Parquet events.

    Events that occurred by default (--status for the others; ACLED clusters link occurred events only).
    Example: wirewatch export --format geojson --since 2022-03-01 -o events.geojson
    """
    from .. import export as ex

    f = make_filters(since, until, type, actor, country, place, near, certainty, unverified, source, limit,
                     status=status)
    if fmt is ExportFormat.parquet and output is None:
        raise typer.BadParameter("Parquet is binary: give a file with -o FILE", param_hint="--output")
    with open_store(db) as store:
        if fmt is ExportFormat.parquet:
            n = ex.write_parquet(store, f, output)
            err.print(f"wrote {n} events to {output}", highlight=False)
            return
        sink = output.open("w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout)
        with sink as out:
            if fmt is ExportFormat.jsonl:
                err.print(f"wrote {ex.write_jsonl(store, f, out)} articles", highlight=False)
            elif fmt is ExportFormat.acled:
                err.print(f"wrote {ex.write_acled(store, f, out)} event clusters", highlight=False)
            else:
                n, unlocated = ex.write_geojson(store, f, out)
                err.print(f"wrote {n} located events" + (f" ({unlocated} without coordinates left out)"
                                                         if unlocated else ""), highlight=False)


def sitrep(since: Since = None, until: Until = None, place: PlaceOpt = None, db: DbOpt = Path(DEFAULT_DB),
           fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="md | html.")] = ReportFormat.md,
           output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write.")] = None,
           status: StatusOpt = None) -> None:
    """A situation report for a period: by area and kind of event, every line citing its spans.

    Example: wirewatch sitrep --since 2022-03-29 --until 2022-03-30 --place Mykolaiv
    """
    from ..export import build_sitrep, render_html, render_markdown

    day: dict[str, dt.date | None] = {"since": since.date() if since else None, "until": until.date() if until else None}
    statuses = make_filters(status=status).status
    with open_store(db) as store:
        rep = build_sitrep(store, day["since"], day["until"], place, status=statuses)
    text = render_markdown(rep) if fmt is ReportFormat.md else render_html(rep)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def register(app: typer.Typer) -> None:
    app.command()(export)
    app.command()(sitrep)
