"""Step 3 of the events stage: did it happen? A mention's status, certainty and polarity.

The walk starts at the trigger and climbs the parse through the words its clause hangs from, collecting cues
from `data/events/modality.tsv`; it stops at a reporting verb (what the source's attitude is belongs to the
claim), at a finite clause with its own subject, and at a paragraph break.

Status (`occurred | future | hypothetical | generic`):
- a condition (`if`, `unless`) over the clause, or a proposal frame ("under their proposals, Kyiv would ..."),
  makes it hypothetical;
- otherwise the outermost cue decides: `will`, `plans to`, `promised to`, `likely to` are future; `would` is
  future in reported speech ("said the delegation would study") and hypothetical elsewhere; `may/might/could`
  are hypothetical, except over a perfect ("may have died": a hedged past, occurred); `should`, `wants to`,
  `calls for` are hypothetical; an infinitive under any other word is not yet done (hypothetical), under an
  implicative verb ("forced to return", "managed to") it is what that verb is;
- a characterisation or a long-period summary is generic: a campaign noun without a date of its own ("the
  invasion", "the war"), what a present-tense "call/describe" names ("Russia calls its assault ..."), a
  present-perfect summary with `since`, a duration or a campaign noun ("has killed thousands since ..."), a
  perfect or present relative clause on a non-actor ("areas that have seen heavy fighting"), "cities under
  attack", and a present-tense clause in the body (headlines excepted: "Army retakes the port" occurred);
  a generic relative clause only describes the noun it hangs on and is no happening of its own;
- else it occurred, whether the outlet asserts it or reports someone's claim.

Certainty: explicit likelihood (`likely`, `may`) decides when present, anything not yet done is `uncertain`;
a negation or `fail/refuse to` makes the polarity negative; the claim that reports it caps both.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...model import Claim, TimeExpr
from .lexicon import load_modality, word_list
from .mentions import Mention
from .syntax import NOUN_POS

__all__ = ["Modality", "own_modality", "read_status"]

ORDER = ("certain", "probable", "possible", "uncertain")
CLIMB = frozenset({"xcomp", "ccomp", "pobj", "prep", "dobj", "pcomp", "conj", "acomp", "advcl", "nsubj",
                   "nsubjpass", "attr", "npadvmod", "appos", "compound", "nmod", "amod", "oprd", "dative", "agent",
                   "acl", "relcl"})
HEADLINE_END = tuple('.!?:;"”’)…')


@dataclass(frozen=True, slots=True)
class Modality:
    """What the trigger's own clause says about it."""

    certainty: str
    polarity: str
    kinds: frozenset[str]
    cues: tuple[Token, ...]
    negated_here: bool      # a negation on the trigger itself or a "fail to" above it
    status: str
    purpose: bool = False   # the clause says what another act is for: a goal, not a happening


def _perfect(t: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in t.children)


def _infinitive(t: Token) -> bool:
    """A to-infinitive ("to fight"), or a bare infinitive joined to one ("to disarm and denazify")."""
    if t.tag_ != "VB":
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return True
    return t.dep_ == "conj" and _infinitive(t.head) or (t.dep_ == "xcomp" and not any(
        c.dep_ == "nsubj" for c in t.children))


