"""The one vocabulary of Wirewatch: every stage reads and writes these types.

The output contract `wirewatch.article/1` (see `docs/output.md`) is `Document.model_dump()`; its JSON
Schema is generated from these classes (`wirewatch schema`). Keys may be added, never renamed or removed.

Every object with `start`/`end` is a span of `Document.text` and satisfies `text[start:end] == obj.text`;
`Document` checks this when it is built, so a broken span can never leave the pipeline.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_ID = "wirewatch.article/1"

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal["hour", "day", "week", "month", "year", "decade"]
FigureCategory = Literal["killed", "injured", "killed_or_injured", "displaced", "missing", "captured", "other"]
Qualifier = Literal["exact", "at_least", "at_most", "about", "nearly", "more_than", "vague"]
Certainty = Literal["certain", "probable", "possible", "uncertain"]
Polarity = Literal["positive", "negative"]
Verification = Literal["unverified", "verified", "disputed"]
NoteKind = Literal["verification", "correction", "other"]
EventStatus = Literal["occurred", "future", "hypothetical", "generic"]
EVENT_STATUSES: tuple[str, ...] = ("occurred", "future", "hypothetical", "generic")
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
# Happenings outside PLOVER that an analyst of war and politics still tracks (docs/events.md "Other
# happenings"): disasters and accidents (they kill, displace and draw forces like an attack does) and the
# political happenings PLOVER has no type for (votes, who takes or leaves office). They have no CAMEO or ACLED
# code, are never exported as ACLED events, and are linked across reports like any other event.
HappeningType = Literal["DISASTER", "ACCIDENT", "ELECTION", "OFFICE"]
EventFamily = Literal["plover", "disaster", "politics"]
HAPPENING_FAMILY: dict[str, str] = {"DISASTER": "disaster", "ACCIDENT": "disaster", "ELECTION": "politics",
                                    "OFFICE": "politics"}


def family_of(type_: str | None) -> str:
    """The family of an event type: 'plover' for the 16 PLOVER types, else its other-happenings family."""
    return HAPPENING_FAMILY.get((type_ or "").upper(), "plover")


class Record(BaseModel):
    """Immutable, strict base: unknown keys are errors, values never change after construction."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """A stretch of the article text: `text == article_text[start:end]`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self


class Article(Record):
    """What ingest knows about an article before any NLP."""

    id: str
    date: dt.date | None = Field(default=None, description="Publication date (the document creation time).")
    date_source: Literal["input", "dateline", "heading", "option"] | None = Field(
        default=None, description="Where `date` comes from: the input's own date (JSONL, feed, HTML metadata), "
                                  "the dateline, a dated heading above the text, or the run's --date option.")
    date_note: str | None = Field(
        default=None, description="Why `date` is null, or a warning about the input's date (ambiguous, not a date).")
    dateline: str | None = Field(default=None, description="The dateline as written, e.g. 'KYIV, March 30 (Reuters)'.")
    title: str | None = None
    source: str | None = Field(default=None, description="Outlet or agency, e.g. 'Reuters'.")
    url: str | None = None
    origin: str | None = Field(default=None, exclude=True, description=(
        "Where ingest read it: the file's path, '<stdin>', 'api'. With `id` it is the article's identity in a "
        "store. Not part of the output (it would make output depend on where files lie, and show their paths)."))


class TimeExpr(Span):
    """A TIMEX3 time expression, its value normalised against the article date."""

    id: str
    type: TimeType
    value: str | None = Field(description="TIMEX3 value (2022-03-29, P8Y, 2022-W12, PRESENT_REF ...); null if unknown.")
    precision: Precision | None = None
    points_to: str | None = Field(
        default=None, description="For an offset ('two days later', 'a day after Russia promised'; value P2D, "
                                  "P1D): the date it points to, counted from the last day named or from that "
                                  "event's date where the text gives it; null when that anchor is unknown.")


class Place(Span):
    """A toponym and the GeoNames entry it resolves to."""

    id: str
    geonameid: int | None = None
    name: str | None = None
    country_code: str | None = Field(default=None, description="ISO 3166-1 alpha-2.")
    admin1: str | None = Field(default=None, description="Name of the first-level division, e.g. 'Mykolayiv Oblast'.")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    feature_class: str | None = None
    feature_code: str | None = None
    confidence: float = Field(default=0.0, ge=0, le=1)
    sentence: int | None = Field(default=None, description="Index of the sentence (spaCy) the mention is in.")
    relation: str | None = Field(
        default=None, description="Words before the name saying the location is near it, not at it: "
                                  "'near', 'north of', '30 km south of', 'on the outskirts of'.")
    demonym: bool = Field(default=False, description="The mention is a demonym or adjective ('Russian'), resolved "
                                                     "to its country; only those that say where ('the Syrian border', "
                                                     "or the article's only reference to its country) with "
                                                     "WIREWATCH_PLACES_DEMONYMS=located, none with =0. Never an event's place.")
    precision: Literal["town", "near town", "region", "country"] | None = Field(
        default=None, description="How precisely the mention locates something (ACLED geo-precision 1/2/3 = "
                                  "town / near town or small region / region or country): a settlement, near "
                                  "one (`relation` set), a larger area (division, region, sea), or a country.")


