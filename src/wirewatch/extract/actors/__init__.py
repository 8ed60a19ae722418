"""Actors stage: people, organisations, governments, armed forces, groups and populations, each with a
normalised name shared by all its mentions, a sector code, a country, a side, and an ACLED-style name and
inter code. Rules: docs/actors.md.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

from spacy.tokens import Doc

from ...model import Actor
from .. import Found, Stage, sentence_bounds, sentence_of, tokens_of
from .acled import DEFAULT_COUNTRY_KINDS, FORCES, home_country, identity
from .lexicon import ENV_VAR, ActorLexicon, actor_lexicon
from .mentions import DETS, SAY_VERBS, Mention, find_mentions

__all__ = ["find", "stage", "actor_lexicon", "ENV_VAR"]

_CONFLICT = {"war", "invasion", "invade", "attack", "fighting", "fight", "offensive", "strike", "shelling", "shell",
             "troops", "forces", "military", "bomb", "bombing", "missile", "assault", "clash", "battle", "kill",
             "ceasefire", "artillery", "siege", "besiege", "occupy", "occupation", "conflict", "insurgent"}
_ARMED_OR_STATE = {"GOV", "MIL", "SPY", "COP", "LEG", "REB"}
_MEDIA_PEOPLE = frozenset({"journalist", "reporter", "correspondent", "photographer", "cameraman", "editor",
                           "blogger", "columnist", "presenter", "photojournalist"})   # people, not outlets
_PRONOUN_REACH = 3           # sentences back a pronoun may reach
_TITLE_REACH = 6             # sentences back "the minister" may reach


def _clean_name(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in DETS:
        words = words[1:]
    name = " ".join(words) or text
    return name[:1].upper() + name[1:] if name[:1].islower() and len(words) > 1 else name


def _is_speaker(m: Mention) -> bool:
    head = m.head
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in SAY_VERBS


def _apposed(m: Mention, done: list[Mention]) -> Mention | None:
    """The mention this one stands in apposition to (either direction), if already seen."""
    h = m.head
    for d in reversed(done[-4:]):
        if (h.dep_ == "appos" and d.start <= h.head.idx < d.end) or (d.head.dep_ == "appos" and d.head.head == h):
            return d
    return None


def _resolve(mentions: list[Mention], doc: Doc, text: str) -> list[Mention]:
    """Give every mention a name; link surnames, titles and pronouns to an earlier actor; drop the unresolvable."""
    sent_of = sentence_of(doc)
    done: list[Mention] = []
    by_surname: dict[str, Mention] = {}       # last seen person per surname (local to this article)
    for m in mentions:
        sent = sent_of[m.head.i]
        near = done[: -60 - 1: -1]            # the last 60 mentions, nearest first
        if m.pronoun:
            want_person = m.head.lower_ in ("he", "she", "his", "her", "him")
            fits = [d for d in near if sent - sent_of[d.head.i] <= _PRONOUN_REACH
                    and d.person == want_person and not d.pronoun]
            # "it said": prefer an earlier actor that was itself the one saying something
            target = next((d for d in fits if want_person or _is_speaker(d)), fits[0] if fits else None)
            if target is None:
                continue
            m.name, m.kind, m.country, m.person = target.name, target.kind, target.country, target.person
        elif m.person:
            surname = m.name.split()[-1]
            same = by_surname.get(surname)
            if same is not None:
                m.name = same.name if len(same.name) >= len(m.name) else m.name
                m.kind, m.country = m.kind or same.kind, m.country or same.country
        elif m.definite_role:
            last = (m.role or "").split()[-1]
            same = next((d for d in near if sent - sent_of[d.head.i] <= _TITLE_REACH and d.role
                         and d.role.split()[-1] == last), None)
            if same is not None:
                m.name, m.kind, m.country, m.person = same.name, same.kind, same.country, same.person
        if m.person and m.country is None:           # "his French counterpart, Emmanuel Macron"
            other = _apposed(m, done)
            if other is not None:
                m.kind, m.country = m.kind or other.kind, other.country
        if m.owner is not None:
            owner = next((d for d in near if sent - sent_of[d.head.i] <= _PRONOUN_REACH and not d.pronoun
                          and d.person == (m.owner.lower_ in ("his", "her"))), None)
            if owner is not None:
                m.country = m.country or owner.country
                if m.name is None:
                    m.name = f"{owner.name}'s {_clean_name(text[m.start:m.end])}"
        if m.name is None:
            m.name = _clean_name(text[m.start:m.end])
        if m.person and not m.pronoun and m.name:
            by_surname[m.name.split()[-1]] = m
        done.append(m)
    return done


def _sides(mentions: list[Mention], doc: Doc) -> set[str]:
    """The two parties of the article's conflict: the two countries whose state or armed actors turn up most
    often in sentences about fighting (each needs two such sentences); empty if there is no such pair."""
    sent_of, bounds, tokens = sentence_of(doc), sentence_bounds(doc), tokens_of(doc)
    fighting: dict[int, bool] = {}   # only the sentences that hold a state or armed actor are read

    def is_fighting(k: int) -> bool:
        if k not in fighting:
            a, b = bounds[k]
            fighting[k] = any(t.lemma_.lower() in _CONFLICT for t in tokens[a:b])
        return fighting[k]

    per_sentence: dict[int, dict[str, None]] = {}  # ordered: on a tie the country named first wins, every run
    for m in mentions:
        if m.country and m.kind in _ARMED_OR_STATE and is_fighting(sent_of[m.head.i]):
            per_sentence.setdefault(sent_of[m.head.i], {})[m.country] = None
    counts = Counter(c for codes in per_sentence.values() for c in codes)
    top = [c for c, n in counts.most_common(2) if n >= 2]
    return set(top) if len(top) == 2 else set()


_GENERIC = frozenset({"federal", "national", "military", "police", "civil", "state", "special", "security",
                      "republican", "border", "municipal", "local", "provincial", "regional", "the"})


def _named(doc: Doc, m: Mention, lx: ActorLexicon) -> bool:
    """Does the mention name someone ("the Bush administration")? Only unnamed role nouns ("the police",
    "villagers") take the article's country; so do forces named only by role words ("the Military Police",
    "the Federal Police", "the Gendarmerie") and forces named after whom they back ("pro-Hadi forces")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    force = m.kind in ("MIL", "COP")
    for t in span:
        if t.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
            continue
        if force and (t.lower_ in lx.role_words or t.lower_ in _GENERIC or t.lower_ in ("pro", "anti", "-")):
            continue
        if force and t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in ("pro", "anti"):
            continue
        return True
    return False