def own_modality(trigger: Token, unit: tuple[int, int] | None = None, reported: bool = False) -> Modality:
    """The modality of the trigger's own clause, before its claim is considered (see the module docstring).

    `unit` (characters) bounds the walk; `reported` says the clause is someone's reported speech."""
    cues = load_modality()
    epistemic: list[str] = []
    kinds: set[str] = set()
    irrealis = negative = negated_here = False
    found: list[Token] = []
    statuses: list[str] = []          # status effects met on the way up, innermost first
    condition = proposal = False
    implicative = word_list("implicative")
    proposals = word_list("proposal")
    cur, first, came_by, below_inf = trigger, True, "", False
    purpose = False                   # the clause is the purpose of another ("to disarm ...", "in order to ...")
    for _ in range(14):
        hits: list[tuple[Token, object]] = []
        for c in cur.children:
            word, lemma = c.lower_, c.lemma_.lower()
            if c.dep_ in ("aux", "auxpass") and word in cues["aux"]:
                hits.append((c, cues["aux"][word]))
            elif c.dep_ in ("aux", "auxpass") and lemma in cues["aux"] and c.tag_ == "MD":
                hits.append((c, cues["aux"][lemma]))
            elif c.dep_ in ("neg", "det", "preconj", "advmod", "cc") and word in cues["neg"] \
                    and (c.dep_ != "cc" or word == "nor"):
                hits.append((c, cues["neg"][word]))
                negated_here = negated_here or first
            elif c.dep_ == "advmod" and lemma in cues["head"] and cues["head"][lemma].effect in ("probable", "possible"):
                hits.append((c, cues["head"][lemma]))
            elif c.dep_ == "mark" and lemma in cues["mark"]:
                hits.append((c, cues["mark"][lemma]))
            elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lemma_.lower() in ("if", "unless")
                                           for m in c.children):
                condition = True           # the consequent of a condition: "would attack if ..."
            elif c.dep_ == "prep" and word == "under" and any(g.lemma_.lower() in proposals for g in c.children):
                proposal = True            # "under their proposals, Kyiv would ..."
            elif c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in proposals and not first:
                proposal = True            # "the proposals included one that Moscow would not oppose ..."
        lemma = cur.lemma_.lower()
        into_complement = came_by in ("xcomp", "ccomp") or (came_by in ("acl", "advcl", "relcl") and below_inf)
        if not first and below_inf and came_by == "acl" and lemma == "order" and cur.head.lower_ == "in":
            statuses.append("hypothetical")   # "in order to ...": a purpose
            purpose = True
        elif not first and lemma in cues["head"]:
            cue = cues["head"][lemma]
            hits.append((cur, cue))
            if cue.status and into_complement:
                statuses.append(cue.status)
        elif not first and below_inf and came_by in ("xcomp", "acl", "advcl", "relcl") \
                and lemma not in implicative and cur.pos_ in ("VERB", "NOUN", "ADJ", "AUX"):
            statuses.append("hypothetical")   # "an operation to fight ...", "a step to restore ...": not yet done
            purpose = purpose or came_by != "xcomp"
        for tok, cue in hits:
            found.append(tok)
            if cue.kind:
                kinds.add(cue.kind)
            if cue.kind == "condition":
                condition = True
            if tok.dep_ in ("aux", "auxpass") and cue.status:
                statuses.append("hypothetical" if cue.status == "modal" and not _perfect(cur) and not
                                _perfect_below(tok) else ("occurred" if cue.status == "modal" else cue.status))
            if cue.effect == "negative":
                negative = True
                negated_here = negated_here or cue.kind == "failure"
            elif cue.effect == "uncertain":
                irrealis = True
            else:
                epistemic.append(cue.effect)
        head = cur.head
        if head.i == cur.i or cur.dep_ not in CLIMB or any(getattr(c, "kind", None) == "condition" for _, c in hits):
            break
        if head.lemma_.lower() in word_list("reporting") and cur.dep_ in ("ccomp", "parataxis", "xcomp", "dobj"):
            break
        if unit is not None and not (unit[0] <= head.idx < unit[1]):
            break
        if cur.dep_ in ("advcl", "conj") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children) \
                and not first:
            break  # a finite clause with its own subject: its facts are its own
        if cur.dep_ == "acl" and cur.tag_ == "VBN":
            break                          # "Crimea, annexed by Russia in 2014": a reduced relative, its own fact
        if cur.dep_ == "relcl" and not _infinitive(cur):
            owner = cur.head
            if owner.lemma_.lower() in proposals or owner.lower_ == "one" and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in proposals for c in owner.head.children):
                proposal = True            # "the proposals included one that Moscow would not oppose ..."
            break
        came_by, below_inf = cur.dep_, _infinitive(cur)
        cur, first = head, False
    if epistemic:
        certainty = max(epistemic, key=ORDER.index)
    else:
        certainty = "uncertain" if irrealis else "certain"
    status = _decide(statuses, condition, proposal, reported)
    if status == "occurred" and certainty == "uncertain" and not statuses:
        certainty = "certain"
    return Modality(certainty, "negative" if negative else "positive", frozenset(kinds), tuple(found),
                    negated_here, status, purpose and status == "hypothetical")