class Actor(Span):
    """A mention of a person, organisation, government, armed force, group or population."""

    id: str
    name: str = Field(description="Normalised name shared by all mentions of the same actor.")
    kind: str | None = Field(default=None, description="PLOVER/CAMEO sector code: GOV, MIL, REB, IGO, MED, CVL, ...")
    country_code: str | None = None
    side: str | None = Field(default=None, description="Side in the article's conflict, where one is given.")
    acled_name: str | None = Field(default=None, description="ACLED-style actor name: 'Military Forces of Syria', "
                                   "'Police Forces of Mexico', 'Civilians (India)', 'Protesters (Chile)', a group's name.")
    inter: int | None = Field(default=None, ge=1, le=8, description="ACLED actor type: 1 state forces, 2 rebels, "
                              "3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, "
                              "8 external/other forces.")


class Figure(Span):
    """A count of people killed, injured, displaced, missing or captured."""

    id: str
    category: FigureCategory
    value: int | None = Field(default=None, description=(
        "The count; for a vague figure, the number ACLED's codebook records for the words ('several' 10), "
        "else null."))
    low: int | None = Field(default=None, description=(
        "The least the figure asserts ('at least 12' 12; a vague word: the least it is used for, 'several' 3)."))
    high: int | None = Field(default=None, description="The most the figure allows ('up to 40', '10 to 15').")
    qualifier: Qualifier = "exact"
    who: str | None = Field(default=None, description="Who was counted, e.g. 'civilians'.")
    place: str | None = Field(default=None, description="Id of the place the figure refers to.")
    time: str | None = Field(default=None, description="Id of the time the figure refers to.")
    mentions: list[Span] = Field(default_factory=list, description=(
        "Every phrase that counts these people, in text order (restatements, the parts, a stated total)."))
    parts: list[Span] = Field(default_factory=list, description=(
        "For a figure that adds up several counts ('a leader ... also detained two suspects'), one phrase per "
        "count it adds; empty when one phrase gives the number."))
    cumulative: bool = Field(default=False, description=(
        "A running total over a long period ('have detained more than 125 since June'), not one happening's count."))


class Source(Span):
    """Who a claim is attributed to, as the text names it."""

    kind: str | None = Field(default=None, description="Sector code of the source (GOV, MIL, MED, ...) or 'person'.")
    actor: str | None = Field(default=None, description="Id of the actor the source mention resolves to.")
    antecedent: Span | None = Field(
        default=None, description="For a pronoun or role-noun source ('which', 'he', 'the minister', 'its leader'): "
        "the earlier mention it refers to; `actor` is that mention's actor.")


class Claim(Record):
    """An attribution: a source says/believes content, with the cue that links them."""

    id: str
    source: Source | None
    cue: Span | None
    content: Span
    direct_quote: bool = False
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    verification: Verification | None = None
    time: str | None = None
    modality_cues: list[Span] = Field(default_factory=list, description="Words that set certainty or polarity.")
    note: str | None = Field(default=None, description="Id of the outlet's note that set `verification`, if one did.")


class Event(Record):
    """One happening in the article: who did what to whom, where, when, how many, according to whom, and
    whether it happened at all (`status`). All the mentions of the happening are kept in `mentions`."""

    id: str
    status: EventStatus = Field(default="occurred", description="occurred (happened or is happening, asserted or "
                                "reported), future (planned, promised, threatened, predicted), hypothetical "
                                "(conditional, possible, proposed, requested), generic (a characterisation or a "
                                "long-period summary, not a datable happening).")
    type: PloverType | HappeningType = Field(description="PLOVER type (family 'plover'), or the type of a "
                                             "happening outside PLOVER: DISASTER, ACCIDENT (family 'disaster'), "
                                             "ELECTION, OFFICE (family 'politics').")
    family: EventFamily = Field(default="plover", description="'plover': coded in PLOVER, CAMEO and ACLED; "
                                "'disaster' (natural disasters, accidents) and 'politics' (elections, taking or "
                                "leaving office): no CAMEO or ACLED code, never an ACLED event.")
    mode: str | None = None
    cameo: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    place: str | None = None
    date: str | None = None
    date_precision: str | None = None
    geo_precision: Literal[1, 2, 3] | None = Field(default=None, description="ACLED geo-precision of `place`: 1 the "
                                                   "town itself, 2 a part of or near the town, 3 only a region.")
    figures: list[str] = Field(default_factory=list)
    fatalities: int | None = Field(default=None, ge=0, description="Conservative number killed in this happening, "
                                   "by ACLED's conventions (null: no killed figure attached).")
    claim: str | None = None
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    evidence: Span = Field(description="The clearest mention of the happening (its sentence).")
    trigger: Span | None = Field(default=None, description="The word(s) the event was coded from.")
    mentions: list[Span] = Field(default_factory=list, description="Every mention of the happening in the article "
                                 "(the trigger phrases), in text order.")

    @model_validator(mode="before")
    @classmethod
    def _family_from_type(cls, data):
        """The family follows from the type: filled in when not given (output written before it existed)."""
        if isinstance(data, dict) and data.get("family") is None and isinstance(data.get("type"), str):
            data = {**data, "family": family_of(data["type"])}
        return data

    @model_validator(mode="after")
    def _family_fits(self) -> Event:
        if family_of(self.type) != self.family:
            raise ValueError(f"event {self.id}: type {self.type} is of family {family_of(self.type)!r}, "
                             f"not {self.family!r}")
        return self


