"""The situation report: the store's clusters and claims for a period, grouped by area and kind of event.

Built from templates only: every line is fixed wording around stored values (places, dates, counts,
outlet names) and exact quotes of article spans, and every line cites the spans it rests on ([n] refers to
an article, character offsets and the quoted text). Unverified and disputed material is labelled as such.
`build_sitrep` returns data; `render_markdown`/`render_html` (in `sitrep_render`) turn it into text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..model import Span, family_of
from ..store import Cluster, EventRow, Filters, Store
from .pages import all_rows
from .sitrep_model import Area, Cite, Line, Section, Sitrep
from .sitrep_render import render_html, render_markdown

__all__ = ["Cite", "Line", "Section", "Area", "Sitrep", "build_sitrep", "render_markdown", "render_html"]

STRIKES = {"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"}
NEGOTIATIONS = {"CONSULT", "AGREE", "REQUEST", "CONCEDE", "COOPERATE", "REJECT"}
LABELS = {"ASSAULT": "attack", "COERCE": "coercive action", "MOBILIZE": "mobilisation", "THREATEN": "threat",
          "CONSULT": "talks", "AGREE": "agreement", "REQUEST": "request", "CONCEDE": "concession",
          "COOPERATE": "cooperation", "REJECT": "rejection", "AID": "aid", "RETREAT": "withdrawal",
          "ACCUSE": "accusation", "PROTEST": "protest", "SANCTION": "sanction", "SUPPORT": "statement of support",
          "DISASTER": "disaster", "ACCIDENT": "accident", "ELECTION": "election", "OFFICE": "change of office"}
SECTION_TITLES = ("Strikes and fighting", "Casualties", "Displacement", "Negotiations", "Disasters and accidents",
                  "Elections and office", "Other events", "Who claims what")
FAMILY_SECTIONS = {"disaster": "Disasters and accidents", "politics": "Elections and office"}
CATEGORY_WORDS = {"killed": "Killed", "injured": "Injured", "killed_or_injured": "Killed or injured",
                  "missing": "Missing", "captured": "Captured", "displaced": "Displaced"}


class Citations:
    """Numbers each (article, span) once, in order of first use."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, int, int], Cite] = {}

    def __call__(self, article_id: str, source: str | None, date: dt.date | None, span: Span) -> int:
        key = (article_id, span.start, span.end)
        if key not in self.by_key:
            self.by_key[key] = Cite(len(self.by_key) + 1, article_id, source, date, span)
        return self.by_key[key].n


def _q(text: str) -> str:
    return f"“{' '.join(text.split())}”"


def area_of(cl: Cluster) -> str:
    parts = [p for p in (cl.admin1 or cl.place, cl.country_code) if p]
    return ", ".join(parts) if parts else "Location not given"


def _when(cl: Cluster) -> str:
    if cl.first is None:
        return "date not given"
    return cl.first.isoformat() if cl.first == cl.last else f"{cl.first.isoformat()} to {cl.last.isoformat()}"


def outlet(r: EventRow) -> str:
    return r.source or f"article '{r.article_id}'"


def place_name(cl: Cluster) -> str:
    """The gazetteer name, with the spelling the article used when it differs (Mykolaiv (Mykolayiv))."""
    if not cl.place:
        return "place not given"
    written = next((r.place_text for r in cl.reports if r.place_text), None)
    if written and written.casefold() != cl.place.casefold():
        return f"{written} ({cl.place})"
    return cl.place


def _report_line(r: EventRow, cite: Citations) -> Line:
    n = cite(r.article_id, r.source, r.article_date, r.evidence)
    who = outlet(r) + (f", citing {r.claim_source}" if r.claim_source else "")
    flags = [r.verification] if r.verification in ("unverified", "disputed") else []
    if r.polarity == "negative":
        flags.append("denial")
    return Line(text=f"{who}: {_q(r.evidence.text)}", cites=[n], flags=flags)


