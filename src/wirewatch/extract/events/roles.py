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
from .. import text_of
from .syntax import NOUN_POS, VERB_POS, direct_object, hyphen_pair, is_passive, speaker_of, subject, token_at

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
_OWN_FORCE_WORDS = frozenset({"forces", "troops", "soldiers", "units", "personnel", "contingent", "peacekeepers"})
_MEDIA_PEOPLE = frozenset({"journalist", "reporter", "correspondent", "photographer", "cameraman", "editor",
                           "blogger", "columnist", "presenter", "photojournalist"})   # people, not outlets
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
    if is_passive(t):          # "a journalist has been killed in a car bomb explosion"
        return True
    return t.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children)


def _by_agents(n: Token) -> list[Token]:
    """Who did the setting event: "an operation *by* X", "the operations carried out *by* X"."""
    out = [g for b in n.children if b.dep_ == "prep" and b.lower_ == "by" for g in b.children if g.dep_ == "pobj"]
    out += [g for v in n.children if v.dep_ == "acl" and v.tag_ == "VBN"
            for b in v.children if b.dep_ == "agent" for g in b.children if g.dep_ == "pobj"]
    return out


def _setting_agents(v: Token) -> list[Token]:
    """The agents of the setting a casualty happened in: "killed in/during/after an X by Y"."""
    return [g for c in v.children if c.dep_ in ("prep", "xcomp", "advcl") and c.lower_ in _SETTING_PREPS
            for n in c.children if n.dep_ == "pobj" for g in _by_agents(n)]


def _reciprocal_phrase(t: Token) -> Token | None:
    """The noun phrase head of a fight word ("clashes", "a *shoot*-out", "exchange of fire"), else None."""
    phrase = t
    while phrase.dep_ == "compound" and phrase.head.i != phrase.i:
        phrase = phrase.head
    words = text_of(t.doc)[t.idx:phrase.idx + len(phrase.text)].lower()
    if phrase.pos_ in NOUN_POS and (phrase.lemma_.lower() in RECIPROCAL or words in RECIPROCAL):
        return phrase
    return None


def _between(t: Token) -> list[Token]:
    return [g for c in t.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children
            if g.dep_ == "pobj"]


def _in_which(t: Token) -> list[Token]:
    """"X encountered militants in a district *in which* three were killed": the casualties of a relative
    clause hung on a setting belong to the event of the clause it hangs from (its trigger's subject)."""
    if t.dep_ != "relcl" or not any(c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children)
                                    for c in t.children):
        return []
    ant = t.head
    if ant.pos_ in NOUN_POS and _is_trigger(ant):
        found = subject(ant)
        if found is not None:
            return [found]
    cur = ant
    while cur.head.i != cur.i and cur.pos_ not in VERB_POS and cur.dep_ in ("pobj", "prep", "dobj", "conj",
                                                                              "appos", "compound"):
        cur = cur.head
    if cur.pos_ in VERB_POS and cur.lemma_.lower() not in word_list("reporting"):
        found = subject(cur)
        return [found] if found is not None else []
    return []