def _perfect_below(aux: Token) -> bool:
    """"may have died": the modal's verb has 'have' as an auxiliary."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in aux.head.children)


def _decide(statuses: list[str], condition: bool, proposal: bool, reported: bool) -> str:
    if condition or proposal:
        return "hypothetical"
    decided = [s for s in statuses if s != "occurred"]
    if not decided:
        return "occurred"
    outer = decided[-1]
    if outer == "would":
        return "future" if reported else "hypothetical"
    if outer == "predicted":
        return "future"
    if outer == "modal":
        return "hypothetical"
    return outer


def _headline(m: Mention) -> bool:
    """A headline: its own line, short, not ending like a sentence."""
    text = m.sent.doc.user_data.get("ww_text") or m.sent.doc.text
    s0, s1 = m.unit
    line = text[s0:s1].strip()
    return 0 < len(line) <= 90 and not line.endswith(HEADLINE_END) and (s1 >= len(text) or text[s1] in "\n\u2028\u2029")


def _finite_verb(t: Token) -> Token | None:
    """The finite verb whose clause holds the trigger: up through infinitives, participles and the phrases a
    noun sits in; a conjoined verb without its own subject or auxiliary shares its first conjunct's
    ("has killed ..., forced ... and pummeled ...")."""
    cur = t
    for _ in range(10):
        if cur.pos_ in ("VERB", "AUX") and (cur.tag_ in ("VBZ", "VBP", "VBD") or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in cur.children)):
            break
        if cur.head.i == cur.i or cur.dep_ in ("ccomp", "parataxis") or (
                cur.dep_ in ("advcl", "relcl") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)):
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    else:
        return None
    while cur.dep_ in ("conj", "dep") and cur.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cur.children):
        cur = cur.head
    return cur


def _present_simple(v: Token) -> bool:
    if v.tag_ not in ("VBZ", "VBP") or v.lemma_ in ("be", "have"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in v.children)


def _generic(m: Mention, times: list[TimeExpr]) -> bool:
    t = m.token
    lemma = t.lemma_.lower()
    campaign = word_list("campaign")
    dated = m.time is not None and m.own_time and m.time.type in ("DATE", "TIME") and \
        (m.time.value or "")[:1].isdigit() and len(m.time.value or "") >= 7
    if t.pos_ in NOUN_POS and lemma in campaign and not dated:
        return True                                   # "the invasion", "34 days of invasion"
    if t.dep_ == "pobj" and t.head.lower_ == "under" and t.lemma_.lower() in ("attack", "fire", "siege", "shelling",
                                                                           "bombardment", "assault"):
        return True                                   # "cities under attack": a state
    if t.pos_ in NOUN_POS and t.dep_ in ("dobj", "oprd") and t.head.lemma_.lower() in word_list("characterise") \
            and _present_simple(t.head):
        return True                                   # "Russia calls its assault a special operation"
    verb = _finite_verb(t)
    if verb is None or _headline(m):
        return False
    cur = t
    while cur.i != verb.i and cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            break
        cur = cur.head
    if cur.dep_ == "relcl" or verb.dep_ == "relcl":
        rel = cur if cur.dep_ == "relcl" else verb
        owner = rel.head
        if (owner.pos_ in NOUN_POS and owner.lemma_.lower() in word_list("area")) and (
                _perfect(rel) or _present_simple(rel)):
            return True                               # "areas that have seen heavy fighting"
    if _perfect(verb):
        chain = [t]
        while chain[-1].i != verb.i and chain[-1].head.i != chain[-1].i:
            chain.append(chain[-1].head)
        scope = [w for x in chain for c in x.children if c.dep_ in SUMMARY_DEPS for w in _flat(c)]
        words = {w.lower_ for w in scope} | {w.lemma_.lower() for w in scope}
        if words & word_list("summary") or words & campaign:
            return True                               # "has killed thousands since ...", "in its invasion"
        starts = {w.idx for w in scope}
        if any(ti.type == "DURATION" and ti.start in starts for ti in times):
            return True                               # "has failed ... in its month-long invasion"
    if _present_simple(verb) and not dated and verb.lemma_.lower() not in word_list("reporting"):
        return True                                   # "Russia demands ...": a standing position
    return False


SUMMARY_DEPS = frozenset({"prep", "npadvmod", "advmod", "nsubj", "nsubjpass"})


def _flat(t: Token) -> list[Token]:
    """The phrase of `t` without the clauses inside it ("a move that is more of a ... than a withdrawal")."""
    out, stack = [], [t]
    while stack:
        x = stack.pop()
        out.append(x)
        stack.extend(c for c in x.children if c.dep_ not in ("relcl", "acl", "ccomp", "advcl", "parataxis"))
    return out


def combine(own: Modality, claim: Claim | None) -> tuple[str, str]:
    """The less certain of the two, and negative if either is negative."""
    certainty, polarity = own.certainty, own.polarity
    if claim is not None:
        certainty = max(certainty, claim.certainty, key=ORDER.index)
        if claim.polarity == "negative":
            polarity = "negative"
    return certainty, polarity


def _predicate(t: Token) -> bool:
    """Not a happening: a noun that only describes something else ("a move that is more of a repositioning
    than *a retreat*", "cities under *attack*", "it was *an invasion*"), or the state a place is in ("her
    apartment, where windows *had been blasted out*")."""
    if t.dep_ == "relcl" and t.head.lemma_.lower() in word_list("area") and _perfect(t) and \
            any(c.dep_ == "auxpass" for c in t.children):
        return True                # "her apartment, where windows had been blasted out": a state
    if t.pos_ not in NOUN_POS:
        return False
    if t.dep_ == "pobj" and t.head.lower_ == "under" and t.lemma_.lower() in ("attack", "fire", "siege", "shelling",
                                                                           "bombardment", "assault"):
        return True
    cur = t
    for _ in range(7):
        if cur.dep_ == "attr" and cur.head.lemma_ == "be":
            return True
        if cur.dep_ not in ("pobj", "prep", "conj") or (cur.dep_ == "prep" and cur.lower_ not in ("than", "of", "like")):
            return False
        cur = cur.head
    return False


def _in_relative_clause(t: Token) -> bool:
    cur = t
    while cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            return True
        if cur.dep_ in ("ccomp", "parataxis"):
            return False
        cur = cur.head
    return False


def read_status(m: Mention, claims: list[Claim], times: list[TimeExpr]) -> None:
    """Set the mention's status, certainty, polarity and claim (the innermost claim whose content holds it)."""
    at = m.token.idx
    hits = [c for c in claims if c.content.start <= at < c.content.end]
    m.claim = min(hits, key=lambda c: c.content.end - c.content.start) if hits else None
    reported = m.claim is not None and m.claim.source is not None
    own = own_modality(m.token, m.unit, reported)
    m.kinds, m.negated_here = own.kinds, own.negated_here
    m.certainty, m.polarity = combine(own, m.claim)
    m.status = own.status
    m.purpose = own.purpose and (m.action or m.type) != "PROTEST"
    m.description = _predicate(m.token)
    if own.purpose and (m.action or m.type) == "PROTEST":
        m.status = "occurred"               # "shunned work to protest ...": the act is the protest
    if m.status == "occurred" and _generic(m, times):
        m.status = "generic"
    if m.status == "generic" and _in_relative_clause(m.token):
        m.description = True      # "the region, which Russia demands Ukraine cede": a description of the region
