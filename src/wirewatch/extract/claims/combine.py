"""Rules and model side by side: the model proposes, the rules and the parse check.

For every relation the tagger proposes, the rules look at its cue word: the relation the lexicon rules
found there, else the rules run on that word with any reporting complement allowed (`attribution_at`).
Then, role by role, the side that measured better on PolNeAR dev wins (docs/claims.md, "How rules and
model combine"): the tagger's cue span (it learned which words make the cue), the rules' content when it
agrees with the tagger's (a parse constituent has exact boundaries), else the tagger's; the tagger's
source, else the rules'. A relation only the rules find is kept when its cue is a core reporting word.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Sequence

from ...model import Actor
from .. import ents_of

from .attribution import Raw, _negated, trim
from .learned import Proposal, char_span
from .pairing import root_of
from .parsed import Parsed
from .quotes import inside
from .lexicon import role_kinds
from .scan import attribution_at

SPEAKERS = {"PERSON", "ORG", "NORP", "GPE"}

__all__ = ["Policy", "combine"]


@dataclass(frozen=True)
class Policy:
    """Which side wins each role (chosen on PolNeAR dev; see docs/claims.md)."""

    cue: str = "model"              # model | rules
    content: str = "agree"          # model | rules | agree (rules when they overlap the model's by >= agree)
    agree: float = 0.5
    source: str = "model"           # model | rules
    rules_only: str = "keep"        # keep | drop | checked (kept when the tagger gives their cue >= rules_min)
    rules_min: float = 0.1
    cue_weight: float = 1.0         # > 1: the tagger's cue tags count more (recall for precision)
    min_confidence: float = 0.0     # a proposal whose cue the tagger is less sure of is dropped
    min_new: float = 0.0            # the same, for a cue the rules did not find
    parse_check: bool = True        # run the rules on a proposed cue the lexicon does not know
    speaker_check: bool = True      # a cue the rules did not find needs a source that can speak

    @classmethod
    def from_env(cls) -> Policy:  # experiments on dev only
        raw = os.environ.get("WW_POLICY", "")
        kw = dict(kv.split("=") for kv in raw.split(",") if "=" in kv)
        types = {"agree": float, "min_confidence": float, "min_new": float, "parse_check": lambda v: v == "1",
                 "rules_min": float, "cue_weight": float,
                 "speaker_check": lambda v: v == "1"}
        return cls(**{k: types.get(k, str)(v) for k, v in kw.items()})


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _speaks(doc, prop: Proposal, root) -> bool:
    """The parse's check of a proposed source: a noun phrase or pronoun whose head hangs on the cue (its
    subject, agent, possessor, or the subject of the verb the cue depends on), or one right next to it
    ("“...,” Murphy added"). Fragments such as "country" in "the head of the mission in the country told"
    fail, and the rules' source is used instead."""
    if root.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    cue = doc[prop.cue_root]
    near = max(prop.source[0] - prop.cue[1], prop.cue[0] - prop.source[1]) <= 1 and root.dep_ not in (
        "pobj", "compound", "conj", "appos", "amod", "nmod", "poss")  # not the tail of a longer phrase
    up = [root.head, root.head.head]
    tied = any(prop.cue[0] <= h.i < prop.cue[1] or h.i == cue.head.i for h in up)
    return tied or near


def _from_model(p: Parsed, prop: Proposal, content: tuple[int, int], quotes: list[tuple[int, int]]) -> Raw | None:
    doc, text = p.doc, p.text
    cs, ce = trim(text, *char_span(doc, *content), strip_period=False)
    cue_root = doc[prop.cue_root]
    if inside(quotes, cs, ce) is None:  # reported speech stays in its cue's sentence; a quotation may not
        sent = p.sent(cue_root)
        cs, ce = trim(text, max(cs, sent.start_char), min(ce, sent.end_char), strip_period=False)
    if ce - cs < 2:
        return None
    src = src_tok = None
    if prop.source and _speaks(doc, prop, root_of(doc, *prop.source)):
        src, src_tok = char_span(doc, *prop.source), root_of(doc, *prop.source).i
    lemma = cue_root.lemma_.lower() if cue_root.pos_ in ("VERB", "AUX", "NOUN", "ADJ") else cue_root.lower_
    content_root = next((i for i in range(*content) if not content[0] <= doc[i].head.i < content[1]
                         or doc[i].head.i == i), content[0])
    return Raw(char_span(doc, *prop.cue), cue_root.i, src, src_tok, (cs, ce), content_root,
               inside(quotes, cs, ce) is not None, lemma, _negated(cue_root))