class Note(Span):
    """A statement by the outlet about its own reporting, e.g. what it could not verify."""

    kind: NoteKind
    id: str | None = Field(default=None, description="Id of the note ('n1'), named by the claims it covers.")


class Document(Record):
    """One article and everything extracted from it: the `wirewatch.article/1` object."""

    schema_: Literal["wirewatch.article/1"] = Field(default=SCHEMA_ID, alias="schema")
    article: Article
    text: str
    times: list[TimeExpr] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _spans_are_exact(self) -> Document:
        for where, span in self.spans():
            if self.text[span.start:span.end] != span.text or span.end > len(self.text):
                raise ValueError(
                    f"article {self.article.id}: {where} span [{span.start}:{span.end}] is "
                    f"{self.text[span.start:span.end]!r}, not {span.text!r}"
                )
        return self

    def spans(self) -> list[tuple[str, Span]]:
        """Every span in the document with a label saying where it sits (for checks and highlighting)."""
        out: list[tuple[str, Span]] = []
        for name in ("times", "places", "actors", "figures", "notes"):
            out.extend((f"{name}[{i}]", s) for i, s in enumerate(getattr(self, name)))
        for i, f in enumerate(self.figures):
            out.extend((f"figures[{i}].mentions[{j}]", s) for j, s in enumerate(f.mentions))
            out.extend((f"figures[{i}].parts[{j}]", s) for j, s in enumerate(f.parts))
        for i, c in enumerate(self.claims):
            out.append((f"claims[{i}].content", c.content))
            if c.source is not None:
                out.append((f"claims[{i}].source", c.source))
                if c.source.antecedent is not None:
                    out.append((f"claims[{i}].source.antecedent", c.source.antecedent))
            if c.cue is not None:
                out.append((f"claims[{i}].cue", c.cue))
            out.extend((f"claims[{i}].modality_cues[{j}]", m) for j, m in enumerate(c.modality_cues))
        for i, e in enumerate(self.events):
            out.append((f"events[{i}].evidence", e.evidence))
            if e.trigger is not None:
                out.append((f"events[{i}].trigger", e.trigger))
            out.extend((f"events[{i}].mentions[{j}]", m) for j, m in enumerate(e.mentions))
        return out

    def to_json(self) -> dict:
        """The contract's JSON object (keys as in `docs/output.md`, dates as ISO strings)."""
        return self.model_dump(mode="json", by_alias=True)

    def json_fields(self) -> Iterator[tuple[str, object]]:
        """(key, JSON value) of `to_json()`, one top-level key at a time: a 5 MB article's extractions are
        never all turned into dicts at once (memory)."""
        for name, info in type(self).model_fields.items():
            if not info.exclude:
                yield info.alias or name, self.model_dump(mode="json", by_alias=True, include={name})[info.alias or name]

    def to_json_text(self) -> str:
        """`json.dumps(self.to_json(), ensure_ascii=False)`, the same text, built a key at a time."""
        return "{" + ", ".join(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
                               for key, value in self.json_fields()) + "}"

    @classmethod
    def from_json(cls, data: dict) -> Document:
        return cls.model_validate(data)


class Skipped(Record):
    """A record that could not be processed, and why: a batch reports it and goes on."""

    record: str = Field(description="Which record: 'feed.jsonl:57', 'examples/bad.html', 'article ww-1f3a'.")
    reason: str = Field(description="Why, in words a user can act on.")

    def __str__(self) -> str:
        return f"{self.record}: {self.reason}"


class Warned(Record):
    """A record that was kept with a problem (e.g. an invalid optional field left out): reported, not skipped.

    Ingest yields it just before the Document it concerns; every consumer passes it on or reports it.
    """

    record: str = Field(description="Which record, as for Skipped.")
    reason: str = Field(description="What was wrong and what was done about it.")

    def __str__(self) -> str:
        return f"{self.record}: {self.reason}"


def span_of(text: str, start: int, end: int) -> Span:
    """Build a Span from offsets, taking its text from the article so it is exact by construction."""
    return Span(text=text[start:end], start=start, end=end)
