"""Read a quantity out of a short phrase: "at least 12", "nearly 4-million", "two hundred", "dozens", "10 to 15".

Works on plain text (the words of one noun phrase), so it is easy to test and independent of the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, lexicon

__all__ = ["Quantity", "read_quantity"]

_WORD = re.compile(r"\d[\d,]*(?:\.\d+)?(?:/\d+)*(?:st\b|nd\b|rd\b|th\b)?|[A-Za-z]+\.?|[-–%$€£]")   # "9/11", "3rd": one word, no count
_RANGE_JOIN = {"to", "-", "–", "or", "and"}
_NOT_PEOPLE_AFTER = {"%", "percent", "per", "pc"}
_CURRENCY = {"$", "€", "£", "dollars", "euros", "pounds", "rubles", "roubles", "afghanis", "hryvnias"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity and where it sits in the phrase it was read from (character offsets into that phrase)."""

    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    start: int
    end: int


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _digits(word: str) -> float | None:
    w = word.replace(",", "")
    try:
        return float(w)
    except ValueError:
        return None


def _number_at(ws: list[tuple[str, int, int]], i: int, lx: Lexicon) -> tuple[int, int] | None:
    """(value, index after the number) for a number starting at word i, digits or words; None if none."""
    n = len(ws)
    total, cur, j, last = 0.0, 0.0, i, ""          # last: "", "digit", "unit", "tens", "scale"
    while j < n:
        w = ws[j][0]
        d = _digits(w)
        if d is not None:
            if last:
                break
            cur, last = d, "digit"
        elif w in ("a", "an"):
            if last or j + 1 >= n or ws[j + 1][0] not in ("dozen", "hundred", "thousand", "million", "billion"):
                break
            cur, last = 1, "unit"
        elif w in ("dozen", "score"):
            cur, last = (cur or 1) * lx.units[w] if last else lx.units[w], "unit"
        elif w in lx.units:
            if last == "tens" or (last == "scale" and cur % 100 == 0) or not last:   # "one hundred and twelve"
                cur, last = cur + lx.units[w], "unit"
            else:
                break
        elif w in lx.tens:
            if last in ("", "scale"):
                cur, last = cur + lx.tens[w], "tens"
            else:
                break
        elif w in lx.scales and last:
            if w in ("m", "mn", "bn", "k") and (last != "digit" or ws[j - 1][2] != ws[j][1]):
                break
            scale = lx.scales[w]
            if scale == 100:
                cur *= 100
            else:
                total, cur = total + cur * scale, 0
            last = "scale"
        elif w in ("-", "and") and last and j + 1 < n and (
                ws[j + 1][0] in lx.scales or ws[j + 1][0] in lx.units or ws[j + 1][0] in lx.tens):
            if w == "and" and last != "scale":
                break
            j += 1
            continue
        else:
            break
        j += 1
    if not last:
        return None
    return int(round(total + cur)), j


def _phrase_before(ws: list[tuple[str, int, int]], i: int, phrases: dict) -> tuple[str, int] | None:
    """The longest phrase from `phrases` ending just before word i: (phrase, index of its first word)."""
    best = None
    for k in range(max(0, i - 4), i):
        cand = " ".join(w for w, _, _ in ws[k:i])
        if cand in phrases and (best is None or k < best[1]):
            best = (cand, k)
    return best


def read_quantity(text: str, lx: Lexicon | None = None) -> Quantity | None:
    """The (last) quantity in `text`, with its qualifier; vague words give the bounds their data entry gives.

    >>> read_quantity("at least 12").qualifier
    'at_least'
    """
    lx = lx or lexicon()
    ws = _words(text)
    if any(w in _CURRENCY for w, _, _ in ws):
        return None
    found: Quantity | None = None
    i = 0
    while i < len(ws):
        num = _number_at(ws, i, lx)
        if num is None:
            i += 1
            continue
        value, j = num
        start, end = ws[i][1], ws[j - 1][2]
        vague = _vague(ws, lx)
        if vague is not None and vague.start < end and start < vague.end:   # "several dozen", "a few hundred"
            return vague
        if j < len(ws) and ws[j][0] in _NOT_PEOPLE_AFTER:
            return None
        low = high = None
        qualifier = "exact"
        # a range: "10 to 15", "10-15", "two or three", "between 10 and 15"
        if j + 1 < len(ws) and ws[j][0] in _RANGE_JOIN:
            second = _number_at(ws, j + 1, lx)
            if second is not None and second[0] > value:
                low, high, value = value, second[0], None
                end = ws[second[1] - 1][2]
                j = second[1]
        qual = _phrase_before(ws, i, lx.qualifiers)
        if qual is not None:
            qualifier = lx.qualifiers[qual[0]]
            start = ws[qual[1]][1]
        elif i > 0 and ws[i - 1][0] in ("between", "from") and low is not None:
            start = ws[i - 1][1]
        if value is not None:
            if qualifier == "at_least":
                low = value
            elif qualifier in ("at_most", "nearly"):
                high = value
        elif qualifier == "vague":
            pass
        found = Quantity(value, low, high, qualifier, start, end)
        i = j
    if found is not None:
        return found
    return _vague(ws, lx)


def _vague(ws: list[tuple[str, int, int]], lx: Lexicon) -> Quantity | None:
    """A vague quantity word or phrase ("dozens", "several", "a number of"): `low` the least the words are used
    for, `value` the number ACLED's codebook records for them (data/figures/quantifiers.json)."""
    best: tuple[int, int, str] | None = None   # (first word, last word + 1, phrase); longest, then last
    for i in range(len(ws)):
        for k in range(min(len(ws), i + 5), i, -1):
            cand = " ".join(w for w, _, _ in ws[i:k])
            if cand in lx.vague:
                if best is None or i >= best[1] or (k - i) > (best[1] - best[0]) and i <= best[0]:
                    best = (i, k, cand)
                break
    if best is None:
        return None
    i, k, phrase = best
    v = lx.vague[phrase]
    return Quantity(v.value, v.low, None, "vague", ws[i][1], ws[k - 1][2])
