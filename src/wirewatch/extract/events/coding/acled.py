"""Coding a happening by ACLED's codebook: its event type and sub-event type.

The decision rules are data (`data/events/acled.tsv`), read top to bottom, first match wins; they test a
handful of features of the happening that this module reads from its mentions, actors and words, with the
cue words of `data/events/acled_cues.tsv`:
- family: the kind of action (happenings.family of its mentions; a protest or riot mention makes the
  whole happening a demonstration);
- means: the weapon named in its mentions' phrases (air, drone, shelling, explosive, grenade, ...);
- agent / victim (`parties`): actor1 / actor2 by their ACLED `inter` code, else by the words of the subject
  / object and of the counted dead ("two soldiers" armed, "a farmer" civilian);
- reciprocal: both sides fight (a clash, an exchange of fire, a repelled attack);
- territory: a mention that says territory changed hands ("recaptured", "took control of");
- crowd_violence / intervention: what the crowd and the authorities did, in the sentences that tell the
  demonstration;
- left / object: forces leaving a named place; weapons among what was seized;
- property / abduct / measure / displace / goal: only things hit; people kidnapped in it; a curfew or a ban;
  people fleeing; only an infinitive of purpose ("to prevent ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ... import tokens_of
from ..happenings import Happening, family
from ..lexicon import _read, _rows, word_list
from ..mentions import Mention
from ..syntax import CLAUSE_DEPS
from .cues import cues, first, words
from .parties import agent, victim

__all__ = ["acled_of", "features", "load_rules"]

DEMONSTRATION = ("riot", "protest")
CODED = frozenset({"violence", "protest", "riot", "arrest", "seize", "damage", "abduct", "disrupt", "base", "retreat",
                   "mobilize", "agree", "release", "coerce", "concede", "aid", "cooperate", "request", "accuse"})


@dataclass(frozen=True, slots=True)
class Rule:
    event_type: str
    sub_event_type: str
    conds: tuple[tuple[str, bool, frozenset[str]], ...]   # (feature, must be in, values)
    line: int

    def holds(self, f: dict[str, str]) -> bool:
        return all((f.get(name, "none") in values) == positive for name, positive, values in self.conds)


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """The decision list of acled.tsv; a malformed condition is refused with its line."""
    out = []
    for n, (etype, sub, when) in _rows(_read("acled.tsv"), 3, "acled.tsv"):
        conds = []
        for raw in when.split(","):
            name, sep, values = raw.partition("!=") if "!=" in raw else raw.partition("=")
            if not sep or not name or not values:
                raise ValueError(f"acled.tsv:{n}: bad condition {raw!r} (use feature=a|b or feature!=a|b)")
            conds.append((name.strip(), sep == "=", frozenset(v.strip() for v in values.split("|"))))
        out.append(Rule(etype, sub, tuple(conds), n))
    return tuple(out)


@lru_cache(maxsize=1)
def rules_by_family() -> dict[str, tuple[Rule, ...]]:
    """The rules that can hold for each family, in file order (every rule names the families it is for)."""
    out: dict[str, list[Rule]] = {}
    for rule in load_rules():
        families = next((values for name, positive, values in rule.conds if name == "family" and positive), CODED)
        for fam in families:
            out.setdefault(fam, []).append(rule)
    return {k: tuple(v) for k, v in out.items()}


def _scope_words(scope: list[Token]) -> set[str]:
    """Lemmas and forms of the scope's tokens, read per sentence once per Doc (happenings share sentences)."""
    if not scope:
        return set()
    cache = scope[0].doc.user_data.setdefault("ww_acled_words", {})
    out: set[str] = set()
    start = 0
    while start < len(scope):
        sent = scope[start].sent
        end = start + (sent.end - scope[start].i)
        key = sent.start
        if key not in cache:
            cache[key] = words(scope[start:end])
        out |= cache[key]
        start = end
    return out


def _scope_text(scope: list[Token]) -> str:
    """The scope's text in lower case (its sentences, as written)."""
    if not scope:
        return ""
    text = scope[0].doc.user_data.get("ww_text") or ""
    return text[scope[0].idx:scope[-1].idx + len(scope[-1].text)].lower()


def _close(m: Mention) -> list[Token]:
    """The words closest to the trigger: its compounds, object, instrument ("with rockets") and subject; not
    an object or passive subject that names people ("a member of the air force intelligence" was shot, not
    bombed from the air)."""
    t = m.token
    out = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod", "dobj", "nsubj", "nsubjpass", "agent")
           and not (c.dep_ in ("dobj", "nsubjpass") and _person(c))]
    out += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("with", "by", "using") for g in c.subtree]
    return [w for x in out for w in x.subtree] if out else []


