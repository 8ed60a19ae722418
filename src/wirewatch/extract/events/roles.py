"""Step 2 of the events stage: who did it to whom, read from the mention's own clause.

Source (actor1): the trigger's logical subject: the active subject, the passive's `by`-agent ("Lozova was
shelled *by Russian forces*"), a noun's possessor or `by` phrase ("the shelling *by* ..."), the subject of a
light verb ("X *held talks*"), the subject of a verb the trigger is the complement of ("X agreed to *meet*").
Target (actor2): the direct object, the passive subject, partners (`with`, `between`, co-subjects), type-
specific prepositions (`attack on`, `aid to`), the subject of a complement clause. A casualty verb whose
subject is its victim ("two soldiers killed", "a man died") gives the victim as target.

Reported speech: "X said Y attacked Z" is Y's act on Z; X is the claim's source and never the event's actor
unless X did it ("Hungary said *it* will send aid": only a pronoun subject of the reported clause brings in
the speaker). Never an actor either: the dateline
city ("KHARKIV, May 2 -"), an outlet ("Reuters", "Interfax news agency"), a place named only as where it
happened.
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Token

from ...model import Actor, Place
from .lexicon import load_lexicon, word_list
from .mentions import Mention
from .syntax import NOUN_POS, VERB_POS, direct_object, subject, token_at

__all__ = ["read_roles", "actors_for"]

# Prepositions whose object is the target, by type (after the direct object).
TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("on", "against", "at", "upon", "into"), "CONSULT": ("with", "between"),
    "PROTEST": ("against",), "AID": ("to", "for"), "SANCTION": ("on", "against"), "AGREE": ("with",),
    "COOPERATE": ("with",), "REQUEST": ("from", "to", "on"),
    "ACCUSE": ("against", "of", "into", "on", "over", "about", "with"),
    "THREATEN": ("against", "with"), "SUPPORT": ("for",), "COERCE": ("against", "on"),
    "MOBILIZE": ("against",), "REJECT": ("from",),
}
# Children that start an event of their own: a coordinated verb ("killed thousands and pummelled the economy")
# or a reported/loosely attached clause. Participial and adverbial clauses stay in ("help defend X").
_OWN_CLAUSE = frozenset({"conj", "cc", "ccomp", "parataxis", "dep"})
RECIPROCAL = frozenset({"clash", "fight", "battle", "exchange", "skirmish", "fighting", "gunbattle", "firefight",
                        "shootout", "shoot-out", "gunfight", "encounter"})
_SETTING_PREPS = frozenset({"in", "during", "following", "after", "amid", "when"})   # "killed in/after an X by Y"
_VICTIM_VERBS = frozenset({"kill", "injure", "wound", "die", "hurt"})


def _prep_objects(t: Token, preps: tuple[str, ...]) -> list[Token]:
    return [g for c in t.children if c.dep_ in ("prep", "agent") and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def _victim_subject(t: Token) -> bool:
    """"Two soldiers killed", "a man died": the subject of a casualty verb that has no object and no
    auxiliary 'have' is its victim, not its agent."""
    if t.lemma_.lower() not in _VICTIM_VERBS or t.pos_ != "VERB":
        return False
    if t.lemma_.lower() == "die":
        return True
    if any(c.dep_ in ("dobj", "obj", "agent") for c in t.children):
        return False
    return t.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children)


def sources(t: Token) -> list[Token]:
    """Possible sources, best first: the subject; for a noun its 'from' object and the subject of the verb
    it is the object of ("held talks", "launched an investigation"); the speaker, for a pronoun subject."""
    out: list[Token] = []
    subj = subject(t)
    if subj is not None and not _victim_subject(t):
        out.append(subj)
    if subj is None and (t.tag_ == "VBN" or t.pos_ in NOUN_POS):   # "shot dead in a drive-by attack by gunmen"
        out += [g for c in t.children if c.dep_ in ("prep", "xcomp", "advcl") and c.lower_ in _SETTING_PREPS
                for n in c.children if n.dep_ == "pobj"
                for b in n.children if b.dep_ == "prep" and b.lower_ == "by"
                for g in b.children if g.dep_ == "pobj"]
        if not out and t.tag_ == "VBN" and _victim_subject(t):  # "8 were killed and 8 wounded following an
            out += [g for c in t.children if c.dep_ == "conj"   # operation by ANDSF forces"
                    for p in c.children if p.dep_ in ("prep", "xcomp", "advcl") and p.lower_ in _SETTING_PREPS
                    for n in p.children if n.dep_ == "pobj"
                    for b in n.children if b.dep_ == "prep" and b.lower_ == "by"
                    for g in b.children if g.dep_ == "pobj"]
    if _victim_subject(t):     # "militants were killed during clashes with / after exchanging fire with X"
        out += [x for v in [t, *(c for c in t.children if c.dep_ == "conj")] for x in _fought_with(v)]
    if t.pos_ in NOUN_POS and t.lemma_.lower() in RECIPROCAL and t.dep_ in ("nsubj", "nsubjpass") \
            and t.head.lemma_.lower() in word_list("occur"):    # "clashes erupted between X and Y"
        out += [g for c in t.head.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children
                if g.dep_ == "pobj"]
    if t.pos_ in NOUN_POS:
        if t.lemma_.lower() in word_list("intransitive"):   # "the withdrawal of some troops"
            out += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]
        out += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                if g.dep_ == "pobj"]
        if t.lemma_.lower() in RECIPROCAL:       # "a clash between two groups of villagers"
            out += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children
                    if g.dep_ == "pobj"]
        cur, direct = t, True
        light = word_list("light")
        if cur.dep_ == "compound" and cur.head.pos_ in NOUN_POS:   # "launched a *mediation* effort"
            cur = cur.head
        while cur.dep_ in ("pobj", "prep", "dobj", "nsubjpass", "attr", "conj") and cur.head.i != cur.i:
            direct = direct and (cur.dep_ in ("dobj", "nsubjpass", "attr", "conj", "pobj")
                                 or cur.lower_ in ("through", "with", "by", "using", "in"))
            # "compensate through strikes", "engaged in a firefight"
            cur = cur.head
            if cur.pos_ in VERB_POS:   # "X held talks", "X reimposed blockades": the verb's subject; not when the
                # verb is an event of its own ("X condemned the attack": X did not attack)
                verb_subj = subject(cur) if direct and (cur.lemma_.lower() in light or not _is_trigger(cur)) \
                    else None
                if verb_subj is not None:
                    out.append(verb_subj)
                break
    pronoun = next((x for x in out if x.pos_ == "PRON" and x.dep_ in ("nsubj", "nsubjpass")), None)
    if pronoun is not None:
        cur = t
        reporting = word_list("reporting")
        while cur.head.i != cur.i:
            if cur.head.lemma_.lower() in reporting and cur.dep_ in ("ccomp", "parataxis", "xcomp"):
                out += [c for c in cur.head.children if c.dep_ == "nsubj"]
                break
            cur = cur.head
    seen: set[int] = set()
    return [x for x in out if not (x.i in seen or seen.add(x.i))]


def _fought_with(v: Token) -> list[Token]:
    """The other side of the fight a casualty happened in: "(killed) during clashes *with X*", "after
    exchanging fire *with X*", "in a gunfight *with X*"."""
    out: list[Token] = []
    for p in v.children:
        if p.dep_ != "prep" or p.lower_ not in _SETTING_PREPS:
            continue
        for n in p.children:
            if n.dep_ == "pobj" and n.lemma_.lower() in RECIPROCAL or n.dep_ == "pcomp":
                out += [g for w in [n, *(c for c in n.children if c.dep_ == "dobj")]
                        for c in w.children if c.dep_ == "prep" and c.lower_ == "with"
                        for g in c.children if g.dep_ == "pobj"]
    return out


