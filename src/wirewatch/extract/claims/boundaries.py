"""Span edges by the attribution annotation conventions (PARC 3.0, which PolNeAR follows).

Rules and tagger find the right words; these conventions decide where a role's span starts and ends:

* a source set off by an apposition keeps the comma that closes it: "Richard Roe, a lawyer for the
  family, said" -> source "Richard Roe, a lawyer for the family," (the apposition is a parenthesis; both
  commas belong to it). A source without an inner comma ("Smith, who ...") does not;
* a content that opens a quotation it does not close runs on to the closing mark, with the comma or
  period inside it: the group said the vote was “a clear signal,” -> content ends after ”;
* an "according to X" phrase closing a content is the attribution of another claim, not part of this
  one: [the bridge was hit at dawn], according to the mayor.

They only move edges of spans the finders already chose, and never into the cue or another role.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .attribution import Raw, trim

__all__ = ["conventional"]

INNER = (",", " -- ", " — ", " – ", "(")
CLOSING = re.compile(r"[,.?!]?(”|\"|'')")
OPENERS = ("“", '"', "``", "''")
ACCORDING = re.compile(r",\s+according\s+to\s", re.IGNORECASE)


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


def conventional(text: str, raws: list[Raw]) -> list[Raw]:
    """Every relation with its span edges set by the conventions above."""
    return [_drop_according(text, _close_quote(text, _source_comma(text, r))) for r in raws]
