"""Example wire reports written for the API and browser tests, with their extractions annotated by hand.

Five short articles from three made-up outlets, 27-31 March 2022: two reports of one strike in Mykolaiv
that disagree on the toll (9 vs 14 killed), shelling in Kharkiv, a rally in Odesa, aid to Lviv, and a
denial with no place (so it has no map position). Building them by hand keeps these tests independent of
how well the extractors do; `RAW` holds plain inputs for the ingest endpoint, which runs the real pipeline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wirewatch.model import (
    Actor, Article, Claim, Document, Event, Figure, Note, Place, Source, Span, TimeExpr, span_of,
)

GEO = {  # name: (geonameid, admin1, lat, lon)
    "Mykolaiv": (700569, "Mykolaiv Oblast", 46.97, 31.99),
    "Kharkiv": (706483, "Kharkiv Oblast", 49.98, 36.25),
    "Odesa": (698740, "Odesa Oblast", 46.48, 30.73),
    "Lviv": (702550, "Lviv Oblast", 49.84, 24.02),
    "Kyiv": (703448, "Kyiv City", 50.45, 30.52),
}


class _Text:
    """Offsets of phrases in one text, found left to right so repeated words get distinct spans."""

    def __init__(self, text: str) -> None:
        self.text = text

    def at(self, phrase: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(phrase, start + 1)
        return start, start + len(phrase)

    def span(self, phrase: str, nth: int = 0) -> Span:
        return span_of(self.text, *self.at(phrase, nth))

    def kw(self, phrase: str, nth: int = 0) -> dict[str, Any]:
        start, end = self.at(phrase, nth)
        return {"text": self.text[start:end], "start": start, "end": end}

    def place(self, pid: str, phrase: str, nth: int = 0) -> Place:
        gid, admin1, lat, lon = GEO[phrase.title()]
        return Place(id=pid, geonameid=gid, name=phrase.title(), country_code="UA", admin1=admin1, lat=lat, lon=lon,
                     feature_class="P", feature_code="PPLA", confidence=0.9, **self.kw(phrase, nth))

    def source(self, phrase: str, kind: str, actor: str | None = None) -> Source:
        return Source(kind=kind, actor=actor, **self.kw(phrase))


def _doc(aid: str, date: str, source: str, title: str, text: str, **fields: Any) -> Document:
    dateline = text.split(" - ")[0]
    article = Article(id=aid, date=dt.date.fromisoformat(date), dateline=dateline, title=title, source=source)
    return Document(article=article, text=text, **fields)


def documents() -> list[Document]:
    out = []

    t = _Text("MYKOLAIV, Ukraine, March 29 (Northwire) - A rocket struck a government office in Mykolaiv on "
              "Tuesday, killing 9 people, the regional governor said. Rescue crews were still searching "
              "the rubble in the afternoon. Northwire could not independently verify the figure.")
    out.append(_doc("nw-0329-mykolaiv", "2022-03-29", "Northwire", "Rocket hits government office in Mykolaiv",
                    t.text,
                    times=[TimeExpr(id="t1", type="DATE", value="2022-03-29", precision="day", **t.kw("Tuesday"))],
                    places=[t.place("p1", "Mykolaiv")],
                    actors=[Actor(id="a1", name="Mykolaiv regional governor", kind="GOV", country_code="UA",
                                  **t.kw("the regional governor"))],
                    figures=[Figure(id="f1", category="killed", value=9, who="people", place="p1", time="t1",
                                    **t.kw("9 people"))],
                    claims=[Claim(id="c1", source=t.source("the regional governor", "GOV", "a1"), cue=t.span("said"),
                                  content=t.span("A rocket struck a government office in Mykolaiv on Tuesday, "
                                                 "killing 9 people"),
                                  certainty="certain", verification="unverified")],
                    events=[Event(id="e1", type="ASSAULT", mode="missile", cameo="195",
                                  acled_event_type="Explosions/Remote violence",
                                  acled_sub_event_type="Shelling/artillery/missile attack", place="p1",
                                  date="2022-03-29", date_precision="day", figures=["f1"], claim="c1",
                                  evidence=t.span("A rocket struck a government office in Mykolaiv on Tuesday, "
                                                  "killing 9 people"), trigger=t.span("struck"))],
                    notes=[Note(kind="verification", **t.kw("Northwire could not independently verify the figure."))]))

    t = _Text("KYIV, March 30 (Eastern Ledger) - Officials in Mykolaiv raised the death toll from Tuesday's strike "
              "on the regional administration to 14, a spokesperson for the emergency service said on Wednesday. "
              "Russia's defence ministry denied targeting civilian buildings.")
    out.append(_doc("el-0330-toll", "2022-03-30", "Eastern Ledger", "Mykolaiv toll rises to 14", t.text,
                    times=[TimeExpr(id="t1", type="DATE", value="2022-03-29", precision="day", **t.kw("Tuesday")),
                           TimeExpr(id="t2", type="DATE", value="2022-03-30", precision="day", **t.kw("Wednesday"))],
                    places=[t.place("p1", "KYIV"), t.place("p2", "Mykolaiv")],
                    actors=[Actor(id="a1", name="State Emergency Service of Ukraine", kind="GOV", country_code="UA",
                                  **t.kw("a spokesperson for the emergency service")),
                            Actor(id="a2", name="Russian Ministry of Defence", kind="MIL", country_code="RU",
                                  **t.kw("Russia's defence ministry"))],
                    figures=[Figure(id="f1", category="killed", value=14, qualifier="exact", place="p2", time="t1",
                                    **t.kw("14"))],
                    claims=[Claim(id="c1", source=t.source("a spokesperson for the emergency service", "GOV", "a1"),
                                  cue=t.span("said"), content=t.span("Officials in Mykolaiv raised the death toll from "
                                                                     "Tuesday's strike on the regional administration to 14"),
                                  time="t2"),
                            Claim(id="c2", source=t.source("Russia's defence ministry", "MIL", "a2"), cue=t.span("denied"),
                                  content=t.span("targeting civilian buildings"), polarity="negative",
                                  verification="disputed")],
                    events=[Event(id="e1", type="ASSAULT", cameo="195", acled_event_type="Explosions/Remote violence",
                                  place="p2", date="2022-03-29", date_precision="day", figures=["f1"], claim="c1",
                                  evidence=t.span("Officials in Mykolaiv raised the death toll from Tuesday's strike on "
                                                  "the regional administration to 14"), trigger=t.span("strike")),
                            Event(id="e2", type="REJECT", cameo="120", actor1="a2", date="2022-03-30", claim="c2",
                                  evidence=t.span("Russia's defence ministry denied targeting civilian buildings."),
                                  trigger=t.span("denied"))]))

    t = _Text("KHARKIV, March 27 (Northwire) - Shelling damaged a row of apartment blocks in Kharkiv overnight, "
              "wounding 5 civilians, the city's mayor said. Hundreds of residents spent the night in a metro station.")
    out.append(_doc("nw-0327-kharkiv", "2022-03-27", "Northwire", "Shelling wounds five in Kharkiv", t.text,
                    times=[TimeExpr(id="t1", type="TIME", value="2022-03-27TNI", precision="day", **t.kw("overnight"))],
                    places=[t.place("p1", "Kharkiv")],
                    actors=[Actor(id="a1", name="Kharkiv mayor", kind="GOV", country_code="UA", **t.kw("the city's mayor")),
                            Actor(id="a2", name="civilians", kind="CVL", country_code="UA", **t.kw("civilians"))],
                    figures=[Figure(id="f1", category="injured", value=5, who="civilians", place="p1",
                                    **t.kw("5 civilians"))],
                    claims=[Claim(id="c1", source=t.source("the city's mayor", "GOV", "a1"), cue=t.span("said"),
                                  content=t.span("Shelling damaged a row of apartment blocks in Kharkiv overnight, "
                                                 "wounding 5 civilians"))],
                    events=[Event(id="e1", type="ASSAULT", cameo="195", acled_event_type="Explosions/Remote violence",
                                  actor2="a2", place="p1", date="2022-03-27", date_precision="day", figures=["f1"],
                                  claim="c1", evidence=t.span("Shelling damaged a row of apartment blocks in Kharkiv "
                                                              "overnight, wounding 5 civilians"),
                                  trigger=t.span("Shelling"))]))

    t = _Text("ODESA, March 28 (Harbour Post) - Several hundred people rallied in central Odesa on Monday to demand "
              "more air defence for the port, police said.")
    out.append(_doc("hp-0328-odesa", "2022-03-28", "Harbour Post", "Rally in Odesa", t.text,
                    times=[TimeExpr(id="t1", type="DATE", value="2022-03-28", precision="day", **t.kw("Monday"))],
                    places=[t.place("p1", "Odesa")],
                    actors=[Actor(id="a1", name="protesters", kind="CVL", country_code="UA",
                                  **t.kw("Several hundred people")),
                            Actor(id="a2", name="Odesa police", kind="COP", country_code="UA", **t.kw("police"))],
                    claims=[Claim(id="c1", source=t.source("police", "COP", "a2"), cue=t.span("said"),
                                  content=t.span("Several hundred people rallied in central Odesa on Monday to demand "
                                                 "more air defence for the port"))],
                    events=[Event(id="e1", type="PROTEST", mode="demonstrate", cameo="141", acled_event_type="Protests",
                                  actor1="a1", place="p1", date="2022-03-28", date_precision="day", claim="c1",
                                  evidence=t.span("Several hundred people rallied in central Odesa on Monday"),
                                  trigger=t.span("rallied"))]))

    t = _Text("LVIV, March 31 (Harbour Post) - Aid groups delivered food and medicine to Lviv on Thursday, a United "
              "Nations official said, adding that about 200,000 displaced people might be staying in the city.")
    out.append(_doc("hp-0331-lviv", "2022-03-31", "Harbour Post", "Aid reaches Lviv", t.text,
                    times=[TimeExpr(id="t1", type="DATE", value="2022-03-31", precision="day", **t.kw("Thursday"))],
                    places=[t.place("p1", "Lviv")],
                    actors=[Actor(id="a1", name="aid groups", kind="NGO", **t.kw("Aid groups")),
                            Actor(id="a2", name="United Nations", kind="IGO", **t.kw("a United Nations official"))],
                    figures=[Figure(id="f1", category="displaced", value=200000, qualifier="about", who="people",
                                    place="p1", **t.kw("about 200,000 displaced people"))],
                    claims=[Claim(id="c1", source=t.source("a United Nations official", "IGO", "a2"),
                                  cue=t.span("said"), content=t.span("about 200,000 displaced people might be staying "
                                                                     "in the city"),
                                  certainty="possible", modality_cues=[t.span("might")])],
                    events=[Event(id="e1", type="AID", cameo="070", actor1="a1", place="p1", date="2022-03-31",
                                  certainty="possible",
                                  date_precision="day", claim="c1",
                                  evidence=t.span("Aid groups delivered food and medicine to Lviv on Thursday"),
                                  trigger=t.span("delivered"))]))
    return out


# Plain inputs for POST /api/ingest (the pipeline extracts them); my own sentences.
RAW = [
    {"id": "raw-1", "date": "2022-04-02", "source": "Test Wire", "title": "Drone strike near Kherson",
     "text": "KHERSON, April 2 (Test Wire) - A drone strike on a fuel depot near Kherson killed two workers on "
             "Saturday, the regional administration said."},
    {"id": "raw-2", "date": "2022-04-03", "source": "Test Wire",
     "text": "ZAPORIZHZHIA, April 3 (Test Wire) - Buses carrying about 300 evacuees reached Zaporizhzhia on Sunday, "
             "a local official said."},
]
