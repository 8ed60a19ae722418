"""Claims repeated across outlets: near-identical content in different articles (docs/linking.md).

Two claims repeat each other when their content words (lower-cased, 3+ letters, minus stop words) have a
Jaccard similarity of at least `LinkRules.claim_similarity`, they come from different articles, and their
days are at most 3 apart. Groups are closed under repetition; `repeat_sources` counts distinct outlets.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from .events import LinkRules

STOP = frozenset("the and that was were has have had for with from this said says not but are its his her their "
                 "they them been will would could into than then there also about after over".split())


@dataclass(frozen=True)
class ClaimRef:
    uid: str
    article_id: str
    outlet: str | None
    day: dt.date | None
    content: str


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2 and w not in STOP)


def repeat_groups(claims: list[ClaimRef], rules: LinkRules = LinkRules()) -> dict[str, tuple[str, int]]:
    """uid -> (repeat_id, number of distinct outlets) for claims repeated in at least two articles."""
    bags = [words(c.content) for c in claims]
    index: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(bags):
        for w in bag:
            index[w].append(i)
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, bag in enumerate(bags):
        if len(bag) < 3:
            continue
        shared: dict[int, int] = defaultdict(int)
        for w in bag:
            postings = index[w]
            if len(postings) > 2000:  # a word in everything tells nothing
                continue
            for j in postings:
                if j > i:
                    shared[j] += 1
        for j, n in shared.items():
            a, b = claims[i], claims[j]
            if a.article_id == b.article_id or n < 3:
                continue
            if a.day and b.day and abs((a.day - b.day).days) > 3:
                continue
            if n / len(bag | bags[j]) >= rules.claim_similarity:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        groups[find(i)].append(i)
    out: dict[str, tuple[str, int]] = {}
    for members in groups.values():
        if len({claims[i].article_id for i in members}) < 2:
            continue
        rid = "r" + hashlib.sha1(min(claims[i].uid for i in members).encode("utf-8")).hexdigest()[:12]
        outlets = {(claims[i].outlet or f"article {claims[i].article_id}").casefold() for i in members}
        for i in members:
            out[claims[i].uid] = (rid, len(outlets))
    return out
