"""Attributions written as layout, not as a reporting verb: a speaker label, a credit line, a headline.

* a transcript: paragraphs that open with a speaker's name in capitals and a colon ("MODERATOR: ...",
  "SMITH: ...") — the label is the source, the colon the cue, the rest of the paragraph the content. At
  least two such paragraphs make a transcript (one "UPDATE:" does not), and editorial labels
  (`labels.tsv`: update, correction, exclusive, ...) are never speakers;
* a credit line: a quotation followed by a dash and a name ("“We will rebuild.” ― Olena Petrenko") —
  the name is the source, the dash the cue, the quotation the content;
* a headline "Name: what they said" ("Zelensky: Ukraine will not cede land"), when the part before the
  colon is a person or organisation the parser recognised, or a short capitalised name whose last word
  the article names as a person or organisation elsewhere ("Lynch:" beside "Loretta Lynch");
* a known name, a colon and a quotation ("- Ann Roe: “...”", "More from Roe: “...”").

The parse does not see these (there is no verb); the rules here read the text's layout and the named
entities. They run after the other finders and replace a claim that gave the same quotation to no one
or to an earlier speaker.
"""

from __future__ import annotations

import re

from .. import ents_of
from .attribution import Raw, _source, trim
from .lexicon import editorial_labels, role_kinds, verb_cues
from .parsed import Parsed

__all__ = ["colon_paragraphs", "layout_attributions", "with_colon_paragraphs", "with_layout"]

LABEL = re.compile(r"^[^\S\n]*[\"“]?[^\S\n]*([A-Z][A-Z.'’\- ]*[A-Z.])[^\S\n]*(:)[^\S\n]+(?=\S)", re.MULTILINE)
CREDIT = re.compile(r"[^\S\n]*\n?[^\S\n]*(―|—|–|--|-(?=[^\S\n]))[^\S\n]*"
                    r"([A-Z][\w.'’\-]*(?:[^\S\n]+(?:[A-Z][\w.'’\-]*|de|del|da|la|van|von|bin|al)){0,4})"
                    r"[^\S\n]*[.,]?[^\S\n]*(?=\n|$|\()")
SPEAKERS = {"PERSON", "ORG"}
NAMED_LABEL = re.compile(r"^[^\S\n]*[\"“]?[^\S\n]*([A-Z][\w.'’\-]*(?:[^\S\n]+[A-Z][\w.'’\-]*){0,3})[^\S\n]*(:)[^\S\n]+(?=\S)",
                         re.MULTILINE)
NAME_COLON = re.compile(r"([A-Z][\w.'’\-]*(?:[^\S\n]+[A-Z][\w.'’\-]*){0,3})[^\S\n]*(:)[^\S\n]*")
CLOSE_MARK = re.compile(r"[”\"]|''")
OPEN_MARKS = "“”\"'"
MIN_TURNS = 2
MIN_TURN_WORDS = 3
MAX_LABEL_WORDS = 4
MAX_HEADLINE = 200
MAX_HEADLINE_LABEL = 6


def _token(p: Parsed, start: int, end: int) -> int | None:
    span = p.doc.char_span(start, end, alignment_mode="expand")
    return span[0].i if span is not None and len(span) else None


def _raw(p: Parsed, cue: tuple[int, int], source: tuple[int, int], content: tuple[int, int], direct: bool
         ) -> Raw | None:
    cs, ce = trim(p.text, *content, strip_period=not direct)  # a quotation keeps its period inside the marks
    ss, se = trim(p.text, *source, strip_period=False)
    if ce - cs < 2 or se <= ss:
        return None
    cue_tok, src_tok = _token(p, *cue), _token(p, ss, se)
    if cue_tok is None:
        return None
    return Raw(cue, cue_tok, (ss, se), src_tok, (cs, ce), None, direct, "say")


