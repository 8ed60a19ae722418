"""`wirewatch clusters` (list, or one cluster's story with --show) and `wirewatch relink`.

Rows go to stdout in the shared --format; progress and summaries to stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..store import DEFAULT_DB, Store
from .common import err, progress
from .store import (
    Actor, CertaintyOpt, Country, DbOpt, Fmt, FmtOpt, Limit, Near, PlaceOpt, Since, SourceOpt, TypeOpt, Unverified,
    Until, emit, make_filters, open_store,
)


def why_text(why: dict[str, int]) -> str:
    """'lead 3, place 2, day 2': how many joins each signal took part in."""
    return ", ".join(f"{k} {n}" for k, n in why.items())


def figures_range(figures) -> str:
    return "; ".join(f"{f.category} {f.low}" + ("+" if f.high is None else (f"–{f.high}" if f.high != f.low else ""))
                     for f in figures)


CLUSTER_COLUMNS = {
    "first": lambda r: r.first, "last": lambda r: r.last, "type": lambda r: r.type, "place": lambda r: r.place,
    "sources": lambda r: r.n_sources, "reports": lambda r: r.n_reports, "figures": lambda r: figures_range(r.figures),
    "contradictions": lambda r: "; ".join(c.kind + (f" ({c.category})" if c.category else "") for c in r.contradictions),
    "joined by": lambda r: why_text(r.why), "id": lambda r: r.id,
}


def _signals(join) -> str:
    if join is None:
        return "opened the cluster"
    parts = []
    for k, v in join.signals.items():
        if isinstance(v, float):
            parts.append(f"{k} {v:.2f}")
        elif isinstance(v, list):
            parts.append(f"{k} {', '.join(map(str, v))}")
        elif v is True:
            parts.append(k)
        else:
            parts.append(f"{k} {v}")
    return f"score {join.score:.2f}: " + "; ".join(parts)


def show_story(store: Store, cluster_id: str, fmt: Fmt, out=None) -> None:
    """One cluster's reports in time order, with figures and what linked each (a table, JSON or CSV)."""
    out = out or sys.stdout
    st = store.story(cluster_id)
    if st is None:
        err.print(f"[red]error[/] no cluster with id {escape(cluster_id)!r}")
        raise typer.Exit(code=1)
    if fmt is Fmt.json:
        out.write(json.dumps(st.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n")
        return
    columns = {
        "day": lambda r: r.day, "published": lambda r: r.article_date, "source": lambda r: r.source,
        "type": lambda r: r.type, "place": lambda r: r.place,
        "figures": lambda r: "; ".join(f"{f.category} “{f.text}”" for f in r.figures),
        "according to": lambda r: r.claim_source, "disagrees": lambda r: ", ".join(r.disagrees),
        "report": lambda r: r.evidence.text, "linked by": lambda r: _signals(r.joined), "uid": lambda r: r.uid,
    }
    if fmt is Fmt.csv:
        emit(st.reports, fmt, columns, "story", out=out)
        return
    cl = st.cluster
    console = Console(file=out, width=None if out.isatty() else 200)
    head = Table.grid(padding=(0, 2))
    for label, value in (("cluster", cl.id), ("type", cl.type), ("where", cl.place), ("when", f"{cl.first} – {cl.last}"),
                         ("sources", f"{cl.n_sources} ({', '.join(cl.sources)})"), ("reports", cl.n_reports),
                         ("figures", figures_range(cl.figures)), ("joined by", why_text(cl.why)),
                         ("merged from", ", ".join(cl.merged_from))):
        if value not in (None, "", []):
            head.add_row(label, escape(str(value)))
    console.print(head)
    for c in cl.contradictions:
        console.print(f"[yellow]disagreement[/] {escape(c.message)}")
    emit(st.reports, fmt, columns, f"story of {cl.id}", out=out)


def clusters(db: DbOpt = Path(DEFAULT_DB), since: Since = None, until: Until = None, type: TypeOpt = None,
             actor: Actor = None, country: Country = None, place: PlaceOpt = None, near: Near = None,
             certainty: CertaintyOpt = None, unverified: Unverified = False, source: SourceOpt = None,
             limit: Limit = 100, fmt: FmtOpt = Fmt.table,
             show: Annotated[Optional[str], typer.Option("--show", help="One cluster's story: its reports in time "
                                                          "order with figures and what linked each.")] = None) -> None:
    """List event clusters (one real event, many reports): independent sources, figures, contradictions, why joined.

    With --show ID: that cluster's reports in time order, each with its figures, who it is attributed to,
    where it disagrees and the signals that linked it.

    Example: wirewatch clusters --type ASSAULT --format json; wirewatch clusters --show k49512fedb6d3
    """
    with open_store(db) as store:
        if show:
            show_story(store, show, fmt)
            return
        f = make_filters(since, until, type, actor, country, place, near, certainty, unverified, source, limit)
        emit(store.clusters(f), fmt, CLUSTER_COLUMNS, "clusters")


def relink(
    db: DbOpt = Path(DEFAULT_DB),
    all_: Annotated[bool, typer.Option("--all", help="Forget every link and link the whole store again "
                                                      "(after a change of linking rules).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Link the events and claims waiting to be linked (e.g. after `ingest --no-link` or a killed run).

    Each ingest links what it stores, so this is rarely needed; `--all` rebuilds every cluster, in store
    order, with the current rules.

    Example: wirewatch relink --all --db wirewatch.db
    """
    with open_store(db, read_only=False) as store, progress("relinking" if all_ else "linking", quiet=quiet) as bar:
        def tick(stats) -> None:
            bar.update(bar.task_ids[0], advance=stats.events + stats.not_linked, rate=f"{stats.opened} opened")

        stats = store.relink(on_batch=tick) if all_ else store.link(on_batch=tick)
        counts = store.counts()
    err.print(f"linked {stats.events} events ({stats.joined} joined a cluster, {stats.opened} opened one, "
              f"{stats.merged} merges; {stats.not_linked} not linked: did not occur) and {stats.claims} claims; "
              f"store: {counts['clusters']} clusters", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(clusters)
    app.command()(relink)