def _is_outlet(m: Mention, lx: ActorLexicon) -> bool:
    """A news outlet ("Reuters", "the Interfax news agency"), not journalists as people."""
    return m.kind == "MED" and m.name is not None and m.name.lower() not in lx.roles \
        and any(w[:1].isupper() for w in m.name.split()) and m.head.lemma_.lower() not in _MEDIA_PEOPLE


def find_actors(doc: Doc, found: Found, lx: ActorLexicon) -> list[Actor]:
    """The article's actor mentions in text order, ids a1.., with names shared across coreferent mentions,
    each with its ACLED-style name and inter code (`acled.py`)."""
    text = found.text
    mentions = _resolve(find_mentions(doc, lx, found.places), doc, text)
    parties = _sides(mentions, doc)
    home = None if parties else home_country(found.places, text)
    actors: list[Actor] = []
    for m in mentions:
        if m.end <= m.start:
            continue
        country = m.country
        if country is None and home is not None and m.kind in DEFAULT_COUNTRY_KINDS and not m.person \
                and not _is_outlet(m, lx) and (m.kind in FORCES or not _named(doc, m, lx)):
            country = home                 # "the police", "gunmen": the country the article is about; a force
            # named by its unit ("the Rapid Intervention Unit", "the 22nd Brigade") is the state's own
        name = m.name or text[m.start:m.end]
        acled_name, inter = identity(text[m.start:m.end], name, m.kind, country, home, _is_outlet(m, lx))
        actors.append(Actor(
            id=f"a{len(actors) + 1}", text=text[m.start:m.end], start=m.start, end=m.end,
            name=name, kind=m.kind, country_code=country,
            side=m.country if m.country in parties and m.kind in _ARMED_OR_STATE else None,
            acled_name=acled_name, inter=inter,
        ))
    return actors


def find(doc: Doc, found: Found) -> dict[str, Any]:
    """Stage entry point; the user dictionary named by WIREWATCH_ACTORS is read once per process and path."""
    return {"actors": find_actors(doc, found, actor_lexicon(os.environ.get(ENV_VAR) or None))}


stage = Stage(name="actors", fn=find, requires=(), assigns=("actors",))
