"""Which happening leads: the main happening first, then the others in the order the text first tells them.

The main happening is the one the lead tells most saliently, among those that occurred when there are any:
the lead is the first sentence of the body (after the dateline, if any) with a mention of one; its shallowest
mention (the clause a reporting verb introduces counts as the root) belongs to the main happening. For single sentences this is the sentence's primary event.
"""

from __future__ import annotations

from typing import Sequence

from ...model import Article
from .happenings import Happening

__all__ = ["body_start", "main_first"]


def body_start(text: str, article: Article) -> int:
    """Offset where the body starts: just after the dateline when the text has one, else 0."""
    if article.dateline:
        at = text.find(article.dateline)
        if at >= 0:
            return at + len(article.dateline)
    return 0


def main_first(happenings: Sequence[Happening], start: int) -> list[int]:
    """Indices of `happenings` (in order of first mention) with the main happening moved to the front.

    The main happening is one that occurred when the article tells any: a lead such as "X will host the
    ceremony" or "Y could face charges" leads only an article that tells nothing that happened, since the
    main event is what an analyst codes and what reports of one incident are linked by."""
    order = list(range(len(happenings)))
    occurred = [k for k in order if happenings[k].lead.status == "occurred"]
    for pool in (occurred, order):
        mentions = [(k, m) for k in pool for m in happenings[k].mentions if m.unit[1] > start]
        if mentions:
            first_unit = min(m.unit for _, m in mentions)
            in_lead = [(k, m) for k, m in mentions if m.unit == first_unit]
            main = min(in_lead, key=lambda km: (km[1].depth, km[1].token.i))[0]
            return [main] + [k for k in order if k != main]
    return order
