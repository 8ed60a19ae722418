"""`wirewatch ingest` and the query commands: events, claims, places, articles, search (clusters: cli/link.py).

Every query command takes the same filters (`wirewatch.store.Filters`) and `--format table|json|csv`;
rows go to stdout, progress and the ingest summary to stderr.
"""

from __future__ import annotations

import csv
import datetime as dt
import inspect
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Optional, Sequence

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..store import DEFAULT_DB, Filters, IngestReport, Store, ingest_documents, parse_near
from .common import DateOpt, YearOpt, err, noting_undated, progress, undated_lines, with_dates


class Fmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


DbOpt = Annotated[Path, typer.Option("--db", help="The store (SQLite file).", envvar="WIREWATCH_DB")]
FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format for rows.")]
Since = Annotated[Optional[dt.datetime], typer.Option("--since", formats=["%Y-%m-%d"], help="From this day (inclusive).")]
Until = Annotated[Optional[dt.datetime], typer.Option("--until", formats=["%Y-%m-%d"], help="Up to this day (inclusive).")]
TypeOpt = Annotated[Optional[str], typer.Option("--type", help="PLOVER type (ASSAULT) or ACLED event type.")]
Actor = Annotated[Optional[str], typer.Option("--actor", help="Part of an actor's name (actor1 or actor2).")]
Country = Annotated[Optional[str], typer.Option("--country", help="ISO country code of the place, e.g. UA.")]
PlaceOpt = Annotated[Optional[str], typer.Option("--place", help="Place or admin1 name, e.g. Mykolaiv.")]
Near = Annotated[Optional[str], typer.Option("--near", help="LAT,LON,KM: within KM of a point.")]
CertaintyOpt = Annotated[Optional[str], typer.Option("--certainty", help="certain|probable|possible|uncertain.")]
Unverified = Annotated[bool, typer.Option("--unverified", help="Only unverified or disputed claims/events.")]
SourceOpt = Annotated[Optional[str], typer.Option("--source", help="Outlet, e.g. Reuters.")]
Limit = Annotated[int, typer.Option("--limit", min=0, help="At most this many rows.")]


def make_filters(since: dt.datetime | None = None, until: dt.datetime | None = None, type: str | None = None,
                 actor: str | None = None, country: str | None = None, place: str | None = None,
                 near: str | None = None, certainty: str | None = None, unverified: bool = False,
                 source: str | None = None, limit: int = 100, text: str | None = None) -> Filters:
    """Filters from command-line values; a bad --near or --certainty is a usage error naming the option."""
    if certainty and certainty.lower() not in ("certain", "probable", "possible", "uncertain"):
        raise typer.BadParameter(f"{certainty!r} is not one of certain, probable, possible, uncertain",
                                 param_hint="--certainty")
    try:
        point = parse_near(near) if near else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--near") from None
    return Filters(since=since.date() if since else None, until=until.date() if until else None, type=type,
                   actor=actor, country=country, place=place, near=point, certainty=certainty,
                   unverified=unverified, source=source, text=text, limit=limit)


def open_store(db: Path, *, read_only: bool = True) -> Store:
    if read_only and not db.exists():
        err.print(f"[red]error[/] {db}: no such store; create it with `wirewatch ingest FILES --db {db}`")
        raise typer.Exit(code=1)
    return Store.open(db, read_only=read_only)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(rows: Sequence[BaseModel], fmt: Fmt, columns: dict[str, Callable[[BaseModel], object]],
         title: str, out=None) -> None:
    """Rows as a Rich table (the given columns), a JSON array (whole rows) or CSV (whole rows, flat)."""
    out = out or sys.stdout
    if fmt is Fmt.json:
        out.write(json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False, indent=1) + "\n")
        return
    if fmt is Fmt.csv:
        dumped = [r.model_dump(mode="json") for r in rows]
        fields = list(dumped[0]) if dumped else list(columns)
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for d in dumped:
            writer.writerow({k: _cell(v) for k, v in d.items()})
        return
    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    for name in columns:
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(*(escape(_cell(get(r))) for get in columns.values()))  # '[port]' is text, not markup
    Console(file=out, width=None if out.isatty() else 200).print(table)


def figures_text(figures) -> str:
    return "; ".join(f"{f.category} {f.text}" for f in figures)


EVENT_COLUMNS = {
    "day": lambda r: r.day, "type": lambda r: r.type, "actor1": lambda r: r.actor1, "actor2": lambda r: r.actor2,
    "place": lambda r: r.place, "country": lambda r: r.country_code, "figures": lambda r: figures_text(r.figures),
    "according to": lambda r: r.claim_source, "verification": lambda r: r.verification,
    "source": lambda r: r.source, "cluster": lambda r: r.cluster_id, "uid": lambda r: r.uid,
}
CLAIM_COLUMNS = {
    "day": lambda r: r.day, "source": lambda r: r.source, "cue": lambda r: r.cue,
    "content": lambda r: r.content.text, "certainty": lambda r: r.certainty, "polarity": lambda r: r.polarity,
    "verification": lambda r: r.verification, "outlets": lambda r: r.repeat_sources, "outlet": lambda r: r.outlet,
    "uid": lambda r: r.uid,
}
PLACE_COLUMNS = {
    "name": lambda r: r.name, "admin1": lambda r: r.admin1, "country": lambda r: r.country_code,
    "lat": lambda r: r.lat, "lon": lambda r: r.lon, "geonameid": lambda r: r.geonameid,
    "mentions": lambda r: r.mentions, "articles": lambda r: r.articles, "events": lambda r: r.events,
}
ARTICLE_COLUMNS = {
    "date": lambda r: r.date, "id": lambda r: r.id, "source": lambda r: r.source, "title": lambda r: r.title,
    "events": lambda r: r.events, "claims": lambda r: r.claims, "places": lambda r: r.places,
}
HIT_COLUMNS = {
    "kind": lambda r: r.kind, "article": lambda r: r.article_id, "date": lambda r: r.article_date,
    "source": lambda r: r.source, "claim": lambda r: r.claim_id, "snippet": lambda r: r.snippet,
}