def _is_trigger(t: Token) -> bool:
    lemma = t.lemma_.lower()
    return lemma in load_lexicon() or lemma in word_list("reporting")


def targets(t: Token, type_: str, source: Token | None, _depth: int = 0) -> list[Token]:
    """Possible targets, best first: partners (with/between, co-subjects) for meetings and agreements, the
    direct object, the indirect object, type-specific prepositions, the subject of a complement clause
    ("demanded that X ..."), then the targets of a complement verb ("promised to send aid to X")."""
    preps = TARGET_PREPS.get(type_, ("with", "against", "on"))
    out: list[Token] = []
    if _victim_subject(t):
        victim = subject(t) or next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if victim is None and t.dep_ == "acl" and t.head.pos_ in NOUN_POS:
            victim = t.head
        if victim is not None:
            out.append(victim)
    if t.dep_ == "conj" and t.head.pos_ == "VERB" and not any(c.dep_ in ("dobj", "nsubjpass", "nsubj")
                                                               for c in t.children):
        out += [c for c in t.head.children if c.dep_ in ("nsubjpass", "dobj")]   # "was tied up and beaten"
    co_subject = [c for c in source.children if c.dep_ == "conj"] if source is not None else []
    if type_ in ("CONSULT", "AGREE", "COOPERATE"):
        out += _prep_objects(t, preps)
        if t.lemma_.lower() in word_list("meet") and (obj := direct_object(t)) is not None:
            out.append(obj)
        out += co_subject
    obj = direct_object(t)
    if t.lemma_.lower() in word_list("transfer"):   # "offered its troops to Lebanon": the recipient, not the thing
        out += [c for c in t.children if c.dep_ in ("dative", "iobj")]
        out += _prep_objects(t, ("to", "into", "from", "in"))
    if obj is not None and not (t.pos_ in NOUN_POS and obj.pos_ not in NOUN_POS):
        out.append(obj)
        out += _prep_objects(obj, ("by", "to", "for", "against", "on", "of"))
    out += [c for c in t.children if c.dep_ in ("dative", "iobj")]
    pobjs = _prep_objects(t, preps + ("to", "for", "into"))
    out += pobjs
    for p in pobjs:   # "called for sanctions against X"
        out += _prep_objects(p, ("against", "on", "with", "of", "to"))
    if t.pos_ in NOUN_POS and t.dep_ == "dobj" and t.head.i != t.i:   # "opened investigations against X"
        out += _prep_objects(t.head, preps)
    if type_ == "ASSAULT" and t.lemma_.lower() in RECIPROCAL:
        out += co_subject                       # "Army units and militants clashed": they fought each other
    for c in t.children:
        if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "acl" and t.pos_ in NOUN_POS):
            out += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            if _depth < 2:
                out += targets(c, "", None, _depth + 1)
    seen: set[int] = set() if source is None else {source.i}
    return [x for x in out if x.ent_type_ not in ("DATE", "TIME") and not (x.i in seen or seen.add(x.i))]


