"""Announced actions are coded as what announcing them is (PLOVER practice).

A coded action that its actor *announces* rather than does becomes the speech act: "X will withdraw its
troops" / "X is ready to lift the ban" (a planned cooperative action, whoever reports it) is AGREE; an
actor's own announced hostile action ("they would attack") is THREATEN; a cooperative action its actor does *not* do ("failed to reach an
agreement", "will not meet the demands") is REJECT; an action a speaker says someone else *must* do ("X said
Y must hand over the suspects") is REQUEST from the speaker to Y, also when the verb itself is not in the
lexicon. Predictions by a third party ("the ministry said Russia will attack") and epistemic hedges
("is likely to") keep their type; they are only less certain (see factuality.py).
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import Actor
from .coder import Candidate, depth, subject, unit_of
from .factuality import own_modality
from .lexicon import Entry, word_list

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
THREAT_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations", "REJECT": "restrict",
               "PROTEST": "restrict", "COERCE": "restrict"}
COERCE_THREAT = {"curfew": "curfew", "martial-law": "martial-law", "ban": "restrict", "restrict": "restrict"}
MUST = Entry("must", "V", "REQUEST", None, (), frozenset({"obligation"}), 0)


def speaker_of(t: Token) -> tuple[Token, Token | None] | None:
    """The reporting verb whose reported clause holds `t`, and that verb's subject."""
    cur = t
    while cur.head.i != cur.i:
        head = cur.head
        if head.lemma_.lower() in word_list("reporting") and cur.dep_ in ("ccomp", "parataxis", "xcomp", "dobj", "advcl"):
            return head, next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        cur = head
    return None


def _actor_of(tok: Token | None, actors: Sequence[Actor]) -> Actor | None:
    if tok is None:
        return None
    t0, t1 = tok.idx, tok.idx + len(tok.text)
    return next((a for a in actors if a.start < t1 and t0 < a.end), None)


def _own_voice(source: Token | None, said: tuple[Token, Token | None] | None, actors: Sequence[Actor]) -> bool:
    """Does the actor announce its own action? (No speaker, a pronoun subject, or the same actor or country
    as the speaker: "Portugal will support ..., the Portuguese president said".)"""
    if said is None or source is None:
        return True
    speaker = said[1]
    if source.pos_ == "PRON" or (speaker is not None and source.lemma_.lower() == speaker.lemma_.lower()):
        return True
    a, b = _actor_of(source, actors), _actor_of(speaker, actors)
    return a is not None and b is not None and (a.name == b.name or (a.country_code is not None
                                                                      and a.country_code == b.country_code))


def _unless(t: Token) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in t.children)


def recode(cands: list[Candidate], sent: SpacySpan, actors: Sequence[Actor] = ()) -> list[Candidate]:
    """Recode announced and refused actions (module docstring); add REQUESTs for 'Y must ...' clauses.

    `actors` (from the actors stage) tell whether a speaker announces its own action."""
    for cand in cands:
        if cand.type in ("COERCE", "ASSAULT") and cand.source is not None and cand.source.lemma_.lower() in word_list("crowd"):
            cand.type, cand.mode = "PROTEST", "riot"   # "rioters torched cars": a violent demonstration
            continue
        mod = own_modality(cand.token, cand.unit)
        said = speaker_of(cand.token)
        if mod.negated_here and cand.type in COOPERATIVE:
            cand.type, cand.mode = "REJECT", None
        elif "obligation" in mod.kinds and said is not None and not _own_voice(cand.source, said, actors):
            cand.type, cand.mode = "REQUEST", None
            cand.source, cand.target, cand.others, cand.other_sources = said[1], cand.source, [], []
        elif mod.kinds & {"future", "volition"} and mod.certainty == "uncertain":
            own = _own_voice(cand.source, said, actors)
            if cand.type in COOPERATIVE and _unless(cand.token) and own:
                cand.type, cand.mode = "THREATEN", "relations"   # "will withdraw ... unless": a threat
            elif cand.type in COOPERATIVE:
                cand.type, cand.mode = "AGREE", None   # a planned cooperative act, whoever reports it
            elif cand.type in THREAT_MODE and own and cand.source is not None and mod.polarity == "positive":
                mode = COERCE_THREAT.get(cand.mode or "", "restrict") if cand.type == "COERCE" \
                    else THREAT_MODE[cand.type]
                cand.type, cand.mode = "THREATEN", mode
    taken = {c.token.i for c in cands}
    heads = {}                                  # verbs with a 'must'/'should' auxiliary, in sentence order
    for c in sent:
        if c.lower_ in ("must", "should") and c.dep_ == "aux" and c.tag_ == "MD" \
                and c.lemma_.lower() in ("must", "should") and sent.start <= c.head.i < sent.end:
            heads[c.head.i] = c.head
    for t in (heads[i] for i in sorted(heads)):
        if t.i in taken or t.pos_ not in ("VERB", "AUX"):
            continue
        said = speaker_of(t)
        src = subject(t)
        if said is None or _own_voice(src, said, actors):
            continue
        cands.append(Candidate(t, MUST, "REQUEST", None, said[1], src, depth(t), sent, tokens=[t],
                               unit=unit_of(sent, t.idx)))
    return cands
