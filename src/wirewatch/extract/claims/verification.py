"""The outlet's notes on its own reporting, the claims each covers, and disputes between the sides' claims.

A *verification note* is a sentence in which the outlet says what it could or could not check
("Reuters could not immediately verify ...", "... could not be independently confirmed", "Reuters has
independently verified ..."), a *correction note* one in which it corrects itself ("An earlier version of
this story misstated ..."); both are found with the patterns in `verification.tsv`. A match inside some
claim's content is that source's words ("the ministry said it could not confirm ..."), not the outlet's,
and is skipped, unless it is a passive aside hung on the content (", which could not be independently
verified"): then it is the outlet's note, and the claim's content ends before the aside.

Scope (which claims a note marks `unverified` / `verified` / `disputed`, recorded in `Claim.note`):
  * claims whose cue is in the note's own sentence ("X said 30 died, which could not be verified");
  * a note on "either side" / "both sides" / "the two sides": the claims of every party to the conflict,
    before and after the note, i.e. claims whose source actor has a `side` (an official or authority with
    none takes the side of the country its paragraph's places are in); a third party (British
    intelligence, the UN, a civilian) is not a side;
  * other notes whose sentence holds no claim: when they speak of claims in general (plural "claims",
    "reports", "figures", "accounts"), every claim since the previous note (or the start of the
    article); otherwise ("the claim", "the video", "it") the claims of the nearest earlier sentence that
    has any;
  * a correction: the earlier claims it speaks of (two content words in common, or their source named).
A claim keeps the first note that reached it, except that a note in its own sentence wins.

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

from ...model import Actor, Note, Place, Source
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
KEYWORDS = re.compile(r"verif|confirm|corroborat|authenticat|geolocat|correct|misstat|misidentif|clarif", re.I)
DENIALS = {"deny", "reject", "dismiss", "refute", "dispute", "contradict", "rebut", "denial"}
STOP = {"be", "have", "say", "do", "will", "would", "not", "that", "the", "a", "an", "of", "to", "in", "and"}
OFFICIAL = {"GOV", "MIL", "COP", "SPY", "LEG"}
KIND_OF = {"unverified": "verification", "verified": "verification", "disputed": "correction"}


@dataclass(frozen=True, slots=True)
class VerificationNote:
    note: Note
    status: str  # unverified | verified | disputed (a correction)
    sentence: int
    cut: int | None  # where an aside inside a claim's content starts (", which could not be verified")
    general: bool
    sides: bool
    match: tuple[int, int]  # the words that make it a note ("could not immediately verify")


def find_notes(p: Parsed, raws: Sequence[Raw]) -> list[VerificationNote]:
    """The outlet's verification and correction statements, one per sentence, in text order."""
    text = p.text
    hits: dict[int, tuple[str, int | None, tuple[int, int]]] = {}
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
                hits.setdefault(p.sent_of[tok[0].i], (status, cut, (m.start(), m.end())))
    out: list[VerificationNote] = []
    for k, i in enumerate(sorted(hits), start=1):
        sent = p.sentence(i)
        s, e = sent.start_char, sent.end_char
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        status, cut, match = hits[i]
        note = Note(kind=KIND_OF[status], text=text[s:e], start=s, end=e, id=f"n{k}")
        out.append(VerificationNote(note, status, i, cut, bool(GENERAL.search(text, s, e)),
                                    bool(SIDES.search(text, s, e)), match))
    return out


def _content_words(p: Parsed, span: tuple[int, int]) -> set[str]:
    toks = p.doc.char_span(*span, alignment_mode="expand") or []
    return {t.lemma_.lower() for t in toks if t.pos_ in ("NOUN", "PROPN", "VERB") and t.lemma_.lower() not in STOP}


def _rebuts(p: Parsed, raw: Raw) -> bool:
    if raw.cue_lemma in DENIALS:
        return True
    return rebuttal_patterns().search(p.text, *raw.content) is not None


def _side_of(p: Parsed, raw: Raw, source: Source | None, actors: dict[str, Actor], places: Sequence[Place],
             sides: set[str]) -> str | None:
    """The conflict side of a claim's source: its actor's, else (an official with no country) the side
    of the country its paragraph's places are in ("In Mykolaiv, ... Authorities said ...")."""
    actor = actors.get(source.actor) if source and source.actor else None
    if actor is None:
        return None
    if actor.side:
        return actor.side
    if actor.kind not in OFFICIAL or actor.country_code or p.is_person(actor.start, actor.end):
        return None  # only an unnamed official body ("authorities", "police") takes its places' side
    text = p.text
    lo = text.rfind("\n", 0, raw.cue[0]) + 1
    hi = text.find("\n", raw.cue[1])
    hi = len(text) if hi < 0 else hi
    countries = {pl.country_code for pl in places if lo <= pl.start and pl.end <= hi and pl.country_code
                 and not (pl.feature_code or "").startswith("PCL")}  # a town, not a country named as a target
    return countries.pop() if len(countries) == 1 and countries <= sides else None


def _scope(p: Parsed, vn: VerificationNote, raws: Sequence[Raw], sents: list[int], sided: list[bool],
           previous: int, sources: Sequence[Source | None]) -> list[int]:
    """Indices of the claims one note covers (see the module docstring)."""
    same = [k for k, s in enumerate(sents) if s == vn.sentence]
    if same:
        return same
    if vn.sides and any(sided):
        return [k for k, yes in enumerate(sided) if yes]
    if vn.status == "disputed":
        words = _content_words(p, (vn.note.start, vn.note.end))
        named = p.text[vn.note.start:vn.note.end].lower()
        return [k for k, r in enumerate(raws) if sents[k] < vn.sentence and (
            len(_content_words(p, r.content) & words) >= 2
            or (sources[k] is not None and sources[k].text.lower() in named))]
    if vn.general:
        return [k for k, s in enumerate(sents) if previous < s < vn.sentence]
    before = [s for s in sents if s < vn.sentence]
    return [k for k, s in enumerate(sents) if before and s == max(before)]


def verification_of(p: Parsed, raws: Sequence[Raw], sources: Sequence[Source | None],
                    notes: Sequence[VerificationNote], actors: Sequence[Actor], places: Sequence[Place] = ()
                    ) -> tuple[list[str | None], list[str | None]]:
    """(`verification`, id of the note that set it) for each attribution, in the order given."""
    sent_of = p.sent_of
    sents = [sent_of[r.cue_token] for r in raws]
    out: list[str | None] = [None] * len(raws)
    by: list[str | None] = [None] * len(raws)
    by_id = {a.id: a for a in actors}
    sides = {a.side for a in actors if a.side}
    sided = [_side_of(p, r, s, by_id, places, sides) is not None for r, s in zip(raws, sources)]
    previous = -1
    for vn in notes:
        own = {k for k, s in enumerate(sents) if s == vn.sentence}
        for k in _scope(p, vn, raws, sents, sided, previous, sources):
            if by[k] is None or k in own:
                out[k], by[k] = vn.status, vn.note.id
        if vn.status != "disputed":
            previous = vn.sentence
    name = {a.id: a.name for a in actors}
    side = {a.id: a.side for a in actors}
    key = [(name.get(s.actor or "") or s.text.lower()) if s else None for s in sources]
    words: dict[int, set[str]] = {}

    def shared(i: int, j: int) -> bool:
        for k in (i, j):
            if k not in words:
                words[k] = _content_words(p, raws[k].content)
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
                for k in (i, j):
                    if out[k] != "disputed":
                        out[k], by[k] = "disputed", None
                if rebut:
                    break  # a rebuttal answers the nearest earlier claim
    return out, by
