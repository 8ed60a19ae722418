"""Pair the tagger's cue, source and content spans into attribution relations.

A content goes to the cue it is syntactically tied to (the content's root hangs on the cue, or the cue is
parenthetical to the content: "..., she said"), else to the nearest cue in its paragraph with no other
cue in between, in the cue's own sentence unless it is quoted; a source to the cue whose subject or agent it
is, else to the nearest cue in its sentence. A cue left without content makes no relation; a source may
serve several cues ("X said A and added B"). Distances count tokens between the spans, so a quotation
interrupted by its cue ("“A,” he said, “B.”") gives the cue both fragments.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

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


def root_of(doc: Doc, s: int, e: int) -> Token:
    """The span's syntactic root: its first token whose head lies outside it (or is itself)."""
    for i in range(s, e):
        h = doc[i].head.i
        if h == i or not s <= h < e:
            return doc[i]
    return doc[s]


class _Spans:
    """Per span: its root's two nearest ancestors (for syntactic ties), computed once per article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.up: dict[TokSpan, tuple[int, ...]] = {}

    def ancestors(self, span: TokSpan) -> tuple[int, ...]:
        if span not in self.up:
            t, out = root_of(self.doc, *span), []
            for _ in range(2):
                if t.head.i == t.i:
                    break
                t = t.head
                out.append(t.i)
            self.up[span] = tuple(out)
        return self.up[span]

    def linked(self, a: TokSpan, b: TokSpan) -> bool:
        """One span's root hangs on the other span within two steps up the tree."""
        return any(b[0] <= i < b[1] for i in self.ancestors(a)) or any(a[0] <= i < a[1] for i in self.ancestors(b))


def _gap(a: TokSpan, b: TokSpan) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _overlaps(a: TokSpan, b: TokSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _paragraphs(p: Parsed) -> list[int]:
    """Token -> paragraph number (a paragraph ends at a line break)."""
    breaks = [i for i, ch in enumerate(p.text) if ch == "\n"] if "\n" in p.text else []
    if not breaks:
        return [0] * len(p.doc)
    starts = p.doc.to_array("IDX").tolist()
    return [bisect_left(breaks, s) for s in starts]


def pair(p: Parsed, cues: list[TokSpan], sources: list[TokSpan], contents: list[TokSpan],
         quotes: list[tuple[int, int]] = ()) -> list[Relation]:
    """Relations from role spans (token offsets), in cue order; cues without content are dropped.
    `quotes` are the article's quotation spans (characters): a quoted content may lie in another sentence."""
    doc, sent = p.doc, p.sent_of
    if not cues:
        return []
    cues = sorted(cues)
    starts = [c[0] for c in cues]
    para = _paragraphs(p)
    spans = _Spans(doc)
    rels = {c: Relation(c) for c in cues}

    def between(a: TokSpan, b: TokSpan) -> int:
        lo, hi = min(a[1], b[1]), max(a[0], b[0])
        return max(0, bisect_left(starts, hi) - bisect_left(starts, lo) - (1 if lo <= a[0] < hi else 0)
                   - (1 if lo <= b[0] < hi else 0))

    for ct in sorted(contents):
        quoted = any(qs <= doc[ct[0]].idx < qe for qs, qe in quotes)
        lo = bisect_left(starts, ct[0] - MAX_GAP - 40)
        best, best_cost = None, None
        for q in cues[lo:bisect_left(starts, ct[1] + MAX_GAP + 1)]:
            if _overlaps(q, ct):
                continue
            near, far = (q, ct) if q[0] < ct[0] else (ct, q)
            if para[near[1] - 1] != para[far[0]]:
                continue
            linked = spans.linked(q, ct)
            gap = _gap(q, ct)
            if gap > MAX_GAP and not linked:
                continue
            if sent[q[0]] != sent[ct[0]] and sent[q[0]] != sent[ct[1] - 1] and not quoted:
                continue  # reported speech crosses a sentence boundary only inside quotation marks
            cost = gap + CUE_BETWEEN * between(q, ct) + SENTENCE_STEP * abs(
                sent[q[0]] - sent[ct[0] if ct[0] > q[0] else ct[1] - 1]) - (LINK_BONUS if linked else 0)
            if best_cost is None or cost < best_cost:
                best, best_cost = q, cost
        if best is not None:
            rels[best].contents.append(ct)
    for src in sorted(sources):
        best, best_cost = None, None
        for q in cues[bisect_left(starts, src[0] - MAX_GAP):bisect_left(starts, src[1] + MAX_GAP)]:
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