def sources(t: Token) -> list[Token]:
    """Possible sources, best first: the subject; for a noun its 'from' object and the subject of the verb
    it is the object of ("held talks", "launched an investigation"); the speaker, for a pronoun subject."""
    out: list[Token] = []
    subj = subject(t)
    if subj is not None and not _victim_subject(t):
        out.append(subj)
    if subj is None and (t.tag_ == "VBN" or t.pos_ in NOUN_POS):   # "shot dead in a drive-by attack by gunmen",
        out += _setting_agents(t)                     # "killed during the operations carried out by X"
        if not out and t.tag_ == "VBN" and (_victim_subject(t) or is_passive(t)):
            # "8 were killed and 8 wounded following an operation by ANDSF forces", "were killed, injured or
            # captured during ...": the setting hangs from a later participle of the list
            out += [g for c in t.subtree if c.dep_ in ("conj", "advcl") and c.tag_ == "VBN" and c.head.i >= t.i
                    for g in _setting_agents(c)]
        if not out and t.tag_ == "VBN":
            out += _in_which(t)
    if _victim_subject(t):     # "militants were killed during clashes with / after exchanging fire with X"
        out += [x for v in [t, *(c for c in t.children if c.dep_ == "conj")] for x in _fought_with(v)]
        if not out:            # "a soldier and three militants were killed in fighting": the two sides
            victim = subject(t) or next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            fight = any(c.dep_ == "prep" and c.lower_ in _SETTING_PREPS and any(
                g.dep_ == "pobj" and _reciprocal_phrase(g) is not None for g in c.children) for c in t.children)
            if fight and victim is not None and any(c.dep_ == "conj" for c in victim.children):
                out.append(victim)
    phrase = _reciprocal_phrase(t) if t.pos_ in NOUN_POS else None
    occur = None
    if phrase is not None:
        occur = phrase.head if phrase.dep_ in ("nsubj", "nsubjpass") else next(
            (v for v in phrase.doc[phrase.i + 1:phrase.i + 3] if v.pos_ in VERB_POS and subject(v) == phrase), None)
    if occur is not None and occur.lemma_.lower() in word_list("occur"):   # "clashes / a shoot-out broke out
        out += _between(occur)                                                # between X and Y"
        if not out:        # "a shoot-out broke out *when the police* approached": a side of the fight
            out += [g for c in occur.children if c.dep_ == "advcl" and c.i > occur.i
                    and any(k.lower_ in ("when", "as", "after") for k in c.children if k.dep_ in ("mark", "advmod"))
                    for g in c.children if g.dep_ == "nsubj"]
    if t.pos_ in VERB_POS and subj is None:      # "shelling exchange (with guns) between X and Y" (a noun read
        out += [g for c in t.children if c.dep_ == "dobj" and _reciprocal_phrase(c) is not None   # as a verb)
                for w in c.subtree for g in _between(w)]
    if t.tag_ == "VBG" and t.dep_ == "pcomp" and t.head.lower_ == "to" \
            and t.head.head.lemma_.lower() in word_list("counter"):      # "X responded to shelling (by Y)"
        found = subject(t.head.head)
        if found is not None:
            out.append(found)
    if t.pos_ in NOUN_POS:
        if t.lemma_.lower() in word_list("intransitive"):   # "the withdrawal of some troops"
            out += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]
        out += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                if g.dep_ == "pobj"]
        if phrase is not None:       # "a clash between two groups of villagers"
            out += _between(phrase)
        cur, direct = t, True
        light, counter = word_list("light"), word_list("counter")
        if cur.dep_ == "compound" and cur.head.pos_ in NOUN_POS:   # "launched a *mediation* effort"
            cur = cur.head
        while cur.dep_ in ("pobj", "prep", "dobj", "nsubjpass", "attr", "conj") and cur.head.i != cur.i:
            direct = direct and (cur.dep_ in ("dobj", "nsubjpass", "attr", "conj", "pobj")
                                 or cur.lower_ in ("through", "with", "by", "using", "in", "on")
                                 or (cur.lower_ == "to" and cur.head.lemma_.lower() in counter)
                                 or (cur.lower_ == "for" and cur.head.lemma_.lower() in word_list("gather"))
                                 or (cur.lower_ == "of" and cur.head.lemma_.lower() == "state"))
            # "compensate through strikes", "engaged in a firefight", "responded to shelling", "remained on
            # alert", "were converging for a rally"
            cur = cur.head
            if cur.pos_ in VERB_POS:   # "X held talks", "X reimposed blockades": the verb's subject; not when the
                # verb is an event of its own ("X condemned the attack": X did not attack), unless it meets the
                # attack ("X repelled an attack": X fought in it)
                verb_subj = subject(cur) if direct and (cur.lemma_.lower() in light or cur.lemma_.lower() in counter
                                                        or not _is_trigger(cur)) else None
                if verb_subj is not None:
                    out.append(verb_subj)
                break
    if t.pos_ in NOUN_POS and len(out) > 1 and out[0].dep_ == "pobj" and out[0].head.lower_ == "of" \
            and out[0].head.head.i == t.i and out[0].lower_ in _OWN_FORCE_WORDS:
        out = out[1:] + out[:1]      # "X speeded up the withdrawal of some forces": X's own forces; X did it
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
    if t.tag_ == "VBN" and t.dep_ in ("conj", "advcl") and not any(c.dep_ in ("dobj", "nsubjpass", "nsubj")
                                                                  for c in t.children):
        cur = t            # "were killed, injured or captured": the patient of the passive the list starts with
        while cur.dep_ in ("conj", "advcl") and cur.tag_ == "VBN" and cur.head.i != cur.i:
            cur = cur.head
        if cur is not t and is_passive(cur):
            out += [c for c in cur.children if c.dep_ == "nsubjpass"]
    if source is not None and _victim_subject(t) and source.dep_ in ("nsubj", "nsubjpass") and source.head == t:
        out += [c for c in source.children if c.dep_ == "conj"]  # "a soldier and 3 militants killed in fighting"
    co_subject = [c for c in source.children if c.dep_ == "conj"] if source is not None else []
    if source is not None and source.dep_ == "compound" and hyphen_pair(source.head) is source:
        co_subject.append(source.head)             # "Russia-Ukraine talks": Ukraine is the partner
    if type_ in ("CONSULT", "AGREE", "COOPERATE"):
        out += _prep_objects(t, preps)
        if t.lemma_.lower() in word_list("meet") and (obj := direct_object(t)) is not None:
            out.append(obj)
        out += co_subject
    obj = direct_object(t)
    if obj is not None and source is not None and obj.i == source.i:    # "X is opposed to Y": X holds, Y is
        obj = None                                                      # opposed
    if t.lemma_.lower() in word_list("transfer"):   # "offered its troops to Lebanon": the recipient, not the thing
        out += [c for c in t.children if c.dep_ in ("dative", "iobj")]
        out += _prep_objects(t, ("to", "into", "from", "in"))
    if obj is not None and not (t.pos_ in NOUN_POS and obj.pos_ not in NOUN_POS):
        out.append(obj)
        out += _prep_objects(obj, ("by", "to", "for", "against", "on", "of"))
    out += [c for c in t.children if c.dep_ in ("dative", "iobj")]
    if type_ == "ACCUSE":          # "complained to the UN *over* X's raids": whom the complaint is about first
        pobjs = _prep_objects(t, preps)
        pobjs += [g for g in _prep_objects(t, ("to", "for", "into")) if g not in pobjs]
    else:
        pobjs = _prep_objects(t, preps + ("to", "for", "into"))
    out += pobjs
    for p in pobjs:   # "called for sanctions against X"
        out += _prep_objects(p, ("against", "on", "with", "of", "to"))
    if t.pos_ in NOUN_POS and t.dep_ == "dobj" and t.head.i != t.i:   # "opened investigations against X"
        out += _prep_objects(t.head, preps)
    if type_ == "ASSAULT" and (t.lemma_.lower() in RECIPROCAL or _reciprocal_phrase(t) is not None):
        out += co_subject                       # "Army units and militants clashed": they fought each other
    if type_ in ("PROTEST", "REQUEST") and _depth == 0:   # "staged a sit-in / began a hunger strike *to demand
        host = t                                          # the resignation of X*", "... to protest X's refusal"
        while host.pos_ in NOUN_POS and host.dep_ in ("compound", "dobj", "pobj", "prep") and host.head.i != host.i:
            host = host.head
        for c in host.children:
            if c.dep_ == "advcl" and c.i > t.i and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children):
                obj = direct_object(c)
                if obj is not None:
                    out += [g for g in obj.children if g.dep_ == "poss"]
                out += targets(c, "", None, _depth + 1)
    for c in t.children:
        if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "acl" and t.pos_ in NOUN_POS):
            out += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            if _depth < 2:
                out += targets(c, "", None, _depth + 1)
    seen: set[int] = set() if source is None else {source.i}
    return [x for x in out if x.ent_type_ not in ("DATE", "TIME") and not (x.i in seen or seen.add(x.i))]


