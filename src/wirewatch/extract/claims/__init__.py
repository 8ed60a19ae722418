"""The claims stage: who says what, how sure, and whether the outlet could verify it.

`find` runs after times, places, actors and figures. Two finders work side by side: the trained
attribution tagger (`tagger`, run once per batch by `prepare`; its spans paired by `learned`/`pairing`)
proposes relations, and the rules (`scan`/`attribution`: the dependency parse and the cue lexicons, with
direct quotations joined by `quotes`) check them; `combine` keeps from each side the role it does better.
Then `sources` links sources to actors and antecedents, `certainty` grades certainty and polarity, and
`verification` applies the outlet's notes and the disputes between the sides. See docs/claims.md.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from ...model import Claim, TimeExpr, span_of
from .. import Found, Stage
from .attribution import Raw, trim
from .boundaries import conventional
from .labels import colon_paragraphs, layout_attributions, with_colon_paragraphs, with_layout
from .certainty import assess
from .combine import Policy, combine
from .learned import proposals, tag
from .tagger import AttributionTagger, load_tagger
from .lexicon import silences
from .parsed import Parsed
from .quotes import inside, quote_spans
from .scan import find_attributions
from .sources import resolve_sources
from .verification import find_notes, verification_of

__all__ = ["find", "stage"]

MIN_QUOTE_WORDS = 4
MODEL_ENV = "WIREWATCH_CLAIMS_MODEL"  # a tagger directory to use instead of the shipped one, or "none"
POLICY = Policy()
SECOND_PERSON = {"you"}


def _with_quotes(doc: Doc, raws: list[Raw], quotes: list[tuple[int, int]]) -> list[Raw]:
    """Stretch contents to the whole quotation they sit in, and mark them direct.

    "“A. B,” she said" parses as said <- B only; the content becomes the whole quotation "“A. B,”".
    """
    out: list[Raw] = []
    for r in raws:
        cs, ce = r.content
        direct = r.direct
        for qs, qe in quotes:
            if qe <= cs or qs >= ce or (qs <= r.cue[0] < qe):
                continue
            if qs <= cs and ce <= qe:  # content inside the quotation
                cs, ce, direct = qs, qe, True
            elif qs < cs < qe and qe <= r.cue[0]:  # quotation starts before the content, ends before the cue
                cs = qs
            elif qs < ce < qe and qs >= r.cue[1]:
                ce = qe
        if (cs, ce) != r.content or direct != r.direct:
            r = Raw(r.cue, r.cue_token, r.source, r.source_token, (cs, ce), r.content_token, direct, r.cue_lemma,
                    r.cue_negated)
        out.append(r)
    return out


def _continuations(p: Parsed, raws: list[Raw], quotes: list[tuple[int, int]]) -> list[Raw]:
    """Quotations with no cue of their own that follow a speaker's quote: the same speaker goes on.

    “A,” he said. “B.” and “A,” he said, “B.” make B a claim of the same source and cue, until another
    claim intervenes.
    """
    text, doc = p.text, p.doc
    covered = [(r.content[0], r.content[1]) for r in raws] + [r.cue for r in raws]
    extra: list[Raw] = []
    ordered = sorted(raws, key=lambda r: r.content[0])
    for qs, qe in quotes:
        if any(s < qe and qs < e for s, e in covered) or len(text[qs:qe].split()) < MIN_QUOTE_WORDS:
            continue
        head = [r for r in ordered if r.direct and r.cue[0] >= qe and text[qe - 2:qe - 1] in ",?!—-" and not text[
            qe:min(r.cue[0], r.source[0] if r.source else r.cue[0])].strip(" ,—–-")]
        if head:  # “A,” she said, “B.”: the parse gave B to the cue, A is hers too
            last = head[0]
            extra.append(replace(last, content=(qs, qe), content_token=None, direct=True))
            covered.append((qs, qe))
            continue
        before = [r for r in ordered if max(r.content[1], r.cue[1]) <= qs]
        if not before:
            continue
        last = max(before, key=lambda r: max(r.content[1], r.cue[1]))
        gap = text[max(last.content[1], last.cue[1]):qs]
        if not last.direct or gap.count("\n") > 2 or len(gap) > 250 or ("\n" in gap and text[qs - 1] != "\n"):
            continue
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None or any(t.lemma_ in ("say", "tell") and not (qs <= t.idx < qe) and t.i != last.cue_token
                               for t in p.sent(span[0])):
            continue  # another speaker's cue in the quote's sentence: not a continuation
        extra.append(Raw(last.cue, last.cue_token, last.source, last.source_token, (qs, qe), None, True,
                         last.cue_lemma, last.cue_negated))
        covered.append((qs, qe))
    return extra


def _reported(p: Parsed, raw: Raw, quotes: list[tuple[int, int]]) -> bool:
    """Keep attributions the article makes, not ones inside a quoted speaker's words or by "you".

    "“I think we will win,” she said": the article reports her words; "I think" inside them is part of
    what she said, not a separate claim. "You" outside quotes is the reader addressed ("you might think
    ..."); a first-person writer outside quotes ("I told the judge that ...") does report, and is kept.
    """
    if inside(quotes, *raw.cue) is not None:
        return False
    if raw.source is not None and p.text[raw.source[0]:raw.source[1]].lower() in SECOND_PERSON:
        return False
    return True


def _within_paragraph(p: Parsed, raw: Raw, floor: int) -> Raw:
    """Keep content and source inside the cue's paragraph and after the dateline.

    The parser can run a headline or a dateline ("KYIV, March 30 (Reuters) -") into the first sentence;
    a quotation may span paragraphs, other content may not.
    """
    text = p.text
    lo = max(floor, text.rfind("\n", 0, raw.cue[0]) + 1)
    nl = text.find("\n", raw.cue[1])
    hi = len(text) if nl < 0 else nl

    def clip(span: tuple[int, int] | None, quoted: bool) -> tuple[int, int] | None:
        if span is None or quoted:
            return span
        s, e = max(span[0], lo), min(span[1], hi)
        return trim(text, s, e, strip_period=False) if e - s > 0 else None

    content = clip(raw.content, raw.direct)
    source = clip(raw.source, False)
    if content is None or content[1] - content[0] < 2:
        return raw
    return replace(raw, content=content, source=source, source_token=raw.source_token if source else None)


def _says_something(p: Parsed, raw: Raw) -> bool:
    """False for a cue that reports silence: "did not say whether", "made no mention of", "declined to
    comment", "said nothing" (`silences.tsv`)."""
    quiet = silences()
    if raw.cue_negated and raw.cue_lemma in quiet["negated"]:
        return False
    if p.text[raw.content[0]:raw.content[1]].lower().strip(" .") in quiet["content"]:
        return False  # "said nothing"
    if raw.cue_lemma in ("decline", "refuse") and raw.content_token is not None:
        return p.doc[raw.content_token].lemma_.lower() not in quiet["refused"]
    return True


def _nested_intention(raws: list[Raw], raw: Raw, p: Parsed) -> bool:
    """An intention or stance inside another claim's content ("[the leaders agreed to keep pushing ...], a
    spokesperson said") is part of what that source reported, not a claim of its own; reported speech
    inside it ("Interfax said [the military accused X of ...]") is one."""
    if raw.content_token is None or p.doc[raw.content_token].dep_ not in ("xcomp", "pobj", "pcomp"):
        return False
    return any(o is not raw and o.content[0] <= raw.cue[0] < o.content[1] for o in raws)


def _dedupe(raws: list[Raw]) -> list[Raw]:
    """One attribution per cue start: the first rule that fired wins."""
    seen: set[tuple[int, int]] = set()
    out = []
    for r in raws:
        if (r.cue, r.content) in seen:
            continue
        seen.add((r.cue, r.content))
        out.append(r)
    return out


def _dateline_end(text: str, dateline: str | None) -> int:
    """Where the dateline ends, when the text opens with it (0 otherwise)."""
    if not dateline:
        return 0
    at = text.find(dateline, 0, 400)
    return at + len(dateline) if at >= 0 and not text[:at].strip() else 0


def _time_of(raw: Raw, times: tuple[TimeExpr, ...], sent: tuple[int, int]) -> str | None:
    """A time expression in the cue's sentence that is neither in the content nor in the source."""
    best: tuple[int, str] | None = None
    for t in times:
        if not (sent[0] <= t.start and t.end <= sent[1]):
            continue
        if raw.content[0] < t.end and t.start < raw.content[1]:
            continue
        if raw.source and raw.source[0] < t.end and t.start < raw.source[1]:
            continue
        dist = abs(t.start - raw.cue[1])
        if best is None or dist < best[0]:
            best = (dist, t.id)
    return best[1] if best else None


def find(doc: Doc, found: Found) -> dict[str, Any]:
    text = found.text
    p = Parsed.of(doc, text)
    quotes = quote_spans(text)
    floor = _dateline_end(text, found.article.dateline)
    tagger, policy = _tagger(), _policy()
    props, cue_prob = proposals(p, tagger, quotes, policy.cue_weight) if tagger is not None else ([], None)
    skip = policy.rules_min if policy.rules_only == "checked" and cue_prob is not None and len(cue_prob) else 0.0
    raws = [_within_paragraph(p, r, floor) for r in find_attributions(p, quotes, cue_prob, skip)
            if _reported(p, r, quotes)]
    raws = _dedupe(_with_quotes(doc, raws, quotes))
    raws = sorted(raws + _continuations(p, raws, quotes), key=lambda r: (r.cue[0], r.content[0]))
    if tagger is not None:
        raws = combine(p, raws, props, quotes, policy, found.actors, cue_prob)
        raws = [_within_paragraph(p, r, floor) for r in raws if _reported(p, r, quotes)]
    raws = with_layout(raws, [r for r in layout_attributions(p, quotes) if r.cue[0] >= floor])
    raws = with_colon_paragraphs(raws, [r for r in colon_paragraphs(p) if r.cue[0] >= floor])
    raws = [r for r in raws if _says_something(p, r) and not _nested_intention(raws, r, p)]
    raws = conventional(p, raws)
    notes = find_notes(p, raws)
    raws = [r for r in raws if not any(vn.match[0] < r.cue[1] and r.cue[0] < vn.match[1] for vn in notes)]
    sources = resolve_sources(p, raws, found.actors)  # ("Reuters could not verify X" is a note, not a claim)
    for vn in notes:
        if vn.cut is not None:
            raws = [replace(r, content=trim(text, r.content[0], vn.cut)) if r.content[0] < vn.cut < r.content[1]
                    else r for r in raws]
    verification, covering = verification_of(p, raws, sources, notes, found.actors, found.places)
    claims: list[Claim] = []
    for k, (raw, source, ver, note) in enumerate(zip(raws, sources, verification, covering), start=1):
        certainty, polarity, cues = assess(p, raw)
        sent = p.sentence(p.sent_of[raw.cue_token])
        claims.append(Claim(
            id=f"c{k}",
            source=source,
            cue=span_of(text, *raw.cue),
            content=span_of(text, *raw.content),
            direct_quote=raw.direct,
            certainty=certainty,
            polarity=polarity,
            verification=ver,
            time=_time_of(raw, found.times, (sent.start_char, sent.end_char)),
            modality_cues=[span_of(text, s, e) for s, e in cues],
            note=note,
        ))
    return {"claims": claims, "notes": [vn.note for vn in notes]}


def _tagger() -> AttributionTagger | None:
    """The tagger this process uses: the shipped one, another directory named by `WIREWATCH_CLAIMS_MODEL`,
    or none ("none": the rules alone, e.g. to compare)."""
    where = os.environ.get(MODEL_ENV, "").strip()
    if where.lower() == "none":
        return None
    return load_tagger(where or None)


def _policy() -> Policy:
    return Policy.from_env() if os.environ.get("WW_POLICY") else POLICY


def prepare(docs: list[Doc]) -> None:
    """The tagger over a whole batch of parsed articles at once (see `learned.tag`)."""
    tag(docs, _tagger(), _policy().cue_weight)


stage = Stage(name="claims", fn=find, requires=("places", "actors", "times"), assigns=("claims", "notes"),
              prepare=prepare)
