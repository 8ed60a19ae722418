"""Linking a list of reports in memory, in order: the same rule as the store's incremental linking.

For tests, tools and small corpora: `cluster_reports(reports)` returns the clusters a store would hold
after ingesting the reports in this order. Candidates are found like the store finds them (shared lead
words, place, admin1 area or actor words); the decision is `link.decide.decide`.
"""

from __future__ import annotations

from collections import defaultdict

from .actors import actor_stems
from .decide import Decision, decide
from .events import LinkRules, Report
from .profile import Profile
from .text import top_terms

__all__ = ["Linker", "cluster_reports", "index_keys"]


def index_keys(r: Report, rules: LinkRules) -> set[str]:
    """The keys under which a report is found: its lead's top words, its place and area, its actor words."""
    keys = {f"w:{w}" for w in top_terms(r.terms, rules.index_words)}
    if r.where is not None:
        keys.add(f"p:{r.where.geonameid or r.where.name.casefold()}")
        if r.where.admin1:
            keys.add(f"a:{r.where.admin1.casefold()}")
    keys |= {f"s:{s}" for s in actor_stems(r.actor1, r.actor2)}
    return keys


class Linker:
    """Clusters held in memory; `add` links one report and returns the decision."""

    def __init__(self, rules: LinkRules = LinkRules()) -> None:
        self.rules = rules
        self.profiles: dict[str, Profile] = {}
        self.members: dict[str, list[Report]] = {}
        self.index: dict[str, list[str]] = defaultdict(list)
        self.merges: list[tuple[str, str, str]] = []     # (merged, into, by report)
        self.alias: dict[str, str] = {}                  # merged cluster -> the one it went into

    def candidates(self, r: Report) -> list[Profile]:
        found: dict[str, int] = {}
        for key in index_keys(r, self.rules):
            for cid in self.index.get(key, ()):
                while cid in self.alias:
                    cid = self.alias[cid]
                found[cid] = found.get(cid, 0) + 1
        live = list(found)
        live.sort(key=lambda cid: (-found[cid], cid))
        return [self.profiles[cid] for cid in live[: self.rules.candidates]]

    def add(self, r: Report) -> Decision:
        decision, changed = decide(r, self.candidates(r), self.rules)
        for gone in decision.merged:
            self.members[decision.cluster].extend(self.members.pop(gone))
            self.profiles.pop(gone)
            self.alias[gone] = decision.cluster
            self.merges.append((gone, decision.cluster, r.uid))
        self.profiles.update(changed)
        self.members.setdefault(decision.cluster, []).append(r)
        for key in index_keys(r, self.rules):
            if decision.cluster not in self.index[key][-50:]:
                self.index[key].append(decision.cluster)
        return decision


def cluster_reports(reports: list[Report], rules: LinkRules = LinkRules()) -> list[list[Report]]:
    """Every report in exactly one cluster (singletons included), linking them in the given order."""
    linker = Linker(rules)
    for r in reports:
        linker.add(r)
    return list(linker.members.values())
