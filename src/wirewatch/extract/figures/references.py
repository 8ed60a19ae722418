"""What a counted phrase says about the counts before it: points back ("the leader"), adds ("also", "two
additional"), totals ("a total of 17", "in all") or sums up a long period ("since June"). Word lists are in
data/figures/references.json; `consolidate` uses these flags to make one figure per count."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import sentence_bounds, sentence_of, text_of, tokens_of
from .casualty import is_verb
from .lexicon import Lexicon

__all__ = ["clause_head", "is_definite", "is_the_rest", "name_of", "is_additive", "in_the_happening", "is_total", "is_cumulative",
           "is_aggregate", "sentence_text"]

_PRONOUNS = {"him", "her", "he", "she", "himself", "herself"}
_CLIMB = {"conj", "advcl", "xcomp"}
_HAPPENING_PREPS = {"during", "in", "throughout", "after", "following", "as", "from", "of"}
_POINTING = {"the", "this", "that", "these", "those"}


def sentence_text(doc: Doc, i: int) -> str:
    """The lower-cased text of the sentence holding token i (cached per Doc: cue phrases are looked up in it
    before any subtree is walked)."""
    cache = doc.user_data.setdefault("ww_figure_sents", {})
    k = sentence_of(doc)[i]
    text = cache.get(k)
    if text is None:
        a, b = sentence_bounds(doc)[k]
        tokens = tokens_of(doc)
        text = cache[k] = text_of(doc)[tokens[a].idx: tokens[b - 1].idx + len(tokens[b - 1])].lower()
    return text


def clause_head(t: Token) -> Token:
    """The verb whose clause a casualty word sits in; coordinated verbs share the first one's clause
    ("arrested a leader and detained three suspects")."""
    v = t
    steps = 0
    while not is_verb(v) and v.head.i != v.i and steps < 4:   # "12 dead", "the death of", "to death"
        v = v.head
        steps += 1
    while v.dep_ == "conj" and is_verb(v.head):
        v = v.head
    return v


def is_definite(p: Token, lx: Lexicon) -> bool:
    """"the leader", "both men", "his associates", "him": a phrase that points at people already known."""
    if p.lower_ in _PRONOUNS:
        return True
    return any(c.dep_ == "poss" or (c.dep_ in ("det", "predet", "preconj") and c.lower_ in lx.definite)
               for c in p.children)


def name_of(p: Token, phrase: str) -> str | None:
    """A person's name, lower case ("qari ziauddin"), when the counted phrase is one."""
    if p.ent_type_ == "PERSON" or (p.pos_ == "PROPN" and p.ent_type_ in ("", "PERSON")):
        return phrase.lower()
    return None


def is_additive(p: Token, head: Token, lx: Lexicon) -> bool:
    """People added to a count already given: "two additional suspects", "one other", "also detained"; never
    "the other(s)", the rest of people already counted ("two men were killed: one was shot, the other ...")."""
    if is_the_rest(p):
        return False
    tokens = tokens_of(p.doc)
    for i in range(p.left_edge.i, p.i + 1):
        t = tokens[i]
        if t.lower_ in lx.additive and not (t.lower_ == "more" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "than"):
            return True
    phrases = [ph for ph in lx.additive_phrases if ph in sentence_text(p.doc, p.i)]
    for verb in _verbs_of(p, head):
        for c in verb.children:
            if c.dep_ == "advmod" and c.lower_ in lx.additive:
                return True
            if phrases and c.dep_ in ("advmod", "prep", "cc"):
                words = " ".join(w.lower_ for w in c.subtree)
                if any(words.startswith(ph) for ph in phrases):
                    return True
    return False


def is_the_rest(p: Token) -> bool:
    """"the other", "the others": the rest of a group already counted."""
    return p.lower_ in ("other", "others") and any(c.dep_ == "det" and c.lower_ == "the" for c in p.children)


def in_the_happening(p: Token, head: Token, lx: Lexicon) -> bool:
    """"detained two suspects during the operation": counted in the happening already named."""
    if lx.happening_re.search(sentence_text(p.doc, p.i)) is None:
        return False
    return any(c.dep_ == "prep" and c.lower_ in _HAPPENING_PREPS and _names_the_happening(c, lx)
               for verb in _verbs_of(p, head) for c in verb.children)


def _verbs_of(p: Token, head: Token) -> tuple[Token, ...]:
    return (p.head, head) if p.head.i != head.i else (head,)