def read_roles(m: Mention) -> None:
    """Fill the mention's source and target tokens (best first) from its clause."""
    t = m.token
    if m.type == "COERCE" and t.dep_ == "xcomp" and t.head.lemma_.lower() in word_list("compel"):
        # "X ordered the newspaper to suspend publication": the coercion is X's, done to the newspaper
        boss, obj = subject(t.head), direct_object(t.head)
        if obj is not None:         # "the opposition newspaper *La Prensa*": by its name
            obj = next((c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), obj)
        if boss is not None and obj is not None:
            m.source, m.other_sources, m.target, m.others = boss, [], obj, targets(t, m.type, boss)
            return
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
    if phrase:     # "the Asia-Pacific Forum (APF) secretariat": the name, not the acronym in brackets
        text = text_of(tok.doc)
        return max(phrase, key=lambda a: (text[a.start - 1:a.start] != "(", a.end))
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ in NOUN_POS:   # "the removal *of X* and his party"
            sub = [a for i in range(c.i, c.right_edge.i + 1) for a in index.get(i, ())]
            if sub:
                return min(sub, key=lambda a: a.start)
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
    return span is not None and span.root.lemma_.lower() not in _MEDIA_PEOPLE \
        and any(t.pos_ == "PROPN" or t.is_upper for t in span)