def ingest(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or directories (recursive); '-' for stdin.")] = None,
    db: DbOpt = Path(DEFAULT_DB),
    from_: Annotated[Optional[Path], typer.Option("--from", help="A batch directory (Parquet shards) to load.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-extract articles already stored from the same input.")] = False,
    no_link: Annotated[bool, typer.Option("--no-link", help="Do not link now; the next ingest or `wirewatch "
                                                           "relink` links what waits.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or skip messages.")] = False,
    date: DateOpt = None,
    year: YearOpt = None,
) -> None:
    """Extract articles and store them (one transaction per article; re-running resumes).

    Articles already stored from the same input are not extracted again; a changed article replaces
    its old version. The summary (read, stored, replaced, unchanged, duplicate, skipped with reasons)
    goes to stderr.

    Example: wirewatch ingest examples/ --db wirewatch.db
    """
    from .. import ingest as reader
    from ..pipeline import run
    from ..settings import Settings

    if not paths and from_ is None:
        raise typer.BadParameter("give files/directories to read, or --from DIR", param_hint="PATHS")
    settings = with_dates(Settings.from_env(), date, year)
    report = IngestReport()
    undated: list[tuple[str, str]] = []
    with Store.open(db) as store, progress("ingesting", quiet=quiet) as bar:
        def tick(item, result: str) -> None:
            if result == "skipped" and not quiet and report.skipped:
                err.print(f"[yellow]skipped[/] {escape(str(report.skipped[-1]))}", highlight=False)
            bar.update(bar.task_ids[0], advance=1, rate=f"stored {report.stored + report.replaced}")

        if paths:
            items = noting_undated(reader.read(paths, settings), undated)
            if not force:
                from ..store.ingest import unstored
                items = unstored(store, items, report, on_item=tick)
            ingest_documents(store, run(items, settings=settings), report=report, on_item=tick, relink=False)
        if from_ is not None:
            from ..scale.shards import read_documents, read_skipped
            try:
                ingest_documents(store, read_documents(from_), report=report, on_item=tick, relink=False)
                report.skipped.extend(read_skipped(from_))
            except (FileNotFoundError, ValueError) as exc:
                err.print(f"[red]error[/] {exc}")
                raise typer.Exit(code=1) from None
        if not no_link:  # also links what an earlier, killed or --no-link run left waiting
            bar.update(bar.task_ids[0], description="linking")
            store.link()
        counts = store.counts()
    err.print("\n".join([report.summary(), *undated_lines(undated)]), highlight=False)
    if not quiet:
        err.print("store: " + ", ".join(f"{v} {k}" for k, v in counts.items()), highlight=False)
    if report.read and report.read == len(report.skipped):
        raise typer.Exit(code=1)


def query_command(name: str, columns: dict[str, Callable], title: str, doc: str, *,
                  words: bool = False) -> Callable[..., None]:
    """A query command: the shared filter options (declared once, here), then `store.<name>(filters)` emitted.

    With `words` the command also takes the words to find as its first argument (`search`)."""

    def command(db: DbOpt = Path(DEFAULT_DB), since: Since = None, until: Until = None, type: TypeOpt = None,
                actor: Actor = None, country: Country = None, place: PlaceOpt = None, near: Near = None,
                certainty: CertaintyOpt = None, unverified: Unverified = False, source: SourceOpt = None,
                limit: Limit = 100, fmt: FmtOpt = Fmt.table, text: str = "") -> None:
        f = make_filters(since, until, type, actor, country, place, near, certainty, unverified, source, limit)
        with open_store(db) as store:
            rows = getattr(store, name)
            emit(rows(text, f) if words else rows(f), fmt, columns, title.format(text=text))

    signature = inspect.signature(command, eval_str=True)  # Typer reads the options from resolved annotations
    params = [p for p in signature.parameters.values() if p.name != "text"]
    if words:  # Typer reads the signature: put the words first, as a required argument
        params.insert(0, inspect.Parameter("text", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Words))
    command.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    command.__name__ = command.__qualname__ = name
    command.__doc__ = doc
    return command


Words = Annotated[str, typer.Argument(help="Words to find (all must occur; 'word*' for a prefix).")]

events = query_command("events", EVENT_COLUMNS, "events", """List stored events, newest first.

    Example: wirewatch events --place Mykolaiv --since 2022-03-29 --format json
    """)
claims = query_command("claims", CLAIM_COLUMNS, "claims", """List stored claims (who says what, how sure, verified?), newest first; --actor matches the speaker.

    Example: wirewatch claims --unverified --format csv
    """)
places = query_command("places", PLACE_COLUMNS, "places", """List the places the corpus mentions, most mentioned first.

    Example: wirewatch places --country UA --near 46.97,32.0,100
    """)
articles = query_command("articles", ARTICLE_COLUMNS, "articles", """List stored articles, newest first, with how much was extracted from each.

    Example: wirewatch articles --source Reuters --since 2022-03-01
    """)
search = query_command("search", HIT_COLUMNS, "matches for {text!r}", """Full-text search over article text and claim content, best matches first.

    Example: wirewatch search "hospital strike" --since 2022-03-01
    """, words=True)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    for command in (events, claims, places, articles, search):
        app.command()(command)
