"""Attribution relations from the dependency parse: who (source) says (cue) what (content).

One pass over the tokens. A token whose lemma is in the cue lexicon is a candidate cue; its content is
looked for in the complements its lexicon entry allows (`frames`), in this order: a clausal complement
("X said (that) ..."), a quotation right after the cue ("X said: “...”"), the clause the cue is
parenthetical to ("..., X said"), an infinitive ("X promised to ..."), an object ("X denied the report",
"X called it a ...", "X accused Y of ..."), a prepositional object ("X warned of ..."). "according to X",
"X was quoted as saying" and reporting nouns ("the claim that ...", "made no mention of ...") have their
own rules. A cue without content is no claim. `scan.find_attributions` sends each candidate word to its rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Cue, verb_cues
from .parsed import Parsed
from .quotes import inside

__all__ = ["Raw", "verb_attribution", "trim"]

SUBJ = ("nsubj", "csubj")
RELATIVE = {"which", "who", "that", "whom"}
EDGE_PUNCT = " \t\r\n,;:—–-"
LIGHT_VERBS = {"make", "issue", "give", "release", "express", "voice", "raise", "put", "publish", "deliver"}
CLAUSE_DEPS = {"ROOT", "ccomp", "conj", "advcl", "parataxis", "xcomp", "relcl"}
QUOTE_GAP_DEPS = {"dative", "dobj", "npadvmod", "prep", "pobj", "punct", "advmod", "det", "compound", "amod",
                  "poss", "case", "nummod", "pcomp", "appos", "nmod", "cc", "aux", "auxpass"}


NO_CUE = Cue("", frozenset(), None, None)


@dataclass(frozen=True, slots=True)
class Raw:
    """An attribution before ids, actors and modality: character offsets, plus the tokens that matter."""

    cue: tuple[int, int]
    cue_token: int
    source: tuple[int, int] | None
    source_token: int | None
    content: tuple[int, int]
    content_token: int | None  # the head of the content clause, where modality is read
    direct: bool
    cue_lemma: str
    cue_negated: bool = False


def _end(t: Token) -> int:
    return t.idx + len(t.text)


def _subtree(t: Token) -> tuple[int, int]:
    return t.left_edge.idx, _end(t.right_edge)


def trim(text: str, s: int, e: int, *, strip_period: bool = True) -> tuple[int, int]:
    """Drop edge whitespace and clause punctuation; a final period too unless the span ends a quotation."""
    while True:
        s0, e0 = s, e
        while s < e and text[s] in EDGE_PUNCT:
            s += 1
        while e > s and text[e - 1] in EDGE_PUNCT:
            e -= 1
        if strip_period and e > s and text[e - 1] == "." and not text[e - 2:e - 1].isupper():
            e -= 1
        if (s, e) == (s0, e0):
            return s, e


def _minus(region: tuple[int, int], hole: tuple[int, int]) -> tuple[int, int]:
    """The part of region outside hole; when hole sits in the middle, the longer side."""
    (rs, re_), (hs, he) = region, hole
    if he <= rs or hs >= re_:
        return region
    left, right = (rs, max(rs, hs)), (min(re_, he), re_)
    return left if left[1] - left[0] >= right[1] - right[0] else right


def _children(t: Token, *deps: str) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def _is_clause(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") or any(c.dep_ in SUBJ + ("nsubjpass", "cop") for c in t.children)


def _noun_phrase(t: Token) -> tuple[int, int]:
    """A noun's own phrase without a relative clause or participle hanging off it (for "X, who said")."""
    left = t.left_edge.idx
    right = _end(t)
    for c in t.rights:
        if c.dep_ in ("relcl", "acl", "punct", "cc", "conj"):
            break
        right = _end(c.right_edge)
    return left, right


def _subject_phrase(t: Token) -> tuple[int, int]:
    """A subject's phrase without a relative clause set off by commas ("The proposals, which would require
    a referendum, mentioned ..."): the clause describes the speaker, it is not part of the name."""
    s, e = _subtree(t)
    for c in t.rights:
        if c.dep_ in ("relcl", "acl") and c.left_edge.i > t.i and c.doc[c.left_edge.i - 1].text == ",":
            return s, _end(c.doc[c.left_edge.i - 2])
    return s, e


