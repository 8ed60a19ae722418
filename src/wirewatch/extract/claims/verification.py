"""Verification notes and the claims in their scope; disputes between the two sides' claims.

A *verification note* is a sentence in which the outlet says what it could or could not check
("Reuters could not immediately verify ...", "... could not be independently confirmed", "verified by
Reuters"), found with the patterns in `verification.tsv`. A match inside some claim's content is that source's
words ("the ministry said it could not confirm ..."), not the outlet's, and is skipped, unless it is a
passive aside hung on the content (", which could not be independently verified"): then it is the
outlet's note, and the claim's content ends before the aside.

Scope rule (which claims a note marks `unverified` / `verified`):
  * claims whose cue is in the note's own sentence ("X said 30 died, which could not be verified");
  * if the note's sentence holds no claim: when it speaks of claims in general (plural "claims",
    "reports", "figures", "accounts", or "either side" / "both sides"), every claim since the previous
    verification note (or the start of the article); otherwise ("the claim", "the video", "it") the claims
    of the nearest earlier sentence that has any;
  * "either side" / "both sides": when actors carry a `side`, only claims whose source actor has one.
A note never reaches forward: claims after it are outside its scope.

Dispute rule: a claim is `disputed` when a claim by another source within the next two sentences rebuts
it, i.e. has a denial cue (deny, reject, dismiss, refute, dispute, contradict, rebut) or a rebuttal word
(`disputes.tsv`: "false", "baseless", "no legal basis", ...); both get `disputed`. When both sources'
actors carry different `side`s, the same holds for claims that share two content words (nouns, names,
verbs). Sources are compared by actor name, so "the minister" and "Fomin" are one source. `disputed` wins over
`unverified`/`verified` (a disputed claim is, by definition, not settled by the outlet either).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence


from ...model import Actor, Note, Source
from .attribution import Raw
from .lexicon import rebuttal_patterns, verification_patterns
from .parsed import Parsed

__all__ = ["VerificationNote", "find_notes", "verification_of"]

GENERAL = re.compile(r"\b(claims|reports|figures|accounts|allegations|statements|numbers|either side|both sides|"
                     r"either party|both parties|the two sides|these|details)\b", re.I)
SIDES = re.compile(r"\b(either|both|the two) (side|sides|part(y|ies))\b", re.I)
ASIDE = re.compile(r",?\s*(which|a claim that|a figure that|something that|that)\s+$|,\s*(which|a \w+ that)\s+",
                   re.I)
PASSIVE = re.compile(r"\w+\s+(not\s+|n't\s+)?(yet\s+)?be(en)?\s+|\w+n't\s+be\s+", re.I)
KEYWORDS = re.compile(r"verif|confirm|corroborat|authenticat|geolocat", re.I)
DENIALS = {"deny", "reject", "dismiss", "refute", "dispute", "contradict", "rebut", "denial"}
STOP = {"be", "have", "say", "do", "will", "would", "not", "that", "the", "a", "an", "of", "to", "in", "and"}


@dataclass(frozen=True, slots=True)
class VerificationNote:
    note: Note
    status: str  # unverified | verified
    sentence: int
    cut: int | None  # where an aside inside a claim's content starts (", which could not be verified")
    general: bool
    sides: bool


def find_notes(p: Parsed, raws: Sequence[Raw]) -> list[VerificationNote]:
    """The outlet's verification statements, one per sentence, in text order."""
    text = p.text
    hits: dict[int, tuple[str, int | None]] = {}
    if not KEYWORDS.search(text):
        return []
    for status, pattern in verification_patterns():
        for m in pattern.finditer(text):
            cut = None
            if any(r.content[0] <= m.start() < r.content[1] for r in raws):
                aside = ASIDE.search(text, max(0, m.start() - 40), m.start() + 1)
                if aside is None or not PASSIVE.match(text, m.start()):
                    continue  # the source's own words ("it could not confirm ..."), not the outlet's
                cut = aside.start()
            tok = p.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if tok is not None and len(tok):
                hits.setdefault(p.sent_of[tok[0].i], (status, cut))
    out: list[VerificationNote] = []
    for i in sorted(hits):
        sent = p.sentence(i)
        s, e = sent.start_char, sent.end_char
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        note = Note(kind="verification", text=text[s:e], start=s, end=e)
        status, cut = hits[i]
        out.append(VerificationNote(note, status, i, cut, bool(GENERAL.search(text, s, e)),
                                    bool(SIDES.search(text, s, e))))
    return out


def _content_words(p: Parsed, raw: Raw) -> set[str]:
    span = p.doc.char_span(*raw.content, alignment_mode="expand") or []
    return {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "PROPN", "VERB") and t.lemma_.lower() not in STOP}


def _rebuts(p: Parsed, raw: Raw) -> bool:
    if raw.cue_lemma in DENIALS:
        return True
    return rebuttal_patterns().search(p.text, *raw.content) is not None


def verification_of(p: Parsed, raws: Sequence[Raw], sources: Sequence[Source | None], notes: Sequence[VerificationNote],
                    actors: Sequence[Actor]) -> list[str | None]:
    """`verification` for each attribution (same order): unverified | verified | disputed | None."""
    sent_of = p.sent_of
    sents = [sent_of[r.cue_token] for r in raws]
    out: list[str | None] = [None] * len(raws)
    side = {a.id: a.side for a in actors}
    previous_note = -1
    for vn in notes:
        same = [k for k, s in enumerate(sents) if s == vn.sentence]
        if same:
            scope = same
        elif vn.general:
            scope = [k for k, s in enumerate(sents) if previous_note < s < vn.sentence]
        else:
            before = [s for s in sents if s < vn.sentence]
            scope = [k for k, s in enumerate(sents) if before and s == max(before)]
        if vn.sides:
            sided = [k for k in scope if sources[k] and sources[k].actor and side.get(sources[k].actor)]
            scope = sided or scope
        for k in scope:
            out[k] = vn.status
        previous_note = vn.sentence
    name = {a.id: a.name for a in actors}
    key = [(name.get(s.actor or "") or s.text.lower()) if s else None for s in sources]
    words: dict[int, set[str]] = {}

    def shared(i: int, j: int) -> bool:
        for k in (i, j):
            if k not in words:
                words[k] = _content_words(p, raws[k])
        return len(words[i] & words[j]) >= 2

    for j, rj in enumerate(raws):
        rebut = _rebuts(p, rj)
        for i in reversed(range(j)):
            if key[i] is None or key[j] is None or key[i] == key[j] or not 0 <= sents[j] - sents[i] <= 2:
                continue
            if raws[i].content[0] <= rj.cue[0] < raws[i].content[1] or rj.content[0] <= raws[i].cue[0] < rj.content[1]:
                continue  # one is nested in the other's content: reported, not opposed
            si = side.get(sources[i].actor) if sources[i] and sources[i].actor else None
            sj = side.get(sources[j].actor) if sources[j] and sources[j].actor else None
            opposed = si is not None and sj is not None and si != sj
            if rebut or (opposed and shared(i, j)):
                out[i] = out[j] = "disputed"
                if rebut:
                    break  # a rebuttal answers the nearest earlier claim
    return out
