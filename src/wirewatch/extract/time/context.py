"""What the spaCy parse tells the time rules: the token at an offset, the tense around it, and whether a
capitalised word is really a month or weekday (the modal 'May', the verb 'March', a person called 'April')."""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
PAST_AUX = frozenset({"was", "were", "had", "'d"})
TIME_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "week", "weekend", "day", "month", "year",
                        "noon", "midnight", "dawn"})
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
    """'future', 'past', 'present' or 'planned' for the clause a token sits in (news: 'will meet Friday',
    'planned to leave Thursday', 'met Friday', 'is in its fifth week'). 'planned' is a future seen from the
    past ('was scheduled for Sept. 26', 'a service planned for Saturday was cancelled'): the date may lie
    on either side of the article date. A time inside a noun phrase ('Wednesday's ruling', 'the Oct. 23
    slaying') has no tense of its own: it reads as 'np-past' when the clause around the phrase is past
    ('won the 8 November election': a dated day is past, a bare month the nearest), else 'present'."""
    if tok is None:
        return "present"
    if tok.dep_ in ("amod", "nummod", "det", "advmod") and tok.head.ent_type_ in ("DATE", "TIME") \
            and tok.head.i != tok.i and abs(tok.head.i - tok.i) <= 3 and tok.head.lower_ not in TIME_NOUNS:
        tok = tok.head  # 'early March', 'the 8 November': the calendar word carries the expression's role
    if tok.dep_ in ("compound", "nmod", "npadvmod") and tok.head.lower_ in TIME_NOUNS and tok.head.i != tok.i:
        tok = tok.head  # 'will leave on Thursday morning': the part of day carries the expression's role
    elif tok.dep_ in ("poss", "compound", "nmod", "amod", "npadvmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "poss" or tok.head.lower_ in TIME_NOUNS:
            return "present"  # "Wednesday's ruling": no tense of its own
        noun = tok.head
        for _ in range(3):
            if noun.dep_ not in ("compound", "nmod", "amod") or noun.head is noun:
                break
            noun = noun.head
        outer = _verb_tense(governor(noun.head), depth=1) if noun.head is not noun else "present"
        return "np-past" if outer in ("past", "planned") else "present"
    v = governor(tok)
    if _planned_noun(tok, v):
        return "planned"  # 'discussed the slated trip in September', 'cancelled the scheduled trip in May'
    if v.tag_ == "VBN" and v.dep_ in ("acl", "amod") and v.lemma_ in PLAN_VERBS and tok.dep_ == "pobj" \
            and tok.head.lower_ in ("on", "in") and tok.head.head.i == v.i \
            and not any(c.lower_ in ("for", "to") for c in v.children):
        return "past"  # 'the record set on Aug. 6' tells when it was set; 'the vote set for Aug. 6' is a plan
    return _verb_tense(v, depth=0)


PLAN_VERBS = frozenset({"schedule", "plan", "due", "set", "slate", "expect", "propose", "intend", "design", "mean",
                        "timed", "time", "target", "aim", "book"})
REPORTING = frozenset({"say", "tell", "report", "announce", "confirm", "deny", "claim", "insist", "add", "note",
                       "write", "state", "know", "believe", "think", "be", "have", "remain", "seem", "show"})


# verbs whose past tense is spelled like the present: the tagger's VBP may be a past ('stocks hurt the index')
SAME_IN_PAST = frozenset({"hurt", "put", "set", "cut", "hit", "let", "shut", "spread", "cost", "quit", "beat", "bet",
                          "cast", "read", "split", "burst", "upset", "broadcast", "forecast", "shed", "bid", "thrust"})


def scheduled_present(tok: Token | None) -> bool:
    """'He and Arafat meet separately Monday', 'the talks open Tuesday': news writes a scheduled event in the
    simple present, so a weekday hanging from such a verb lies ahead (not 'says', 'is', 'has'; not in a
    headline, which tells past events in the present)."""
    if tok is None:
        return False
    v = governor(tok)
    if not tok.sent.text.rstrip().endswith((".", "!", "?", '"', "”", "'", "’")):
        return False  # a headline ('Russia shells Kharkiv on Monday') tells a past event in the present
    attached = tok.head.i == v.i and tok.dep_ == "npadvmod" or tok.dep_ == "pobj" and tok.head.head.i == v.i
    return (attached and v.tag_ in ("VBZ", "VBP") and v.pos_ == "VERB" and v.lemma_ not in REPORTING
            and v.lower_ not in SAME_IN_PAST and v.lower_ != v.lemma_ + "ed" and not any(c.dep_ in ("aux", "auxpass", "neg") for c in v.children))


# adjectives that make a happening noun a plan: its date is told as set, on either side of the telling
PLAN_ADJECTIVES = frozenset({"slated", "planned", "scheduled", "upcoming", "expected", "proposed", "forthcoming"})


def _planned_noun(tok: Token, v: Token) -> bool:
    """Is the time phrase ('in September') the date of a noun the text calls planned ('the slated trip of the
    secretary in September', 'cancelled the scheduled trip in May'): on that noun, or on the verb whose object
    the noun is?"""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "on", "for"):
        return False
    host = tok.head.head
    nouns = [host] if host.pos_ in ("NOUN", "PROPN") else \
        [c for c in host.children if c.dep_ in ("dobj", "nsubjpass")] if host.i == v.i else []
    return any(c.dep_ == "amod" and c.lower_ in PLAN_ADJECTIVES for n in nouns for c in n.children)


