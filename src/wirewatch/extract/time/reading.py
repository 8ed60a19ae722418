"""The shared vocabulary of the interpreters: a Reading (type, value, extent), values still waiting for an
anchor, the Context a rule may consult, and small helpers (units, numbers, durations, year inference)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .context import Tokens, governor, is_calendar_word, past_deed_day, tense
from .lexicon import lexicon
from .narrative import NarrativeAnchors

UNIT_CODE = {"second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE",
             "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y", "decade": "E", "century": "C",
             "centurie": "C", "millennium": "L", "millennia": "L", "half": "H2", "fiscal year": "Y",
             "calendar year": "Y"}
AMBIGUOUS_MONTHS = frozenset({"may", "march", "april", "june", "august", "jan"})
_FUTURE_CUE = re.compile(r"(?:as\s+(?:early|soon)\s+as|until|starting|beginning|by|effective|through)\s+(?:on\s+)?$", re.I)
_OPENERS = frozenset(".!?\"'“”‘’`(:;-—–_[\n")
_LINE_BREAKS = frozenset("\n\r\u2028\u2029")
_EFFECTIVE = re.compile(r"\beffective\s+(?:on\s+|from\s+|as\s+of\s+)?$", re.I)
_UNTIL = re.compile(r"\b(?:until|till)\s[^;:\n]{0,20}$|\bthrough\s+(?:the\s+end\s+of\s+|mid-?)?$", re.I)
_DEFER = frozenset({"postpone", "delay", "defer", "extend", "adjourn", "put", "push", "move", "reschedule", "give",
                    "grant", "allow"})  # a deadline or a delay: the day is ahead of the telling
PAST_RELS = frozenset({"last", "past", "previous"})
# Smaller unit and how many of it make one, to write 2.5 years as P2Y6M.
_SPLIT = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


@dataclass(frozen=True, slots=True)
class Anchored:
    """A value relative to an earlier mention: move `n` of `unit` from the anchor, render at `grain` (None:
    the anchor's own grain). `prefer` names the anchor: 'day' (a day or week), 'date' (a single day), 'coarse'
    (month or longer), 'month' (a day or a month), 'quarter' or 'reported' (the last quarter already over),
    'mention' (any time just named, computed or not: 'last year ... the year before')."""

    unit: str
    n: int
    grain: str | None
    prefer: str
    suffix: str = ""
    year: int | None = None  # 'the 1988 quarter': the anchor's quarter, in this year
    weekday: int | None = None  # 'the previous Friday': that weekday before (n < 0) or after the anchor day
    day: int | None = None  # 'on the 14th': that day of the anchor's month


@dataclass(frozen=True, slots=True)
class Reading:
    type: str
    value: str | Anchored | None
    start: int
    end: int
    anchor: bool = True  # may later expressions be resolved against this one?


class Context:
    """Everything a rule may consult: the text, the article date and the parse."""

    def __init__(self, text: str, dct: dt.date | None, tokens: Tokens) -> None:
        self.text, self.dct, self.tokens = text, dct, tokens
        self.narrative = NarrativeAnchors(text, dct)

    def tense_at(self, offset: int, dated: bool = False) -> str:
        """The clause's tense at `offset`; a day named inside a past noun phrase ('the Oct. 23 slaying') is past
        only for a full day (`dated`): 'November transactions' is the nearest November."""
        tok = self.tokens.at(offset)
        t = tense(tok)
        if t == "np-past":
            t = "past" if dated else "present"
        if tok is not None and _UNTIL.search(self.text, max(0, offset - 30), offset) and (
                governor(tok).lemma_ in _DEFER or governor(governor(tok).head).lemma_ in _DEFER):
            return "future"  # 'officials postponed until Tuesday morning any action': put off to a day ahead
        if t == "present" and _FUTURE_CUE.search(self.text, max(0, offset - 16), offset):
            return "future"
        if t == "past" and _EFFECTIVE.search(self.text, max(0, offset - 16), offset):
            return "planned"  # 'created a new office, effective Feb. 1': a start told in the past, either side
        return t

    def story_date(self, offset: int) -> dt.date | None:
        """Where a narrative holds at `offset`: the story's time (its year, and month where known), else None."""
        state = self.narrative.at(offset)
        return dt.date(state[0], state[1] or 7, 1) if state else None

    def capital(self, offset: int) -> bool:
        """Months, weekdays and holidays are written with a capital ('may' and 'march' are verbs)."""
        return self.text[offset].isupper()

    def mid_sentence_capital(self, offset: int) -> bool:
        """A capitalised word that does not open a sentence or a quote: a name ('VOA Today', '60 Minutes')."""
        if not self.text[offset].isupper():
            return False
        window = self.text[max(0, offset - 30):offset]
        before = window.rstrip()
        if not before or before[-1] in _OPENERS or any(c in _LINE_BREAKS for c in window[len(before):]):
            return False            # a word that opens a line opens a sentence ('(Feb. 9)\u2028Yesterday ...')
        tok = self.tokens.at(offset)
        return tok is not None and not tok.is_sent_start

    def calendar_word(self, offset: int) -> bool:
        return is_calendar_word(self.tokens.at(offset))


def unit_code(word: str) -> str:
    w = re.sub(r"\s+", " ", word.lower())
    if w in UNIT_CODE:
        return UNIT_CODE[w]
    return UNIT_CODE.get(w[:-1] if w.endswith("s") else w, "D")


def fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """P34D, P8Y, PT2H, P9M for 3 quarters, P20Y for 2 decades, P2Y6M for 2.5 years, PXY when vague."""
    if unit in ("Q", "FN", "WE", "E", "H2"):
        unit, factor = {"Q": ("M", 3), "FN": ("W", 2), "WE": ("D", 2), "E": ("Y", 10), "H2": ("M", 6)}[unit]
        n = None if n is None else n * factor
    if n is None:
        amount = "X"
    elif n != int(n) and unit in _SPLIT:
        small, per = _SPLIT[unit]
        whole, frac = int(n), round((n - int(n)) * per)
        return _join([(whole, unit), (frac, small)])
    else:
        amount = fmt_num(n)
    return _join([(amount, unit)])


def _join(parts: list[tuple[object, str]]) -> str:
    date_part = "".join(f"{a}{u}" for a, u in parts if u in ("Y", "M", "W", "D", "C", "L") and a != 0)
    time_part = "".join(f"{a}{u[0]}" for a, u in parts if u in ("H", "MIN", "S") and a != 0)
    return "P" + date_part + ("T" + time_part if time_part else "")


def month_num(name: str) -> int:
    return lexicon().months[name.lower().rstrip(".")]


def year_for(ctx: Context, month_: int, day_: int | None, offset: int) -> int | None:
    """The year of a month (and day) given without one: in a past-tense clause the last occurrence up to
    the article date, in a future one the next from it (a few days' slack either way: stories are
    written a day or two around their date), otherwise the nearest one."""
    if (story := ctx.narrative.year_for(offset, month_)) is not None and (
            ctx.dct is None or ctx.narrative.in_history(offset) or ctx.tense_at(offset) != "future"):
        return story  # a history or background paragraph: the year of the story, not of the article
    if ctx.dct is None:
        return None
    t = ctx.tense_at(offset, dated=day_ is not None)
    y = ctx.dct.year
    if t == "planned":
        t = "present"  # a plan told in the past tense: the nearest such day, either side of the article date
        if day_ is not None:
            dates = {yy: dt.date(yy, month_, min(day_, 28)) for yy in (y - 1, y, y + 1)}
            return min(dates, key=lambda yy: abs((dates[yy] - ctx.dct).days))
    if day_ is None:
        if t == "past":
            return y if month_ <= ctx.dct.month else y - 1
        if t == "future":
            return y if month_ >= ctx.dct.month else y + 1
        ahead = (month_ - ctx.dct.month) % 12
        return y + (month_ < ctx.dct.month) if 0 < ahead < 4 else y - (month_ > ctx.dct.month)
    dates = {yy: dt.date(yy, month_, min(day_, 28)) for yy in (y - 1, y, y + 1)}
    slack = dt.timedelta(days=3)
    nearest = min(dates, key=lambda yy: abs((dates[yy] - ctx.dct).days))
    if t == "past":
        # 'declared a dividend, payable Dec. 7': a date a few weeks ahead inside a past-tense sentence; not
        # the day of the deed itself more than two weeks ahead ('the town fell on 12 December' in a 25 November
        # story is last December). Within two weeks the input's date lags the telling (an event's own date
        # given as the article's, a note updated later: 'the driver was found dead on 9 June' in a note of 1 June).
        ahead = dates[nearest] - ctx.dct
        if dt.timedelta(0) < ahead <= dt.timedelta(days=60) and not (
                ahead > dt.timedelta(days=14) and past_deed_day(ctx.tokens.at(offset))):
            return nearest
        return max(yy for yy, d in dates.items() if d <= ctx.dct + slack)
    if t == "future":
        return min(yy for yy, d in dates.items() if d >= ctx.dct - slack)
    return nearest


def valid_date(y: int, mo: int, d: int) -> str | None:
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None
