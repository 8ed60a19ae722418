"""What a query asks (`Filters`) and the rows it gets back; shared by the CLI, the HTTP API and exports.

Every query command, endpoint and export takes the same `Filters`, so `wirewatch events --place Kharkiv`,
`GET /events?place=Kharkiv` and `wirewatch export --place Kharkiv` select the same rows.
Rows are pydantic models built from `wirewatch.model` types: they serialise to JSON as they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, computed_field

from ..geo import haversine_km
from ..model import EVENT_STATUSES, Certainty, EventStatus, Figure, Polarity, Span, Verification, family_of

__all__ = [
    "Filters", "EventRow", "ClaimRow", "PlaceRow", "ArticleRow", "SearchHit", "Cluster", "Contradiction",
    "FigureRange", "EventPoint", "Join", "Story", "StoryReport", "parse_near", "parse_bbox", "parse_status",
    "haversine_km", "EVENT_ORDERS",
]

# Orders `Filters.order` may name for events: a column, '-' in front for descending (ties: newest first).
EVENT_ORDERS = ("-day", "day", "type", "-type", "fatalities", "-fatalities", "place", "-place", "sources", "-sources")


@dataclass(frozen=True)
class Filters:
    """The filters analysts use; every field is optional and they combine with AND.

    - `since`/`until`: inclusive days; an event's day is its own date, else its article's date.
    - `type`: PLOVER type (ASSAULT) or ACLED event type ("Explosions/Remote violence"), case-insensitive;
      several PLOVER types comma-separated (ASSAULT,COERCE) match any of them.
    - `acled`: ACLED event type or sub-event type, case-insensitive.
    - `actor`: part of a resolved actor name (actor1 or actor2), case-insensitive.
    - `country`: ISO 3166-1 alpha-2 of the place (UA).
    - `place`: place name or admin1 name, case-insensitive, whole name.
    - `admin1`: admin1 name of the place (Mykolaiv Oblast), case-insensitive, whole name.
    - `near`: (lat, lon, km): places within km of the point (great-circle distance).
    - `bbox`: (south, west, north, east): places inside the box (west > east crosses the antimeridian).
    - `certainty`: certain|probable|possible|uncertain.
    - `unverified`: only rows whose claim is unverified or disputed.
    - `source`: the outlet (article source), case-insensitive.
    - `text`: full-text query over article text (events/articles) or claim content (claims).
    - `status`: the event statuses to take (occurred, future, hypothetical, generic); `occurred` by default,
      None for all. Events only: what happened, unless asked for what is planned, possible or generic.
    - `order`: event order, one of `EVENT_ORDERS` ('-day', newest first, by default).
    """

    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None
    actor: str | None = None
    country: str | None = None
    place: str | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    bbox: tuple[float, float, float, float] | None = None  # south, west, north, east
    certainty: str | None = None
    unverified: bool = False
    source: str | None = None
    text: str | None = None
    acled: str | None = None
    admin1: str | None = None
    status: tuple[str, ...] | None = ("occurred",)
    order: str = "-day"
    limit: int = 100
    offset: int = 0

    def page(self, limit: int, offset: int = 0) -> Filters:
        return replace(self, limit=limit, offset=offset)


class Row(BaseModel):
    model_config = ConfigDict(frozen=True)


class EventRow(Row):
    """One coded event as stored, with its references resolved to names and coordinates."""

    uid: str = Field(description="Store-wide id: '<article_id>#<event id>'.")
    id: str = Field(description="Id inside the article (e1, e2 ...).")
    status: EventStatus = Field(default="occurred", description="occurred, future, hypothetical or generic.")
    article_id: str
    article_date: dt.date | None = None
    source: str | None = Field(default=None, description="Outlet of the article.")
    title: str | None = None
    type: str
    mode: str | None = None
    cameo: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    day: dt.date | None = Field(default=None, description="The event's date, else the article's date.")
    date: str | None = None
    date_precision: str | None = None
    actor1: str | None = None
    actor1_kind: str | None = None
    actor1_country: str | None = None
    actor2: str | None = None
    actor2_kind: str | None = None
    actor2_country: str | None = None
    place: str | None = None
    geonameid: int | None = None
    admin1: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_text: str | None = Field(default=None, description="The place as the text names it.")
    figures: list[Figure] = Field(default_factory=list)
    claim_id: str | None = None
    claim_source: str | None = Field(default=None, description="Who the event is attributed to, as written.")
    claim_cue: str | None = None
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    verification: Verification | None = None
    evidence: Span
    cluster_id: str | None = None
    cluster_sources: int | None = Field(default=None, description="Independent outlets reporting the event's cluster.")
    place_feature_code: str | None = Field(default=None, description="GeoNames feature code of the place (PPL, ADM1, "
                                                                     "PCLI...): how precise the location is.")

    @computed_field(description="plover (coded in PLOVER, CAMEO, ACLED), disaster or politics: follows from type.")
    @property
    def family(self) -> str:
        return family_of(self.type)


class EventPoint(NamedTuple):
    """An event as a map and a timeline need it, and no more (read without building an EventRow)."""

    uid: str
    day: str | None
    type: str
    lat: float | None
    lon: float | None
    place: str | None
    admin1: str | None
    country_code: str | None
    feature_code: str | None
    killed: int | None          # the largest stated 'killed' count, as the `fatalities` order uses
    cluster_id: str | None
    cluster_sources: int | None


class ClaimRow(Row):
    """One attribution: who says what, how sure, whether verified."""

    uid: str
    id: str
    article_id: str
    article_date: dt.date | None = None
    outlet: str | None = Field(default=None, description="Outlet of the article (the filter --source).")
    source: str | None = Field(default=None, description="Who makes the claim, as written.")
    source_kind: str | None = None
    source_actor: str | None = Field(default=None, description="Resolved actor name of the claim's source.")
    cue: str | None = None
    content: Span
    direct_quote: bool = False
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    verification: Verification | None = None
    day: dt.date | None = None
    repeat_id: str | None = Field(default=None, description="Group of near-identical claims across articles.")
    repeat_sources: int = Field(default=1, description="Independent outlets that carry this claim.")


class PlaceRow(Row):
    """A resolved place and how often the corpus mentions it."""

    name: str
    geonameid: int | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    mentions: int = 0
    articles: int = 0
    events: int = 0
    first: dt.date | None = None
    last: dt.date | None = None


class ArticleRow(Row):
    id: str
    date: dt.date | None = None
    dateline: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    content_hash: str
    stored_at: str
    events: int = 0
    claims: int = 0
    places: int = 0
    figures: int = 0


class SearchHit(Row):
    """A full-text match: an article (title/text) or a claim's content."""

    kind: Literal["article", "claim"]
    article_id: str
    article_date: dt.date | None = None
    source: str | None = None
    title: str | None = None
    claim_id: str | None = None
    snippet: str = Field(description="Matching text with hits marked [like this].")
    span: Span | None = Field(default=None, description="For claims: the content span in the article text.")
    rank: float = 0.0


