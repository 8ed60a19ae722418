"""Offsets from an event or an earlier date: the day 'a day after Russia promised' or 'two days later' is.

TimeML keeps `a day` / `two days` a DURATION (P1D, P2D); the date the phrase points to is what an analyst
needs, so it is given beside the value (`TimeExpr.points_to`):
  * `two days later`, `a week earlier` count from the last day the story named before them;
  * `a day after March 2` counts from the date that follows;
  * `a day after Russia promised` counts from the date of that event where the text gives it ('Russia
    promised on Tuesday ...'): the same verb, with a day-precise date of its own, elsewhere in the text.
When the anchor is unknown, `points_to` is null (never the article's own day by default).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from spacy.tokens import Doc, Token

from . import calendar as cal
from .context import Tokens, governor
from .reading import Reading

__all__ = ["points_to"]

_DURATION = re.compile(r"^P(?P<n>\d+)(?P<u>[DWMY])$")
_AFTER = re.compile(r"\s*(?P<dir>later|earlier|afterwards|after|before|on)\b", re.I)
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


def points_to(readings: Sequence[Reading], doc: Doc) -> dict[int, str]:
    """Index in `readings` -> the date that offset expression points to, for those whose anchor is known."""
    text = doc.user_data.get("ww_text") or doc.text
    tokens = Tokens(doc)
    out: dict[int, str] = {}
    for i, r in enumerate(readings):
        if r.type != "DURATION" or not isinstance(r.value, str) or not (dur := _DURATION.match(r.value)):
            continue
        follow = _AFTER.match(text, r.end)
        if follow is None:
            continue
        word = follow["dir"].lower()
        n, unit = int(dur["n"]), dur["u"]
        sign = 1 if word in ("later", "afterwards", "after") else -1
        if word in ("later", "earlier", "afterwards"):
            base = _last_day(readings[:i])
        elif word == "on":
            continue  # 'two days on' is rare and ambiguous with 'on Tuesday'
        else:
            nxt = readings[i + 1] if i + 1 < len(readings) else None
            if nxt is not None and nxt.start - follow.end() <= 6 and _is_day(nxt):
                base = dt.date.fromisoformat(nxt.value[:10])
            else:
                base = _event_day(tokens, text, follow.end(), r.start, readings)
        if base is None:
            continue
        try:
            moved = cal.shift(base, unit, sign * n)
        except (ValueError, OverflowError):
            continue
        out[i] = cal.render(moved, "D" if unit in ("D", "W") else unit)
    return out


def _is_day(r: Reading) -> bool:
    return r.type in ("DATE", "TIME") and isinstance(r.value, str) and bool(_DAY.match(r.value))


def _last_day(before: Sequence[Reading]) -> dt.date | None:
    for r in reversed(before):
        if _is_day(r):
            return dt.date.fromisoformat(r.value[:10])
    return None


def _event_day(tokens: Tokens, text: str, clause_start: int, own_start: int,
               readings: Sequence[Reading]) -> dt.date | None:
    """The day of the event in the clause after 'after'/'before', from where else the text dates that event."""
    verb = _clause_verb(tokens, clause_start)
    if verb is None:
        return None
    for r in readings:
        if not _is_day(r) or r.start == own_start:
            continue
        tok = tokens.at(r.start)
        if tok is None or tok.sent == verb.sent:
            continue
        gov = governor(tok)
        if gov.lemma_ == verb.lemma_ and gov.pos_ in ("VERB", "AUX") and _same_subject(gov, verb):
            return dt.date.fromisoformat(r.value[:10])
    return None


def _clause_verb(tokens: Tokens, start: int) -> Token | None:
    tok = tokens.at(start + 1) if start < len(tokens.doc.text) else None
    if tok is None:
        return None
    for t in tokens.doc[tok.i: min(len(tokens.doc), tok.i + 8)]:
        if t.text in (",", ";", ".", ":"):
            break
        if t.pos_ == "VERB":
            return t
    return None


def _same_subject(a: Token, b: Token) -> bool:
    """Two mentions of the verb share a subject word, or one of them names none."""
    subj_a = {c.lower_ for c in a.children if c.dep_ in ("nsubj", "nsubjpass")}
    subj_b = {c.lower_ for c in b.children if c.dep_ in ("nsubj", "nsubjpass")}
    return not subj_a or not subj_b or bool(subj_a & subj_b) or bool({w.lower_ for w in a.subtree} & subj_b)
