"""Which event leads, and which coded triggers are restatements of an event reported just before.

An article's events are listed main event first, then in text order. The main event is the most salient
event (shallowest trigger) of the lead: the first sentence of the body (after the dateline, if any) that has
an event. This is the event a headline or lead would report; PLOVER-style single sentences reduce to
"the sentence's primary event".
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span as SpacySpan

from ...model import Article
from .coder import Candidate, subject


def body_start(text: str, article: Article) -> int:
    """Offset where the body starts: just after the dateline when the text has one, else 0."""
    if article.dateline:
        at = text.find(article.dateline)
        if at >= 0:
            return at + len(article.dateline)
    return 0


def fold_casualties(cands: list[Candidate], sents: Sequence[SpacySpan], text: str) -> tuple[list[Candidate],
                                                                                            dict[int, int]]:
    """Drop 'X people were killed' triggers with no agent that follow an assault reported in the one or two
    sentences before (same paragraph): they report that assault's toll. Returns the kept candidates and, for
    each dropped one, the index (in the kept list) of the assault it belongs to."""
    kept: list[Candidate] = []
    into: dict[int, int] = {}
    sent_index = {s.start: i for i, s in enumerate(sents)}
    for k, cand in enumerate(cands):
        if cand.type == "ASSAULT" and cand.casualty and subject(cand.token) is None:
            here = sent_index.get(cand.sent.start, -1)
            host = None
            for j in range(len(kept) - 1, -1, -1):
                prev = kept[j]
                there = sent_index.get(prev.sent.start, -1)
                if prev.type != "ASSAULT" or not (1 <= here - there <= 2):
                    continue
                if "\n\n" in text[prev.sent.end_char:cand.sent.start_char]:
                    break
                host = j
                break
            if host is not None:
                kept[host].merged.append(cand.token)
                into[k] = host
                continue
        kept.append(cand)
    return kept, into


def main_first(cands: Sequence[Candidate], start: int) -> list[int]:
    """Indices of `cands` (in text order) with the main event moved to the front."""
    order = sorted(range(len(cands)), key=lambda k: (cands[k].token.idx))
    if not order:
        return order
    lead = [k for k in order if cands[k].unit[1] > start]
    if not lead:
        return order
    first_unit = min(cands[k].unit for k in lead)
    in_lead = [k for k in lead if cands[k].unit == first_unit]
    main = min(in_lead, key=lambda k: (cands[k].depth, cands[k].token.i))
    return [main] + [k for k in order if k != main]