def read_roles(m: Mention) -> None:
    """Fill the mention's source and target tokens (best first) from its clause."""
    srcs = sources(m.token)
    m.source, m.other_sources = (srcs[0], srcs[1:]) if srcs else (None, [])
    tgts = targets(m.token, m.type, m.source)
    m.target, m.others = (tgts[0], tgts[1:]) if tgts else (None, [])


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _by_token(doc: Doc, actors: Sequence[Actor]) -> dict[int, list[Actor]]:
    """Token index -> the actor mentions that cover it (once per Doc: actors are looked up a lot)."""
    index = doc.user_data.get("ww_actor_tokens")
    if index is None:
        index = doc.user_data["ww_actor_tokens"] = {}
        for a in actors:
            first, last = token_at(doc, a.start), token_at(doc, max(a.start, a.end - 1))
            if first is None or last is None:
                continue
            for i in range(first.i, last.i + 1):
                index.setdefault(i, []).append(a)
    return index


def actor_for(tok: Token | None, actors: Sequence[Actor]) -> Actor | None:
    """The actor whose mention covers the token; else one inside its noun phrase; else in its conjuncts."""
    if tok is None or not actors:
        return None
    index = _by_token(tok.doc, actors)
    hit = index.get(tok.i)
    if hit:
        return min(hit, key=lambda a: a.end - a.start)
    phrase = [a for i in range(tok.left_edge.i, tok.i) for a in index.get(i, ())]
    if phrase:
        return max(phrase, key=lambda a: a.end)
    for c in tok.children:
        if c.dep_ in ("conj", "appos", "compound", "poss"):
            found = actor_for(c, actors)
            if found is not None:
                return found
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "in", "by"):
            sub = [a for i in range(c.i, c.right_edge.i + 1) for a in index.get(i, ())]
            if sub:
                return min(sub, key=lambda a: a.start)
    return None


