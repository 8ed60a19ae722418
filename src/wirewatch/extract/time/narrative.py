"""Narrative anchors: in a history or a background paragraph, a date without a year belongs to the story.

"On 1 September 1939 Germany attacked Poland. By early October ..." is October 1939, not the October
before the article date. Decided per paragraph: a paragraph with a sentence that opens with a date (month and year) well before
the article's (two years or more: 'On 1 September 1939 Germany ...') is narrative from that sentence on, and its year-less dates take the year
of the last such mention (the next year if the month lies three or more months before the mention's:
stories move forward; 'the following year' moves the story's year on). A news cue (a weekday, 'today', 'yesterday', 'this week', a recent full date)
returns to the news rule, and so does a new paragraph. A future-tense clause keeps the news rule too.
With no article date, any such date anchors (never a guess: the text says it).

A whole text can be a history (an encyclopedia article on a war, a backgrounder): most of the years it names
lie two or more years before the article date and it has no news cue. There the story's clock runs
through the whole text: every dated mention moves it ('on 30 November 1939' mid-sentence, 'in the autumn of
1939', 'In 1941, ...'), paragraphs do not reset it, and weekdays are the story's ('On Sunday, 7 December').
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache

from .lexicon import lexicon

__all__ = ["NarrativeAnchors"]

_NEWS_CUE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|"
                       r"tomorrow|this (?:week|month|year|morning|afternoon|evening)|last (?:week|month|year|night)|"
                       r"next (?:week|month|year)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)


# what may stand between the start of a sentence and a date that opens it ('On 1 September 1939, ...')
_OPENS = re.compile(r"(?:^|[.!?\n\"“]\s*)(?:(?:on|in|by|from|until|during|early|late|then|and|but)\s+)?(?:the\s+)?$",
                    re.I)


_NEXT_YEAR = re.compile(r"\b(?:the\s+(?:following|next)\s+year|a\s+year\s+later)\b", re.I)


@lru_cache(maxsize=1)
def _year_pattern() -> re.Pattern[str]:
    """A year written as part of a date: '1 September 1939', 'Sept. 1, 1939', 'May 1945' (not 'since 1949':
    news mentions bare years in passing, a narrative dates its events)."""
    months = "|".join(sorted((re.escape(m) for m in lexicon().months), key=len, reverse=True))
    lead = (rf"(?:\b(?:{months})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?|\b\d{{1,2}}(?:st|nd|rd|th)?\s+"
            rf"(?:of\s+)?(?:{months})\.?,?\s+)")
    seasons = "|".join(lexicon().seasons)
    lead = rf"(?:{lead}|\b(?:{seasons})\s+of\s+)"
    return re.compile(rf"{lead}(?P<y>1[0-9]\d\d|20\d\d)\b(?!s\b|'s|\d|-\d)", re.I)


@lru_cache(maxsize=1)
def _month_pattern() -> re.Pattern[str]:
    """A month named without a year, with a day or after a preposition ('1 February', 'by early October',
    'On 12 March'): not 'May' the modal."""
    names = sorted((m.capitalize() for m in lexicon().months if len(m) > 3 or m == "may"), key=len, reverse=True)
    abbr = sorted((m.capitalize() + r"\." for m in lexicon().months if len(m) <= 4 and m != "may"), key=len,
                  reverse=True)
    mon = "|".join(names + abbr)
    return re.compile(rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<a>{mon})"
                      rf"|\b(?:[Ii]n|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?|[Oo]n|[Ff]rom|[Tt]o)\s+(?P<b>{mon})(?=\s+\d{{1,2}}\b|[^\w]))"
                      rf"(?!,?\s+\d{{4}}|\s+\d{{1,2}},?\s+\d{{4}})")


_BARE_YEAR = re.compile(r"(?<![\d$£€.,/#-])\b(?P<y>1[0-9]\d\d|20\d\d)\b(?!s\b|'s|\d|-\d|[.,]\d|\s*(?:%|percent))")
_DATED_WEEKDAY = re.compile(r",?\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:of\s+)?[A-Z][a-z]{2,8}\.?\s+\d")
_LINE = re.compile(r"\n")
_EPILOGUE = re.compile(r"Today,")  # 'Today, the passes are a national park': how a history ends, not news
MIN_HISTORY_YEARS = 3   # dated mentions a text needs before it can count as a history
HISTORY_SHARE = 0.8     # ... and the share of them two or more years before the article date


def history_end(text: str, dct: dt.date | None) -> int:
    """Where the history a text opens with ends: 0 if it is not told as one. A history's years lie mostly well
    before the article date and it has no news cue (a weekday, 'today', 'this week' ...; a weekday written with
    its date, 'Sunday, 7 December', is the story's own, and so is a bare weekday soon after a day the history
    named: 'On Sunday, 7 December 1941 ... The next day ... On Thursday, ...'). A history that closes on news
    ('In 2020 an inquiry reopened the case, and it reported on Monday') is a history up to its first news cue."""
    for cue in _NEWS_CUE.finditer(text):
        if _DATED_WEEKDAY.match(text, cue.end()) is not None or _EPILOGUE.match(text, cue.start()):
            continue
        if not _old_enough(text, cue.start(), dct):
            return 0
        if not _after_a_story_day(text, cue):
            return cue.start()
    return len(text) if _old_enough(text, len(text), dct) else 0


_EARLY_BEFORE = re.compile(r"\b(?:in|since|until|till|during|of|by|from|to|and|between|circa|c\.)\s+$", re.I)
_EARLY_AFTER = re.compile(r"\s+(?!(?:to|and|or|when|the|a|an|after|before|until|with|as|under|on|at|in)\b)[a-z]")


def _years(text: str, end: int) -> list[int]:
    """The years a text names before `end`. One before 1600 counts only where the words make it a year ('in
    1453,', 'from 1337 to 1453'), not a count ('1450 points', 'cut by 1200 jobs')."""
    out = []
    for m in _BARE_YEAR.finditer(text, 0, end):
        y = int(m["y"])
        if y < 1600 and (not _EARLY_BEFORE.search(text, max(0, m.start() - 12), m.start())
                         or _EARLY_AFTER.match(text, m.end())):
            continue
        out.append(y)
    return out


def _old_enough(text: str, end: int, dct: dt.date | None) -> bool:
    years = _years(text, end)
    if len(years) < MIN_HISTORY_YEARS:
        return False
    return dct is None or sum(y <= dct.year - 2 for y in years) >= HISTORY_SHARE * len(years)


STORY_WEEKDAY_CHARS = 800  # how far after a day the history named a bare weekday is still the story's


def _after_a_story_day(text: str, cue: re.Match[str]) -> bool:
    """A bare weekday ('On Thursday') whose last dated mention before it is a day of the story ('7 December
    1941', 'on 3 August'), not far back: the story's weekday. 'today', 'this week' ... are always news, and
    so is a weekday after a bare year ('In 2020 the inquiry reopened, and it reported on Monday')."""
    if cue[0].lower().split()[-1] not in lexicon().weekdays:
        return False
    start = max(0, cue.start() - STORY_WEEKDAY_CHARS)
    last: tuple[int, bool] | None = None   # (end, names a day) of the last dated mention before the cue
    for m in _year_pattern().finditer(text, start, cue.start()):
        last = max(last or (-1, False), (m.end(), bool(_HAS_DAY.search(m[0]))))
    for m in _month_pattern().finditer(text, start, cue.start()):
        last = max(last or (-1, False), (m.end(), bool(m["a"]) or bool(re.match(r"\s+\d{1,2}\b", text[m.end():]))))
    for m in _BARE_YEAR.finditer(text, start, cue.start()):
        if last is None or m.end() > last[0]:
            last = (m.end(), False)
    return last is not None and last[1]


_ON = re.compile(r"\bon\s+$", re.I)
_HAS_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)(?=,?\s+(?:of\s+)?[A-Za-z])|[A-Za-z]\.?\s+\d{1,2}\b(?!\d)")


