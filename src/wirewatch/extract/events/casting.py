"""Step 3 of the events stage: from the role tokens the clause gave (`roles.read_roles`) to the article's
actors, with the rules that say who cannot be one: the dateline city, a news outlet as the doer, a town named
as if it were attacked (where it happened, not to whom), a country's own unnamed forces (the country they are
sent to is the one acted on). When the clause names no agent, an arrest or fight in a report of an operation
goes to the force that ran it.
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Token

from ...model import Actor, Place
from .. import text_of
from .lexicon import word_list
from .mentions import Mention
from .roles import reciprocal_phrase
from .syntax import NOUN_POS, is_passive, speaker_of, subject, token_at

__all__ = ["actors_for", "actor_for"]

# Children that start an event of their own: a coordinated verb ("killed thousands and pummelled the economy")
# or a reported/loosely attached clause. Participial and adverbial clauses stay in ("help defend X").
_OWN_CLAUSE = frozenset({"conj", "cc", "ccomp", "parataxis", "dep"})
_MEDIA_PEOPLE = frozenset({"journalist", "reporter", "correspondent", "photographer", "cameraman", "editor",
                           "blogger", "columnist", "presenter", "photojournalist"})   # people, not outlets


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
    """Forces named only by what they are ("peacekeepers", "its forces", "an international force"), not by
    whose they are ("Russia troops" inside a sentence; a capital opening the sentence says nothing)."""
    first = token_at(m.token.doc, a.start)
    opens = first is None or first.is_sent_start
    return a.kind == "MIL" and not any(w[:1].isupper() for w in a.text.split()[1:] + [a.text[:1].lower() if opens
                                                                                     else a.text[:1]])


def _is_country(a: Actor, places: Sequence[Place]) -> bool:
    return any(p.start <= a.start < p.end and p.feature_code in ("PCLI", "PCL", "PCLD", "PCLIX", "PCLS")
               for p in places)


_FORCES = frozenset({"MIL", "COP", "SPY"})


def _continues_an_operation(m: Mention) -> bool:
    """An arrest or a fight told with no agent ("Three men were arrested.", "A shoot-out broke out."): in a
    report of a raid or an operation, the force that carried it out made the arrest or fought."""
    t = m.token
    return (m.type == "COERCE" and m.mode == "arrest" and (is_passive(t) or t.pos_ in NOUN_POS)) \
        or (m.type == "ASSAULT" and reciprocal_phrase(t) is not None)


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


def _imposable(doc: Doc, actors: Sequence[Actor]) -> list[tuple[Actor, int]]:
    """(actor, token its "in"/"on" phrase hangs from) for each actor whose name ends as the object of "in", "on",
    "across" or "throughout": the first test of `_where_imposed`, which does not depend on the mention, made once
    per Doc and actor list (every mention without a target asks it of every actor)."""
    cached = doc.user_data.get("ww_imposable")
    if cached is None or cached[0] is not actors:
        out: list[tuple[Actor, int]] = []
        for a in actors:
            tok = token_at(doc, a.end - 1)
            if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "on", "across", "throughout"):
                out.append((a, tok.head.head.i))
        cached = doc.user_data["ww_imposable"] = (actors, out)
    return cached[1]


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
        t = m.token                      # `_where_imposed(a, m)` over the actors that pass its first test
        held = (t.i, t.head.head.i if t.dep_ == "pobj" and t.head.lower_ in ("of", "on") else -1)
        a2 = next((a for a, holder in _imposable(doc, actors) if holder in held and fits(a)), None)
    if a2 is None and m.type == "THREATEN":   # "threatened to strike unless X ...": X is the one threatened
        a2 = next((a for a in (actor_for(g, actors) for g in _condition_subjects(m.token)) if fits(a)), None)
    m.actor1, m.actor2 = a1, a2