def _names_the_happening(prep: Token, lx: Lexicon) -> bool:
    for t in prep.subtree:
        if t.lemma_.lower() in lx.happening_nouns and any(c.dep_ == "det" and c.lower_ in _POINTING
                                                           for c in t.children):
            return True
    return False


def is_total(p: Token, phrase: str, head: Token, lx: Lexicon) -> bool:
    """"a total of 17 fighters", "in all, 12 were killed", "several were detained, including the facilitator":
    a count that totals what came before."""
    low = f" {phrase.lower()} "
    if any(f" {m} " in low for m in lx.total_markers):
        return True
    sent = sentence_text(p.doc, p.i)
    if "including" in sent:
        for c in list(p.children) + [c for v in _verbs_of(p, head) for c in v.children]:
            if c.dep_ == "prep" and c.lower_ == "including" and any(
                    g.dep_ == "pobj" and (is_definite(g, lx) or g.ent_type_ == "PERSON") for g in c.children):
                return True
    if any(m in sent for m in lx.total_markers):
        for c in head.children:
            if c.dep_ in ("advmod", "prep", "npadvmod"):
                words = " ".join(w.lower_ for w in c.subtree)
                if words in lx.total_markers:
                    return True
    return False


def is_cumulative(head: Token, lx: Lexicon) -> bool:
    """A count over a long period: "have detained more than 125 since June", "killed 40 so far this year",
    "we continue to apprehend a large number"."""
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in lx.habitual_verbs:   # "we continue to apprehend"
        return True
    sent = sentence_text(head.doc, head.i)
    phrases = [ph for ph in lx.cumulative_phrases if ph in sent]
    if not phrases and not any(w in sent for w in lx.cumulative_words):
        return False
    verbs = [head]
    v = head
    while v.dep_ in _CLIMB and v.head.i != v.i and is_verb(v.head) and len(verbs) < 4:
        v = v.head
        verbs.append(v)
    verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "conj" and is_verb(c)]
    for v in verbs:
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in lx.cumulative_words:
                return True
            if phrases and c.dep_ in ("advmod", "npadvmod", "prep"):
                words = " ".join(w.lower_ for w in c.subtree)
                if any(words.startswith(ph) or words.endswith(ph) for ph in phrases):
                    return True
    return False


def _several_places(noun: Token, lx: Lexicon) -> bool:
    """"operations in Khost and Paktiya provinces", "raids in three districts", "in Khost, Kandahar and Zabul"."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "across", "throughout"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if obj.tag_ == "NNS" and obj.lower_ in lx.area_nouns:
                return True
            if any(c.dep_ == "conj" for c in obj.children) or any(
                    c.dep_ == "compound" and any(g.dep_ == "conj" for g in c.children) for c in obj.children):
                return True
    return False


def _over_a_period(head: Token, lx: Lexicon) -> bool:
    """"Numerous insurgents were killed over the past 24 hours": a round-up of a period's happenings."""
    for c in head.children:
        if c.dep_ in ("prep", "npadvmod", "advmod"):
            words = " ".join(w.lower_ for w in c.subtree)
            if any(words.startswith(ph) or words.endswith(ph) for ph in lx.period_phrases):
                return True
    return False


def is_aggregate(head: Token, lx: Lexicon) -> bool:
    """A count over several happenings: "detained numerous suspects during two operations in Khost and Paktiya
    provinces", "killed 25 militants in separate raids". The clause holds a plural happening noun with a word
    that makes it several ("separate", "multiple", a number of two or more) or set in several places."""
    doc = head.doc
    sent = sentence_text(doc, head.i)
    if any(ph in sent for ph in lx.period_phrases) and _over_a_period(head, lx):
        return True
    if not any(w in sent for w in lx.happening_nouns):
        return False
    first, last = sentence_bounds(doc)[sentence_of(doc)[head.i]]
    if head.dep_ == "advcl" and head.tag_ == "VBG" and is_verb(head.head):
        head = head.head                 # "targeted leaders during operations in three provinces, detaining 15"
    for t in head.subtree:
        if not (first <= t.i < last) or t.tag_ != "NNS" or t.lemma_.lower() not in lx.happening_nouns:
            continue
        mods = [c for c in t.children if c.dep_ in ("amod", "nummod", "compound", "det", "quantmod")]
        if any(c.lower_ in lx.several_modifiers or (c.like_num and c.lower_ not in ("one", "1")) for c in mods):
            return True
        if any(c.lower_ == "series" for c in t.ancestors if c.i < t.i):     # "a series of raids"
            return True
        if _several_places(t, lx):
            return True
    return False
