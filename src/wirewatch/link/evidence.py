"""The evidence that a report and a cluster tell of one incident: signals, a score, or the reason they cannot.

Hard reasons to keep apart (`veto`): types that share no family (data/link/families.tsv), unless both are
their articles' main events (a story's main event is the incident it is about, however each outlet's wording
was coded); days more than `max_gap_days` apart. Otherwise the score adds the weighted signals of `LinkRules`:
lead-word similarity of main events (TF-IDF cosine), sentence similarity, same type, same or nested/near place,
same named day, shared actor words, a figure with the same count, the same article, one scene; and takes off
for places apart or days apart, a lot when neither story names the other's place or day (look-alikes).
Contradicting figures keep no report out (the cluster flags them); they only add nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .actors import actor_stems
from .dates import gap_days
from .events import LinkRules, Report, where_keys
from .figures import headline, interval
from .places import majority
from .profile import Profile
from .summary import CATEGORIES
from .text import centroid_cosine

__all__ = ["Evidence", "evidence", "families", "related_types"]


@dataclass
class Evidence:
    score: float = 0.0
    veto: str | None = None
    signals: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def families() -> dict[str, frozenset[str]]:
    raw = resources.files("wirewatch").joinpath("data", "link", "families.tsv").read_text(encoding="utf-8")
    out = {}
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            name, types = line.split("\t")
            out[name] = frozenset(t.strip() for t in types.split(","))
    return out


def related_types(a: str, b: str) -> str | None:
    """'same', the name of a family both belong to, or None."""
    if a == b:
        return "same"
    return next((name for name, types in families().items() if a in types and b in types), None)


def _type_signal(r: Report, p: Profile) -> str | None:
    if r.type in p.types:
        return "same"
    found = [related_types(r.type, t) for t in p.types]
    return next((f for f in found if f), None)


def evidence(r: Report, p: Profile, rules: LinkRules) -> Evidence:
    ev = Evidence()
    s = ev.signals
    main = r.main and p.main > 0 and r.article_id not in p.articles
    kind = _type_signal(r, p)
    if kind is None and not main:
        ev.veto = "types"
        return ev
    spans = p.when()
    if r.when is not None and spans:
        total = sum(k for _, k in spans)
        gaps = [(gap_days(r.when, span), span, k) for span, k in spans]
        agree = sum(k for g, _, k in gaps if g <= rules.slack_days) / total
        if agree == 0:
            gap = min(g for g, _, _ in gaps)
            fine = r.when.precision in ("day", "published") and all(
                span.precision in ("day", "published") for span, _ in spans)
            if gap > rules.max_gap_days and fine:
                ev.veto = "dates"
                return ev
            s["day"] = f"{gap} days apart"
            named = {sp.lo.isoformat() for sp, _ in spans if sp.own and sp.precision == "day"}
            crossed = (r.when.own and r.when.lo.isoformat() in p.days) or bool(named & r.days)
            if fine and not crossed:         # each names its own day and never the other's: two incidents
                s["day"] = f"{gap} days apart, neither story names the other's day"
                ev.score -= rules.date_conflict if gap <= rules.lag_days else rules.week_conflict
            else:
                published = not r.when.own and all(not span.own for span, _ in spans)
                ev.score -= rules.published_apart if published else rules.date_apart
        elif agree < 0.5:
            s["day"] = "some members apart"
            ev.score -= rules.date_apart / 2
        elif r.when.own and r.when.precision == "day" and any(
                g == 0 and span.own and span.precision == "day" for g, span, _ in gaps):
            s["day"] = "same"
            ev.score += rules.same_day
    if r.where is not None and p.places:
        rel = majority(r.where, p.places, p.counts(), max_km=rules.max_km)
        if rel == "apart":
            crossed = bool(where_keys(r.where) & set(p.mentions)) or any(where_keys(w) & r.mentions for w in p.places)
            if crossed:
                s["place"] = "apart"
                ev.score -= rules.place_apart
            else:                            # neither story names the other's place: two scenes
                s["place"] = "apart, neither story names the other's place"
                ev.score -= rules.place_conflict
        elif rel == "same":
            s["place"] = "same"
            ev.score += rules.same_place
        elif rel in ("near", "within"):
            s["place"] = rel
            ev.score += rules.near_place
    if main and r.terms and p.terms:
        sim = centroid_cosine(r.terms, p.terms, p.n_terms)
        s["lead"] = round(sim, 3)
        ev.score += rules.text * sim
    if r.words and p.words:
        sim = centroid_cosine(r.words, p.words, p.n_words)
        s["sentence"] = round(sim, 3)
        ev.score += rules.sentence * sim
    if main:
        s["main"] = True
        ev.score += rules.main
    if kind == "same":
        s["type"] = r.type
        ev.score += rules.same_type
    elif kind is not None:
        s["type"] = kind
        ev.score += rules.same_family
    shared = sorted(actor_stems(r.actor1, r.actor2) & set(p.stems))
    if shared:
        s["actors"] = shared
        ev.score += rules.actor
    same_counts = []
    for cat in CATEGORIES:
        f = headline(list(r.figures), cat)
        iv = interval(f) if f is not None else None
        if iv is None or cat not in p.figures or iv[0] != iv[1]:
            continue
        lo, hi = p.figures[cat]
        if lo == hi == iv[0]:
            same_counts.append(f"{cat} {int(iv[0])}")
    if same_counts:
        s["figures"] = same_counts
        ev.score += rules.figures
    dates_meet = r.when is not None and bool(spans) and "day" not in s or s.get("day") == "same"
    if kind == "same" and dates_meet and s.get("place") in ("same", "near") and r.where is not None \
            and r.where.grain == "spot":
        s["scene"] = True
        ev.score += rules.scene
    agree_dates = "day" not in s or s["day"] == "same"
    pinned = s.get("place") in ("same", "near") or (
        s.get("day") == "same" and (s.get("sentence", 0) >= rules.article_sentence or "actors" in s))
    if r.article_id in p.articles and kind == "same" and agree_dates and pinned and s.get("place") != "apart":
        s["article"] = True      # its article already reports it here: same type, same place or named day
        ev.score += rules.same_article
    ev.score = round(ev.score, 4)
    return ev
