"""One strike told three ways: linked into one cluster, corroborated by three outlets, contradictions flagged."""

from __future__ import annotations

import datetime as dt

from wirewatch.store import Filters, Store


def test_three_outlets_one_strike_one_cluster(db) -> None:
    with Store.open(db, read_only=True) as store:
        (strike,) = store.clusters(Filters(type="ASSAULT"))
        (talks,) = store.clusters(Filters(type="CONSULT"))
    assert strike.n_reports == 4 and strike.n_sources == 3
    assert strike.sources == ["AFP", "AP", "Reuters"]
    assert (strike.place, strike.first, strike.last) == ("Voznesensk", dt.date(2023, 6, 2), dt.date(2023, 6, 2))
    assert talks.n_sources == 1 and talks.id != strike.id


def test_disagreeing_tolls_are_a_contradiction_naming_each_report(db) -> None:
    with Store.open(db, read_only=True) as store:
        (strike,) = store.clusters(Filters(type="ASSAULT"))
    figures = [c for c in strike.contradictions if c.kind == "figures"]
    assert [c.category for c in figures] == ["killed"]
    assert {e.text for e in figures[0].evidence} == {"nine people", "At least seven people", "four civilians"}
    killed = next(f for f in strike.figures if f.category == "killed")
    assert (killed.low, killed.high, killed.reports) == (4, 9, 3)
    assert strike.disputed


def test_denial_by_the_other_side_is_a_polarity_contradiction(db) -> None:
    with Store.open(db, read_only=True) as store:
        (strike,) = store.clusters(Filters(type="ASSAULT"))
    (polarity,) = [c for c in strike.contradictions if c.kind == "polarity"]
    assert "strike-b#e2" in polarity.reports
    assert "denying" in polarity.message


def test_cluster_by_id_and_filters(db) -> None:
    with Store.open(db, read_only=True) as store:
        (strike,) = store.clusters(Filters(source="AFP", type="ASSAULT"))
        assert store.cluster(strike.id) == strike
        assert store.cluster("nope") is None
        assert store.clusters(Filters(country="TR"))[0].type == "CONSULT"
        assert store.clusters(Filters(since=dt.date(2024, 1, 1))) == []