def _town(a: Actor, places: Sequence[Place]) -> bool:
    """An actor that is a town or district named as if it acted ("shelled Ankawi"): where a violent act
    happened, not who it was done to (countries stay actors: "Russia attacked Ukraine")."""
    return any(p.start <= a.start < p.end and p.feature_code not in ("PCLI", "PCL", "PCLD", "PCLIX")
               for p in places)


def _usable(a: Actor | None, m: Mention, doc: Doc, body_start: int, outlet_ok: bool = False) -> bool:
    if a is None:
        return False
    if a.start < body_start <= m.token.idx:            # the dateline ("KHARKIV, May 2 -") is never an actor
        return False
    if not outlet_ok and _is_outlet(a, doc):
        return False
    return True


def _condition_subjects(t: Token) -> list[Token]:
    """The subjects of the if/unless clauses of a threat ("... unless *Israel* rescinds ...")."""
    return [g for c in t.subtree if c.dep_ == "advcl" and c.i > t.i
            and any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in c.children)
            for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]


def _region(t: Token) -> tuple[int, int]:
    """Where the country forces are sent to may be named: after the trigger in its phrase, or in the clause
    of the act it is the purpose of ("sent personnel *to Bosnia* to investigate ...")."""
    if t.dep_ in ("advcl", "xcomp") and t.head.lemma_.lower() in word_list("transfer"):
        return t.head.left_edge.i, t.head.right_edge.i
    return t.i + 1, t.right_edge.i


def _own_forces(a: Actor, m: Mention) -> bool:
    """Forces named only by what they are ("peacekeepers", "its forces", "an international force")."""
    return a.kind == "MIL" and not any(w[:1].isupper() for w in a.text.split()[1:] + [a.text[:1].lower()])


def _is_country(a: Actor, places: Sequence[Place]) -> bool:
    return any(p.start <= a.start < p.end and p.feature_code in ("PCLI", "PCL", "PCLD", "PCLIX", "PCLS")
               for p in places)


_FORCES = frozenset({"MIL", "COP", "SPY"})


def _continues_an_operation(m: Mention) -> bool:
    """An arrest or a fight told with no agent ("Three men were arrested.", "A shoot-out broke out."): in a
    report of a raid or an operation, the force that carried it out made the arrest or fought."""
    t = m.token
    return (m.type == "COERCE" and m.mode == "arrest" and (is_passive(t) or t.pos_ in NOUN_POS)) \
        or (m.type == "ASSAULT" and _reciprocal_phrase(t) is not None)


def _operator_before(m: Mention, actors: Sequence[Actor], doc: Doc, body_start: int) -> Actor | None:
    """The security force that is the subject of the sentence before, in the same paragraph ("Police raided
    a house in X. Three men were arrested."), not a speaker ("Police said ...")."""
    start = m.sent.start
    if start == 0:
        return None
    prev = doc[start - 1].sent
    if "\n" in text_of(doc)[prev.end_char:m.sent.start_char] or prev.start_char < body_start:
        return None
    root = prev.root
    if root.lemma_.lower() in word_list("reporting"):
        return None
    a = actor_for(subject(root), actors)
    return a if a is not None and a.kind in _FORCES and _usable(a, m, doc, body_start) else None


