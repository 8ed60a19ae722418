"""Incremental linking: one report at a time against the clusters found for it; join, open or merge.

`decide` is the whole rule: score the report against each candidate cluster (link.evidence); no cluster
reaches `threshold` -> the report opens a cluster; else it joins the best one (ties by id), and every
other cluster it also reaches by `threshold + merge_margin` (twice the threshold: a merge joins many
reports at once) is merged into that one when the two clusters are compatible themselves: their dates meet, and, when the
report has no place of its own, no place of one is apart from the other's (a located report was judged
against each cluster's places already, so reaching both strongly vouches that they are one scene; a report
with no place cannot vouch for that, e.g. a summary worded like two strikes on two towns). The caller finds the candidates (the store through its indexes, `Linker`
in memory) and saves the result. Replaying the reports in the same order gives the same clusters, which
is what makes `relink --all` equal to the incremental runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import meets
from .events import LinkRules, Report, cluster_id
from .evidence import Evidence, evidence
from .places import best
from .profile import Profile

__all__ = ["Decision", "decide", "profiles_compatible"]


@dataclass
class Decision:
    cluster: str
    opened: bool
    score: float = 0.0
    signals: dict = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)


def profiles_compatible(a: Profile, b: Profile, rules: LinkRules, *, located: bool = False) -> bool:
    """Whether two clusters a report reaches may be merged: their commonest dates meet, and (unless the
    report is `located`: its place was judged against both clusters' places) no place of one is apart from
    the other's."""
    wa, wb = a.when(), b.when()
    if wa and wb:
        core_a = max(wa, key=lambda sk: sk[1])[0]
        core_b = max(wb, key=lambda sk: sk[1])[0]
        if not meets(core_a, core_b, slack=rules.slack_days):
            return False
    return located or all(best(p, a.places, max_km=rules.max_km) != "apart" for p in b.places)


def decide(r: Report, candidates: list[Profile], rules: LinkRules) -> tuple[Decision, dict[str, Profile]]:
    """The decision for `r`, and the updated profiles by id (the joined or opened one; merged ones absorbed)."""
    scored: list[tuple[Evidence, Profile]] = [(evidence(r, p, rules), p) for p in candidates]
    passing = sorted(((e, p) for e, p in scored if e.veto is None and e.score >= rules.threshold),
                     key=lambda ep: (-ep[0].score, ep[1].id))
    if not passing:
        p = Profile(id=cluster_id(r.uid))
        p.add(r, rules)
        return Decision(cluster=p.id, opened=True), {p.id: p}
    top_ev, top = passing[0]
    merged = []
    for other_ev, other in passing[1:]:
        if other_ev.score >= rules.threshold + rules.merge_margin and profiles_compatible(top, other, rules, located=r.where is not None):
            keep, gone = (top, other) if (top.n, other.id) >= (other.n, top.id) else (other, top)
            keep.absorb(gone, rules)
            merged.append(gone.id)
            top = keep
    top.add(r, rules)
    return Decision(cluster=top.id, opened=False, score=top_ev.score, signals=top_ev.signals, merged=merged), {top.id: top}