def _transcript(p: Parsed, known: frozenset[str] = frozenset()) -> list[Raw]:
    """Paragraphs opening with a speaker label: capitals ("SMITH:") or a name the article knows ("Ann
    Smith:"); two or more of them make a transcript."""
    text = p.text
    turns = []
    first_nl = text.find("\n", len(text) - len(text.lstrip()))
    for m in sorted([*LABEL.finditer(text), *NAMED_LABEL.finditer(text)], key=lambda m: m.start()):
        label = m.group(1).strip()
        if len(label.split()) > MAX_LABEL_WORDS or sum(ch.isalpha() for ch in label) < 2 or \
                label.lower().strip(" .") in editorial_labels():
            continue
        if not label.isupper() and (not _names_speaker(label, known) or m.start() < first_nl or len(
                re.findall(r"[^\W\d]+", text[m.end():text.find("\n", m.end()) % (len(text) + 1)])) < MIN_TURN_WORDS):
            continue  # a title-case label must be a known name, the headline is no turn, a turn is a sentence
        if turns and turns[-1][0] == m.start(1):
            continue
        nl = text.find("\n", m.end())
        end = len(text) if nl < 0 else nl
        turns.append((m.start(1), m.start(1) + len(label), m.start(2), m.end(2), m.end(), end))
    if len(turns) < MIN_TURNS:
        return []
    out = []
    for ls, le, cs_, ce_, body, end in turns:
        r = _raw(p, (cs_, ce_), (ls, le), (body, end), False)
        if r is not None:
            out.append(r)
    return out


def _credits(p: Parsed, quotes: list[tuple[int, int]]) -> list[Raw]:
    """Quotations credited by a dash and a name. The quotation is the one that ends at the closing mark,
    else the paragraph up to it when the paragraph opens with a quote mark (a mistyped opening ” leaves
    no quotation span)."""
    text = p.text
    ends = {qe: qs for qs, qe in quotes}
    out = []
    for close in CLOSE_MARK.finditer(text):
        qe = close.end()
        m = CREDIT.match(text, qe)
        if m is None:
            continue
        qs = ends.get(qe)
        if qs is None:
            qs = text.rfind("\n", 0, qe) + 1
            qs += len(text[qs:qe]) - len(text[qs:qe].lstrip())
            if text[qs:qs + 1] not in OPEN_MARKS or qe - qs < 3:
                continue
        name_s, name_e = m.span(2)
        if text[name_e - 1] == "." and name_e - name_s > 2 and text[name_e - 3:name_e - 1].isalpha():
            name_e -= 1  # the sentence's period, not an initial's ("Ana Ruiz." but "Ana B.")
        r = _raw(p, m.span(1), (name_s, name_e), (qs, qe), True)
        if r is not None:
            out.append(r)
    return out


def _known_names(p: Parsed) -> frozenset[str]:
    """The last word of every person or organisation the parser found in the article, lower case: a
    headline's or a colon's "Lynch" is a speaker when the body names "Loretta Lynch". (Countries are left
    out: "Ukraine:" opens a section as often as a statement.)"""
    return frozenset(e.text.split()[-1].lower() for e in ents_of(p.doc) if e.label_ in SPEAKERS and e.text.split())


def _names_speaker(words: str, known: frozenset[str]) -> bool:
    """A short capitalised phrase ("Lynch", "Dr. Ben Carson") whose last word is a known name."""
    parts = words.split()
    return 0 < len(parts) <= MAX_LABEL_WORDS and all(w[:1].isupper() for w in parts) and \
        parts[-1].lower().strip(".,") in known


def _colon_quotes(p: Parsed, quotes: list[tuple[int, int]], known: frozenset[str]) -> list[Raw]:
    """ "- Ann Roe: “...”", "More from Roe: “...”": a known name, a colon, a quotation right after."""
    text = p.text
    out = []
    for qs, qe in quotes:
        m = NAME_COLON.search(text, max(0, qs - 80), qs)
        if m is None or m.end() != qs or not _names_speaker(m.group(1), known):
            continue
        r = _raw(p, m.span(2), m.span(1), (qs, qe), True)
        if r is not None:
            out.append(r)
    return out


