"""Filtered queries over a real store file: each filter selects what an analyst expects."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.store import Filters, Store


def uids(rows) -> set[str]:
    return {r.uid for r in rows}


@pytest.mark.parametrize("filters, expected", [
    (Filters(), {"strike-a#e1", "strike-b#e1", "strike-b#e2", "strike-c#e1", "strike-c#e2"}),
    (Filters(type="CONSULT"), {"strike-c#e2"}),
    (Filters(type="assault", source="ap"), {"strike-b#e1", "strike-b#e2"}),
    (Filters(type="Explosions/Remote violence"), {"strike-a#e1", "strike-b#e1", "strike-b#e2", "strike-c#e1"}),
    (Filters(since=dt.date(2023, 6, 3)), {"strike-c#e2"}),
    (Filters(until=dt.date(2023, 6, 2), source="AFP"), {"strike-c#e1"}),
    (Filters(actor="turk"), {"strike-c#e2"}),
    (Filters(actor="nobody at all"), set()),
    (Filters(country="tr"), {"strike-c#e2"}),
    (Filters(place="mykolaiv oblast", source="Reuters"), {"strike-a#e1"}),
    (Filters(place="Istanbul"), {"strike-c#e2"}),
    (Filters(near=(47.6, 31.3, 10)), {"strike-a#e1", "strike-b#e1", "strike-b#e2", "strike-c#e1"}),
    (Filters(near=(47.6, 31.3, 1)), set()),
    (Filters(unverified=True), {"strike-a#e1", "strike-b#e2"}),
    (Filters(certainty="probable"), set()),
    (Filters(text="fuel depot"), {"strike-b#e1", "strike-b#e2"}),
])
def test_event_filters(db, filters: Filters, expected: set[str]) -> None:
    with Store.open(db, read_only=True) as store:
        assert uids(store.events(filters)) == expected


def test_event_rows_resolve_names_places_and_figures(db) -> None:
    with Store.open(db, read_only=True) as store:
        (row,) = store.events(Filters(source="Reuters"))
    assert (row.actor1, row.place, row.admin1, row.country_code) == ("Russia", "Voznesensk", "Mykolaiv Oblast", "UA")
    assert [(f.category, f.value) for f in row.figures] == [("killed", 9), ("injured", 21)]
    assert row.claim_source == "the regional governor" and row.verification == "unverified"
    assert row.evidence.text.startswith("A Russian missile struck")
    assert row.cluster_id is not None


def test_limit_offset_and_newest_first(db) -> None:
    with Store.open(db, read_only=True) as store:
        rows = store.events(Filters(limit=2))
        rest = store.events(Filters(limit=10, offset=2))
    assert rows[0].uid == "strike-c#e2"  # the only event of June 3
    assert len(rows) == 2 and len(rest) == 3 and not uids(rows) & uids(rest)


def test_claims_filters(db) -> None:
    with Store.open(db, read_only=True) as store:
        assert {c.uid for c in store.claims(Filters(unverified=True))} == {"strike-a#c1", "strike-b#c2"}
        assert {c.uid for c in store.claims(Filters(actor="police"))} == {"strike-c#c1"}
        assert {c.uid for c in store.claims(Filters(text="residential"))} == {"strike-b#c1", "strike-b#c2"}
        denial = store.claims(Filters(source="AP", unverified=True))[0]
    assert denial.polarity == "negative" and denial.cue == "denied" and denial.source_actor == "Russia"


def test_places_are_grouped_and_counted(db) -> None:
    with Store.open(db, read_only=True) as store:
        rows = store.places(Filters())
        near = store.places(Filters(near=(41.0, 29.0, 20)))
    assert [(p.name, p.mentions, p.articles) for p in rows] == [("Voznesensk", 3, 3), ("Istanbul", 1, 1)]
    assert [p.name for p in near] == ["Istanbul"]


def test_articles_filtered_by_what_they_contain(db) -> None:
    with Store.open(db, read_only=True) as store:
        assert [a.id for a in store.articles(Filters(type="CONSULT"))] == ["strike-c"]
        assert {a.id for a in store.articles(Filters(place="Voznesensk"))} == {"strike-a", "strike-b", "strike-c"}
        a = store.articles(Filters(source="Reuters"))[0]
    assert (a.events, a.claims, a.places, a.figures) == (1, 1, 1, 2)


def test_search_finds_articles_and_claims_and_survives_hostile_text(db) -> None:
    with Store.open(db, read_only=True) as store:
        hits = store.search("housing block", Filters())
        assert {(h.kind, h.article_id) for h in hits} == {("article", "strike-c"), ("claim", "strike-c")}
        claim = next(h for h in hits if h.kind == "claim")
        assert claim.span is not None and "[housing] [block]" in claim.snippet
        for nasty in ['"', "NEAR(", "a OR", "*", "col:x", "'); DROP TABLE article; --", "AND AND"]:
            store.search(nasty, Filters())  # no FTS5 syntax error, no injection
        assert store.counts()["articles"] == 3
        assert store.search("Voznesen*", Filters(source="AFP"))[0].article_id == "strike-c"