def _phrase(m: Mention) -> list[Token]:
    """The mention's own phrase: trigger, its non-clausal dependents, its head word, its subject; not the
    people it was done to ("members of the air force intelligence were shot")."""
    t = m.token
    out = [t, t.head]
    for c in t.children:
        if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("conj", "cc") and not (
                c.dep_ in ("dobj", "nsubjpass") and _person(c)):
            out.extend(c.subtree)
    for x in (m.source, m.target):
        if x is not None and not (x is m.target and _person(x)):
            out.extend(x.subtree)
    out.extend(m.merged)
    return out


def _person(t: Token) -> bool:
    """A noun that names people (victims, members, forces): its words tell who was hit, not with what."""
    return t.lemma_.lower() in _people()


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    """The victim cue words that name people, and "member" (read once: the cue table does not change)."""
    return frozenset({lemma for lemma, v in cues().get("victim", ()) if v in ("armed", "civilian", "protester")}
                     | {"member"})


def _scope(h: Happening, sents: Sequence[SpacySpan], owned: dict[int, int], index: int) -> list[Token]:
    """The sentences that tell the happening: those of its mentions, and the sentences after them in the
    same paragraph that no other happening has a mention in."""
    if not sents:
        return []
    doc = sents[0].doc
    text = doc.user_data.get("ww_text") or ""
    tokens = tokens_of(doc)
    starts = {m.sent.start for m in h.mentions}
    out: list[Token] = []
    keep = False
    for k, s in enumerate(sents):
        if s.start in starts:
            keep = True
        elif keep and (owned.get(s.start, index) != index or (text and "\n\n" in text[sents[k - 1].end_char:s.start_char])):
            keep = False
        if keep:
            out.extend(tokens[s.start:s.end])
    return out


def _property(h: Happening, arson: bool) -> bool:
    """Only things were hit: nobody is counted dead or hurt, every target named is property (a factory, a
    pipeline, trucks; not a village or its residents), and one is named or the act was arson; a named place
    ("attacked Kamba") is no target of its own here."""
    if any(f.category in ("killed", "injured", "killed_or_injured") for f in h.figures):
        return False
    things = {lemma for lemma, v in cues().get("property", ())}
    heads = [m.target for m in h.mentions if m.target is not None and m.target.pos_ in ("NOUN", "PRON", "NUM")
             and not (m.target.dep_ == "compound" and m.target.head.i == m.token.i)]
    return (arson or bool(heads)) and all(t.lemma_.lower() in things for t in heads)


def _after(h: Happening, sents: Sequence[SpacySpan], n: int = 2) -> list[Token]:
    """The next sentences of the happening's paragraph after its last mention, whoever they tell of: what the
    crowd and the police did next ("Rioters pelted stones", "Two were arrested") is told in sentences of their
    own, which may hold mentions of their own."""
    if not sents:
        return []
    doc = sents[0].doc
    text = doc.user_data.get("ww_text") or ""
    tokens = tokens_of(doc)
    last = max(m.sent.start for m in h.mentions)
    out: list[Token] = []
    starts = [s.start for s in sents]
    k = starts.index(last) if last in starts else None
    if k is None:
        return []
    for s_prev, s in zip(sents[k:k + n], sents[k + 1:k + 1 + n]):
        if text and "\n\n" in text[s_prev.end_char:s.start_char]:
            break
        out.extend(tokens[s.start:s.end])
    return out


