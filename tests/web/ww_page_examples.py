"""More hand-annotated reports for the page tests, written for them: what the API examples lack.

- an event located only at a region (the Kharkiv region: GeoNames ADM1), to be drawn as that area;
- an event located only at a country (Russia: PCLI), drawn as the country, not a pin in Siberia;
- a stray early report (24 February, a month before the rest), which must not squash the timeline;
- a third outlet ("Steppe Monitor") and a Battles event, for the outlet and ACLED-type filters;
- a flood (a happening outside PLOVER, family "disaster") from a fourth outlet, for the fifth legend family.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wirewatch.model import Actor, Claim, Document, Event, Figure, Place, TimeExpr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from ww_examples import _doc, _Text  # noqa: E402

OUTLET = "Steppe Monitor"
REGION_UID = "sm-0326-kharkiv-region#e1"
COUNTRY_UID = "sm-0330-russia-protests#e1"
STRAY_UID = "sm-0224-kyiv#e1"
BATTLE_UID = "sm-0330-izium#e1"
FLOOD_UID = "dc-0327-ungheni-flood#e1"


def _area(t: _Text, pid: str, phrase: str, *, name: str, code: str, admin1: str | None, cc: str, lat: float,
          lon: float, gid: int) -> Place:
    return Place(id=pid, geonameid=gid, name=name, country_code=cc, admin1=admin1, lat=lat, lon=lon,
                 feature_class="A", feature_code=code, confidence=0.9, **t.kw(phrase))


def page_documents() -> list[Document]:
    out = []

    t = _Text("KYIV, March 26 (Steppe Monitor) - Artillery fire hit several villages across the Kharkiv region on "
              "Saturday, killing 3 people, the regional administration said.")
    out.append(_doc("sm-0326-kharkiv-region", "2022-03-26", OUTLET, "Villages shelled across the Kharkiv region",
                    t.text,
                    times=[TimeExpr(id="t1", type="DATE", value="2022-03-26", precision="day", **t.kw("Saturday"))],
                    places=[_area(t, "p1", "the Kharkiv region", name="Kharkiv Oblast", code="ADM1",
                                  admin1="Kharkiv Oblast", cc="UA", lat=49.5, lon=36.5, gid=706482)],
                    actors=[Actor(id="a1", name="Kharkiv regional administration", kind="GOV", country_code="UA",
                                  **t.kw("the regional administration"))],
                    figures=[Figure(id="f1", category="killed", value=3, who="people", place="p1",
                                    **t.kw("3 people"))],
                    claims=[Claim(id="c1", source=t.source("the regional administration", "GOV", "a1"),
                                  cue=t.span("said"), content=t.span("Artillery fire hit several villages across the "
                                                                     "Kharkiv region on Saturday, killing 3 people"))],
                    events=[Event(id="e1", type="ASSAULT", mode="artillery", cameo="195",
                                  acled_event_type="Explosions/Remote violence",
                                  acled_sub_event_type="Shelling/artillery/missile attack", place="p1",
                                  date="2022-03-26", date_precision="day", figures=["f1"], claim="c1",
                                  evidence=t.span("Artillery fire hit several villages across the Kharkiv region on "
                                                  "Saturday, killing 3 people"), trigger=t.span("Artillery fire"))]))

    t = _Text("MOSCOW, March 30 (Steppe Monitor) - People protested against the war in towns across Russia on "
              "Wednesday and police detained 40 of them, a monitoring group said.")
    out.append(_doc("sm-0330-russia-protests", "2022-03-30", OUTLET, "Anti-war protests across Russia", t.text,
                    times=[TimeExpr(id="t1", type="DATE", value="2022-03-30", precision="day", **t.kw("Wednesday"))],
                    places=[_area(t, "p1", "Russia", name="Russia", code="PCLI", admin1=None, cc="RU", lat=60.0,
                                  lon=100.0, gid=2017370)],
                    actors=[Actor(id="a1", name="protesters", kind="CVL", country_code="RU", **t.kw("People")),
                            Actor(id="a2", name="monitoring group", kind="NGO", **t.kw("a monitoring group"))],
                    figures=[Figure(id="f1", category="captured", value=40, place="p1", **t.kw("40"))],
                    claims=[Claim(id="c1", source=t.source("a monitoring group", "NGO", "a2"), cue=t.span("said"),
                                  content=t.span("People protested against the war in towns across Russia on "
                                                 "Wednesday and police detained 40 of them"),
                                  verification="unverified")],
                    events=[Event(id="e1", type="PROTEST", mode="demonstrate", cameo="141", acled_event_type="Protests",
                                  acled_sub_event_type="Protest with intervention", actor1="a1", place="p1",
                                  date="2022-03-30", date_precision="day", figures=["f1"], claim="c1",
                                  evidence=t.span("People protested against the war in towns across Russia on Wednesday"),
                                  trigger=t.span("protested"))]))

    t = _Text("KYIV, Feb 24 (Steppe Monitor) - Explosions were heard in Kyiv before dawn on Thursday, city officials "
              "said.")
    out.append(_doc("sm-0224-kyiv", "2022-02-24", OUTLET, "Explosions heard in Kyiv", t.text,
                    times=[TimeExpr(id="t1", type="DATE", value="2022-02-24", precision="day", **t.kw("Thursday"))],
                    places=[t.place("p1", "Kyiv")],
                    actors=[Actor(id="a1", name="Kyiv city officials", kind="GOV", country_code="UA",
                                  **t.kw("city officials"))],
                    claims=[Claim(id="c1", source=t.source("city officials", "GOV", "a1"), cue=t.span("said"),
                                  content=t.span("Explosions were heard in Kyiv before dawn on Thursday"))],
                    events=[Event(id="e1", type="ASSAULT", cameo="190", acled_event_type="Explosions/Remote violence",
                                  place="p1", date="2022-02-24", date_precision="day", claim="c1",
                                  evidence=t.span("Explosions were heard in Kyiv before dawn on Thursday"),
                                  trigger=t.span("Explosions"))]))

    t = _Text("IZIUM, March 30 (Steppe Monitor) - Ukrainian and Russian troops fought for control of Izium on "
              "Wednesday; 11 soldiers were killed, a Ukrainian commander said.")
    t_place = Place(id="p1", geonameid=707292, name="Izium", country_code="UA", admin1="Kharkiv Oblast", lat=49.21,
                    lon=37.26, feature_class="P", feature_code="PPL", confidence=0.9, **t.kw("Izium"))
    out.append(_doc("sm-0330-izium", "2022-03-30", OUTLET, "Fighting for Izium", t.text,
                    times=[TimeExpr(id="t1", type="DATE", value="2022-03-30", precision="day", **t.kw("Wednesday"))],
                    places=[t_place],
                    actors=[Actor(id="a1", name="Ukrainian troops", kind="MIL", country_code="UA", **t.kw("Ukrainian")),
                            Actor(id="a2", name="Russian troops", kind="MIL", country_code="RU",
                                  **t.kw("Russian troops")),
                            Actor(id="a3", name="Ukrainian commander", kind="MIL", country_code="UA",
                                  **t.kw("a Ukrainian commander"))],
                    figures=[Figure(id="f1", category="killed", value=11, who="soldiers", place="p1",
                                    **t.kw("11 soldiers"))],
                    claims=[Claim(id="c1", source=t.source("a Ukrainian commander", "MIL", "a3"), cue=t.span("said"),
                                  content=t.span("Ukrainian and Russian troops fought for control of Izium on "
                                                 "Wednesday; 11 soldiers were killed"))],
                    events=[Event(id="e1", type="ASSAULT", mode="firefight", cameo="190", acled_event_type="Battles",
                                  acled_sub_event_type="Armed clash", actor1="a1", actor2="a2", place="p1",
                                  date="2022-03-30", date_precision="day", figures=["f1"], claim="c1",
                                  evidence=t.span("Ukrainian and Russian troops fought for control of Izium on "
                                                  "Wednesday; 11 soldiers were killed"), trigger=t.span("fought"))]))

    t = _Text("UNGHENI, March 27 (Delta Courier) - The Prut burst its banks on Sunday and flooded the low streets of "
              "Ungheni; 2 people drowned, the emergency service said.")
    t_place = Place(id="p1", geonameid=617180, name="Ungheni", country_code="MD", admin1="Ungheni", lat=47.21,
                    lon=27.8, feature_class="P", feature_code="PPLA", confidence=0.9, **t.kw("Ungheni"))
    out.append(_doc("dc-0327-ungheni-flood", "2022-03-27", "Delta Courier", "River floods Ungheni", t.text,
                    times=[TimeExpr(id="t1", type="DATE", value="2022-03-27", precision="day", **t.kw("Sunday"))],
                    places=[t_place],
                    actors=[Actor(id="a1", name="emergency service", kind="GOV", country_code="MD",
                                  **t.kw("the emergency service"))],
                    figures=[Figure(id="f1", category="killed", value=2, who="people", place="p1",
                                    **t.kw("2 people"))],
                    claims=[Claim(id="c1", source=t.source("the emergency service", "GOV", "a1"), cue=t.span("said"),
                                  content=t.span("The Prut burst its banks on Sunday and flooded the low streets of "
                                                 "Ungheni; 2 people drowned"))],
                    events=[Event(id="e1", type="DISASTER", mode="flood", place="p1", date="2022-03-27",
                                  date_precision="day", figures=["f1"], claim="c1",
                                  evidence=t.span("The Prut burst its banks on Sunday and flooded the low streets of "
                                                  "Ungheni; 2 people drowned"), trigger=t.span("flooded"))]))
    return out