def _source(anchor: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """The speaker of a cue: its subject, a passive agent, or the subject it shares with a governing verb."""
    t = anchor
    for _ in range(6):
        subj = _children(t, *SUBJ) or (_children(t, "nsubjpass") if t.lemma_ == "quote" else [])
        if subj:  # two subjects before the verb ("People like Scott, he said"): the nearer one speaks
            k = -1 if len(subj) > 1 and subj[-1].i < t.i else 0
            return _subject_phrase(subj[k]), subj[k]
        for agent in _children(t, "agent"):
            for pobj in _children(agent, "pobj"):
                return _subtree(pobj), pobj
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            n = t.head
            if n.dep_ == "dobj" and t.dep_ == "acl" and _children(n.head, *SUBJ):
                t = n.head  # "His office put out a statement saying ...": the office speaks
                continue
            return _noun_phrase(n), n
        if t.dep_ == "advcl" and t.tag_ == "VBN" and not _children(t, "aux", "auxpass"):
            return None, None  # "Asked about X, the spokesman said": the one asked is not the asker
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > 0 and t.doc[t.i - 1].text == "," and \
                t.head.dep_ == "ccomp" and t.head.head.pos_ == "VERB" and t.head.i < t.i:
            t = t.head.head  # "X said [he doubted it], arguing that ...": the reporter argues, not "he"
            continue
        if t.dep_ in ("conj", "advcl", "xcomp", "pcomp", "acomp") and t.head is not t:
            t = t.head
            continue
        if t is not anchor and t.dep_ == "advmod" and t.head.pos_ in ("VERB", "AUX"):
            t = t.head  # "refuses to discuss it, aside from saying ...": the refuser says
            continue
        if t.dep_ == "pobj" or (t.dep_ == "prep" and t.head is not t):
            t = t.head
            continue
        if t.tag_ == "VBG" and t.dep_ not in ("ROOT", "amod") and t.head.pos_ in ("VERB", "AUX"):
            t = t.head  # "..., saying that ...", "..., slamming X for ...": the governing verb's subject
            continue
        break
    return _misparsed_subject(anchor)


def _misparsed_subject(v: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """A name the parser hung on the cue as something else: “...,” Murphy added / said Murphy."""
    for c in v.children:
        if c.dep_ in ("dobj", "npadvmod", "dep", "attr", "nmod", "appos") and abs(c.i - v.i) <= 3 and (
                c.pos_ == "PROPN" or c.lower_ in ("he", "she", "they")):
            if c.i < v.i or _ends_clause(c):
                return _subtree(c), c
    return None, None


def _ends_clause(c: Token) -> bool:
    """The noun phrase ends its clause ("..., said Murphy.")."""
    nxt = c.right_edge.nbor(1) if c.right_edge.i + 1 < len(c.doc) else None
    return nxt is None or nxt.is_punct


def _after_quote(p: Parsed, v: Token, quotes: list[tuple[int, int]], stop: int) -> tuple[int, int] | None:
    """A quotation that opens right after the cue, across at most a colon or a newline ("said: “...”")."""
    text, doc = p.text, p.doc
    after = _end(v)
    for qs, qe in quotes:
        if qs < after:
            continue
        if qs - after > 120:
            return None
        gap = [t for t in doc.char_span(after, qs, alignment_mode="expand") or []] if qs > after else []
        if any(t.pos_ == "VERB" and t.dep_ not in QUOTE_GAP_DEPS for t in gap) or qs >= stop and ":" not in text[after:qs]:
            return None
        return qs, qe
    return None


def _quote_before(p: Parsed, left: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation that ends right before the cue clause (“...,” she said)."""
    text = p.text
    for qs, qe in reversed(quotes):
        if qe <= left:
            gap = text[qe:left]
            if gap.strip(" ,\n—–-") or "\n\n" in gap:
                return None
            # “...,” she said / “...?” he asked: the quote ends in a comma, ?, ! or dash, or a comma follows it
            ends_open = text[qe - 2:qe - 1] in (",", "?", "!", "—", "-") or "," in gap
            return (qs, qe) if ends_open else None
    return None


def _verb_content(p: Parsed, v: Token, cue: Cue, quotes: list[tuple[int, int]], anchor: Token
                  ) -> tuple[tuple[int, int], Token | None, list[Token]] | None:
    """(content span, content head, extra cue tokens) for a verb cue, by the frames it allows."""
    fr = cue.frames
    if "ccomp" in fr:
        comps = [c for c in _children(v, "ccomp") if c.i != anchor.i and not _parenthetical(p, v, c)] or (
            _children(anchor, "ccomp") if anchor is not v else [])
        # the small parser often reads "said (that) a truck overturned" as object + participle: still a clause
        comps = comps or [o for o in _children(v, "dobj") if o.i > v.i and (
            (o.left_edge.dep_ == "mark" and o.left_edge.lower_ == "that")
            or any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i > o.i and not _children(c, "aux")
                   for c in o.children))]
        if comps:
            after = [c for c in comps if c.i > v.i]
            c = after[0] if after else comps[-1]
            return _subtree(c), c, []
    if "quote" in fr:
        q = _after_quote(p, v, quotes, _end(p.sent(v)[-1]) + 1)
        if q:
            return q, None, []
    participle = anchor.tag_ in ("VBG", "VBN") and not _children(anchor, "aux", "auxpass")
    if "inv" in fr and not participle and anchor.dep_ in ("parataxis", "advcl", "ccomp", "conj", "dep") and \
            anchor.head is not anchor:  # "..., arguing X" / "Asked about X, he said Y" are not parenthetical
        head = anchor.head
        if _is_clause(head) and not _children(anchor, "ccomp", "xcomp", "dobj"):
            region = _minus(_subtree(head), _subtree(anchor))
            if region[1] - region[0] > 1:
                return region, head, []
    if "inv" in fr or "quote" in fr:
        left = min(anchor.left_edge.idx, v.idx)
        q = _quote_before(p, left, quotes)
        if q:
            return q, None, []
    if "xcomp" in fr:
        for x in _children(v, "xcomp"):
            if x.i > v.i:
                objs = [o for o in _children(v, "dobj") if o.i < x.i]
                start = objs[0].left_edge.idx if objs else x.left_edge.idx
                return (start, _end(x.right_edge)), x, []
    for kind, prep in (("objof", "of"), ("objfor", "for")):
        if kind in fr:
            for o in _children(v, "dobj"):
                # "accused Y of ...": the parser may hang "of" on Y, on the verb or on a noun in between
                preps = [c for c in v.subtree if c.i > o.i and c.dep_ == "prep" and c.lower_ == prep
                         and _children(c, "pobj", "pcomp")]
                if preps:
                    return (o.left_edge.idx, max(_end(o.right_edge), _end(preps[0].right_edge))), o, []
    if "oprd" in fr:
        for o in _children(v, "dobj"):
            for od in _children(v, "oprd") + _children(o, "oprd"):
                return (o.left_edge.idx, max(_end(od.right_edge), _end(o.right_edge))), o, []
        for c in _children(v, "ccomp"):
            return _subtree(c), c, []
    if "dobj" in fr and _children(v, "agent"):
        for o in _children(v, "nsubjpass"):
            return _subtree(o), o, []
    if "dobj" in fr:
        for o in _children(v, "dobj"):
            if o.pos_ != "PRON" or o.lower_ in ("this", "that"):
                return _subtree(o), o, []
    for pr in _children(v, "prep"):  # in text order: the nearest allowed preposition ("called for X ... on Y")
        if f"prep:{pr.lower_}" in fr:
            objs = _children(pr, "pobj", "pcomp")
            if objs:
                return _subtree(objs[0]), objs[0], [pr]
    if "inv" in fr and anchor is v and v.dep_ == "ROOT":
        return _fronted_fragment(p, v)
    return None


def _fronted_fragment(p: Parsed, v: Token) -> tuple[tuple[int, int], Token | None, list[Token]] | None:
    """A verbless fragment before a parenthetical cue: "Not a chance, the governor said." / "People like
    Scott, he said." The parser hangs the fragment on the cue (as dep, or as a second subject); what comes
    before the comma that opens the cue clause is the content."""
    subj = [c for c in v.children if c.dep_ in SUBJ and c.i < v.i]
    if not subj:
        return None
    near = subj[-1]
    sent = p.sent(v)
    left = near.left_edge
    if left.i - 1 <= sent.start or p.doc[left.i - 1].text != ",":
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in p.doc[sent.start:left.i - 1]):
        return None  # a clause before the comma is the parenthetical rule's, not a fragment
    cs, ce = trim(p.text, p.doc[sent.start].idx, p.doc[left.i - 1].idx, strip_period=False)
    return ((cs, ce), None, []) if ce - cs >= 2 else None


def _parenthetical(p: Parsed, v: Token, c: Token) -> bool:
    """A complement that is itself a reporting clause set off by a comma ("X may go, its leader said")."""
    if c.i < v.i or c.lemma_ not in verb_cues() or "inv" not in verb_cues()[c.lemma_].frames:
        return False
    return "," in p.text[_end(v):c.left_edge.idx] or bool(_children(c, "nsubjpass", *SUBJ)) and "," in p.text[
        _end(v):c.idx]


def _quoted_as_saying(v: Token) -> Token | None:
    """For "saying" in "X was quoted as saying", the "quoted" token."""
    h = v.head
    if v.lower_ == "saying" and h.lower_ == "as" and h.head.lemma_ == "quote":
        return h.head
    if v.lower_ == "saying" and h.lemma_ == "quote":
        return h
    return None


def _cue_span(tokens: list[Token]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(_end(t) for t in tokens)


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither")) for c in t.children)


STOP_DEPS = {"punct", "cc", "conj", "advcl", "parataxis", "npadvmod", "mark"}


def _rest_of_clause(p: Parsed, v: Token, end: int, *, object_like: bool) -> int:
    """Stretch a content that follows its cue over the rest of what the cue governs.

    "criticized the senator [for backing the bill]", "described the protests [as peaceful]", "called on
    the mayor [to resign]": the parser hangs these on the verb, not on the object. A clause content runs on
    over a colon that elaborates it ("said it fails for one reason: ...").
    """
    text = p.text
    if object_like:
        for c in v.rights:
            if c.idx < end:
                continue
            if c.dep_ in STOP_DEPS or "," in text[end:c.idx] or "\n" in text[end:c.idx]:
                break
            end = max(end, _end(c.right_edge))
        end = _bare_infinitive(p, v, end)
    nxt = text[end:end + 2].lstrip()
    if nxt.startswith(":") and "\n" not in text[end:end + 3]:
        sent = p.sent(v)
        end = max(end, sent.end_char)
    return end


def _bare_infinitive(p: Parsed, v: Token, end: int) -> int:
    """ "demands Ukraine [cede the region]", "let them [go]": a base-form verb right after the object that
    the small parser hung elsewhere (often as a subject further on) still belongs to the content."""
    doc = p.doc
    i = next((t.i for t in p.sent(v) if t.idx >= end and not t.is_space), None)
    if i is None or p.text[end:doc[i].idx].strip():
        return end
    t = doc[i]
    if t.tag_ in ("VB", "VBP") and t.head.i != v.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux") and c.i > v.i for c in t.children):  # a subject before the
        # cue is the parser's misattachment ("The fate of X, which A demands B cede to C, ...")
        right = t
        for c in t.rights:
            if c.dep_ in STOP_DEPS or "," in p.text[_end(right):c.idx]:
                break
            right = c.right_edge
        return max(end, _end(right))
    return end


def _extracted(p: Parsed, cs: int, v: Token) -> bool:
    """The content clause starts with a relative or wh-word moved in front of the cue and its subject
    ("donations, which he said were tied to favors", "what the mayor said was a land grab"): the content
    is the rest of the clause after the cue."""
    first = p.doc.char_span(cs, v.idx, alignment_mode="expand")
    return first is not None and len(first) > 0 and first[0].lower_ in RELATIVE | {"what"} and not any(
        t.dep_ == "punct" for t in first)


def verb_attribution(p: Parsed, v: Token, cue: Cue, quotes: list[tuple[int, int]]) -> Raw | None:
    if cue.lemma == "quote" and any((q := _quoted_as_saying(c)) is not None and q.i == v.i for c in v.subtree):
        return None  # handled from "saying"
    anchor = _quoted_as_saying(v) or v
    found = _verb_content(p, v, cue, quotes, anchor)
    if found is None:
        return None
    (cs, ce), head, extra = found
    text = p.text
    if cs > v.idx:
        ce = _rest_of_clause(p, v, ce, object_like=head is None or head.dep_ not in ("ccomp", "xcomp"))
    direct = inside(quotes, *trim(text, cs, ce, strip_period=False)) is not None
    cs, ce = trim(text, cs, ce, strip_period=not direct)
    if ce - cs < 2:
        return None
    cue_tokens = [v, anchor, *extra, *_children(v, "prt")]
    if anchor is not v:
        cue_tokens += [t for t in anchor.children if t.dep_ in ("auxpass", "aux") and t.i < anchor.i]
    (qs, qe) = _cue_span(cue_tokens)
    if cs < qs < ce and head is not None and head.i > v.i and _extracted(p, cs, v):
        cs, ce = trim(text, qe, ce, strip_period=not direct)  # "which he said [were tied to favors]"
    if cs < qe and qs < ce or ce - cs < 2:
        return None
    src, src_tok = _source(anchor)
    if src is not None:
        src = trim(text, *src, strip_period=False)
        if src[0] < ce and cs < src[1]:
            src, src_tok = None, None
    return Raw((qs, qe), v.i, src, src_tok.i if src_tok is not None else None, (cs, ce),
               head.i if head is not None else None, direct, cue.lemma, _negated(v) or _negated(anchor))
