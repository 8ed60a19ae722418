"""Which event reports, possibly from many articles, are the same real event (see docs/linking.md).

Two reports are compatible when: same PLOVER type; days at most `window_days` apart (`window_days_undated`
when a report only has its article's date); places within `max_km` (else the same place name; a report with
no place stands for the towns its article names, capitals excepted, and links to nothing without them); actors compatible on both roles (missing, same name, one name inside the other,
a shared distinctive word, or the same country when both are known). A cluster is a set of reports that are
pairwise compatible (complete linkage, so "A near B near C" does not chain A to C).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from ..model import Figure, Span
from .geo import haversine_km

GENERIC = frozenset("forces force military army troops government officials official ministry side authorities "
                    "the of and defence defense national armed units unit".split())


@dataclass(frozen=True)
class LinkRules:
    window_days: int = 1
    window_days_undated: int = 2
    max_km: float = 25.0
    claim_similarity: float = 0.5


@dataclass(frozen=True)
class Report:
    """One stored event, with what linking needs."""

    uid: str
    article_id: str
    outlet: str | None
    type: str
    day: dt.date | None
    dated: bool
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    actor1_country: str | None = None
    actor2_country: str | None = None
    figures: tuple[Figure, ...] = ()
    polarity: str = "positive"
    claim_source: str | None = None
    verification: str | None = None
    evidence: Span | None = None
    acled: str | None = None
    acled_sub: str | None = None
    area: tuple[tuple[float, float], ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def independent_source(self) -> str:
        """Outlet, else the article (an article without a named outlet counts as its own source)."""
        return (self.outlet or f"article '{self.article_id}'").strip()


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", name.casefold()) if len(w) > 2 and w not in GENERIC}


def actor_compatible(a: str | None, b: str | None, ca: str | None = None, cb: str | None = None) -> bool:
    if not a or not b:
        return True
    if ca and cb and ca != cb:
        return False
    x, y = a.casefold(), b.casefold()
    if x == y or x in y or y in x:
        return True
    wx, wy = _words(x), _words(y)
    if wx & wy:
        return True
    stems = {w[:5] for w in wx} & {w[:5] for w in wy}  # Russia / Russian, Ukraine / Ukrainian
    return bool(stems) or bool(ca and cb and ca == cb)


def _points(r: Report) -> list[tuple[float, float]]:
    """Where a report may be: its place, else (no place at all) the towns its article names (`area`)."""
    if r.lat is not None and r.lon is not None:
        return [(r.lat, r.lon)]
    return [] if r.place else list(r.area)


def distance_ok(a: Report, b: Report, rules: LinkRules) -> bool:
    if a.place and b.place and (a.lat is None or b.lat is None):
        return a.place.casefold() == b.place.casefold()
    return any(haversine_km(p[0], p[1], q[0], q[1]) <= rules.max_km for p in _points(a) for q in _points(b))


def compatible(a: Report, b: Report, rules: LinkRules = LinkRules()) -> bool:
    if a.type != b.type or a.day is None or b.day is None:
        return False
    window = rules.window_days if a.dated and b.dated else rules.window_days_undated
    if abs((a.day - b.day).days) > window:
        return False
    if not distance_ok(a, b, rules):
        return False
    return (actor_compatible(a.actor1, b.actor1, a.actor1_country, b.actor1_country)
            and actor_compatible(a.actor2, b.actor2, a.actor2_country, b.actor2_country))


def cluster_reports(reports: list[Report], rules: LinkRules = LinkRules()) -> list[list[Report]]:
    """Group reports into clusters (every report in exactly one; singletons included)."""
    by_type: dict[str, list[Report]] = {}
    for r in reports:
        by_type.setdefault(r.type, []).append(r)
    out: list[list[Report]] = []
    for group in by_type.values():
        group.sort(key=lambda r: (r.day or dt.date.min, r.article_id, r.uid))
        open_: list[list[Report]] = []
        for r in group:
            if r.day is None:
                out.append([r])
                continue
            horizon = r.day - dt.timedelta(days=rules.window_days_undated * 2)
            still = []
            for c in open_:
                if max(m.day for m in c if m.day) >= horizon:
                    still.append(c)
                else:
                    out.append(c)
            open_ = still
            best = next((c for c in open_ if all(compatible(r, m, rules) for m in c)), None)
            if best is None:
                open_.append([r])
            else:
                best.append(r)
        out.extend(open_)
    return out


def cluster_id(members: list[Report]) -> str:
    """Stable while the cluster grows: derived from its earliest-sorting member."""
    return "k" + hashlib.sha1(min(m.uid for m in members).encode("utf-8")).hexdigest()[:12]
