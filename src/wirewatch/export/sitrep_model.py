"""What a situation report is made of (data only): citations, lines, sections, areas and the report.

`sitrep` builds these from the store; `sitrep_render` turns them into Markdown or HTML. Both import this
module and neither imports the other's internals, so the builder and the renderers stay independent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Span

__all__ = ["Cite", "Line", "Section", "Area", "Sitrep"]


@dataclass(frozen=True)
class Cite:
    n: int
    article_id: str
    source: str | None
    date: dt.date | None
    span: Span


@dataclass
class Line:
    """One sentence of the report: template text, the quotes inside it, its citations and its flags."""

    text: str
    cites: list[int] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    sub: list[Line] = field(default_factory=list)


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class Area:
    name: str
    sections: list[Section] = field(default_factory=list)


@dataclass
class Sitrep:
    since: dt.date | None
    until: dt.date | None
    place: str | None
    summary: Line
    areas: list[Area]
    cites: list[Cite]