def _event_line(cl: Cluster, cite: Citations) -> Line:
    label = cl.acled_sub_event_type or LABELS.get(cl.type, cl.type.lower())
    mode = next((r.mode for r in cl.reports if r.type == cl.type and r.mode), None)
    if family_of(cl.type) != "plover" and mode:
        label = f"{label} ({mode})"
    actors = f" involving {', '.join(cl.actors)}" if cl.actors else ""
    where = place_name(cl)
    n = cl.n_sources
    line = Line(text=f"{where}, {_when(cl)}: {label}{actors}, reported by {n} independent "
                     f"source{'s' if n != 1 else ''} ({', '.join(cl.sources)}).")
    line.sub = [_report_line(r, cite) for r in cl.reports]
    line.cites = sorted({c for s in line.sub for c in s.cites})
    reports = {r.uid: r for r in cl.reports}
    if all("unverified" in s.flags or "disputed" in s.flags for s in line.sub):
        line.flags.append("unverified")
    for con in cl.contradictions:
        cites = [cite(reports[u].article_id, reports[u].source, reports[u].article_date, reports[u].evidence)
                 for u in con.reports if u in reports]
        what = f"{(con.category or '').replace('_', ' ')} figures" if con.kind == "figures" \
            else "whether it happened"
        line.sub.append(Line(text=f"Disputed: the reports disagree on {what}.", cites=sorted(set(cites)),
                             flags=["disputed"]))
        if "disputed" not in line.flags:
            line.flags.append("disputed")
    return line


def _figure_lines(cl: Cluster, cite: Citations, categories: tuple[str, ...]) -> list[Line]:
    out = []
    for cat in categories:
        parts, cites = [], []
        for r in cl.reports:
            for f in r.figures:
                if f.category == cat:
                    cites.append(cite(r.article_id, r.source, r.article_date, f))
                    parts.append(f"{outlet(r)} {_q(f.text)}")
        if not parts:
            continue
        disputed = any(c.kind == "figures" and c.category == cat for c in cl.contradictions)
        text = f"{CATEGORY_WORDS[cat]}, {place_name(cl)}, {_when(cl)}: " + "; ".join(parts) + "."
        out.append(Line(text=text, cites=cites, flags=["disputed"] if disputed else []))
    return out


def _claim_lines(clusters: list[Cluster], cite: Citations) -> list[Line]:
    seen, out = set(), []
    for cl in clusters:
        for r in cl.reports:
            if not r.claim_source or (r.article_id, r.claim_id) in seen:
                continue
            seen.add((r.article_id, r.claim_id))
            flags = [r.verification] if r.verification in ("unverified", "disputed") else []
            verb = r.claim_cue or "according to"
            n = cite(r.article_id, r.source, r.article_date, r.evidence)
            out.append(Line(text=f"{r.claim_source} ({verb}, in {outlet(r)}): "
                                 f"{_q(r.evidence.text)}", cites=[n],
                            flags=flags + (["denial"] if r.polarity == "negative" else [])))
    return out


def build_sitrep(store: Store, since: dt.date | None, until: dt.date | None, place: str | None = None,
                 max_clusters: int = 500, where: Filters | None = None,
                 status: tuple[str, ...] | None = ("occurred",)) -> Sitrep:
    """Clusters of reports of what happened (events of `status`, occurred by default); `where` adds the other
    filters (type, actor, country, status...) the clusters' reports must match and, when given, decides status."""
    f = replace(where or Filters(status=status), since=since, until=until, place=place, limit=max_clusters, offset=0)
    clusters = list(all_rows(store.clusters, f, page=100))
    clusters.sort(key=lambda c: (area_of(c), c.first or dt.date.min, -c.n_sources))
    cite = Citations()
    areas: dict[str, dict[str, list[Line]]] = {}
    for cl in clusters:
        sec = areas.setdefault(area_of(cl), {t: [] for t in SECTION_TITLES})
        kind = "Strikes and fighting" if cl.type in STRIKES else (
            "Negotiations" if cl.type in NEGOTIATIONS else FAMILY_SECTIONS.get(family_of(cl.type), "Other events"))
        sec[kind].append(_event_line(cl, cite))
        sec["Casualties"] += _figure_lines(cl, cite, ("killed", "injured", "killed_or_injured", "missing", "captured"))
        sec["Displacement"] += _figure_lines(cl, cite, ("displaced",))
    for cl in clusters:
        areas[area_of(cl)]["Who claims what"] += _claim_lines([cl], cite)
    outlets = sorted({s for cl in clusters for s in cl.sources})
    articles = {r.article_id for cl in clusters for r in cl.reports}
    disputed = sum(cl.disputed for cl in clusters)
    summary = Line(text=f"{len(clusters)} event cluster{'s' if len(clusters) != 1 else ''} from {len(articles)} "
                        f"article{'s' if len(articles) != 1 else ''} ({', '.join(outlets) or 'no outlets'}); "
                        f"{disputed} disputed.")
    return Sitrep(since=since, until=until, place=place, summary=summary,
                  areas=[Area(name, [Section(t, lines) for t, lines in secs.items() if lines])
                         for name, secs in areas.items()],
                  cites=sorted(cite.by_key.values(), key=lambda c: c.n))


