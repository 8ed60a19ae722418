"""Counts of an earlier happening told as background: "In June, insurgents attacked the base. The troops
responded, killing more than 30." in a report dated the end of July.

A report often recalls an earlier happening to set the scene. Its count is real, but it is not a count of the
happening the report is about, and a reader taking the largest count as the toll would read the June fight's
30 dead as today's. A clause is set in an earlier happening when the date that governs it (an adverbial of its
verb: "In June, ...", "on 3 May ...") ends well before the article date; a clause with no date of its own takes
the date that opens the sentence before it in the same paragraph ("In June, insurgents attacked ... The troops
responded, killing ..."). A date inside a noun phrase ("those behind the June attack") says nothing about when
the clause happened. `find` leaves such counts out where the article counts a happening of its own, as it does
running totals.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Sequence

from spacy.tokens import Doc, Token

from ...model import TimeExpr
from .. import sentence_bounds, sentence_of, text_of, tokens_of

__all__ = ["earlier_sentences"]

GAP = dt.timedelta(days=14)     # a date ending at least this long before the article date is another happening
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_ADVERBIAL = {"prep", "npadvmod", "advmod", "tmod", "obl"}


def _last_day(value: str | None) -> dt.date | None:
    """The last day a DATE value covers ("2010-06" -> 2010-06-30), None for anything else (weeks, seasons)."""
    m = _VALUE.match(value or "")
    if m is None:
        return None
    y, mo, d = int(m[1]), int(m[2]) if m[2] else 12, int(m[3]) if m[3] else None
    try:
        return dt.date(y, mo, d if d else calendar.monthrange(y, mo)[1])
    except ValueError:
        return None


def _governs(doc: Doc, t: TimeExpr) -> Token | None:
    """The verb a date is an adverbial of ("In June, insurgents attacked": attacked), None when the date sits in
    a noun phrase ("the June attack")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return None
    x = span.root
    if x.dep_ == "pobj" and x.head.dep_ == "prep":
        x = x.head
    if x.dep_ not in _ADVERBIAL:
        return None
    head = x.head
    return head if head.pos_ in ("VERB", "AUX") else None


def earlier_sentences(doc: Doc, times: Sequence[TimeExpr], date: dt.date | None) -> frozenset[int]:
    """The sentences (by number) whose clauses are set in a happening well before the article `date`."""
    if date is None or not times:
        return frozenset()
    bounds = sentence_bounds(doc)
    sent_of = sentence_of(doc)
    tokens = tokens_of(doc)
    text = text_of(doc)
    dated: dict[int, list[bool]] = {}       # sentence -> for each date governing one of its verbs: is it earlier?
    opens: dict[int, bool] = {}             # sentence -> its opening date is earlier
    for t in times:
        if t.type != "DATE":
            continue
        verb = _governs(doc, t)
        if verb is None:
            continue
        last = _last_day(t.value)
        earlier = last is not None and last <= date - GAP
        k = sent_of[verb.i]
        dated.setdefault(k, []).append(earlier)
        first = bounds[k][0]
        if t.start <= tokens[first].idx + 3 and verb.dep_ == "ROOT":     # "In June, ..." opens the sentence
            opens[k] = earlier
    out = set()
    for k in range(len(bounds)):
        if k in dated:
            if all(dated[k]):
                out.add(k)
        elif k - 1 in opens and opens[k - 1]:
            a = tokens[bounds[k - 1][1] - 1]
            if "\n\n" not in text[a.idx:tokens[bounds[k][0]].idx]:      # the same paragraph
                out.add(k)
    return frozenset(out)
