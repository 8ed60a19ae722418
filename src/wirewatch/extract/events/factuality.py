"""How sure is an event, and did it happen at all: the event's own modality combined with its claim's.

The walk starts at the trigger and climbs the parse through the words its clause hangs from (`likely to`,
`plans to`, `failed to`, `made no ...`), collecting cues from `data/events/modality.tsv`; it stops at a
reporting verb (what the source's attitude is belongs to the claim) and at a relative clause (whose facts
are the writer's own). Explicit likelihood ("likely", "may") decides the certainty when present; otherwise
anything not yet done (future, plans, threats, demands) is "uncertain". A negation anywhere on the way
makes the polarity negative. The claim's certainty and polarity then cap the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...model import Claim
from .lexicon import load_modality, word_list

ORDER = ("certain", "probable", "possible", "uncertain")
CLIMB = frozenset({"xcomp", "ccomp", "pobj", "prep", "dobj", "pcomp", "conj", "acomp", "advcl", "nsubj",
                   "nsubjpass", "attr", "npadvmod", "appos", "compound", "nmod", "amod", "oprd", "dative", "agent"})


@dataclass(frozen=True, slots=True)
class Modality:
    """What the trigger's own clause says about it: certainty, polarity, the kinds of cue seen, the cue words."""

    certainty: str
    polarity: str
    kinds: frozenset[str]
    cues: tuple[Token, ...]
    negated_here: bool   # a negation on the trigger itself or a "fail to" above it


def own_modality(trigger: Token, unit: tuple[int, int] | None = None) -> Modality:
    """The modality of the trigger's own clause, before its claim is considered.

    `unit` (characters) bounds the walk: words outside it (another paragraph) are not looked at."""
    cues = load_modality()
    epistemic: list[str] = []
    kinds: set[str] = set()
    irrealis = negative = negated_here = False
    found: list[Token] = []
    cur, first = trigger, True
    for _ in range(12):
        hits: list[tuple[Token, tuple[str, str | None]]] = []
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
            elif c.dep_ == "advmod" and lemma in cues["head"] and cues["head"][lemma][0] in ("probable", "possible"):
                hits.append((c, cues["head"][lemma]))
            elif c.dep_ == "mark" and lemma in cues["mark"]:
                hits.append((c, cues["mark"][lemma]))
        if not first and cur.lemma_.lower() in cues["head"]:
            hits.append((cur, cues["head"][cur.lemma_.lower()]))
        for tok, (eff, kind) in hits:
            found.append(tok)
            if kind:
                kinds.add(kind)
            if eff == "negative":
                negative = True
                negated_here = negated_here or kind == "failure"
            elif eff == "uncertain":
                irrealis = True
            else:
                epistemic.append(eff)
        head = cur.head
        if head.i == cur.i or cur.dep_ not in CLIMB or any(k == "condition" for _, (_, k) in hits):
            break  # the root, a clause boundary, or a condition ("if it is attacked"): hypothetical here
        if head.lemma_.lower() in word_list("reporting") and cur.dep_ in ("ccomp", "parataxis", "xcomp", "dobj"):
            break
        if unit is not None and not (unit[0] <= head.idx < unit[1]):
            break
        if cur.dep_ in ("advcl", "conj") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children) \
                and not first:
            break  # a finite clause with its own subject: its facts are its own
        cur, first = head, False
    if epistemic:
        certainty = max(epistemic, key=ORDER.index)
    else:
        certainty = "uncertain" if irrealis else "certain"
    return Modality(certainty, "negative" if negative else "positive", frozenset(kinds), tuple(found), negated_here)


def combine(own: Modality, claim: Claim | None) -> tuple[str, str]:
    """The less certain of the two, and negative if either is negative."""
    certainty, polarity = own.certainty, own.polarity
    if claim is not None:
        certainty = max(certainty, claim.certainty, key=ORDER.index)
        if claim.polarity == "negative":
            polarity = "negative"
    return certainty, polarity