def _where_imposed(a: Actor, m: Mention) -> bool:
    """A place the trigger's own measure holds in ("a curfew *in Mosul*", "a state of siege *in X*"): its
    people are acted on. (The actors stage makes such a town an actor only under a measure noun.)"""
    tok = token_at(m.token.doc, a.end - 1)      # the name's last word: "East *Timor*"
    if tok is None or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "on", "across", "throughout"):
        return False
    holder = tok.head.head
    t = m.token
    return holder.i == t.i or (t.dep_ == "pobj" and t.head.lower_ in ("of", "on") and t.head.head.i == holder.i)
    # "a state *of* siege in X", "remained *on* alert in X"


def _named_for(a: Actor, m: Mention, actors: Sequence[Actor]) -> Actor:
    """A pronoun source that stands for the speaker of its own sentence ("Governor X said *he* is ready to
    ..."): the speaker's named mention, the same actor, said in full."""
    tok = token_at(m.token.doc, a.start)
    if tok is None or tok.pos_ != "PRON":
        return a
    said = speaker_of(tok)
    if said is None:
        return a
    verb, who = said
    for _ in range(3):     # "X was quoted as *saying* he ...": the speaker is the subject of the verb above
        if who is not None or verb.head.i == verb.i:
            break
        verb = verb.head
        who = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if who is None:
        return a
    named = actor_for(who, actors)
    if named is not None and named.name == a.name and named.id != a.id:
        return named
    return a


def actors_for(m: Mention, actors: Sequence[Actor], doc: Doc, body_start: int = 0,
               places: Sequence[Place] = ()) -> None:
    """Set the mention's actor1 and actor2 (model.Actor or None) from its source and target tokens."""
    a1 = next((a for a in (actor_for(t, actors) for t in [m.source, *m.other_sources])
               if _usable(a, m, doc, body_start)), None)
    violent = (m.action or m.type) in ("ASSAULT", "COERCE")

    a1 = _named_for(a1, m, actors) if a1 is not None else None
    if a1 is None and m.source is None and not m.other_sources and _continues_an_operation(m):
        a1 = _operator_before(m, actors, doc, body_start)

    def fits(a: Actor | None, outlet_ok: bool = False) -> bool:
        return _usable(a, m, doc, body_start, outlet_ok) and not (a1 is not None and a.id == a1.id) \
            and not (violent and _town(a, places) and not _where_imposed(a, m))

    # an outlet is never who did it, but it can be what was done to ("ordered the newspaper X to close")
    cands = [a for a in (actor_for(t, actors) for t in [m.target, *m.others]) if fits(a, outlet_ok=True)]
    after = actor_after(m.token, actors, a1)
    if fits(after) and all(after.id != a.id for a in cands):
        cands.append(after)
    a2 = cands[0] if cands else None
    if a2 is not None and _own_forces(a2, m) and (m.action or m.type) not in ("ASSAULT", "COERCE"):
        # "strengthened its forces in Lebanon", "refused to deploy peacekeepers in Iraq": the forces are the
        # source's own, moved or kept; the country they are in or sent to is the one acted on
        sent = [a for a in actors if a.kind == "GOV" and _is_country(a, places) and fits(a)
                and (tok := token_at(doc, a.end - 1)) is not None and tok.dep_ == "pobj"
                and tok.head.lower_ in ("in", "to", "into") and _region(m.token)[0] <= tok.i <= _region(m.token)[1]
                and tok.i != m.token.i]
        a2 = next((a for a in cands[1:] + sent if a.kind == "GOV" and a.country_code and _is_country(a, places)),
                  None if m.type in ("RETREAT", "MOBILIZE") else a2)
    if a2 is None and (m.action or m.type) != "ASSAULT":    # "declared a state of siege in Haiti"
        a2 = next((a for a in actors if _where_imposed(a, m) and fits(a)), None)
    if a2 is None and m.type == "THREATEN":   # "threatened to strike unless X ...": X is the one threatened
        a2 = next((a for a in (actor_for(g, actors) for g in _condition_subjects(m.token)) if fits(a)), None)
    m.actor1, m.actor2 = a1, a2
