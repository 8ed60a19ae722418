"""Span edges by the attribution annotation conventions (PARC 3.0, which PolNeAR follows).

Rules and tagger find the right words; these conventions decide where a role's span starts and ends:

* a source set off by an apposition keeps the comma that closes it: "Richard Roe, a lawyer for the
  family, said" -> source "Richard Roe, a lawyer for the family," (the apposition is a parenthesis; both
  commas belong to it). A source without an inner comma ("Smith, who ...") does not;
* a content that opens a quotation it does not close runs on to the closing mark, with the comma or
  period inside it: the group said the vote was “a clear signal,” -> content ends after ”;
* a verb cue is its verb group: auxiliaries, negation and adverbs right before the verb ("has long
  said", "was confirmed", "did not deny");
* a content after its cue ends before a circumstance of the reporting: a date, or a channel or occasion
  (`channels.tsv`): "called the plan [a fraud] on Twitter on Monday";
* an "according to X" phrase closing a content is the attribution of another claim, not part of this
  one: [the bridge was hit at dawn], according to the mayor;
* a source is the speaker's phrase: it ends before its own cue or content and drops a leading dateline,
  conjunction, focus adverb or quotation mark ("But [the senator] said");
* an unquoted content that stops inside its own clause runs on to the clause's end: Polls showed [that
  few voters cared]; a content before its parenthetical cue starts with its sentence after ", but";
  a quotation after "that" keeps it: said [that “...”].

They only move edges of spans the finders already chose, and never into the cue or another role.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .attribution import Raw, _noun_phrase, trim
from .lexicon import channels
from .parsed import Parsed

__all__ = ["conventional", "whole_constituent"]

INNER = (",", " -- ", " — ", " – ", "(")
CLOSING = re.compile(r"[,.?!]?(”|\"|'')")
OPENERS = ("“", '"', "``", "''")
CIRCUMSTANCE = {"in", "on", "at", "during", "before", "after", "since", "until", "despite", "amid", "throughout",
                "via", "through"}
CUE_GROUP = {"aux", "auxpass", "neg", "advmod"}
ACCORDING = re.compile(r",\s+according\s+to\s", re.IGNORECASE)


LEAD_WORDS = {"but", "and", "or", "so", "yet", "even", "also", "then", "meanwhile", "still"}
DATELINE = re.compile(r"[A-Z][A-Z.'’ ]+(?:,[A-Za-z.'’ ]+)?\s*(?:--|-|—|–|―)\s+")
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
SET_OFF = (",", "-", "—", "–")


def _source_edges(p: Parsed, raw: Raw) -> Raw:
    """A source is the speaker's phrase and nothing around it: it ends before its own cue or content ("[The
    campaign] plans to ...", where the tagger ran on), drops a leading conjunction, focus adverb, quotation
    mark or dateline ("But [the minister] claims", "WASHINGTON -- [the senator] said"), and a phrase set off before
    the subject ("In a speech, [the mayor] said", "To understand X, [the judge] said")."""
    if raw.source is None:
        return raw
    text, doc = p.text, p.doc
    s, e = raw.source
    for role in (raw.cue, raw.content):
        before = doc.char_span(s, role[0], alignment_mode="contract") if s < role[0] < e else None
        if before is not None and len(before) and before[-1].pos_ not in ("DET", "ADJ"):  # not "a [statement]"
            e = role[0]
    if (s, e) != raw.source:
        s, e = trim(text, s, e)
        if e - s < 1:
            return raw
    m = DATELINE.match(text, s, e)
    if m and m.end() < e:
        s = m.end()
    words = text[s:e].split(None, 1)
    if words and words[0].isalnum() and words[0].lower() not in LEAD_WORDS and not any(
            x in text[s:e] for x in SET_OFF):  # nothing to strip: no parse needed
        span = None
    else:
        span = doc.char_span(s, e, alignment_mode="expand")
    if span is not None and len(span):
        k = 0
        while k < len(span) - 1 and (span[k].lower_ in LEAD_WORDS and span[k].pos_ in ("CCONJ", "ADV") or
                                     span[k].is_punct and span[k].text not in "(["):
            k += 1
        subjects = [t for t in span[k:] if t.dep_ in SUBJECT_DEPS and not span.start <= t.head.i < span.end]
        if subjects and subjects[0].left_edge.i > span[k].i and any(
                t.text in (",", "-", "--", "—", "–") for t in doc[span[k].i:subjects[0].left_edge.i]):
            k = subjects[0].left_edge.i - span.start
        if k:
            s = span[k].idx
    s, e = trim(text, s, e, strip_period=False)
    last = doc.char_span(s, e, alignment_mode="expand") if text[e - 1:e].isalpha() else None
    if last is not None and len(last) > 1 and last[-1].pos_ in ("DET", "ADP", "CCONJ"):  # "a poll by the"
        root = doc[p.root(last.start, last.end)]
        end = _noun_phrase(root)[1]
        bound = min([r[0] for r in (raw.cue, raw.content) if r[0] >= e] + [p.sentence_chars(last[-1].i)[1]])
        if e < end <= bound:
            e = end
    if e - s < 1 or (s, e) == raw.source:
        return raw
    return replace(raw, source=(s, e))


def _source_comma(text: str, raw: Raw) -> Raw:
    if raw.source is None:
        return raw
    s, e = raw.source
    if e >= raw.cue[0] or text[e:e + 1] != "," or not any(m in text[s:e] for m in INNER):
        return raw
    if raw.content[0] <= e < raw.content[1]:
        return raw
    return replace(raw, source=(s, e + 1))


def _unbalanced(span: str) -> bool:
    """The span opens a quotation it does not close (curly, straight or doubled marks)."""
    if span.count("“") > span.count("”"):
        return True
    if span.count('"') % 2 == 1 and not span.startswith('"'):
        return True
    return span.count("''") + span.count("``") == 1 and not span.startswith(("''", "``"))


def _close_quote(text: str, raw: Raw) -> Raw:
    s, e = raw.content
    if raw.direct or not _unbalanced(text[s:e]):
        return raw
    m = CLOSING.match(text, e)
    if m is None or (raw.cue[0] < m.end() and e <= raw.cue[0]) or (
            raw.source is not None and e <= raw.source[0] < m.end()):
        return raw
    return replace(raw, content=(s, m.end()))


def _drop_according(text: str, raw: Raw) -> Raw:
    s, e = raw.content
    if raw.direct or raw.cue_lemma == "according":
        return raw
    m = None
    for m in ACCORDING.finditer(text, s, e):
        pass
    if m is None or raw.cue[0] >= m.start() and raw.cue[0] < e:
        return raw
    rest = text[m.end():e]
    if "," in rest or any(q in rest for q in OPENERS):  # "according to X, who ...": more than a tail
        return raw
    cs, ce = trim(text, s, m.start(), strip_period=False)
    return replace(raw, content=(cs, ce)) if ce - cs >= 2 else raw


def _occasion(prep) -> bool:
    """The preposition's object is a date or time, or a channel or occasion of reporting (`channels.tsv`)."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and (objs[0].ent_type_ in ("DATE", "TIME") or objs[0].lemma_.lower() in channels())


