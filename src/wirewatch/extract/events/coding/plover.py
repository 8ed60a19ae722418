"""Coding a mention in PLOVER (type and mode) and CAMEO (root code).

The lexicon gives the type; the mode is the row's, else the first cue of `data/events/modes.tsv` in the
trigger's own phrase and its subject ("a *missile* blasted a hole" -> shelling). Announced actions are coded
as what announcing them is (PLOVER practice): an actor's own announced hostile action is THREATEN ("they would
attack"), a planned cooperative action is AGREE (express intent: "X will withdraw its troops"), a cooperative
action not done is REJECT ("failed to reach an agreement"), and "X said Y must ..." is a REQUEST from X to Y,
whatever Y's verb. Predictions by a third party keep their type; their status says they have not happened.
Rioters' violence is PROTEST riot. The CAMEO root comes from the one mapping table (`mapping.tsv`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from spacy.tokens import Doc, Token

from ....model import Actor
from ... import tokens_of
from ..lexicon import Entry, _read, _rows, load_mode_cues, word_list
from ..mentions import Mention, modal_words
from ..syntax import CLAUSE_DEPS, depth, speaker_of, subject, unit_of

__all__ = ["cameo_of", "code_modes", "recode"]

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
THREAT_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations", "REJECT": "restrict",
               "PROTEST": "restrict", "COERCE": "restrict"}
COERCE_THREAT = {"curfew": "curfew", "martial-law": "martial-law", "ban": "restrict", "restrict": "restrict"}
MUST = Entry("must", "V", "REQUEST", None, (), frozenset({"obligation"}), 0)


@dataclass(frozen=True, slots=True)
class Cameo:
    code: str | None
    name: str | None


@lru_cache(maxsize=1)
def _cameo_table() -> dict[tuple[str, str], Cameo]:
    table: dict[tuple[str, str], Cameo] = {}
    for _, (type_, mode, code, name) in _rows(_read("cameo.tsv"), 4, "cameo.tsv"):
        table[(type_, mode)] = Cameo(None if code == "-" else code, None if name == "-" else name)
    return table


def cameo_of(type_: str, mode: str | None) -> Cameo:
    """The CAMEO root of a PLOVER type and mode (the type's `*` row for a mode without its own)."""
    table = _cameo_table()
    return table.get((type_, mode or "*")) or table.get((type_, "*")) or Cameo(None, None)


def _lemmas(tokens) -> set[str]:
    return {x.lemma_.lower() for x in tokens} | {x.lower_ for x in tokens}


def _cue_scope(t: Token, type_: str, source: Token | None) -> list[Token]:
    """Words that may name the mode: the trigger's own phrase (embedded clauses only for THREATEN)."""
    if type_ == "THREATEN":
        scope = list(t.subtree)
    else:
        scope = [t]
        for c in t.children:
            if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("conj", "cc"):
                scope.extend(c.subtree)
    if source is not None:
        scope.extend(source.subtree)
    return scope


def code_modes(m: Mention) -> None:
    """Set the mention's mode from its row, else from the cue words of its phrase."""
    cues = load_mode_cues().get(m.type)
    if m.mode or not cues:
        return
    words = _lemmas(_cue_scope(m.token, m.type, m.source))
    for lemma, mode in cues:
        if lemma in words:
            m.mode = mode
            return


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


def recode(mentions: list[Mention], doc: Doc, actors: Sequence[Actor] = ()) -> list[Mention]:
    """Recode announced and refused actions (module docstring); add the REQUESTs of 'Y must ...' clauses.

    Needs the mentions' roles and status (the kinds of modality cue above them)."""
    crowd = word_list("crowd")
    for m in mentions:
        if m.type in ("COERCE", "ASSAULT") and m.source is not None and m.source.lemma_.lower() in crowd:
            m.type, m.mode = "PROTEST", "riot"   # "rioters torched cars": a violent demonstration
            continue
        said = speaker_of(m.token)
        if m.negated_here and m.type in COOPERATIVE:
            m.type, m.mode = "REJECT", None
        elif "obligation" in m.kinds and said is not None and not _own_voice(m.source, said, actors):
            m.type, m.mode, m.status = "REQUEST", None, "occurred"   # the demand was made
            m.source, m.target, m.others, m.other_sources = said[1], m.source, [], []
        elif m.kinds & {"future", "volition"} and m.status in ("future", "hypothetical"):
            own = _own_voice(m.source, said, actors)
            if m.type in COOPERATIVE and _unless(m.token) and own:
                m.type, m.mode = "THREATEN", "relations"   # "will withdraw ... unless": a threat
            elif m.type in COOPERATIVE:
                m.type, m.mode = "AGREE", None   # a planned cooperative act: intent to cooperate
            elif m.type in THREAT_MODE and own and m.source is not None and m.polarity == "positive":
                mode = COERCE_THREAT.get(m.mode or "", "restrict") if m.type == "COERCE" \
                    else THREAT_MODE[m.type]
                m.type, m.mode = "THREATEN", mode
    taken = {m.token.i for m in mentions} | {c.token.i for m in mentions for c in m.content}
    tokens = tokens_of(doc)
    for i in modal_words(doc):
        c = tokens[i]
        if c.dep_ != "aux" or c.tag_ != "MD":
            continue
        t = c.head
        if t.i in taken or t.pos_ not in ("VERB", "AUX"):
            continue
        said = speaker_of(t)
        src = subject(t)
        if said is None or _own_voice(src, said, actors):
            continue
        sent = t.sent
        m = Mention(t, MUST, "REQUEST", None, depth(t), sent, unit_of(sent, t.idx), tokens=[t], action="REQUEST")
        m.source, m.target, m.kinds = said[1], src, frozenset({"obligation"})
        mentions.append(m)
        taken.add(t.i)
    mentions.sort(key=lambda x: x.token.i)
    return mentions