def _aside(c: Token) -> bool:
    """A relative clause with a subject of its own ("the region, which *Russia* demands ..."): a fact of its
    own, whose actors are not the trigger's (unlike "refugees *who* have lived in Iraq")."""
    return c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ not in ("who", "which", "that")
                                     for g in c.children)


def actor_after(trigger: Token, actors: Sequence[Actor], exclude: Actor | None = None) -> Actor | None:
    """When the parse names no object: the first actor after the trigger inside the trigger's own phrase
    ("help defend Saudi Arabia", "a mediation mission between Syria and ..."), not in a clause of its own
    ("... killed thousands and pummelled Russia's economy"), other than `exclude` (the source) or any actor
    that names the same party."""
    phrase = trigger
    while phrase.dep_ in ("compound", "amod") and phrase.head is not phrase:  # "mediation mission between ..."
        phrase = phrase.head
    starts: set[int] = set()      # character offsets of the phrase's tokens after the trigger
    stack = [phrase]
    while stack:
        t = stack.pop()
        if t.i > trigger.i:
            starts.add(t.idx)
        top = t is trigger or t is phrase   # a conjunct of the trigger is another event; deeper, a list of parties
        stack.extend(c for c in t.children if (c.dep_ not in _OWN_CLAUSE or (not top and c.dep_ in ("conj", "cc")))
                     and not (c.dep_ == "advcl" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))
                     and not (not top and _aside(c)))
    inside = [a for a in actors if a.start in starts
              and not (exclude is not None and (a.id == exclude.id or a.name == exclude.name))]
    return min(inside, key=lambda a: a.start) if inside else None


def _is_outlet(a: Actor, doc: Doc) -> bool:
    """A news outlet ("Reuters", "the Interfax news agency"), as opposed to journalists as people."""
    if a.kind != "MED":
        return False
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "PROPN" or t.is_upper for t in span)


def _town(a: Actor, places: Sequence[Place]) -> bool:
    """An actor that is a town or district named as if it acted ("shelled Ankawi"): where a violent act
    happened, not who it was done to (countries stay actors: "Russia attacked Ukraine")."""
    return any(p.start <= a.start < p.end and p.feature_code not in ("PCLI", "PCL", "PCLD", "PCLIX")
               for p in places)


def _usable(a: Actor | None, m: Mention, doc: Doc, body_start: int) -> bool:
    if a is None:
        return False
    if a.start < body_start <= m.token.idx:            # the dateline ("KHARKIV, May 2 -") is never an actor
        return False
    if _is_outlet(a, doc):
        return False
    return True


def actors_for(m: Mention, actors: Sequence[Actor], doc: Doc, body_start: int = 0,
               places: Sequence[Place] = ()) -> None:
    """Set the mention's actor1 and actor2 (model.Actor or None) from its source and target tokens."""
    a1 = next((a for a in (actor_for(t, actors) for t in [m.source, *m.other_sources])
               if _usable(a, m, doc, body_start)), None)
    violent = (m.action or m.type) in ("ASSAULT", "COERCE")

    def fits(a: Actor | None) -> bool:
        return _usable(a, m, doc, body_start) and not (a1 is not None and a.id == a1.id) \
            and not (violent and _town(a, places))

    a2 = next((a for a in (actor_for(t, actors) for t in [m.target, *m.others]) if fits(a)), None)
    if a2 is None:
        cand = actor_after(m.token, actors, a1)
        a2 = cand if fits(cand) else None
    m.actor1, m.actor2 = a1, a2