def is_history(text: str, dct: dt.date | None) -> bool:
    """The whole text is told as a history (see `history_end`)."""
    return history_end(text, dct) == len(text)


class NarrativeAnchors:
    """Where in a text the narrative rule holds, and the (year, month) a year-less date there takes."""

    def __init__(self, text: str, dct: dt.date | None) -> None:
        self.dct = dct
        self.marks: list[int] = []                       # offsets where the state changes
        self.states: list[tuple[int, int | None] | None] = []
        months = lexicon().months
        events: list[tuple[int, str, tuple[int, int | None] | None]] = []
        self.history_end = end = history_end(text, dct)
        self.history = end == len(text)
        for m in _BARE_YEAR.finditer(text):
            history = m.start() < end
            # a bare year sets the story's year too (its month is not known): anywhere in a history; in other
            # text when it opens a sentence ('In 1941, Finland ...'), not in passing ('since 1949')
            if history or _OPENS.search(text, max(0, m.start() - 40), m.start()) and m.start() > 0 \
                    and text[m.start() - 1] == " ":
                old = dct is None or int(m["y"]) <= dct.year - 2
                events.append((m.end(), "year", (int(m["y"]), None) if old else None))
        for m in _year_pattern().finditer(text):
            history = m.start() < end
            if not history and not _OPENS.search(text, max(0, m.start() - 40), m.start()) \
                    and not (_ON.search(text, max(0, m.start() - 4), m.start()) and _HAS_DAY.search(m[0])):
                # 'the war ended in August 1988', 'the Dec. 21, 1988, bombing' mid-sentence: a reference, not the
                # story's clock; an event told with its day ('the landings began early on 6 June 1944') is
                continue
            year = int(m["y"])
            word = m[0].split()[0].lower().rstrip(".")
            month = months.get(word) if word in months else None
            if month is None:
                words = [w.lower().rstrip(".,") for w in m[0].split()]
                month = next((months[w] for w in words if w in months), None)
                season = next((w for w in words if w in lexicon().seasons), None)
                if month is None and season is not None:
                    month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[lexicon().seasons[season]]
            old = dct is None or year <= dct.year - 2
            events.append((m.end(), "year", (year, month) if old else None))
        for m in _month_pattern().finditer(text):  # a year-less month moves the story's clock on
            events.append((m.end(), "month", (0, months[(m["a"] or m["b"]).lower().rstrip(".")])))
        # news cues and paragraphs count after the history (if any): 'Monday, 6 May 1918' is the story's
        events += [(m.start(), "news", None) for m in _NEWS_CUE.finditer(text, end)
                   if _DATED_WEEKDAY.match(text, m.end()) is None]
        events += [(m.start(), "para", None) for m in _LINE.finditer(text, end)]
        events += [(m.end(), "next", None) for m in _NEXT_YEAR.finditer(text)]
        # at the same offset a full date (it has a month) is read after the bare year inside it
        events.sort(key=lambda e: (e[0], e[2] is not None and e[2][1] is not None))
        state: tuple[int, int | None] | None = None
        news_in_paragraph = False
        for offset, kind, value in events:
            if kind == "para":
                news_in_paragraph = False
                if state is not None:  # a narrative is read paragraph by paragraph: a new one starts clean
                    state = None
                    self.marks.append(offset)
                    self.states.append(None)
                continue
            if kind == "next":
                if state is None:
                    continue
                state = (state[0] + 1, None)  # 'the following year': the story moves on a year
            elif kind == "month":
                if state is None:
                    continue
                assert value is not None
                year, since = state
                month = value[1]
                state = (year + 1 if since is not None and month is not None and month <= since - 3 else year,
                         month)
            elif kind == "news":
                news_in_paragraph = True
                state = None
            else:
                state = value if not (news_in_paragraph and value is None) else None
            self.marks.append(offset)
            self.states.append(state)

    def in_history(self, offset: int) -> bool:
        """Inside the part of the text told as a history, where even a clause that looks ahead ('set out to
        take the port in March') looks ahead from the story's time."""
        return offset < self.history_end

    def story_weekday(self, offset: int) -> bool:
        """A bare weekday inside a history, soon after a day the story named: counted from that day."""
        return offset < self.history_end

    def at(self, offset: int) -> tuple[int, int | None] | None:
        """The narrative's (year, month) at `offset`, or None where the news rule (the article date) holds."""
        i = bisect_right(self.marks, offset) - 1
        return self.states[i] if i >= 0 else None

    def year_for(self, offset: int, month: int) -> int | None:
        """The year of a month named without one at `offset`, or None outside a narrative."""
        anchor = self.at(offset)
        if anchor is None:
            return None
        year, since = anchor
        return year + 1 if since is not None and month <= since - 3 else year
