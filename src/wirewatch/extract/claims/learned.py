"""What the learned tagger proposes in one article: its cue, source and content spans, paired.

The tagger (`tagger.py`) labels cue, source and content tokens; `pairing.pair` ties them into relations.
A proposal keeps token spans and the tagger's confidence in its cue; `combine.py` checks it against the
rules and the parse and turns it into the rules' `Raw` form.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from .pairing import pair
from .parsed import Parsed
from .tagger import AttributionTagger, decode

__all__ = ["TAGGED", "Proposal", "char_span", "proposals", "tag"]


@dataclass(frozen=True, slots=True)
class Proposal:
    """One relation the tagger found; spans are token offsets [start, end)."""

    cue: tuple[int, int]
    cue_root: int
    source: tuple[int, int] | None
    contents: tuple[tuple[int, int], ...]  # text order; more than one when a quote is interrupted by its cue
    confidence: float  # mean probability of the cue's tags


def char_span(doc: Doc, s: int, e: int) -> tuple[int, int]:
    last = doc[e - 1]
    return doc[s].idx, last.idx + len(last.text)


def _merge(contents: list[tuple[int, int]], blockers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments of one content with nothing but untagged tokens between them are one content."""
    out: list[tuple[int, int]] = []
    for c in sorted(contents):
        if out and not any(out[-1][1] <= b[0] and b[1] <= c[0] for b in blockers):
            out[-1] = (out[-1][0], c[1])
        else:
            out.append(c)
    return out


def _strip_space(doc: Doc, s: int, e: int) -> tuple[int, int]:
    while s < e and doc[s].is_space:
        s += 1
    while e > s and doc[e - 1].is_space:
        e -= 1
    return s, e


TAGGED = "ww_attribution"  # doc.user_data: (role spans, cue probability per token), set by `tag` per batch


def tag(docs: list[Doc], tagger: AttributionTagger | None, cue_weight: float = 1.0) -> None:
    """Run the tagger over a batch of parsed Docs at once and decode its tags (one call and one decoding for
    the batch: the per-call cost is paid once per batch, not per article); each Doc keeps its role spans
    and every token's probability of being in a cue in `doc.user_data`."""
    ready = [d for d in docs if len(d) and d.tensor.size]
    if tagger is None or not ready:
        return
    probs = tagger.predict(ready)
    lengths = [len(d) for d in ready]
    flat = np.concatenate(probs)
    cue_prob = np.split(flat[:, 1] + flat[:, 2], np.cumsum(lengths)[:-1])
    for d, spans, cp in zip(ready, decode(flat, lengths, cue_weight), cue_prob):
        d.user_data[TAGGED] = (spans, cp)


def proposals(p: Parsed, tagger: AttributionTagger | None, quotes: list[tuple[int, int]] = (),
              cue_weight: float = 1.0) -> tuple[list[Proposal], np.ndarray]:
    """The tagger's relations in this Doc, in cue order, and each token's probability of being in a cue
    (nothing without a tagger, or when the Doc has no tok2vec tensor)."""
    doc = p.doc
    if TAGGED not in doc.user_data:
        tag([doc], tagger, cue_weight)
    tagged = doc.user_data.get(TAGGED)
    if tagged is None or len(tagged[1]) != len(doc):
        return [], np.zeros(len(doc), dtype="float32")
    spans, cue_prob = tagged
    by_role: dict[str, list[tuple[int, int]]] = {"CUE": [], "SOURCE": [], "CONTENT": []}
    confidence: dict[tuple[int, int], float] = {}
    for role, s, e, conf in spans:
        s, e = _strip_space(doc, s, e)
        if s < e:
            by_role[role].append((s, e))
            confidence[(s, e)] = conf
    blockers = sorted(by_role["CUE"] + by_role["SOURCE"])
    out = []
    for rel in pair(p, by_role["CUE"], by_role["SOURCE"], by_role["CONTENT"], quotes):
        out.append(Proposal(rel.cue, p.root(*rel.cue), rel.source, tuple(_merge(rel.contents, blockers)),
                            confidence.get(rel.cue, 0.0)))
    return out, cue_prob
