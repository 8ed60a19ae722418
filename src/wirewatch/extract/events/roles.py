"""Step 2 of the events stage: who did it to whom, read from the mention's own clause.

Source (actor1): the trigger's logical subject: the active subject, the passive's `by`-agent ("Lozova was
shelled *by Russian forces*"), a noun's possessor or `by` phrase ("the shelling *by* ..."), the subject of a
light verb ("X *held talks*"), the subject of a verb the trigger is the complement of ("X agreed to *meet*").
Target (actor2): the direct object, the passive subject, partners (`with`, `between`, co-subjects), type-
specific prepositions (`attack on`, `aid to`), the subject of a complement clause. A casualty verb whose
subject is its victim ("two soldiers killed", "a man died") gives the victim as target.

Reported speech: "X said Y attacked Z" is Y's act on Z; X is the claim's source and never the event's actor
unless X did it ("Hungary said *it* will send aid": only a pronoun subject of the reported clause brings in
the speaker). These are tokens; `casting` matches them to the article's actors and says who cannot be one
(the dateline city, an outlet as the doer, a place named only as where it happened).
"""

from __future__ import annotations

from spacy.tokens import Token

from .. import text_of
from .lexicon import load_lexicon, word_list
from .mentions import Mention
from .syntax import NOUN_POS, VERB_POS, direct_object, hyphen_pair, is_passive, subject

__all__ = ["read_roles", "reciprocal_phrase"]

# Prepositions whose object is the target, by type (after the direct object).
TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("on", "against", "at", "upon", "into"), "CONSULT": ("with", "between"),
    "PROTEST": ("against",), "AID": ("to", "for"), "SANCTION": ("on", "against"), "AGREE": ("with",),
    "COOPERATE": ("with",), "REQUEST": ("from", "to", "on"),
    "ACCUSE": ("against", "of", "into", "on", "over", "about", "with"),
    "THREATEN": ("against", "with"), "SUPPORT": ("for",), "COERCE": ("against", "on"),
    "MOBILIZE": ("against",), "REJECT": ("from",),
}
RECIPROCAL = frozenset({"clash", "fight", "battle", "exchange", "skirmish", "fighting", "gunbattle", "firefight",
                        "shootout", "shoot-out", "gunfight", "encounter"})
_SETTING_PREPS = frozenset({"in", "during", "following", "after", "amid", "when"})   # "killed in/after an X by Y"
_OWN_FORCE_WORDS = frozenset({"forces", "troops", "soldiers", "units", "personnel", "contingent", "peacekeepers"})
_VICTIM_VERBS = frozenset({"kill", "injure", "wound", "die", "hurt"})


def _prep_objects(t: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the trigger's prepositions: also "to X" parsed as a dative ("provided arms *to X*"), and
    the subject of a reduced clause the parser hung the object on ("granted asylum to *officers* holed up
    in ...", where the preposition is left without an object)."""
    out: list[Token] = []
    for c in t.children:
        if not (c.dep_ in ("prep", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP")) or c.lower_ not in preps:
            continue
        objs = [g for g in c.children if g.dep_ == "pobj"]
        if not objs and not any(c.children) and c.i + 1 < len(t.doc):
            nxt = c.doc[c.i + 1]
            noun = nxt if nxt.pos_ in NOUN_POS else next((a for a in nxt.ancestors if a.pos_ in NOUN_POS), None)
            if noun is not None and noun.left_edge.i == c.i + 1 and noun.dep_ in ("nsubj", "nsubjpass") \
                    and noun.head.i > noun.i and noun.head.pos_ in VERB_POS:
                objs = [noun]
        out += objs
    return out


def _victim_subject(t: Token) -> bool:
    """"Two soldiers killed", "a man died": the subject of a casualty verb that has no object and no
    auxiliary 'have' is its victim, not its agent."""
    if t.lemma_.lower() not in _VICTIM_VERBS or t.pos_ != "VERB":
        return False
    if t.lemma_.lower() == "die":
        return True
    if any(c.dep_ in ("dobj", "obj", "agent") for c in t.children):
        return False
    if is_passive(t):          # "a reporter has been killed in a roadside blast"
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


def reciprocal_phrase(t: Token) -> Token | None:
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
    if subj is None and t.tag_ == "VBN" and t.lemma_.lower() in word_list("engaged") \
            and any(c.dep_ == "prep" and c.lower_ == "in" for c in t.children):
        subj = next((c for c in t.children if c.dep_ == "nsubjpass"), None)   # "X were engaged in fighting"
    if subj is not None and not _victim_subject(t):
        out.append(subj)
    if subj is None and (t.tag_ == "VBN" or t.pos_ in NOUN_POS):   # "shot dead in a drive-by attack by gunmen",
        out += _setting_agents(t)                     # "killed during the operations carried out by X"
        if not out and t.tag_ == "VBN" and (_victim_subject(t) or is_passive(t)):
            # "5 were killed and 3 wounded after a raid by army commandos", "were killed, wounded or
            # detained during ...": the setting hangs from a later participle of the list
            out += [g for c in t.subtree if c.dep_ in ("conj", "advcl") and c.tag_ == "VBN" and c.head.i >= t.i
                    for g in _setting_agents(c)]
        if not out and t.tag_ == "VBN":
            out += _in_which(t)
    if _victim_subject(t):     # "militants were killed during clashes with / after exchanging fire with X"
        out += [x for v in [t, *(c for c in t.children if c.dep_ == "conj")] for x in _fought_with(v)]
        if not out:            # "a soldier and three militants were killed in fighting": the two sides
            victim = subject(t) or next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            fight = any(c.dep_ == "prep" and c.lower_ in _SETTING_PREPS and any(
                g.dep_ == "pobj" and reciprocal_phrase(g) is not None for g in c.children) for c in t.children)
            if fight and victim is not None and any(c.dep_ == "conj" for c in victim.children):
                out.append(victim)
    phrase = reciprocal_phrase(t) if t.pos_ in NOUN_POS else None
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
        out += [g for c in t.children if c.dep_ == "dobj" and reciprocal_phrase(c) is not None   # as a verb)
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
    if t.dep_ in ("advcl", "xcomp") and t.head.lemma_.lower() in word_list("summon") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        summoned = direct_object(t.head)     # "X summoned Y's ambassador to protest ...": said to the ambassador
        if summoned is not None:
            out.append(summoned)
    out += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "in"    # "marched in defiance of X"
            for n in c.children if n.dep_ == "pobj" and n.lemma_.lower() == "defiance"
            for g in _prep_objects(n, ("of",))]
    if t.pos_ in NOUN_POS and t.dep_ == "pobj" and t.head.lower_ == "under" and t.head.head.pos_ in VERB_POS:
        verb = t.head.head                  # "X came under attack", "X was placed under investigation"
        undergoer = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) or subject(verb)
        if undergoer is not None:
            out.append(undergoer)
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
    if type_ == "ASSAULT" and (t.lemma_.lower() in RECIPROCAL or reciprocal_phrase(t) is not None):
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
    if t.pos_ in NOUN_POS and t.dep_ == "dobj" and (t.head.lemma_.lower() in word_list("light")
                                                    or t.head.lemma_.lower() not in word_list("reporting")):
        # "X renewed its demand (today) that Y ...": the parser hangs the noun's "that" clause on the verb
        out += [g for c in t.head.children if c.dep_ == "ccomp" and c.i > t.i
                and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children)
                for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
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