def _headline(p: Parsed, known: frozenset[str] = frozenset()) -> list[Raw]:
    text = p.text
    start = len(text) - len(text.lstrip())
    nl = text.find("\n", start)
    end = len(text) if nl < 0 else nl
    line = text[start:end]
    colon = line.find(": ")
    if colon < 1 or end - start > MAX_HEADLINE:
        return []
    colon += start
    label = text[start:colon].split()
    if len(label) > MAX_HEADLINE_LABEL or " ".join(label).lower() in editorial_labels() or not (
            any(e.label_ in SPEAKERS and start <= e.start_char and e.end_char == colon for e in ents_of(p.doc))
            or _names_speaker(text[start:colon], known) or label[-1].lower() in role_kinds()):
        return []
    r = _raw(p, (colon, colon + 1), (start, colon), (colon + 1, end), False)
    return [r] if r is not None else []


COLON_END = re.compile(r"(?<=\w):[^\S\n]*\n\s*(?=\S)")
BLOCK_FRAMES = frozenset({"quote", "ccomp"})


def colon_paragraphs(p: Parsed) -> list[Raw]:
    """A reporting verb that ends its paragraph with a colon introduces the next paragraph ("The governor
    added:" / "It is typical of them ..."): the verb is the cue, its subject the source, the paragraph
    the content (a quotation when it opens with a mark)."""
    text, doc, out = p.text, p.doc, []
    for m in COLON_END.finditer(text):
        span = doc.char_span(m.start() - 1, m.start(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        v = span[-1]
        cue = verb_cues().get(v.lemma_.lower())
        if v.pos_ not in ("VERB", "AUX") or cue is None or not cue.frames & BLOCK_FRAMES:
            continue
        nl = text.find("\n", m.end())
        end = len(text) if nl < 0 else nl
        direct = text[m.end()] in OPEN_MARKS
        cs, ce = trim(text, m.end(), end, strip_period=not direct)
        src, src_tok = _source(v)
        if ce - cs < 2 or src is None:
            continue
        out.append(Raw((v.idx, v.idx + len(v.text)), v.i, src, src_tok.i if src_tok is not None else None, (cs, ce),
                       None, direct, v.lemma_.lower()))
    return out


def layout_attributions(p: Parsed, quotes: list[tuple[int, int]]) -> list[Raw]:
    """Every speaker label, credit line and name-colon headline of the article, in text order."""
    known = _known_names(p)
    found = _transcript(p, known) + _credits(p, quotes) + _headline(p, known)
    found = [r for k, r in enumerate(found) if r.cue not in {o.cue for o in found[:k]}]
    taken = [r.cue for r in found]
    found += [r for r in _colon_quotes(p, quotes, known) if not any(r.cue[0] < e and s < r.cue[1] for s, e in taken)]
    return sorted(found, key=lambda r: r.cue[0])


def with_layout(raws: list[Raw], layout: list[Raw]) -> list[Raw]:
    """The other finders' relations plus the layout ones. A relation whose content is a layout relation's
    content, with its cue outside it (a quotation given to the previous speaker), yields to it; one with
    the same cue is the same relation; one whose cue sits inside a layout relation's content (a credited
    quotation whose marks the quotation finder missed: ”...” ― Name; a transcript turn; a headline's words)
    is part of the labelled speaker's words."""
    if not layout:
        return raws
    kept = []
    for r in raws:
        if any(r.cue[0] < lo.cue[1] and lo.cue[0] < r.cue[1] for lo in layout):
            continue
        if any(lo.content[0] <= r.content[0] and r.content[1] <= lo.content[1] and not (
                lo.content[0] <= r.cue[0] < lo.content[1]) and lo.direct for lo in layout):
            continue
        if any(lo.content[0] <= r.cue[0] < lo.content[1] for lo in layout):
            continue  # a cue inside a credited quotation, a transcript turn or a headline's words is the
            # labelled speaker's own words, as a cue inside quotation marks is
        kept.append(r)
    return sorted(kept + layout, key=lambda r: (r.cue[0], r.content[0]))


def with_colon_paragraphs(raws: list[Raw], blocks: list[Raw]) -> list[Raw]:
    """The other relations plus the colon paragraphs; a relation on the same cue is the same one. Cues
    inside the paragraph stay: a block quoted from another text carries its own attributions."""
    if not blocks:
        return raws
    kept = [r for r in raws if not any(r.cue[0] < b.cue[1] and b.cue[0] < r.cue[1] for b in blocks)]
    return sorted(kept + blocks, key=lambda r: (r.cue[0], r.content[0]))
