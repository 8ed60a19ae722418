"""An event report as linking sees it (`Report`), and the settings of linking (`LinkRules`).

A report is one stored event of one article, with what reporters keep from story to story: when (its own
date with its precision, else its article's), where (a GeoNames place with its grain), who, how many, what
kind of event, and the distinctive words of its article's title and lead. See docs/linking.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from ..model import Figure, Span
from .dates import Span as When
from .places import Where

__all__ = ["LinkRules", "Report", "cluster_id", "place_key", "text_key", "where_keys"]


@dataclass(frozen=True)
class LinkRules:
    """Thresholds and weights of linking (docs/linking.md explains each and how they were measured)."""

    lag_days: int = 4               # an event known only by its article's date happened up to this many days before
    slack_days: int = 1             # two date intervals this many days apart still meet
    max_gap_days: int = 30          # further apart than this: never one incident
    max_km: float = 25.0            # two specific places this close are one scene
    lead_words: int = 200           # words of the text (after the title) that make the lead vector
    name_weight: float = 3.0        # a word written as a name counts this many times
    centroid_words: int = 60        # words a cluster keeps of its members' lead vectors
    index_words: int = 8            # words of a lead indexed to find candidates
    candidates: int = 60            # clusters scored per report, at most (most recent first)
    # evidence weights, in units of cosine similarity: a report joins the best cluster whose score reaches
    # `threshold` (docs/linking.md gives each weight and what it was measured on)
    text: float = 1.0               # times the mean cosine of the lead vector and the cluster's main events' leads
    sentence: float = 0.3           # times the mean cosine of the evidence sentence and the members' sentences
    main: float = 0.0              # both are their articles' main events
    same_type: float = 0.02
    same_family: float = 0.0
    same_place: float = 0.02
    near_place: float = 0.02
    same_day: float = 0.05          # both name the same day themselves
    actor: float = 0.02             # a shared distinctive actor word
    figures: float = 0.05           # a figure of the same category and count
    same_article: float = 0.25      # its article already has a report of the same type here, dates and place agree
    article_sentence: float = 0.2   # ... or the same named day and a sentence this similar
    scene: float = 0.3              # same type, same named day, same or near town or site: one scene
    date_apart: float = 0.05        # the dates do not meet (half when only some members' dates do not)
    published_apart: float = 0.15   # ... and both are known only by publication dates (reliable ones)
    place_apart: float = 0.1        # the places are apart (link.places), but each story names the other's place
    place_conflict: float = 1.0     # the places are apart and neither story names the other's place
    date_conflict: float = 0.4      # named days (or publication days) do not meet, and neither story names the other's
    week_conflict: float = 1.0      # ... and are more than `lag_days` apart (a week apart: another incident)
    threshold: float = 0.25
    merge_margin: float = 0.3       # a report that reaches two clusters merges them if it reaches both by this much more
    #                                 (0.55 in all: a merge joins many reports at once, so it needs more than a join)
    claim_similarity: float = 0.5   # claims repeated across outlets (link.claims)


@dataclass(frozen=True)
class Report:
    """One stored event, with what linking needs."""

    uid: str
    article_id: str
    outlet: str | None
    type: str
    day: dt.date | None
    dated: bool = False
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    actor1_country: str | None = None
    actor2_country: str | None = None
    figures: tuple[Figure, ...] = ()
    polarity: str = "positive"
    claim_source: str | None = None
    verification: str | None = None
    evidence: Span | None = None
    acled: str | None = None
    acled_sub: str | None = None
    when: When | None = None
    where: Where | None = None
    main: bool = False
    terms: dict = field(default_factory=dict, compare=False, hash=False)      # lead vector of the article
    words: dict = field(default_factory=dict, compare=False, hash=False)      # vector of the evidence sentence
    mentions: frozenset[str] = frozenset()     # places its article names (`place_key`s and `text_key`s)
    days: frozenset[str] = frozenset()         # days its article's events name (ISO)
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def independent_source(self) -> str:
        """Outlet, else the article (an article without a named outlet counts as its own source)."""
        return (self.outlet or f"article '{self.article_id}'").strip()


def place_key(geonameid: int | None, name: str | None) -> str:
    """How a place is compared across articles: its GeoNames id, else its name."""
    return f"g{geonameid}" if geonameid is not None else f"n{(name or '').casefold()}"


def text_key(text: str | None) -> str | None:
    """A place as the story writes it ("Philadelphia"), whatever the gazetteer made of it."""
    return f"t{text.casefold()}" if text and text.strip() else None


def where_keys(where: Where) -> set[str]:
    """The keys under which another story may name this place: its GeoNames id (else name) and its wording."""
    return {k for k in (place_key(where.geonameid, where.name), text_key(where.text)) if k}


def cluster_id(first_uid: str) -> str:
    """A cluster's id, from the report that opened it: stable however the cluster grows."""
    return "k" + hashlib.sha1(first_uid.encode("utf-8")).hexdigest()[:12]
