"""One pass over an article's tokens: each candidate cue word goes to its rule.

Verbs go to `attribution.verb_attribution`; "according to X" and reporting nouns ("the claim that ...",
"made no mention of ...") have their rules here, as does a word outside the lexicon that heads a "that"
clause ("X conceded that ...", "X was adamant that ...").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from .. import word_hits
from .attribution import (CLAUSE_DEPS, LIGHT_VERBS, NO_CUE, SUBJ, Raw, _children, _cue_span, _end, _negated,
                          _source, _subtree, trim, verb_attribution)
from .lexicon import Cue, noun_cues, verb_cues
from .parsed import Parsed

__all__ = ["find_attributions", "attribution_at"]

# What a cue word outside the lexicon may take as its content, when the tagger proposes it: any of the
# complements a reporting verb can have ("voted for X", "is expected to X", "focused on X").
ANY_FRAMES = frozenset({"ccomp", "quote", "inv", "xcomp", "dobj", "objof", "oprd", "prep:for", "prep:on",
                        "prep:about", "prep:of", "prep:to", "prep:against", "prep:with", "prep:in", "prep:at"})


def _according_raw(p: Parsed, t: Token) -> Raw | None:
    """ "according to X": the clause it modifies is the content."""
    doc = p.doc
    to = [c for c in t.children if c.lower_ == "to"] or ([doc[t.i + 1]] if t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" else [])
    if not to:
        return None
    objs = _children(to[0], "pobj")
    if not objs:
        return None
    h = t.head
    while h.dep_ not in CLAUSE_DEPS and h.head is not h:
        h = h.head
    phrase = (t.idx, _end(to[0].right_edge))
    region = _subtree(h) if h is not t else (p.sent(t).start_char, p.sent(t).end_char)
    rs, re_ = region
    if phrase[0] <= rs + 1:
        content = (phrase[1], re_)
    elif phrase[1] >= re_ - 1:
        content = (rs, phrase[0])
    else:
        content = region
    cs, ce = trim(p.text, *content)
    if ce - cs < 2:
        return None
    src = trim(p.text, *_subtree(objs[0]), strip_period=False)
    return Raw((t.idx, _end(to[0])), t.i, src, objs[0].i, (cs, ce), h.i, False, "according")


def _noun_raw(p: Parsed, n: Token, cue: Cue) -> Raw | None:
    """ "the ministry's claim that ...", "reports that ...", "made no mention of ..."."""
    doc = p.doc
    light = n.head if n.dep_ == "dobj" and n.head.lemma_ in LIGHT_VERBS else None
    content: tuple[int, int] | None = None
    head: Token | None = None
    cue_tokens = [n]
    for c in n.children:
        if c.dep_ in ("acl", "ccomp") and c.i > n.i and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children):
            content, head = _subtree(c), c
            break
    if content is None and (light is not None or n.lemma_ in ("mention", "warning", "report")):
        for pr in _children(n, "prep"):
            if pr.lower_ in ("of", "about", "on", "that"):
                objs = _children(pr, "pobj", "pcomp")
                if objs:
                    content, head, cue_tokens = _subtree(objs[0]), objs[0], [n, pr]
                    break
    if content is None:
        return None
    src = src_tok = None
    for ps in _children(n, "poss"):
        src, src_tok = (ps.left_edge.idx, _end(ps)), ps  # "Kyiv's claim": Kyiv, without the 's
    if src is None:
        for pr in _children(n, "prep"):
            if pr.lower_ in ("by", "from") and pr.i < (head.i if head is not None else len(doc)):
                for o in _children(pr, "pobj"):
                    src, src_tok = _subtree(o), o
    if src is None and light is not None:
        src, src_tok = _source(light)
    if light is not None:
        cue_tokens.append(light)
    qs, qe = _cue_span(cue_tokens)
    cs, ce = trim(p.text, *content)
    if ce - cs < 2 or (cs < qe and qs < ce):
        return None
    if src is not None:
        src = trim(p.text, *src, strip_period=False)
    negated = _negated(n) or (light is not None and _negated(light))
    return Raw((qs, qe), n.i, src, src_tok.i if src_tok is not None else None, (cs, ce),
               head.i if head is not None else None, False, cue.lemma, negated)


THAT_FRAMES = frozenset({"ccomp"})


def _that_clause_head(t: Token) -> bool:
    """A verb or adjective outside the lexicon with a subject and a "that" clause: "X conceded that ...",
    "X was adamant that ..." (the clause is what X holds)."""
    if t.pos_ not in ("VERB", "ADJ") or t.lemma_ in verb_cues():
        return False
    clause = any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                 for c in t.children)
    holder = t if t.pos_ == "VERB" else t.head
    return clause and any(c.dep_ in SUBJ for c in holder.children)


def _core(lemma: str) -> bool:
    """A reporting verb that can stand parenthetical to what it reports ("..., its leader said"): the
    rules always look at it, whatever the tagger thinks."""
    cue = verb_cues().get(lemma)
    return cue is not None and "inv" in cue.frames


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Every cue word, 'according' and 'that' (lower case): the words `find_attributions` looks at."""
    return frozenset((*verb_cues(), *noun_cues(), "according", "that"))


