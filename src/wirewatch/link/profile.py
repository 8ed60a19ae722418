"""What a cluster remembers of its members to judge a new report: a small, bounded summary, saved as JSON.

Linking never reloads a cluster's members: the profile keeps the intersection of their date intervals,
their places with how many members are at each (a report is judged against where most members are), actor stems, types, headline figures and the centroid of their articles' lead vectors,
each capped, so judging a report costs the same for a cluster of 3 reports or of 3,000.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .actors import actor_stems
from .dates import Span
from .events import LinkRules, Report
from .figures import headline, interval
from .places import Where
from .summary import CATEGORIES
from .text import add_into

__all__ = ["Profile"]

MAX_PLACES = 12
MAX_ARTICLES = 200
MAX_STEMS = 40
MAX_SPANS = 24
MAX_MENTIONS = 80


@dataclass
class Profile:
    id: str
    n: int = 0
    main: int = 0
    types: dict[str, int] = field(default_factory=dict)
    spans: list[list] = field(default_factory=list)                 # [Span json, count]: members' date intervals
    places: list[Where] = field(default_factory=list)
    place_n: list[int] = field(default_factory=list)                # members at each of `places`
    stems: list[str] = field(default_factory=list)
    figures: dict[str, list[float]] = field(default_factory=dict)   # category -> [low, high] of headline counts
    terms: dict[str, float] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    n_terms: int = 0                                                 # main events' articles summed into `terms`
    words: dict[str, float] = field(default_factory=dict)            # centroid of the evidence sentences
    n_words: int = 0
    mentions: list[str] = field(default_factory=list)                # places its articles name
    days: list[str] = field(default_factory=list)                    # days its articles' events name
    first: str | None = None                                         # earliest and latest day of a member
    last: str | None = None

    def add(self, r: Report, rules: LinkRules) -> None:
        """Take a report in (the profile only grows: what it keeps is capped)."""
        self.n += 1
        self.main += int(r.main)
        self.types[r.type] = self.types.get(r.type, 0) + 1
        if r.when is not None:
            self._count_span(r.when.to_json(), 1)
        if r.where is not None:
            self._count_place(r.where, 1)
        for s in sorted(actor_stems(r.actor1, r.actor2)):
            if s not in self.stems and len(self.stems) < MAX_STEMS:
                self.stems.append(s)
        for cat in CATEGORIES:
            f = headline(list(r.figures), cat)
            iv = interval(f) if f is not None else None
            if iv is None:
                continue
            lo, hi = self.figures.get(cat, [iv[0], iv[1]])
            self.figures[cat] = [min(lo, iv[0]), max(hi, iv[1])]
        if r.words:
            self.words = add_into(self.words, r.words, keep=rules.centroid_words)
            self.n_words += 1
        if r.article_id not in self.articles:
            self._extend(self.mentions, r.mentions)
            self._extend(self.days, r.days)
            if r.terms and r.main:
                self.terms = add_into(self.terms, r.terms, keep=rules.centroid_words)
                self.n_terms += 1
            if len(self.articles) < MAX_ARTICLES:
                self.articles.append(r.article_id)
        if r.day is not None:
            day = r.day.isoformat()
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)

    def absorb(self, other: Profile, rules: LinkRules) -> None:
        """Merge another cluster's profile into this one."""
        self.n += other.n
        self.main += other.main
        for t, k in other.types.items():
            self.types[t] = self.types.get(t, 0) + k
        for raw, k in other.spans:
            self._count_span(raw, k)
        for p, k in zip(other.places, other.counts()):
            self._count_place(p, k)
        for s in other.stems:
            if s not in self.stems and len(self.stems) < MAX_STEMS:
                self.stems.append(s)
        for cat, (lo, hi) in other.figures.items():
            mine = self.figures.get(cat, [lo, hi])
            self.figures[cat] = [min(mine[0], lo), max(mine[1], hi)]
        self.terms = add_into(self.terms, other.terms, keep=rules.centroid_words)
        self.n_terms += other.n_terms
        self.words = add_into(self.words, other.words, keep=rules.centroid_words)
        self.n_words += other.n_words
        self._extend(self.mentions, other.mentions)
        self._extend(self.days, other.days)
        for a in other.articles:
            if a not in self.articles and len(self.articles) < MAX_ARTICLES:
                self.articles.append(a)
        days = [d for d in (self.first, self.last, other.first, other.last) if d]
        self.first, self.last = (min(days), max(days)) if days else (None, None)

    @staticmethod
    def _extend(kept: list[str], new) -> None:
        for x in sorted(new):
            if x not in kept and len(kept) < MAX_MENTIONS:
                kept.append(x)

    def counts(self) -> list[int]:
        """Members at each of `places` (a profile saved before places were counted: one each)."""
        return self.place_n if len(self.place_n) == len(self.places) else [1] * len(self.places)

    def _count_place(self, where: Where, k: int) -> None:
        self.place_n = self.counts()
        if where in self.places:
            self.place_n[self.places.index(where)] += k
        elif len(self.places) < MAX_PLACES:
            self.places.append(where)
            self.place_n.append(k)

    def _count_span(self, raw: list, k: int) -> None:
        for entry in self.spans:
            if entry[0] == raw:
                entry[1] += k
                return
        if len(self.spans) < MAX_SPANS:
            self.spans.append([raw, k])

    def when(self) -> list[tuple[Span, int]]:
        """The members' date intervals with how many members have each."""
        return [(Span.from_json(raw), k) for raw, k in self.spans]

    def to_json(self) -> dict:
        return {"n": self.n, "main": self.main, "types": self.types,
                "spans": self.spans, "places": [p.to_json() for p in self.places], "place_n": self.counts(),
                "stems": self.stems, "figures": self.figures, "terms": self.terms, "n_terms": self.n_terms, "words": self.words, "n_words": self.n_words, "articles": self.articles, "mentions": self.mentions, "days": self.days,
                "first": self.first, "last": self.last}

    @classmethod
    def from_json(cls, cid: str, raw: dict) -> Profile:
        return cls(id=cid, n=raw["n"], main=raw["main"], types=raw["types"],
                   spans=raw["spans"],
                   places=[Where.from_json(p) for p in raw["places"]], place_n=raw.get("place_n", []), stems=raw["stems"],
                   figures=raw["figures"], terms=raw["terms"], n_terms=raw["n_terms"], words=raw["words"], n_words=raw["n_words"],
                   articles=raw["articles"], mentions=raw.get("mentions", []), days=raw.get("days", []), first=raw.get("first"),
                   last=raw.get("last"))