def features(h: Happening, scope: list[Token], after: Sequence[Token] = ()) -> dict[str, str]:
    """The features the decision rules test (module docstring)."""
    fams = [family(m) for m in h.mentions]
    fam = family(h.lead)
    if any(f in DEMONSTRATION for f in fams):
        fam = "riot" if "riot" in fams else "protest"
    f = {"family": fam, "agent": agent(h), "victim": victim(h, scope)}
    triggers = words(t for m in h.mentions for t in [*m.tokens, *m.merged])
    close = words(t for m in h.mentions for t in _close(m))
    f["means"] = first("means", close) or first("means", triggers) or \
        first("means", words(t for m in h.mentions for t in _phrase(m))) or _mode_means(h) or "none"
    if any(m.target is not None and first("means", words([m.target])) in ("air", "drone") for m in h.mentions):
        f["means"] = "shelling"     # fire that brings down an aircraft is a missile or artillery attack
    scope_text = _scope_text(scope)
    f["reciprocal"] = "yes" if first("reciprocal", triggers | close | {m.token.head.lemma_.lower() for m in h.mentions}) \
        or _told(scope_text, SHOOTOUT) else "no"
    f["manner"] = "targeted" if any(m.mode in TARGETED_MODES or m.token.lemma_.lower() in TARGETED for m in h.mentions) \
        else "none"
    f["territory"] = _territory(h, f["agent"])
    if fam in DEMONSTRATION or f["agent"] == "crowd" or f["victim"] == "protester":
        # a crowd that burns tyres "and demonstrated", "to demand"; force used against a march
        f["demonstration"] = "yes" if any((m.action or m.type) == "PROTEST" for m in h.mentions) \
            or first("demonstration", _scope_words(scope)) else "no"
        f["crowd_violence"] = "yes" if _token_cue("crowd_violence", scope, STATE_WORDS) \
            or _token_cue("crowd_violence", list(after), STATE_WORDS, by_crowd=True) else "no"
        f["intervention"] = "force" if _force(h) else (_token_cue("intervention", scope, frozenset())
                                                        or _token_cue("intervention", list(after), frozenset())
                                                        or "none")
    f["left"] = "yes" if any(m.type == "RETREAT" and m.place is not None and _from_place(m) for m in h.mentions) \
        else "no"
    f["property"] = "yes" if _property(h, f["means"] == "arson") else "no"
    f["measure"] = "yes" if first("measure", triggers) else "no"
    f["displace"] = "yes" if first("displace", triggers) else "no"
    f["captured"] = "yes" if any(m.token.lemma_.lower() == "capture" for m in h.mentions) else "no"
    f["goal"] = "yes" if all(any(c.dep_ == "aux" and c.lower_ == "to" for c in m.token.children)
                             for m in h.mentions) else "no"     # "went there to prevent looting"
    f["abduct"] = "yes" if any(family(m) == "abduct" for m in h.mentions) and not any(
        x.category == "killed" for x in h.figures) else "no"     # "stormed a house, kidnapping five"
    f["object"] = first("object", words(t for m in h.mentions if m.target is not None for t in m.target.subtree)) \
        or "none"
    return f


def _territory(h: Happening, agent: str) -> str:
    """regained: a state's forces take back territory ("retook", or "captured" at home); taken: anyone
    else takes it (an invading force, a rebel group); none."""
    taking = [m for m in h.mentions if "territory" in m.entry.flags]
    if not taking:
        return "none"
    if agent != "state":
        return "taken"
    if any(m.token.lemma_.lower() in word_list("regain") for m in taking):
        return "regained"
    for m in taking:
        if m.actor1 is not None and m.place is not None and m.actor1.country_code and m.place.country_code \
                and m.actor1.country_code != m.place.country_code:
            return "taken"
    return "regained"


def _from_place(m: Mention) -> bool:
    """Forces leave the mention's place: "withdrew from the town"."""
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(g.idx <= m.place.start < g.idx + len(g.text) + 40
                                                               for g in c.children) for c in m.token.children)


MODE_MEANS = {"aerial": "air", "drone": "drone", "shelling": "shelling", "explosives": "explosive",
              "suicide-attack": "suicide", "firearms": "firearms", "primitive": "primitive", "sexual": "sexual",
              "beat": "primitive"}


def _mode_means(h: Happening) -> str | None:
    return next((MODE_MEANS[m.mode] for m in h.mentions if m.mode in MODE_MEANS), None)


_DENIED = re.compile(r"\b(no|not|without)\b[\w\s-]{0,12}$")


def _told(text: str, phrases: Sequence[str]) -> bool:
    """One of the phrases is in the text, and not denied ("there was no armed clash")."""
    for p in phrases:
        at = text.find(p)           # each occurrence, left to right, not overlapping (as re.finditer)
        while at >= 0:
            if not _DENIED.search(text[max(0, at - 20):at]):
                return True
            at = text.find(p, at + max(len(p), 1))
    return False


# both sides fought, wherever the sentences say so
SHOOTOUT = ("clash", "shoot-out", "shootout", "gunbattle", "gun battle", "firefight", "skirmish",
            "crossfire", "exchange of fire", "exchanged fire", "returned fire", "returned the fire",
            "responded to the fire", "exchange of gunfire", "fired back", "reacted with gunfire",
            "responded with gunfire", "opened gunfire in response", "gunfire in response")
TARGETED_MODES = frozenset({"targeted", "mass", "torture", "beat"})
TARGETED = frozenset({"execute", "assassinate", "behead", "murder", "lynch", "massacre", "torture", "hang"})
STATE_WORDS = frozenset({"police", "policeman", "officer", "force", "army", "soldier", "troop", "authority",
                         "security", "government", "military", "guard"})


PATIENTS = frozenset({"protester", "protestor", "demonstrator", "participant", "crowd", "people", "person",
                      "sit-in", "sit", "protest", "demonstration", "rally", "march", "gathering", "group",
                      "they", "them", "activist", "student", "worker", "dozen", "several", "some", "many", "number",
                      "organizer", "organiser", "rioter", "marcher", "youth", "farmer", "resident", "villager",
                      "local", "mob", "supporter", "member", "man", "woman", "trader", "driver", "inmate",
                      "prisoner", "migrant", "labourer", "laborer", "vendor", "citizen", "inhabitant"})


