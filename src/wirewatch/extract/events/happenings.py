"""Step 4 of the events stage: which mentions tell of the same happening.

Three foldings, in order:
1. **Within a phrase**: a trigger inside the phrase of a shallower trigger of the same kind is one mention
   ("attacked the post, killing three").
2. **Content of a commitment or demand**: what is promised, demanded, refused, threatened or accused is part
   of that speech act, not a happening of its own ("promised *to scale down* operations", "called for *a
   ceasefire*", "accused X *of shelling* ...").
3. **Across sentences**: a mention joins an earlier happening of the same kind (same family of action, same
   status and polarity) whose place, date and actors do not conflict with it: in the same sentence or the
   next two of its paragraph; further away only when it refers back ("*the* offer", "*its* withdrawal") or
   shares a specific place or its agent. A protest takes in the police's intervention and the crowd's
   demands; violence takes in its casualties and the damage told right after it. A second strike in
   another town or on another day stays a happening of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Sequence

from ...model import HAPPENING_FAMILY
from .lexicon import word_list
from .mentions import Mention
from .syntax import crosses_clause
from .where import specificity

__all__ = ["Happening", "fold_content", "fold_phrases", "group"]

SYMMETRIC = frozenset({"consult", "agree", "cooperate"})
FRAMES = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "PROTEST"})
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "pcomp", "pobj", "prep", "dobj", "advcl", "conj", "nsubj",
                          "nsubjpass", "compound", "amod", "relcl", "attr", "oprd", "dative", "npadvmod"})
# What a happening of one family takes in from the sentences right after its mention.
ABSORBS = {
    "protest": {"arrest", "violence", "damage", "request", "accuse", "reject", "concede", "coerce", "release",
                "consult", "mobilize", "accident"},
    "violence": {"damage", "abduct", "seize", "release", "accident"},     # "... as a fire broke out": its damage
    "riot": {"arrest", "violence", "damage", "request", "accident"},
}


@dataclass
class Happening:
    """The mentions of one happening, in text order; `lead` is the clearest of them."""

    mentions: list[Mention]
    lead: Mention
    figures: list = field(default_factory=list)      # model.Figure, the ones it counts
    fatalities: int | None = None

    @property
    def first(self) -> Mention:
        return self.mentions[0]


def family(m: Mention) -> str:
    """The kind of action a mention tells, coarser than its PLOVER type."""
    t, mode = ("PROTEST" if m.type == "PROTEST" else m.action or m.type), m.mode
    if "base" in m.entry.flags:
        return "base"
    if t == "ASSAULT":
        return "violence"
    if t == "PROTEST":
        return "riot" if mode == "riot" else "protest"
    if t == "COERCE":
        return {"arrest": "arrest", "seize": "seize", "destroy": "damage", "abduct": "abduct",
                "disrupt": "disrupt"}.get(mode or "", "coerce")
    if t == "RETREAT" and mode == "ceasefire":
        return "agree"
    if t == "SUPPORT" and m.token.lemma_.lower() == "sign":
        return "agree"
    if t == "CONCEDE" and mode == "release":
        return "release"
    if "base" in m.entry.flags:
        return "base"
    if t == "COERCE" and mode == "disrupt":
        return "disrupt"
    return t.lower()


TOPIC_PREPS = frozenset({"about", "on", "over", "including", "regarding", "concerning", "during", "after",
                         "before", "amid", "despite", "following", "since", "like"})
CONTENT_PREPS = frozenset({"for", "to", "on", "of", "against", "over", "about", "with", "into", "from"})


def _in_phrase(inner: Mention, outer: Mention) -> bool:
    """Is `inner` part of `outer`'s own phrase ("attacked the post, killing three"), not a topic of it
    ("discussed ... including the talks in Istanbul") nor a clause of its own?"""
    if inner.unit != outer.unit or crosses_clause(inner.token, outer.token):
        return False
    light = word_list("light")
    cur = inner.token
    while cur.i != outer.token.i:
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in TOPIC_PREPS:
            return False
        if cur.dep_ == "dobj" and cur.head.pos_ == "VERB" and cur.head.i != outer.token.i \
                and cur.head.lemma_.lower() not in light:
            return False
        if cur.dep_ == "dobj" and cur.head.i == outer.token.i and outer.token.pos_ == "VERB" \
                and outer.token.lemma_.lower() not in light:
            return False
        cur = cur.head
    return True


def fold_content(mentions: list[Mention]) -> list[Mention]:
    """Fold what a promise, demand, refusal, threat or accusation is about into it (module docstring, 2)."""
    frames = [k for k in mentions if (k.action or k.type) in FRAMES and k.token.lemma_.lower() not in word_list("factive")]
    if not frames:
        return mentions
    rest: list[Mention] = []
    for m in mentions:
        hosts = [k for k in frames if k is not m and k.unit == m.unit and _content_of(m, k)]
        if hosts:
            max(hosts, key=lambda k: k.token.i if k.token.i < m.token.i else -k.token.i).content.append(m)
        else:
            rest.append(m)
    return rest


HAZARDS = frozenset(t for t, fam in HAPPENING_FAMILY.items() if fam == "disaster")     # DISASTER, ACCIDENT


def hazard_casualties(mentions: list[Mention]) -> None:
    """A death or injury told in the sentence of a disaster or accident, with no attack and no attacker in it,
    is that hazard's toll ("two were killed when a bus crashed", "quakes rocked the town, killing four"): it
    takes the hazard's type (the nearest hazard's, one in its own phrase first)."""
    hazards = [h for h in mentions if h.type in HAZARDS]
    if not hazards:
        return
    for m in mentions:
        if not m.casualty or m.type != "ASSAULT":
            continue
        here = [h for h in hazards if h.unit == m.unit]
        if not here or any(o.unit == m.unit and o.type == "ASSAULT" and not o.casualty for o in mentions):
            continue                       # no hazard here, or an attack in the sentence: its toll
        if m.source is not None and not {t.i for t in m.source.subtree} & {h.token.i for h in here}:
            continue                       # someone killed them (not "a series of quakes")
        subtree = {t.i for t in m.token.subtree}
        h = min(here, key=lambda h: (h.token.i not in subtree and m.token.i not in {t.i for t in h.token.subtree},
                                     abs(h.token.i - m.token.i)))
        m.type = m.action = h.type
        m.mode = m.mode or h.mode


OTHER = frozenset(HAPPENING_FAMILY)      # the types of the families outside PLOVER
TOLL_HEADS = frozenset({"toll", "death", "casualty", "damage"})
SETTING_PREPS = frozenset({"against", "over", "about", "for", "of", "after", "following", "since", "amid",
                           "despite", "during", "before", "due", "because", "on", "in"})


def background(m: Mention, mentions: Sequence[Mention]) -> bool:
    """Is a disaster, election or appointment only the setting of something else the sentence tells? A noun
    that qualifies another ("the *election* campaign", "*flood* victims"; not "the *quake* toll"), or one
    reached from a PLOVER happening through a preposition ("protested against the *election* results",
    "an investigation of the *accident*", "sent aid after the *floods*"): the story tells the protest, the
    investigation, the aid; the disaster is told as a happening where it is a clause's own subject or verb.
    "Newly" appointed or elected describes an office holder, whatever the parse made of the participle."""
    if m.type not in OTHER or m.casualty:
        return False
    t = m.token
    if any(c.dep_ == "advmod" and c.lower_ == "newly" for c in t.children):
        return True                      # "the newly elected president", "newly appointed Prime Minister X"
    if t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN") and t.head.lemma_.lower() not in TOLL_HEADS \
            and not any(o.token.i == t.head.i for o in mentions):
        return True
    plover = {o.token.i for o in mentions if o.unit == m.unit and o.type not in OTHER}
    if not plover:
        return False
    cur, via = t, False
    for _ in range(8):
        if cur.head.i == cur.i or cur.dep_ in ("relcl", "ccomp", "parataxis", "advcl", "conj"):
            return False
        if cur.dep_ == "prep" and cur.lower_ in SETTING_PREPS:
            via = True
        cur = cur.head
        if cur.i in plover:
            return via
    return False


FIGHTING = frozenset({"control", "fight", "battle", "tackle", "contain", "douse", "extinguish", "combat", "put"})


def hazard_status(mentions: list[Mention]) -> None:
    """A disaster or accident that people are trying to fight happened ("firefighters were trying to control
    *the fire*": the attempt is theirs), and one told in a headline's present happened ("*Aftershocks* jolt
    the island")."""
    for m in mentions:
        if m.type not in HAZARDS or m.polarity != "positive":
            continue
        fought = m.token.pos_ == "NOUN" and m.token.dep_ in ("dobj", "pobj") and m.token.head.lemma_.lower() in FIGHTING
        if (m.status == "hypothetical" and fought) or (m.status == "generic" and _headline_like(m)):
            m.status, m.certainty = "occurred", "certain"


def fold_phrases(mentions: list[Mention]) -> list[Mention]:
    """Fold same-family triggers inside a shallower trigger's phrase into it (module docstring, 1)."""
    hazard_status(mentions)
    hazard_casualties(mentions)
    mentions = [m for m in mentions if not background(m, mentions)]
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (x.depth, x.token.i)):
        host = next((k for k in kept if family(k) == family(m) and _in_phrase(m, k)), None)
        if host is None:
            kept.append(m)
            continue
        host.merged.append(m.token)
        host.mode = host.mode or m.mode
        host.source = host.source or m.source
        host.target = host.target or m.target
        host.actor1 = host.actor1 or m.actor1
        host.actor2 = host.actor2 or m.actor2
        if m.place is not None and m.place_score > host.place_score:   # "... killed when militants attacked
            host.place, host.place_score = m.place, m.place_score      # a convoy in Maidan Shar"
        if m.own_time and not host.own_time:
            host.time, host.own_time = m.time, True
    kept.sort(key=lambda x: x.token.i)
    return kept


