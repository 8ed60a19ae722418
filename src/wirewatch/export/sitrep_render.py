"""Render a Sitrep as Markdown or as a standalone HTML page, escaped at each format's boundary.

Everything in a report comes from articles (ids, outlet names, quotes), so every value is escaped for the
format it lands in: Markdown punctuation is backslash-escaped and line breaks folded, so a value can open no
link, image, HTML tag, heading or list; an article id is a code span whose fence is longer than any run of
backticks inside it (CommonMark), so a backtick cannot close it; HTML is `html.escape`d. Bidi controls in a
value (an RTL override in a source name) are shown as their code point, `[U+202E]`, in both formats, so they
cannot reverse the rest of the line; quotes are otherwise kept as written.
"""

from __future__ import annotations

import html
import re

from .sitrep_model import Line, Sitrep

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&!~])")
_MD_LINE_START = re.compile(r"^(\d*)([-+=.)])")  # a list marker or setext underline at the start of a line
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
FLAG_WORDS = {"unverified": "unverified", "disputed": "disputed", "denial": "denial"}


def _bidi(text: str) -> str:
    return _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def _md(text: str) -> str:
    """Text for Markdown: one line, every character that could start markup escaped."""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(_bidi(text).split()))
    return _MD_LINE_START.sub(r"\1\\\2", text)


def code_span(text: str) -> str:
    """`text` as a Markdown code span nothing inside can close: a fence of one backtick more than the longest
    run inside, padded with spaces when the text starts or ends with a backtick (CommonMark 6.1)."""
    text = " ".join(_bidi(text).split()) or " "
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[0] in "` " or text[-1] in "` " else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _h(text: str) -> str:
    return html.escape(_bidi(text))


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
                       f"{code_span(c.article_id)}, characters {c.span.start}–{c.span.end}: “{_md(quote)}”")
        out.append("")
    return "\n".join(out)


def _html_line(line: Line) -> str:
    cites = "".join(f'<a href="#ref-{n}">[{n}]</a>' for n in line.cites)
    flags = "".join(f' <strong class="flag {f}">({FLAG_WORDS[f]})</strong>' for f in line.flags if f in FLAG_WORDS)
    sub = "<ul>" + "".join(_html_line(s) for s in line.sub) + "</ul>" if line.sub else ""
    return f"<li>{_h(line.text)}{flags} {cites}{sub}</li>"


def render_html(rep: Sitrep) -> str:
    e = _h
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