def find_attributions(p: Parsed, quotes: list[tuple[int, int]], cue_prob=None, floor: float = 0.0) -> list[Raw]:
    """Every attribution the cue lexicon and the parse support, in text order. With the tagger's `cue_prob`
    per token, a candidate word is looked at only when it or its head has at least `floor` (the relations
    of the others would be dropped anyway: see `combine.Policy.rules_min`); its head's head counts too
    ("was quoted as saying": the rule starts from "saying", the tagger marks "was quoted"), and a core
    reporting verb is always looked at."""
    verbs, nouns = verb_cues(), noun_cues()
    doc = p.doc
    out: list[Raw] = []
    candidates: set[int] = set()
    for i in word_hits(doc, _cue_words()):  # cheap pre-filter: a Token for every word costs more than the rules
        m = doc[i]
        if m.lower_ == "that":  # "X was adamant that ...", "X conceded that ...": the word the clause hangs on
            if m.dep_ == "mark" and m.head.dep_ == "ccomp":
                candidates.add(m.head.head.i)
        else:
            candidates.add(i)
    if cue_prob is not None and floor > 0:
        heads = p.heads
        candidates = {i for i in candidates if max(cue_prob[i], cue_prob[heads[i]], cue_prob[heads[heads[i]]]) >= floor
                      or _core(doc[i].lemma_.lower())}
    for i in sorted(candidates):
        t = doc[i]
        lemma = t.lemma_.lower()
        raw: Raw | None = None
        if t.lower_ == "according":
            raw = _according_raw(p, t)
        elif t.pos_ in ("VERB", "AUX") and lemma in verbs and t.dep_ not in ("amod", "compound") and not (
                t.dep_ == "xcomp" and "xcomp" in verbs.get(t.head.lemma_, NO_CUE).frames):
            # "refused to condemn X": condemning is what was refused, part of the outer claim's content
            raw = verb_attribution(p, t, verbs[lemma], quotes)
        elif t.pos_ == "NOUN" and lemma in nouns:
            raw = _noun_raw(p, t, nouns[lemma])
        elif _that_clause_head(t):
            raw = verb_attribution(p, t, Cue(lemma, THAT_FRAMES, None, None), quotes)
        if raw is not None:
            out.append(raw)
    return out


def attribution_at(p: Parsed, i: int, quotes: list[tuple[int, int]]) -> Raw | None:
    """The rules' attribution for a cue the tagger proposes at token `i`, whether or not the lexicon knows
    the word: a verb outside it may take any reporting complement (ANY_FRAMES)."""
    t = p.doc[i]
    lemma = t.lemma_.lower()
    if t.lower_ == "according":
        return _according_raw(p, t)
    if t.pos_ == "NOUN" and lemma in noun_cues():
        return _noun_raw(p, t, noun_cues()[lemma])
    if t.pos_ in ("VERB", "AUX", "ADJ"):
        known = verb_cues().get(lemma)
        cue = Cue(lemma, ANY_FRAMES | (known.frames if known else frozenset()), known.certainty if known else None,
                  known.polarity if known else None)
        return verb_attribution(p, t, cue, quotes)
    return None
