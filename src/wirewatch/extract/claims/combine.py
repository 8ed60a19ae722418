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

from .attribution import Raw, _negated, _noun_phrase, _subject_phrase, trim
from .boundaries import whole_constituent
from .learned import Proposal, char_span
from .pairing import root_of
from .parsed import Parsed
from .quotes import inside
from .lexicon import noun_cues, role_kinds, verb_cues
from .scan import _core, attribution_at

SPEAKERS = {"PERSON", "ORG", "NORP", "GPE"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
NAME_PARTS = {"compound", "amod"}  # a source span that is only a word of a longer name

__all__ = ["Policy", "combine"]


@dataclass(frozen=True)
class Policy:
    """Which side wins each role, and how sure the tagger must be; every default was chosen on PolNeAR dev
    (docs/claims.md, "How rules and model combine")."""

    cue: str = "union"              # model | rules | union (the rules' when it contains the tagger's)
    content: str = "agree"          # model | rules | agree: the rules' content when it covers >= `agree` of
    agree: float = 0.9              #   the tagger's, or when the tagger's has fewer than `min_words` words
    min_words: int = 3
    source: str = "model"           # model | rules: whose source span (the other's when one has none)
    rules_only: str = "checked"     # keep | drop | checked: a relation only the rules found is kept when the
    rules_min: float = 0.19         #   tagger gives its cue word a cue probability >= rules_min, or (with
    core_cues: bool = True          #   core_cues) its cue is a core reporting verb ("its leader said") outside
                                    #   the tagger's relations' contents
    cue_weight: float = 1.3         # > 1: the tagger's cue tags count more (recall for precision)
    min_confidence: float = 0.0     # a proposal whose cue the tagger is less sure of is dropped
    min_new: float = 0.7            # the same, for a cue the rules did not find
    parse_check: bool = True        # run the rules on a proposed cue the lexicon does not know
    speaker_check: bool = True      # a cue the rules did not find needs a source that can speak
    snap_source: bool = True        # a subject source takes its whole phrase from the parse

    @classmethod
    def from_env(cls) -> Policy:  # experiments on dev only
        raw = os.environ.get("WW_POLICY", "")
        kw = dict(kv.split("=") for kv in raw.split(",") if "=" in kv)
        types = {"agree": float, "min_confidence": float, "min_new": float, "parse_check": lambda v: v == "1",
                 "rules_min": float, "cue_weight": float, "min_words": int, "core_cues": lambda v: v == "1",
                 "speaker_check": lambda v: v == "1", "snap_source": lambda v: v == "1"}
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


def _cue_words(p: Parsed, cue: tuple[int, int], content: tuple[int, int], source: tuple[int, int] | None
               ) -> tuple[int, int]:
    """The tagger's cue without a dangling article, preposition or comma: "said in an [assessment]" ->
    "said"; a preposition whose object is the content stays ("called for [a ceasefire]"), and so does a
    colon after the verb (the tagger's, as PolNeAR marks it: `boundaries` drops it from the final cue)."""
    s, e = cue
    doc = p.doc
    while e - s > 1:
        last = doc[e - 1]
        if last.text == "," or last.pos_ == "DET" or (last.pos_ == "ADP" and not any(
                content[0] <= c.i < content[1] or (source and source[0] <= c.i < source[1]) for c in last.children)
                and not content[0] <= e < content[1] + 1 and (source is None or source[0] != e)):
            e -= 1
        else:
            break
    return s, e


def _from_model(p: Parsed, prop: Proposal, content: tuple[int, int], quotes: list[tuple[int, int]],
                snap_source: bool = False) -> Raw | None:
    doc, text = p.doc, p.text
    cs, ce = trim(text, *char_span(doc, *content), strip_period=False)
    cue_root = doc[prop.cue_root]
    if inside(quotes, cs, ce) is None:  # reported speech stays in its cue's sentence; a quotation may not
        ss, se = p.sentence_chars(prop.cue_root)
        cs, ce = trim(text, max(cs, ss), min(ce, se), strip_period=False)
    if ce - cs < 2:
        return None
    src = src_tok = None
    if prop.source and _speaks(doc, prop, root := root_of(p, *prop.source)):
        src, src_tok = char_span(doc, *prop.source), root.i
        if snap_source and root.dep_ in NAME_PARTS and root.head.pos_ in ("NOUN", "PROPN") and not (
                prop.source[0] <= root.head.i < prop.source[1]):  # "health" of "the health ministry"
            root = root.head
            src, src_tok = _noun_phrase(root), root.i
        if snap_source and root.dep_ in SUBJECTS:  # a subject the tagger cut short or ran on: its phrase
            src = _subject_phrase(root)
    lemma = cue_root.lemma_.lower() if cue_root.pos_ in ("VERB", "AUX", "NOUN", "ADJ") else cue_root.lower_
    content_root = p.root(*content)
    if doc[content_root].head.i == cue_root.i and doc[content_root].dep_ in SUBJECTS:
        return None  # the cue's subject is its source, never what it says
    return Raw(char_span(doc, *_cue_words(p, prop.cue, content, prop.source)), cue_root.i, src, src_tok, (cs, ce), content_root,
               inside(quotes, cs, ce) is not None, lemma, _negated(cue_root))


def _dangling(p: Parsed, content: tuple[int, int]) -> bool:
    """A tagger content that ends in a preposition, article or conjunction ("in a phone call on") is a
    fragment, not a constituent: the rules' content is taken instead."""
    span = p.doc.char_span(*content, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ")


COMPLEMENTS = {"dobj", "ccomp", "xcomp"}


def _elsewhere(p: Parsed, model: Raw, rule: Raw) -> bool:
    """The tagger's content lies outside the cue's own complement ("the mayor has endorsed [the governor]" paired
    with a clause of the sentence before) while the rules' content is that complement."""
    if _overlap(rule.content, model.content):
        return False  # the two sides agree on where the content is
    cue = p.doc[model.cue_token]
    spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in cue.children
             if c.dep_ in COMPLEMENTS and c.i > cue.i]
    return bool(spans) and not any(_overlap(sp, model.content) for sp in spans) and any(
        _overlap(sp, rule.content) for sp in spans)


def _merged(p: Parsed, prop: Proposal, model: Raw, rule: Raw | None, policy: Policy) -> Raw:
    out = model
    if rule is None:
        return out if out.direct else whole_constituent(p, out)
    words = len(p.text[model.content[0]:model.content[1]].split())
    if _elsewhere(p, model, rule):  # the tagger took another clause while the cue's own object is there
        return _merged(p, prop, replace(model, content=rule.content, content_token=rule.content_token, direct=rule.direct),
                       rule, policy)
    swallows = any(src is not None and _overlap(src, model.content) for src in (rule.source, model.source))
    if _dangling(p, model.content) or policy.content == "rules" or (policy.content == "agree" and _overlap(rule.content, model.content) >= (
            policy.agree * (model.content[1] - model.content[0]))) or (words < policy.min_words and not model.direct) or (
            swallows and not _overlap(rule.content, rule.source or (0, 0))):  # the tagger's runs into a source
        out = replace(out, content=rule.content, content_token=rule.content_token, direct=rule.direct)
    if out.content == model.content and not out.direct:
        out = whole_constituent(p, out)
    if (policy.source == "rules" and rule.source is not None) or out.source is None:
        src = rule.source
        if src is not None and _overlap(src, out.content) and out.content[0] <= src[0] and src[1] > out.content[1]:
            src = trim(p.text, out.content[1], src[1], strip_period=False)  # a closing quotation mark the parser
            # gave the speaker ("...,\" Ann Roe said"): the name after it speaks
        if src is None or (src[1] > src[0] and _overlap(src, out.content) == 0):
            out = replace(out, source=src, source_token=rule.source_token)
    if policy.cue == "rules":
        out = replace(out, cue=rule.cue, cue_token=rule.cue_token)
    elif policy.cue == "union" and rule.cue[0] <= out.cue[0] and out.cue[1] <= rule.cue[1]:
        out = replace(out, cue=rule.cue)  # "was quoted as" -> the rules' "was quoted as saying"
    return replace(out, cue_lemma=rule.cue_lemma, cue_negated=rule.cue_negated or out.cue_negated)


PROPOSITIONAL = frozenset({"ccomp", "quote", "inv"})


def _reporting_word(lemma: str) -> bool:
    """A cue the lexicons know as reporting a proposition ("the poll shows", "the ruling said"; `cues.tsv`
    frames ccomp, quote or inv; a reporting noun): its source speaks through it whatever it is. Any other
    word ("a missile blasted a hole": "blast" is only a cue in "blasted X for Y") needs a speaker."""
    cue = verb_cues().get(lemma)
    return (cue is not None and bool(cue.frames & PROPOSITIONAL)) or lemma in noun_cues()


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
        pieces = [r for c in prop.contents if (r := _from_model(p, prop, c, quotes, policy.snap_source)) is not None]
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
        if not hits and policy.speaker_check and not _can_speak(p, merged.source, actors) and not _reporting_word(
                merged.cue_lemma):
            continue
        out.append(merged)
        out += [r for r in pieces if r is not main and r.direct and len(p.text[r.content[0]:r.content[1]].split()) >= 3]
    if policy.rules_only == "keep":
        out += [r for k, r in enumerate(rules) if k not in used]
    elif policy.rules_only == "checked" and cue_prob is not None and len(cue_prob):
        if policy.core_cues:
            out = _unswallow(p, out, [r for k, r in enumerate(rules) if k not in used and _core(r.cue_lemma)])
        kept = out[:]
        out += [r for k, r in enumerate(rules) if k not in used and (
            cue_prob[r.cue_token] >= policy.rules_min or (policy.core_cues and _core(r.cue_lemma) and not any(
                o.content[0] <= r.cue[0] < o.content[1] for o in kept)))]
    out.sort(key=lambda r: (r.cue[0], r.content[0]))
    return _distinct(out)


def _unswallow(p: Parsed, model: list[Raw], core: list[Raw]) -> list[Raw]:
    """A tagger content that ran on over a parenthetical reporting clause ("[X may join Y], its leader was
    quoted as saying" read as "X may [join Y, its leader was quoted as saying]") ends before that clause,
    which the rules report as the outer claim."""
    out = []
    for m in model:
        for r in core:
            if m.content[0] <= r.cue[0] < m.content[1] and r.content[0] <= m.cue[0] < r.content[1]:
                cut = min(r.cue[0], r.source[0] if r.source else r.cue[0])
                cs, ce = trim(p.text, m.content[0], cut)
                if ce - cs >= 2:
                    m = replace(m, content=(cs, ce))
        out.append(m)
    return out


def _distinct(raws: list[Raw]) -> list[Raw]:
    """One relation per cue and content: the tagger's and the rules' versions of the same quote fragment
    ("“A,” she said. “B.”" found by both) are one claim."""
    out: list[Raw] = []
    for r in raws:
        if not any(_overlap(r.cue, o.cue) and _overlap(r.content, o.content) for o in out):
            out.append(r)
    return out