def _content_of(m: Mention, frame: Mention) -> bool:
    """Is `m` what `frame` promises, demands, refuses, threatens or accuses of? It hangs below the frame's
    trigger (or below the light verb that carries a frame noun: "a decision was made to reduce ...") through
    a complement: an infinitive or clause, the object, or a preposition such as for/to/on/of ("called for a
    ceasefire", "accused X of shelling"); not through a relative clause or a setting ("agreed in a call")."""
    t = frame.token
    doc = t.doc
    if m.token.i < t.i:
        return False                     # what is promised or demanded is told after the act
    if m.token.i == t.i + 2 and doc[t.i + 1].lower_ == "to" and t.pos_ in ("NOUN", "PROPN"):
        return True                      # "the offer to scale back ...", whatever the parse made of it
    if (frame.action or frame.type) == "ACCUSE" and m.token.i > t.i and any(
            doc[k].lower_ == "of" for k in range(t.i + 1, m.token.i)) and not any(
            doc[k].lemma_.lower() in word_list("reporting") for k in range(t.i + 1, m.token.i)):
        return True                      # "accused X (in cities under attack) of using ceasefires ..."
    tops = {frame.token.i}
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "nsubjpass", "nsubj") and \
            t.head.lemma_.lower() in word_list("light"):
        tops.add(t.head.i)
    cur = m.token
    for _ in range(10):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("relcl", "parataxis"):
            return False
        if cur.head.i in tops:
            break
        cur = cur.head
    else:
        return False
    if (frame.action or frame.type) == "PROTEST":     # what a crowd protests against is its topic
        return cur.dep_ == "prep" and cur.lower_ in ("against", "over", "about", "for")
    if cur.dep_ in ("xcomp", "ccomp", "dobj", "conj", "advcl", "acl", "dative", "oprd"):
        return cur.dep_ not in ("conj", "advcl", "acl") or _to_infinitive(cur)
    return cur.dep_ == "prep" and cur.lower_ in CONTENT_PREPS