def _merged(p: Parsed, prop: Proposal, model: Raw, rule: Raw | None, policy: Policy) -> Raw:
    out = model
    if rule is None:
        return out
    if policy.content == "rules" or (policy.content == "agree" and _overlap(rule.content, model.content) >= (
            policy.agree * (model.content[1] - model.content[0]))):
        out = replace(out, content=rule.content, content_token=rule.content_token, direct=rule.direct)
    if (policy.source == "rules" and rule.source is not None) or out.source is None:
        if rule.source is None or _overlap(rule.source, out.content) == 0:
            out = replace(out, source=rule.source, source_token=rule.source_token)
    if policy.cue == "rules":
        out = replace(out, cue=rule.cue, cue_token=rule.cue_token)
    return replace(out, cue_lemma=rule.cue_lemma, cue_negated=rule.cue_negated or out.cue_negated)


def _can_speak(p: Parsed, span: tuple[int, int] | None, actors: Sequence[Actor]) -> bool:
    """A source that can say or think something: a pronoun, an actor, a named person, organisation or
    country, or a role noun ("the spokesman"). "a missile" in "a missile blasted a hole" cannot."""
    if span is None:
        return True  # no source: nothing to check ("It was reported that ...")
    s, e = span
    if any(a.start < e and s < a.end for a in actors) or any(
            x.start_char < e and s < x.end_char and x.label_ in SPEAKERS for x in ents_of(p.doc)):
        return True
    toks = p.doc.char_span(s, e, alignment_mode="expand") or []
    return any(t.pos_ == "PRON" or t.lemma_.lower() in role_kinds() for t in toks)


def combine(p: Parsed, rules: list[Raw], props: list[Proposal], quotes: list[tuple[int, int]],
            policy: Policy | None = None, actors: Sequence[Actor] = (), cue_prob=None) -> list[Raw]:
    """One relation list from the rules' relations and the tagger's proposals (see the module docstring)."""
    policy = policy or Policy()
    out: list[Raw] = []
    used: set[int] = set()
    for prop in props:
        if prop.confidence < policy.min_confidence:
            continue
        pieces = [r for c in prop.contents if (r := _from_model(p, prop, c, quotes)) is not None]
        if not pieces:
            continue
        main = max(pieces, key=lambda r: r.content[1] - r.content[0])
        hits = [k for k, r in enumerate(rules) if _overlap(r.cue, main.cue) and k not in used]
        rule = None
        if hits:
            k = max(hits, key=lambda k: _overlap(rules[k].content, main.content))
            used.add(k)
            rule = rules[k]
        elif prop.confidence < policy.min_new:
            continue
        elif policy.parse_check:
            rule = attribution_at(p, prop.cue_root, quotes)
        merged = _merged(p, prop, main, rule, policy)
        if not hits and policy.speaker_check and not _can_speak(p, merged.source, actors):
            continue
        out.append(merged)
        out += [r for r in pieces if r is not main and r.direct and len(p.text[r.content[0]:r.content[1]].split()) >= 3]
    if policy.rules_only == "keep":
        out += [r for k, r in enumerate(rules) if k not in used]
    elif policy.rules_only == "checked" and cue_prob is not None and len(cue_prob):
        out += [r for k, r in enumerate(rules) if k not in used and cue_prob[r.cue_token] >= policy.rules_min]
    out.sort(key=lambda r: (r.cue[0], r.content[0]))
    return out
