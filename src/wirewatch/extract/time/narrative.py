"""Narrative anchors: in a history or a background paragraph, a date without a year belongs to the story.

"On 1 September 1939 Germany attacked Poland. By early October ..." is October 1939, not the October
before the article date. Decided per paragraph: a paragraph with a sentence that opens with a date (month and year) well before
the article's (two years or more: 'On 1 September 1939 Germany ...') is narrative from that sentence on, and its year-less dates take the year
of the last such mention (the next year if the month lies three or more months before the mention's:
stories move forward; 'the following year' moves the story's year on). A news cue (a weekday, 'today', 'yesterday', 'this week', a recent full date)
returns to the news rule, and so does a new paragraph. A future-tense clause keeps the news rule too.
With no article date, any such date anchors (never a guess: the text says it).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache

from .lexicon import lexicon

__all__ = ["NarrativeAnchors"]

_NEWS_CUE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|"
                       r"this (?:week|month|morning|afternoon|evening)|last (?:week|night)|on (?:mon|tues|wednes|"
                       r"thurs|fri|satur|sun)day)\b", re.I)


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
    return re.compile(rf"{lead}(?P<y>1[0-9]\d\d|20\d\d)\b(?!s\b|'s|\d|-\d)", re.I)


class NarrativeAnchors:
    """Where in a text the narrative rule holds, and the (year, month) a year-less date there takes."""

    def __init__(self, text: str, dct: dt.date | None) -> None:
        self.dct = dct
        self.marks: list[int] = []                       # offsets where the state changes
        self.states: list[tuple[int, int | None] | None] = []
        months = lexicon().months
        events: list[tuple[int, str, tuple[int, int | None] | None]] = []
        for m in _year_pattern().finditer(text):
            if not _OPENS.search(text, max(0, m.start() - 40), m.start()):
                continue  # 'the war ended in August 1988' mid-sentence: a reference, not the story's clock
            year = int(m["y"])
            word = m[0].split()[0].lower().rstrip(".")
            month = months.get(word) if word in months else None
            if month is None:
                words = [w.lower().rstrip(".,") for w in m[0].split()]
                month = next((months[w] for w in words if w in months), None)
            old = dct is None or year <= dct.year - 2
            events.append((m.end(), "year", (year, month) if old else None))
        events += [(m.start(), "news", None) for m in _NEWS_CUE.finditer(text)]
        events += [(m.end(), "next", None) for m in _NEXT_YEAR.finditer(text)]
        events += [(m.start(), "para", None) for m in re.finditer(r"\n", text)]
        events.sort(key=lambda e: e[0])
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
            elif kind == "news":
                news_in_paragraph = True
                state = None
            else:
                state = value if not (news_in_paragraph and value is None) else None
            self.marks.append(offset)
            self.states.append(state)

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