def _to_infinitive(t) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) or t.tag_ == "VB"


def _same_place(a: Mention, b: Mention) -> bool | None:
    """True same place, False two different specific places, None no conflict (one missing or wider)."""
    p, q = a.place, b.place
    if p is None or q is None:
        return None
    if (p.geonameid and p.geonameid == q.geonameid) or (p.name and p.name == q.name) or p.text == q.text:
        return True
    if specificity(p) >= 2 and specificity(q) >= 2 and a.place_score >= 2 and b.place_score >= 2:
        return False
    return None


def _same_date(a: Mention, b: Mention) -> bool | None:
    """True/False when both mentions date themselves (a day inside a week or month is the same date)."""
    if a.time is None or b.time is None or not (a.own_time and b.own_time):
        return None
    va, vb = (a.time.value or "")[:10], (b.time.value or "")[:10]
    if not va or not vb:
        return None
    return va.startswith(vb) or vb.startswith(va) or _week(va) == vb or _week(vb) == va


def _week(value: str) -> str | None:
    try:
        year, week, _ = dt.date.fromisoformat(value).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


def _same_actor(x, y) -> bool | None:
    """True the same party (same name, or same country), False two parties, None can't tell."""
    if x is None or y is None:
        return None
    if x.name == y.name:
        return True
    if x.country_code and y.country_code:
        return x.country_code == y.country_code
    return None


