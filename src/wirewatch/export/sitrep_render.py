"""Render a Sitrep as Markdown or as a standalone HTML page (escaped; quotes and citations kept)."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .sitrep import Line, Sitrep

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
FLAG_WORDS = {"unverified": "unverified", "disputed": "disputed", "denial": "denial"}


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _title(rep: Sitrep) -> str:
    period = " to ".join(d.isoformat() for d in (rep.since, rep.until) if d) or "all dates"
    return f"Situation report: {period}" + (f", {rep.place}" if rep.place else "")


def _flags(line: Line) -> str:
    return "".join(f" **({FLAG_WORDS[f]})**" for f in line.flags if f in FLAG_WORDS)


def _md_line(line: Line, depth: int = 0) -> list[str]:
    cites = "".join(f"[{n}]" for n in line.cites)
    out = [f"{'  ' * depth}- {_md(line.text)}{_flags(line)} {cites}".rstrip()]
    for sub in line.sub:
        out += _md_line(sub, depth + 1)
    return out


def render_markdown(rep: Sitrep) -> str:
    out = [f"# {_md(_title(rep))}", "", f"{_md(rep.summary.text)}", ""]
    if not rep.areas:
        out += ["No events are stored for this period.", ""]
    for area in rep.areas:
        out += [f"## {_md(area.name)}", ""]
        for sec in area.sections:
            out += [f"### {sec.title}", ""]
            for line in sec.lines:
                out += _md_line(line)
            out.append("")
    if rep.cites:
        out += ["## Sources", ""]
        for c in rep.cites:
            quote = " ".join(c.span.text.split())
            quote = quote if len(quote) <= 240 else quote[:239] + "…"
            out.append(f"{c.n}. {_md(c.source or 'unknown outlet')}, {c.date or 'undated'}, article "
                       f"`{c.article_id}`, characters {c.span.start}–{c.span.end}: “{_md(quote)}”")
        out.append("")
    return "\n".join(out)


def _html_line(line: Line) -> str:
    cites = "".join(f'<a href="#ref-{n}">[{n}]</a>' for n in line.cites)
    flags = "".join(f' <strong class="flag {f}">({FLAG_WORDS[f]})</strong>' for f in line.flags if f in FLAG_WORDS)
    sub = "<ul>" + "".join(_html_line(s) for s in line.sub) + "</ul>" if line.sub else ""
    return f"<li>{html.escape(line.text)}{flags} {cites}{sub}</li>"


def render_html(rep: Sitrep) -> str:
    e = html.escape
    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(_title(rep))}</title>"
             "<style>body{font-family:sans-serif;max-width:60em;margin:auto}.flag{color:#a40}</style></head><body>",
             f"<h1>{e(_title(rep))}</h1><p>{e(rep.summary.text)}</p>"]
    if not rep.areas:
        parts.append("<p>No events are stored for this period.</p>")
    for area in rep.areas:
        parts.append(f"<h2>{e(area.name)}</h2>")
        for sec in area.sections:
            parts.append(f"<h3>{e(sec.title)}</h3><ul>" + "".join(_html_line(x) for x in sec.lines) + "</ul>")
    if rep.cites:
        parts.append("<h2>Sources</h2><ol>")
        for c in rep.cites:
            parts.append(f'<li id="ref-{c.n}">{e(c.source or "unknown outlet")}, {e(str(c.date or "undated"))}, '
                         f"article <code>{e(c.article_id)}</code>, characters {c.span.start}–{c.span.end}: "
                         f"<q>{e(' '.join(c.span.text.split()))}</q></li>")
        parts.append("</ol>")
    parts.append("</body></html>")
    return "\n".join(parts)