def _token_cue(feature: str, scope: list[Token], not_by: frozenset[str], by_crowd: bool = False) -> str | None:
    """The first cue of `feature` among the scope's tokens, not in what someone is accused of or protests
    against. A "-verb" cue counts only as a verb outside a relative clause; for crowd violence its subject
    (or the subject of the verb it is joined to) is not the police or army (protesters torched a bus, not
    "a protest against the torching of a bus"), and a "-crowd" cue counts only with a crowd as its subject
    ("they beat a guard", not "a gas blast killed 9 and hurt dozens"); for an intervention its patient is
    the crowd ("police arrested dozens", not "he was arrested over the theft ...")."""
    table: dict[str, str] = {}
    for lemma, value in cues().get(feature, ()):
        table.setdefault(lemma, value)
    for t in scope:
        value = table.get(t.lemma_.lower()) or table.get(t.lower_)
        if value is None:
            continue
        verbal = ("-verb", "-crowd")
        if value.endswith(verbal) and t.lower_ in table and not table[t.lower_].endswith(verbal):
            value = table[t.lower_]        # "burning tires": the word form is a cue of its own
        if _topic(t):
            continue
        if value.endswith(verbal):
            if t.pos_ != "VERB" or t.dep_ in ("amod", "compound", "relcl", "pcomp", "pobj"):
                continue
            subj = _subject(t)
            if subj is not None and subj.lemma_.lower() in not_by and t.lemma_ != "clash":
                continue
            if feature == "crowd_violence" and any(c.dep_ == "auxpass" for c in t.children):
                continue                   # "crops were destroyed by a storm": done to them, not by the crowd
            if feature == "crowd_violence" and not _violent_use(t):
                continue
            if (by_crowd or value.endswith("-crowd")) and (subj is None or subj.lemma_.lower() not in PATIENTS):
                continue                   # after the demonstration: only what the crowd itself did
            if feature == "intervention":
                patient = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if patient is not None and patient.lemma_.lower() not in PATIENTS and not any(
                        g.lemma_.lower() in PATIENTS for g in patient.subtree):
                    continue
            value = value.rsplit("-", 1)[0]
        return value
    return None


def _subject(t: Token) -> Token | None:
    """The verb's subject, or that of the verb it is joined to ("police dispersed them and beat one")."""
    for _ in range(3):
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None or t.dep_ != "conj":
            return subj
        t = t.head
    return None


def _violent_use(t: Token) -> bool:
    """"set" is violent only when setting fire ("set a car on fire", not "set out", "restrictions set in
    place"); burning an effigy is a protest, not violence."""
    near = {g.lemma_.lower() for c in t.children for g in c.subtree}
    if t.lemma_.lower() == "set":
        return bool(near & {"fire", "ablaze", "alight", "blaze"})
    return not (near & {"effigy", "effigies"})


def _topic(t: Token) -> bool:
    """A verb in what someone is accused of or protests against ("activists accused of attacking a bank")."""
    return any(a.lemma_.lower() in ("accuse", "allege", "suspect", "charge", "protest", "condemn", "denounce")
               for a in list(t.ancestors)[:3])


def _force(h: Happening) -> bool:
    """Lethal or severe force against the crowd: a violent mention in the demonstration by state forces or
    against protesters, with dead or wounded counted."""
    for m in h.mentions:
        if (m.action or m.type) != "ASSAULT":
            continue
        by_state = m.actor1 is not None and m.actor1.inter == 1 or (
            m.source is not None and m.source.lemma_.lower() in STATE_WORDS)
        on_crowd = m.actor2 is not None and m.actor2.inter in (5, 6) or (
            m.target is not None and m.target.lemma_.lower() in ("protester", "protestor", "demonstrator"))
        if (by_state or on_crowd) and any(f.category in ("killed", "injured", "killed_or_injured") for f in h.figures):
            return True
        if by_state and m.token.lemma_.lower() in ("kill", "shoot"):
            return True
    return False


def acled_of(happenings: Sequence[Happening], sents: Sequence[SpacySpan]) -> list[tuple[str | None, str | None]]:
    """(event_type, sub_event_type) of every happening, in order."""
    owned: dict[int, int] = {}
    for k, h in enumerate(happenings):
        for m in h.mentions:
            owned.setdefault(m.sent.start, k)
    by_family = rules_by_family()
    out: list[tuple[str | None, str | None]] = []
    for k, h in enumerate(happenings):
        if not any(family(m) in CODED for m in h.mentions):
            out.append((None, None))             # talks, statements: no ACLED type whatever else
            continue
        f = features(h, _scope(h, sents, owned, k), _after(h, sents))
        rule = next((r for r in by_family.get(f["family"], ()) if r.holds(f)), None)
        out.append((rule.event_type, rule.sub_event_type) if rule else (None, None))
    return out
