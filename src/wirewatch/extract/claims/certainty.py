"""Certainty and polarity of a claim, FactBank-style, with the words that decided them.

Only words that govern the content's main clause count: its auxiliaries ("may", "will"), negation,
adverbs ("probably"), a predicative "likely" ("X is likely to ...", "It is highly likely that ..."),
a conditional or "whether" clause, a final question mark, and the cue itself ("believes", "denied",
"made no mention of"). Words deeper inside the content ("the only thing they can trust") do not.
Precedence: a question or conditional makes the claim `uncertain`; otherwise the weakest epistemic
word wins (`possible` over `probable`); a bare prediction ("will", "would") is `uncertain`; else `certain`.
Polarity flips once per negation of the content and once per negative cue ("denied", "not say").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution import Raw
from .lexicon import modality, noun_cues, verb_cues
from .parsed import Parsed

__all__ = ["assess"]

GOVERNING = {"aux", "auxpass", "neg", "advmod", "acomp", "mark", "attr", "oprd"}
CONDITIONAL = {"if", "unless"}
NEGATED_ARGS = {"nsubj", "nsubjpass", "dobj", "attr"}


def _content_head(doc: Doc, raw: Raw) -> Token | None:
    if raw.content_token is not None:
        return doc[raw.content_token]
    span = doc.char_span(*raw.content, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for t in span:  # the first token whose head lies outside the content: the root of its first clause
        if t.head.i == t.i or not (span.start <= t.head.i < span.end):
            return t
    return span[0]


def _governing(head: Token) -> list[Token]:
    out = [head] if head.lower_ in modality() else []
    for c in head.children:
        if c.dep_ in NEGATED_ARGS:  # "no one was hurt", "the move would have no legal basis"
            out.extend(d for d in c.children if d.dep_ in ("det", "neg") and d.lower_ in ("no", "neither"))
        if c.dep_ in GOVERNING:
            out.append(c)
            if c.dep_ in ("acomp", "advmod", "attr"):
                out.extend(g for g in c.children if g.dep_ in ("advmod",))
        elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL for m in c.children):
            out.extend(m for m in c.children if m.dep_ == "mark")
    if head.dep_ == "xcomp" and head.head.lemma_ in ("likely", "unlikely"):
        out.append(head.head)
    return out


def assess(p: Parsed, raw: Raw) -> tuple[str, str, list[tuple[int, int]]]:
    """(certainty, polarity, cue offsets) for one attribution."""
    lex = modality()
    cue = verb_cues().get(raw.cue_lemma) or noun_cues().get(raw.cue_lemma)
    effects: dict[str, list[tuple[int, int]]] = {}
    cue_span = raw.cue
    if cue is not None and cue.certainty:
        effects.setdefault(cue.certainty, []).append(cue_span)
    negations: list[tuple[int, int]] = []
    if cue is not None and cue.polarity == "negative":
        negations.append(cue_span)
    if raw.cue_negated:
        negations.append(cue_span)
    head = _content_head(p.doc, raw)
    if head is not None:
        for t in _governing(head):
            word = t.lower_
            if t.dep_ == "mark" and word in ("if", "whether") and t.head.i == head.i:
                effects.setdefault("uncertain!", []).append((t.idx, t.idx + len(t)))
            elif t.dep_ == "mark" and word in CONDITIONAL:
                effects.setdefault("uncertain!", []).append((t.idx, t.idx + len(t)))
            start = min([t.idx] + [g.idx for g in t.children if g.dep_ == "advmod" and g.i == t.i - 1])
            for eff in lex.get(word, ()):
                if eff == "negative":
                    negations.append((t.idx, t.idx + len(t)))
                elif t.dep_ != "mark":
                    effects.setdefault(eff, []).append((start, t.idx + len(t)))  # "highly likely"
    text = p.text[raw.content[0]:raw.content[1]].rstrip("”\"' .")
    if text.endswith("?"):
        q = p.text.rfind("?", *raw.content)
        effects.setdefault("uncertain!", []).append((q, q + 1))
    for level in ("uncertain!", "possible", "probable", "uncertain"):
        if level in effects:
            certainty, cues = level.rstrip("!"), effects[level]
            break
    else:
        certainty, cues = "certain", []
    polarity = "negative" if len(negations) % 2 else "positive"
    spans = sorted(set(cues + negations))
    return certainty, polarity, spans