def _refers_back(t) -> bool:
    """A noun that refers back to a happening: "the offer", "this attack", "its withdrawal"."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    dets = [c for c in t.children if c.dep_ in ("det", "poss")]
    return any(d.lower_ in word_list("anaphor") for d in dets) or any(d.dep_ == "poss" for d in dets)


def _paragraph(text: str, a: int, b: int) -> bool:
    """No paragraph break between offsets a < b."""
    gap = text[a:b]
    return "\n\n" not in gap and "\u2028" not in gap and "\u2029" not in gap


def _compatible(m: Mention, h: Happening, text: str, sent_no: dict[int, int],
                refers_back: frozenset[tuple]) -> bool:
    last = h.mentions[-1]
    fam_m, fam_h = family(m), family(h.lead)
    if m.status == "generic" and h.lead.status == "generic" and fam_h == "violence" and \
            any(_campaign(x) for x in h.mentions) and any(x.sent.start == m.sent.start for x in h.mentions):
        return True                     # a sentence summing up the war: one generic happening
    if m.status != h.lead.status or m.polarity != h.lead.polarity:
        return False
    same_family = fam_m == fam_h
    absorbed = (fam_m in ABSORBS.get(fam_h, ()) and not _background(m)) or \
        (fam_h, fam_m) in (("agree", "consult"), ("consult", "agree")) and _setting_of(m, last)
    if not (same_family or absorbed):
        return False
    if _same_place(m, h.lead) is False or _same_date(m, h.lead) is False:
        return False
    if h.lead.type == "CONSULT" and (m.mode == "phone") != (h.lead.mode == "phone"):
        return False
    if fam_h == "agree" and _content_type(m) and _content_type(h.lead) and _content_type(m) != _content_type(h.lead):
        return False
    if fam_h in SYMMETRIC and _parties(m) and _parties(h.lead) and not _parties(m) & _parties(h.lead):
        return False
    a1 = _same_actor(m.actor1, h.lead.actor1)
    if a1 is False and not (absorbed or fam_h in ("violence", "protest", "riot") or fam_h in SYMMETRIC):
        return False
    if fam_h in ("violence",) and a1 is False and _same_actor(m.actor2, h.lead.actor1) is not True \
            and _same_actor(m.actor1, h.lead.actor2) is not True:
        return False
    gap = sent_no[m.sent.start] - sent_no[last.sent.start]
    if _headline_like(last) and m.unit != last.unit:
        return same_family and gap <= 2          # a headline sums up the report that follows it
    near = gap <= 2 and _paragraph(text, last.unit[1], m.unit[0])
    if m.unit == last.unit or near:
        return same_family or gap <= 2
    if absorbed:                # damage told in the next paragraph as a thing known ("Firefighters put out the
        return gap <= 2 and (m.unit, fam_m) in refers_back     # blaze by noon."): the happening's own damage
    # further away: the mention refers back, or shares the happening's specific place, agent or content;
    # every mention of the war itself is one generic happening
    if m.status == "generic" and any(_campaign(x) for x in h.mentions) and (
            _campaign(m) or any(x.sent.start == m.sent.start for x in h.mentions)):
        return True                     # the war itself, and what a sentence summing it up says it did
    same_agent = a1 is True and (fam_h not in SYMMETRIC or m.actor1.name == h.lead.actor1.name)
    same_content = _content_type(m) is not None and _content_type(m) == _content_type(h.lead)
    same_word = any(x.token.lemma_.lower() == m.token.lemma_.lower() for x in h.mentions)
    return (m.unit, fam_m) in refers_back or same_word or _same_place(m, h.lead) is True \
        or (same_agent and fam_h not in ("violence",)) or (fam_h == "agree" and same_content)


def _campaign(m: Mention) -> bool:
    return m.token.lemma_.lower() in word_list("campaign")


def _content_type(m: Mention) -> str | None:
    """The type of what a commitment commits to (its shallowest content mention)."""
    return min(m.content, key=lambda c: (c.depth, c.token.i)).type if m.content else None


def _parties(m: Mention) -> set[str]:
    """Who takes part in a meeting or agreement: the countries (else names) of both actors."""
    return {a.country_code or a.name for a in (m.actor1, m.actor2) if a is not None}


def _background(m: Mention) -> bool:
    """Told in passing, in a relative clause ("a man who died last week"): not part of what is going on."""
    cur = m.token
    while cur.head.i != cur.i:
        if cur.dep_ == "relcl" and cur.pos_ == "VERB":
            return True
        cur = cur.head
    return False


def _setting_of(m: Mention, other: Mention) -> bool:
    """A meeting or call that is the setting of an agreement or the reverse: "agreed in a phone call"."""
    a, b = m.token, other.token
    return (a.head.dep_ == "prep" and a.head.head.i == b.i) or (b.head.dep_ == "prep" and b.head.head.i == a.i)


def _clarity(m: Mention) -> tuple:
    return (m.actor1 is not None, m.place is not None, not m.content and m.type in FRAMES, -m.depth,
            m.token.pos_ == "VERB", -m.token.i)


def group(mentions: Sequence[Mention], text: str) -> list[Happening]:
    """Happenings in order of their first mention (see the module docstring)."""
    sent_no: dict[int, int] = {}
    for m in mentions:
        sent_no.setdefault(m.sent.start, len(sent_no))
    # a sentence that refers back to a happening ("four were killed in the attack") refers back with all its
    # mentions of that kind, the verb told before the noun included
    refers_back = frozenset((m.unit, family(m)) for m in mentions
                            if any(_refers_back(t) for t in (m.token, *m.merged)))
    out: list[Happening] = []
    for m in mentions:
        host = None
        for h in reversed(out):
            if _compatible(m, h, text, sent_no, refers_back):
                host = h
                break
        if host is None:
            out.append(Happening([m], m))
            continue
        host.mentions.append(m)
        if family(m) == family(host.lead) and _clarity(m) > _clarity(host.lead) and m.unit != host.lead.unit \
                and _headline_like(host.lead):
            host.lead = m
    return out


def _headline_like(m: Mention) -> bool:
    text = m.sent.doc.user_data.get("ww_text") or m.sent.doc.text
    line = text[m.unit[0]:m.unit[1]].strip()
    return not line.endswith((".", "!", "?", '"', "”")) and len(line) <= 90
