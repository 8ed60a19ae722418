"""What a cluster says: corroboration (independent sources), figure ranges and contradictions.

Output is plain data (dicts with the fields of `store.query.FigureRange` / `Contradiction`), so the store
can save it and the API/exports can show it without re-running the rules.
"""

from __future__ import annotations

from collections import Counter

from .events import Report
from .figures import describe, headline, interval, overlap, who_compatible

CATEGORIES = ("killed", "injured", "killed_or_injured", "displaced", "missing", "captured")


def _speaker(r: Report) -> str:
    """Who stands behind a report: its claim's source, else the outlet itself."""
    return (r.claim_source or r.independent_source).casefold()


def figure_contradictions(members: list[Report]) -> list[dict]:
    out = []
    for cat in CATEGORIES:
        heads = [(r, f) for r in members if (f := headline(list(r.figures), cat)) is not None]
        clash: dict[str, tuple[Report, object]] = {}
        for i, (ra, fa) in enumerate(heads):
            for rb, fb in heads[i + 1:]:
                if ra.article_id == rb.article_id or not who_compatible(fa.who, fb.who):
                    continue
                if not overlap(interval(fa), interval(fb)):  # type: ignore[arg-type]
                    clash[ra.uid] = (ra, fa)
                    clash[rb.uid] = (rb, fb)
        if clash:
            parts = [f"{r.independent_source}: {describe(f)}" for r, f in clash.values()]
            out.append({"kind": "figures", "category": cat,
                        "message": f"{cat} figures disagree beyond their qualifiers: " + "; ".join(parts),
                        "reports": list(clash), "evidence": [f.model_dump(include={"text", "start", "end"})
                                                             for _, f in clash.values()]})
    return out


def polarity_contradictions(members: list[Report]) -> list[dict]:
    """A report that it happened and a report that it did not, from different speakers."""
    pos = [r for r in members if r.polarity == "positive"]
    neg = [r for r in members if r.polarity == "negative"]
    pairs = [(p, n) for p in pos for n in neg if _speaker(p) != _speaker(n)]
    if not pairs:
        return []
    involved = {r.uid: r for pair in pairs for r in pair}
    says = "; ".join(f"{r.independent_source} reports {r.claim_source or 'it'} "
                     f"{'affirming' if r.polarity == 'positive' else 'denying'}: “{r.evidence.text if r.evidence else ''}”"
                     for r in involved.values())
    return [{"kind": "polarity", "category": None, "message": "sources disagree whether it happened: " + says,
             "reports": list(involved),
             "evidence": [r.evidence.model_dump() for r in involved.values() if r.evidence is not None]}]


def figure_ranges(members: list[Report]) -> list[dict]:
    out = []
    for cat in CATEGORIES:
        ivs = [interval(f) for r in members if (f := headline(list(r.figures), cat)) is not None]
        ivs = [iv for iv in ivs if iv is not None]
        if ivs:  # an open reading ("at least 4") contributes its lower bound to the highest reading
            highs = [iv[1] if iv[1] != float("inf") else iv[0] for iv in ivs]
            out.append({"category": cat, "low": int(min(iv[0] for iv in ivs)), "high": int(max(highs)),
                        "reports": len(ivs)})
    return out


def summarize(cid: str, members: list[Report]) -> dict:
    """Everything stored about a cluster besides its member list."""
    first = min((m.day for m in members if m.day), default=None)
    last = max((m.day for m in members if m.day), default=None)
    located = [m for m in members if m.lat is not None]
    names = Counter(m.place for m in members if m.place)
    anchor = located[0] if located else None
    sources = sorted({m.independent_source for m in members})
    actors = sorted({a for m in members for a in (m.actor1, m.actor2) if a})
    contradictions = figure_contradictions(members) + polarity_contradictions(members)
    acled = Counter(m.acled for m in members if m.acled).most_common(1)
    acled_sub = Counter(m.acled_sub for m in members if m.acled_sub).most_common(1)
    return {
        "id": cid, "type": members[0].type,
        "acled": acled[0][0] if acled else None, "acled_sub": acled_sub[0][0] if acled_sub else None,
        "first": first, "last": last,
        "place": names.most_common(1)[0][0] if names else None,
        "admin1": anchor.extra.get("admin1") if anchor else None,
        "country": anchor.country if anchor else next((m.country for m in members if m.country), None),
        "lat": anchor.lat if anchor else None, "lon": anchor.lon if anchor else None,
        "sources": sources, "n_sources": len(sources), "n_reports": len(members), "actors": actors,
        "figures": figure_ranges(members), "contradictions": contradictions,
        "disputed": bool(contradictions) or any(m.verification == "disputed" for m in members),
    }


__all__ = ["summarize", "figure_contradictions", "polarity_contradictions", "figure_ranges"]