def _drop_cue_adjuncts(p: Parsed, raw: Raw) -> Raw:
    """A content after its cue ends before a circumstance of the reporting itself: "called the plan [a
    fraud] on Twitter", "described it [as a fraud] during the debate", "urged [a recount] Wednesday"."""
    s, e = raw.content
    if raw.direct or s < raw.cue[1]:
        return raw
    doc, text = p.doc, p.text
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return raw
    cut = e
    for t in reversed(span):
        if t.idx >= cut:
            continue
        if t.head.i != raw.cue_token or t.i == raw.cue_token:
            continue
        if not (t.dep_ == "prep" and t.lower_ in CIRCUMSTANCE and _occasion(t)
                or t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME")):
            break
        if text[t.right_edge.idx + len(t.right_edge.text):cut].strip(" ,.;"):
            break
        cut = t.left_edge.idx
    if cut == e:
        return raw
    cs, ce = trim(text, s, cut, strip_period=False)
    return replace(raw, content=(cs, ce)) if ce - cs >= 2 else raw


def _cue_auxiliaries(p: Parsed, raw: Raw) -> Raw:
    """A verb cue takes the auxiliaries, negation and adverbs right before it: "has said", "was
    confirmed", "did not deny", "also said" (the whole verb group reports; the rules start from the verb)."""
    doc = p.doc
    v = doc[raw.cue_token]
    i = doc.char_span(*raw.cue, alignment_mode="expand")
    if i is None:
        return raw
    k = i.start - 1
    start = raw.cue[0]
    while k >= 0 and doc[k].head.i == v.i and doc[k].dep_ in CUE_GROUP:
        start = doc[k].idx
        k -= 1
    if start == raw.cue[0] or raw.source and raw.source[0] < raw.cue[0] < raw.source[1] + 1 and start < raw.source[1] or (
            raw.content[0] < raw.cue[0] and start < raw.content[1]):
        return raw
    return replace(raw, cue=(start, raw.cue[1]))


def _passive_target(p: Parsed, raw: Raw) -> Raw:
    """The subject of a passive cue without an agent is what is reported on, not who reports: "[Mr. Roe]
    was accused of fraud", "they have been criticized for ..." have no source."""
    if raw.source is None or raw.source_token is None:
        return raw
    t = p.doc[raw.source_token]
    v = p.doc[raw.cue_token]
    if t.dep_ == "nsubjpass" and t.head.i == v.i and v.lemma_ != "quote" and not any(
            c.dep_ == "agent" for c in v.children):  # "its leader was quoted as saying" is the speaker
        return replace(raw, source=None, source_token=None)
    return raw


JOINERS = {"but", "and", "or", "yet", "so"}


def _fronted_start(p: Parsed, raw: Raw) -> Raw:
    """A content before its parenthetical cue starts where its sentence starts: "[The port was to be
    guarded, but the navy moved the ships], an official said" (the parser hangs the cue on the last
    clause, the speaker reported them all)."""
    text = p.text
    (cs, ce), (qs, _) = raw.content, raw.cue
    if raw.direct or ce > qs or (raw.source is not None and raw.source[0] < ce):
        return raw
    start = max(p.sentence_chars(raw.cue_token)[0], text.rfind("\n", 0, qs) + 1)
    gap = text[start:cs].rstrip()
    if not gap or any(q in gap for q in OPENERS + ("”",)) or not (
            gap.endswith(",") or gap.rsplit(None, 1)[-1].lower() in JOINERS):
        return raw
    s, _ = trim(text, start, cs, strip_period=False)
    return replace(raw, content=(s, ce)) if s < cs else raw


THAT_QUOTE = re.compile(r"\bthat\s+$")


def _quoted_complement(text: str, raw: Raw) -> Raw:
    """A quotation introduced by "that" after its cue keeps the complementizer, as a reported clause does:
    said [that “the talks are over.”] (PolNeAR marks it so in 97 of 99 train contents)."""
    cs, ce = raw.content
    if not text[cs:cs + 2].startswith(OPENERS) or raw.cue[1] > cs:
        return raw
    m = THAT_QUOTE.search(text, max(raw.cue[1], cs - 8), cs)
    return replace(raw, content=(m.start(), ce)) if m else raw


def _own_roles(text: str, raw: Raw) -> Raw:
    """A content never covers its own cue or source. A cue that runs into the content ends where it starts
    ("cited [criticism of X]", "pointed to [reports that ...]", "declined [to comment on X]": the object is
    what was said); a content that runs over its cue ends before it ("[the bill passed], according to the
    clerk", taken as one clause by the tagger)."""
    (qs, qe), (cs, ce) = raw.cue, raw.content
    if not (qs < ce and cs < qe):
        return raw
    if qs < cs:
        q = trim(text, qs, cs, strip_period=False)
        return replace(raw, cue=q) if q[1] - q[0] >= 2 else raw
    cut = qs
    if raw.source is not None and cs < raw.source[0] < qs:
        cut = raw.source[0]
    c = trim(text, cs, cut, strip_period=False)
    return replace(raw, content=c) if c[1] - c[0] >= 2 else raw


def _cue_colon(text: str, raw: Raw) -> Raw:
    """A verb cue ends at its last word: "earlier said:" -> "earlier said" (the colon introduces the
    content; PolNeAR often marks it with the cue, but it reports nothing). A bare colon cue of a headline
    or transcript label ("Berg: ...") is the whole cue and stays."""
    s, e = raw.cue
    if not text[s:e].rstrip().endswith(":") or not text[s:e].strip(": \n"):
        return raw
    s2, e2 = trim(text, s, e, strip_period=False)
    return replace(raw, cue=(s2, e2)) if e2 > s2 else raw


def whole_constituent(p: Parsed, raw: Raw) -> Raw:
    """An unquoted content that stops inside its own clause ("Polls showed [that]", "promising [to meet]
    and in some cases exceed": the tagger's spans, now and then a parse's) runs on to the end of that
    clause, short of the cue, the source and the sentence's end."""
    doc, text = p.doc, p.text
    span = doc.char_span(*raw.content, alignment_mode="expand")
    if span is None or not len(span):
        return raw
    r = doc[p.root(span.start, span.end)]
    if r.dep_ == "mark" or r.dep_ == "aux":
        r = r.head
    last = r.right_edge
    end = last.idx + len(last.text)
    cs, ce = raw.content
    if end <= ce:
        return raw
    bound = min([x[0] for x in (raw.cue, raw.source or (len(text), 0)) if x[0] >= ce] + [p.sentence_chars(span[-1].i)[1]])
    if end > bound:
        return raw
    s2, e2 = trim(text, cs, end)
    return replace(raw, content=(s2, e2)) if e2 > ce else raw


def conventional(p: Parsed, raws: list[Raw]) -> list[Raw]:
    """Every relation with its span edges set by the conventions above."""
    text = p.text
    raws = [r if r.direct else whole_constituent(p, r) for r in raws]
    return [_cue_colon(text, _passive_target(p, _cue_auxiliaries(p, _drop_cue_adjuncts(p, _drop_according(text, _close_quote(
        text, _source_comma(text, _source_edges(p, _own_roles(text, _fronted_start(p, _quoted_complement(text, r))))))))))) for r in raws]
