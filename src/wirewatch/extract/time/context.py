"""What the spaCy parse tells the time rules: the token at an offset, the tense around it, and whether a
capitalised word is really a month or weekday (the modal 'May', the verb 'March', a person called 'April')."""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
FUTURE_HEADS = frozenset({"plan", "schedule", "expect", "set", "due", "intend", "hope", "aim", "prepare",
                          "want", "agree", "promise", "threaten", "vow", "pledge", "seek", "try", "begin",
                          "start", "continue", "go", "be", "decide", "vote", "propose"})


class Tokens:
    """Character offsets to tokens of one Doc (the Doc may be long: lookups are binary searches)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []

    def at(self, offset: int) -> Token | None:
        i = bisect_right(self.starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def before(self, offset: int) -> Token | None:
        """The last token that starts before `offset`."""
        i = bisect_right(self.starts, offset - 1) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None


def governor(tok: Token) -> Token:
    """The verb a time expression hangs from (its syntactic head chain, up to a few steps)."""
    v = tok
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX") or v.head is v:
            break
        v = v.head
    return v


def tense(tok: Token | None) -> str:
    """'future', 'past' or 'present' for the clause a token sits in (news: 'will meet Friday',
    'planned to leave Thursday', 'met Friday', 'is in its fifth week'). A time inside a noun phrase
    ('Wednesday's ruling') reads as 'present' (no tense of its own)."""
    if tok is None or tok.dep_ in ("poss", "compound", "nmod"):
        return "present"
    return _verb_tense(governor(tok), depth=0)


def _verb_tense(v: Token, depth: int) -> str:
    if v.pos_ not in ("VERB", "AUX"):
        return "present"
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in auxes}
    if lowers & FUTURE_AUX or "going" in lowers or v.lemma_ in ("schedule", "plan", "due"):
        return "future"
    if "would" in lowers and "have" not in lowers:
        return "future"
    if v.tag_ == "VB" and "to" in lowers:
        head = v.head
        if head is v or depth > 1:
            return "future"
        outer = _verb_tense(head, depth + 1)
        if outer == "past" and (head.lemma_ not in FUTURE_HEADS or any(
                c.lower_ in ("had", "'d") for c in head.children if c.dep_ in ("aux", "auxpass"))):
            return "past"
        return "future"
    if v.tag_ == "VBG" and lowers & {"is", "are", "'s", "'re", "am"}:
        return "future"
    if v.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes) or v.lemma_ == "end" and v.tag_ == "VBN":
        return "past"
    if v.tag_ == "VBN" and lowers & {"has", "have", "had", "was", "were"}:
        return "past"
    return "present"


def is_calendar_word(tok: Token | None) -> bool:
    """False for a month/weekday-looking token the parser reads as a verb, a modal or part of a name
    ('May' the modal, 'the March for Life', a person called 'April')."""
    if tok is None:
        return True
    if tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX"):
        return False
    return tok.ent_type_ in ("", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT")
