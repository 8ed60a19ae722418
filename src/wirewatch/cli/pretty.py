"""Readable views for the terminal: an article with its spans highlighted, tables of what was found."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Document
from ..pipeline import Profile

STYLES = {"times": "bold cyan", "places": "bold green", "actors": "bold magenta", "figures": "bold red",
          "notes": "italic yellow", "content": "underline", "cue": "bold yellow", "source": "bold blue"}


def highlighted(doc: Document) -> Text:
    """The article text with every extracted span styled by kind (claim contents underlined)."""
    text = Text(doc.text)
    for c in doc.claims:
        text.stylize(STYLES["content"], c.content.start, c.content.end)
        for part in ("cue", "source"):
            if (span := getattr(c, part)) is not None:
                text.stylize(STYLES[part], span.start, span.end)
    for kind in ("times", "places", "actors", "figures", "notes"):
        for span in getattr(doc, kind):
            text.stylize(STYLES[kind], span.start, span.end)
    return text


def _table(title: str, columns: list[str], rows: list[list[object]]) -> Table:
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=False, expand=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    return table


def render_document(doc: Document, out: IO[str]) -> None:
    console = Console(file=out, force_terminal=out.isatty(), width=120)
    a = doc.article
    console.rule(f"[bold]{a.title or a.id}")
    console.print(f"id {a.id} · date {a.date or 'unknown'} · dateline {a.dateline or '-'} · source {a.source or '-'}",
                  highlight=False)
    console.print(highlighted(doc))
    legend = Text("  ".join(f"{k}" for k in STYLES))
    for k, style in STYLES.items():
        legend.highlight_words([k], style)
    console.print(legend)
    byid = {x.id: x for x in (*doc.places, *doc.actors, *doc.times, *doc.figures)}
    name = lambda i: (getattr(byid.get(i), "name", None) or getattr(byid.get(i), "text", None)) if i else None  # noqa: E731
    console.print(_table("times", ["text", "type", "value", "precision"],
                         [[t.text, t.type, t.value, t.precision] for t in doc.times]))
    console.print(_table("places", ["text", "name", "cc", "admin1", "lat,lon", "geonameid", "conf"],
                         [[p.text, p.name, p.country_code, p.admin1,
                           f"{p.lat:.2f},{p.lon:.2f}" if p.lat is not None and p.lon is not None else None,
                           p.geonameid, f"{p.confidence:.2f}"] for p in doc.places]))
    console.print(_table("actors", ["text", "name", "kind", "cc", "side"],
                         [[x.text, x.name, x.kind, x.country_code, x.side] for x in doc.actors]))
    console.print(_table("figures", ["text", "category", "value", "low-high", "qualifier", "who"],
                         [[f.text, f.category, f.value, f"{f.low}-{f.high}", f.qualifier, f.who] for f in doc.figures]))
    console.print(_table("claims", ["source", "cue", "content", "certainty", "pol", "verif"],
                         [[c.source.text if c.source else None, c.cue.text if c.cue else None,
                           c.content.text[:90], c.certainty, c.polarity, c.verification] for c in doc.claims]))
    console.print(_table("events", ["status", "type", "acled", "actor1", "actor2", "place", "date", "figures",
                                    "cert", "mentions"],
                         [[e.status + ("" if e.polarity == "positive" else " (not)"), f"{e.type} {e.mode or ''}".strip(),
                           e.acled_sub_event_type, name(e.actor1), name(e.actor2), name(e.place), e.date,
                           ", ".join(byid[f].text for f in e.figures if f in byid), e.certainty,
                           " | ".join(m.text for m in e.mentions)[:80]] for e in doc.events]))
    console.print(_table("notes", ["kind", "text"], [[n.kind, n.text] for n in doc.notes]))


def render_profile(profile: Profile, console: Console) -> None:
    total = sum(profile.seconds.values()) or 1.0
    table = Table(title=f"time per stage over {profile.articles} articles", title_justify="left")
    for col in ("stage", "seconds", "share", "ms/article"):
        table.add_column(col, justify="right" if col != "stage" else "left")
    for stage, secs in profile.seconds.items():
        table.add_row(stage, f"{secs:.3f}", f"{secs / total:.1%}", f"{1000 * secs / max(profile.articles, 1):.2f}")
    console.print(table)