class FigureRange(Row):
    """All figures of one category in a cluster: the lowest and highest reading of each report."""

    category: str
    low: int | None = None
    high: int | None = None
    reports: int = 0


class Contradiction(Row):
    """Reports of one cluster that cannot all be true as stated."""

    kind: Literal["figures", "polarity"]
    category: str | None = None
    message: str
    reports: list[str] = Field(default_factory=list, description="Event uids involved.")
    evidence: list[Span] = Field(default_factory=list)


class Join(Row):
    """Why one report joined its cluster: the score linking gave it and the signals behind the score."""

    report: str = Field(description="Uid of the report (event) that joined.")
    score: float
    signals: dict[str, Any] = Field(default_factory=dict, description="lead, sentence (similarities), place, day, "
                                    "type, actors, figures, scene, main: see docs/linking.md.")
    merged: list[str] = Field(default_factory=list, description="Clusters this report's joining merged in.")


class Cluster(Row):
    """Reports (events, possibly from many articles) judged to be one real event."""

    id: str
    type: str
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    place: str | None = None
    admin1: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    actors: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list, description="Independent outlets reporting it.")
    n_sources: int = 0
    n_reports: int = 0
    figures: list[FigureRange] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    disputed: bool = False
    why: dict[str, int] = Field(default_factory=dict, description="How many joins each signal took part in.")
    joins: list[Join] = Field(default_factory=list, description="Each report that joined, with its signals "
                              "(the last 50).")
    merged_from: list[str] = Field(default_factory=list, description="Ids of clusters merged into this one.")
    reports: list[EventRow] = Field(default_factory=list)

    @computed_field(description="plover (coded in PLOVER, CAMEO, ACLED), disaster or politics: follows from type.")
    @property
    def family(self) -> str:
        return family_of(self.type)


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """'SOUTH,WEST,NORTH,EAST' -> a tuple; longitudes are wrapped into -180..180; raise ValueError naming what is wrong."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 4:
        raise ValueError(f"bbox {value!r}: expected SOUTH,WEST,NORTH,EAST, e.g. 44,22,53,41")
    try:
        south, west, north, east = (float(p) for p in parts)
    except ValueError:
        raise ValueError(f"bbox {value!r}: the four values must be numbers") from None
    if not (-90 <= south <= north <= 90) or west != west or east != east:
        raise ValueError(f"bbox {value!r}: latitudes -90..90 with south <= north")
    if east - west >= 360:
        return south, -180.0, north, 180.0
    return south, _wrap(west), north, _wrap(east)


def _wrap(lon: float) -> float:
    """A longitude into -180..180 (a map scrolled round the world gives -200 or 190)."""
    return lon if -180 <= lon <= 180 else ((lon + 180) % 360) - 180


class StoryReport(Row):
    """One report of a story: who said what, when, with which figures; and what linked it."""

    uid: str
    day: dt.date | None = None
    article_id: str
    article_date: dt.date | None = None
    source: str | None = None
    title: str | None = None
    type: str
    place: str | None = None
    claim_source: str | None = None
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    verification: Verification | None = None
    figures: list[Figure] = Field(default_factory=list)
    evidence: Span
    joined: Join | None = Field(default=None, description="Why it joined (none for the report that opened "
                                "the cluster, or if it joined before the last 50).")
    disagrees: list[str] = Field(default_factory=list, description="Contradiction kinds it is part of "
                                 "(`killed`, `polarity`, ...).")


class Story(Row):
    """A cluster told in time order: each report with its figures, so the toll's evolution and disagreements
    show (`wirewatch clusters --show ID`, `GET /api/clusters/{id}/story`)."""

    cluster: Cluster = Field(description="The cluster, without its `reports` (they are in `reports` here).")
    reports: list[StoryReport] = Field(default_factory=list, description="Oldest first (day, then article date).")


def parse_near(value: str) -> tuple[float, float, float]:
    """'LAT,LON,KM' -> (lat, lon, km); raise ValueError naming what is wrong."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 3:
        raise ValueError(f"--near {value!r}: expected LAT,LON,KM, e.g. 46.97,32.0,50")
    try:
        lat, lon, km = (float(p) for p in parts)
    except ValueError:
        raise ValueError(f"--near {value!r}: LAT, LON and KM must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise ValueError(f"--near {value!r}: latitude -90..90, longitude -180..180, km > 0")
    return lat, lon, km


def parse_status(value: str | None) -> tuple[str, ...] | None:
    """"occurred,future" -> ("occurred", "future"); "all" -> None (every status); empty -> the default.

    Raises ValueError naming the unknown value."""
    if value is None or not value.strip():
        return ("occurred",)
    words = tuple(dict.fromkeys(w.strip().lower() for w in value.split(",") if w.strip()))
    if "all" in words:
        return None
    bad = [w for w in words if w not in EVENT_STATUSES]
    if bad:
        raise ValueError(f"status {bad[0]!r} is not one of {', '.join(EVENT_STATUSES)} (or all)")
    return words