def _phrasal_set(v: Token) -> bool:
    """'set up', 'set off', 'set out' with their particle are deeds (a camp set up on Oct. 17, a bomb set off),
    not the plan verb 'set' ('the vote was set for Oct. 17')."""
    return v.lemma_ == "set" and any(c.dep_ == "prt" for c in v.children)


def _verb_tense(v: Token, depth: int) -> str:
    if v.pos_ not in ("VERB", "AUX"):
        return "present"
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in auxes}
    if v.lemma_ in ("schedule", "plan", "due", "set") and not _phrasal_set(v) and not lowers & FUTURE_AUX and (
            v.tag_ == "VBD" or lowers & PAST_AUX or v.tag_ == "VBN" and v.dep_ in ("acl", "amod")
            and _verb_tense(v.head if v.head.pos_ in ("VERB", "AUX") else governor(v.head), depth + 1) == "past"):
        return "planned"  # 'was scheduled for Sept. 26', 'a service planned for Saturday was cancelled'
    if lowers & FUTURE_AUX or "going" in lowers or v.lemma_ in ("schedule", "plan", "due"):
        return "future"
    if "would" in lowers and "have" not in lowers:
        return "future"
    if {c.text for c in auxes} & {"may", "might", "should", "must"} and "have" not in lowers:
        return "future"  # 'schools may reopen in September' looks ahead ('May' with a capital is the month)
    if v.tag_ == "VB" and "to" in lowers:
        head = v.head
        if head is v or depth > 1:
            return "future"
        if head.pos_ not in ("VERB", "AUX") and head.lemma_ in ("due", "set", "scheduled", "slated"):
            # 'it had been due to expire Friday': the adjective's clause says when the plan was told
            if _verb_tense(governor(head.head), depth + 1) == "past":
                return "planned"
        outer = _verb_tense(head, depth + 1)
        if outer == "planned":
            return "planned"  # 'it had been due to expire Friday': a plan told in the past
        if outer == "past" and (head.lemma_ not in FUTURE_HEADS or any(
                c.lower_ in ("had", "'d") for c in head.children if c.dep_ in ("aux", "auxpass"))):
            return "past"
        return "future"
    if v.tag_ == "VBG" and lowers & {"is", "are", "'s", "'re", "am"}:
        return "future"
    if v.tag_ == "VBG" and lowers & {"has", "have", "had", "'ve"} and "been" in lowers:
        return "past"  # 'have been searching since the Oct. 23 slaying'

    if v.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes) or v.lemma_ == "end" and v.tag_ == "VBN":
        return "past"
    if v.tag_ == "VBN" and lowers & {"has", "have", "had", "was", "were"}:
        return "past"
    if v.tag_ == "VBN" and v.dep_ in ("acl", "amod") and not auxes and (v.lemma_ not in PLAN_VERBS
                                                                         or _phrasal_set(v)):
        return "past"  # 'the rifle found on May 3', 'a record reached on Aug. 6': a done deed
    return "present"


# verbs whose past tense sets a day ahead ('extended the offer on Nov. 20' may mean until then; 'invited ... on')
_SETS_A_DAY = PLAN_VERBS | frozenset({"extend", "postpone", "delay", "defer", "adjourn", "move", "reschedule",
                                      "invite", "summon", "subpoena", "call", "announce", "give", "grant"})


def past_deed_day(tok: Token | None) -> bool:
    """True when a day-month date is the own time of a finished deed: 'the town fell on 12 December',
    'rebels seized the town Dec. 12', 'the talks were held on Dec. 3'. Such a day cannot lie weeks after the
    telling, unlike a date that only sits in a past sentence ('declared a dividend, payable Dec. 7', 'extended
    the offer to Nov. 20', 'subpoenaed him to testify on Feb. 10')."""
    if tok is None:
        return False
    if tok.dep_ == "nummod" and tok.head.i != tok.i and abs(tok.head.i - tok.i) <= 2:
        tok = tok.head  # '12 December': the month carries the expression's role
    v = governor(tok)
    if v.i == tok.i or v.pos_ not in ("VERB", "AUX") or v.lemma_ in _SETS_A_DAY and not _phrasal_set(v):
        return False
    on_verb = (tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.i == v.i
               or tok.dep_ == "npadvmod" and tok.head.i == v.i)
    if not on_verb:
        return False
    auxes = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    return (v.tag_ == "VBD" and not auxes) or (v.tag_ == "VBN" and auxes in ({"was"}, {"were"}))


def is_calendar_word(tok: Token | None) -> bool:
    """False for a month/weekday-looking token the parser reads as a verb, a modal or part of a name
    ('May' the modal, 'the March for Life', a person called 'April')."""
    if tok is None:
        return True
    if tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX"):
        return False
    return tok.ent_type_ in ("", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT")
