"""Which happening leads: the main happening first, then the others in the order the text first tells them.

The main happening is the one the lead tells most saliently: the lead is the first sentence of the body
(after the dateline, if any) with a mention, or with a mention of a happening that occurred when the first
tells only plans and conditions; its shallowest mention (the clause a reporting verb introduces counts as
the root) belongs to the main happening. For single sentences this is the sentence's primary event.
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

    The lead sentence's most salient happening leads, whatever its status (a sentence's main event is its
    main verb: "X threatened to strike"). When the lead tells nothing that happened ("X will host the
    ceremony", "Y could face charges") and a later sentence does, the first such sentence gives the main
    happening instead: the main event is what an analyst codes, and what reports of one incident are
    linked by."""
    order = list(range(len(happenings)))
    mentions = [(k, m) for k in order for m in happenings[k].mentions if m.unit[1] > start]
    if not mentions:
        return order
    occurred = [(k, m) for k, m in mentions if happenings[k].lead.status == "occurred"]
    first_unit = min(m.unit for _, m in mentions)
    if occurred and not any(m.unit == first_unit for _, m in occurred):
        mentions, first_unit = occurred, min(m.unit for _, m in occurred)
    in_lead = [(k, m) for k, m in mentions if m.unit == first_unit]
    main = min(in_lead, key=lambda km: (km[1].depth, km[1].token.i))[0]
    return [main] + [k for k in order if k != main]
