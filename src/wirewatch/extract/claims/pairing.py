"""Pair the tagger's cue, source and content spans into attribution relations.

A content goes to the cue it is syntactically tied to (the content's root hangs on the cue, or the cue is
parenthetical to the content: "..., she said"), else to the nearest cue in its paragraph with no other
cue in between, in the cue's own sentence unless it is quoted; a source to the cue whose subject or agent it
is, else to the nearest cue in its sentence. A cue left without content makes no relation; a source may
serve several cues ("X said A and added B"). Distances count tokens between the spans, so a quotation
interrupted by its cue ("“A,” he said, “B.”") gives the cue both fragments.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Token

from .parsed import Parsed

__all__ = ["Relation", "pair", "root_of"]

MAX_GAP = 60          # tokens between a content and its cue, when nothing ties them in the parse
LINK_BONUS = 40       # a syntactic tie between the spans counts like this many tokens of distance
CUE_BETWEEN = 100     # another cue between the spans
SENTENCE_STEP = 15    # each sentence boundary crossed

TokSpan = tuple[int, int]


@dataclass
class Relation:
    """Token spans [start, end) of one attribution; contents in text order (an interrupted quote has two)."""

    cue: TokSpan
    source: TokSpan | None = None
    contents: list[TokSpan] = field(default_factory=list)


def root_of(p: Parsed, s: int, e: int) -> Token:
    """The span's syntactic root: its first (non-punctuation) token whose head lies outside it."""
    return p.doc[p.root(s, e)]


class _Spans:
    """Per span: its root's two nearest ancestors (for syntactic ties), computed once per article."""

    def __init__(self, p: Parsed) -> None:
        self.heads = p.heads
        self.p = p
        self.up: dict[TokSpan, tuple[int, ...]] = {}

    def ancestors(self, span: TokSpan) -> tuple[int, ...]:
        if span not in self.up:
            i, out = self.p.root(*span), []
            for _ in range(2):
                h = int(self.heads[i])
                if h == i:
                    break
                out.append(h)
                i = h
            self.up[span] = tuple(out)
        return self.up[span]

    def linked(self, a: TokSpan, b: TokSpan) -> bool:
        """One span's root hangs on the other span within two steps up the tree."""
        return any(b[0] <= i < b[1] for i in self.ancestors(a)) or any(a[0] <= i < a[1] for i in self.ancestors(b))


def _gap(a: TokSpan, b: TokSpan) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _overlaps(a: TokSpan, b: TokSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_NEWLINE = re.compile("\n")


def _paragraph_of(p: Parsed):
    """Token index -> paragraph number (paragraphs end at line breaks), looked up on demand."""
    breaks = [m.start() for m in _NEWLINE.finditer(p.text)]  # a regex scan, not a Python loop per character
    starts = p.starts
    return lambda i: bisect_left(breaks, starts[i]) if breaks else 0


def pair(p: Parsed, cues: list[TokSpan], sources: list[TokSpan], contents: list[TokSpan],
         quotes: list[tuple[int, int]] = ()) -> list[Relation]:
    """Relations from role spans (token offsets), in cue order; cues without content are dropped.
    `quotes` are the article's quotation spans (characters): a quoted content may lie in another sentence."""
    sent = p.sent_of
    if not cues:
        return []
    cues = sorted(cues)
    starts = [c[0] for c in cues]
    para = _paragraph_of(p)
    spans = _Spans(p)
    rels = {c: Relation(c) for c in cues}

    def between(a: TokSpan, b: TokSpan) -> int:
        lo, hi = min(a[1], b[1]), max(a[0], b[0])
        return max(0, bisect_left(starts, hi) - bisect_left(starts, lo) - (1 if lo <= a[0] < hi else 0)
                   - (1 if lo <= b[0] < hi else 0))

    for ct in sorted(contents):
        quoted = any(qs <= p.starts[ct[0]] < qe for qs, qe in quotes)
        if quoted:
            lo, hi = bisect_left(starts, ct[0] - MAX_GAP - 40), bisect_left(starts, ct[1] + MAX_GAP + 1)
        else:  # only the cues of the sentences the content touches
            lo = bisect_left(starts, p.bounds[sent[ct[0]]][0])
            hi = bisect_left(starts, p.bounds[sent[ct[1] - 1]][1])
        best, best_cost = None, None
        for q in cues[lo:hi]:
            if _overlaps(q, ct):
                continue
            if sent[q[0]] != sent[ct[0]] and sent[q[0]] != sent[ct[1] - 1] and not quoted:
                continue  # reported speech crosses a sentence boundary only inside quotation marks
            near, far = (q, ct) if q[0] < ct[0] else (ct, q)
            if para(near[1] - 1) != para(far[0]):
                continue
            linked = spans.linked(q, ct)
            gap = _gap(q, ct)
            if gap > MAX_GAP and not linked:
                continue
            cost = gap + CUE_BETWEEN * between(q, ct) + SENTENCE_STEP * abs(
                sent[q[0]] - sent[ct[0] if ct[0] > q[0] else ct[1] - 1]) - (LINK_BONUS if linked else 0)
            if best_cost is None or cost < best_cost:
                best, best_cost = q, cost
        if best is not None:
            rels[best].contents.append(ct)
    for src in sorted(sources):
        best, best_cost = None, None
        a, b = p.bounds[sent[src[0]]]
        for q in cues[bisect_left(starts, a):bisect_left(starts, b)]:  # the cues of its sentence
            rel = rels[q]
            if not rel.contents or sent[q[0]] != sent[src[0]] or _overlaps(q, src) or any(
                    _overlaps(src, c) for c in rel.contents):
                continue
            cost = _gap(q, src) + CUE_BETWEEN * between(q, src) - (LINK_BONUS if spans.linked(q, src) else 0)
            if best_cost is None or cost < best_cost:
                best, best_cost = q, cost
        if best is not None:
            rel = rels[best]
            if rel.source is None or _gap(best, src) < _gap(best, rel.source):
                rel.source = src
    return [r for r in rels.values() if r.contents]
