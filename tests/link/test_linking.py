"""One strike told three ways: linked into one cluster, corroborated by three outlets, contradictions flagged."""

from __future__ import annotations

import datetime as dt

from wirewatch.link import LinkRules, Report, cluster_reports, compatible, interval
from wirewatch.model import Figure
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


def _report(uid: str, **kw) -> Report:
    base = dict(article_id=uid.split("#")[0], outlet=uid[0], type="ASSAULT", day=dt.date(2023, 6, 2), dated=True,
                place="Voznesensk", lat=47.57, lon=31.33, actor1="Russia")
    base.update(kw)
    return Report(uid=uid, **base)


def test_compatibility_rules() -> None:
    a = _report("a#e1")
    assert compatible(a, _report("b#e1", lat=47.60, lon=31.40))                    # ~6 km away
    assert not compatible(a, _report("b#e1", lat=46.97, lon=32.0))                 # Mykolaiv city, ~85 km
    assert not compatible(a, _report("b#e1", type="CONSULT"))
    assert compatible(a, _report("b#e1", day=dt.date(2023, 6, 3)))                 # within a day
    assert not compatible(a, _report("b#e1", day=dt.date(2023, 6, 4)))
    assert compatible(a, _report("b#e1", day=dt.date(2023, 6, 4), dated=False))   # article date only: 2 days
    assert compatible(a, _report("b#e1", actor1="Russian forces"))
    assert not compatible(a, _report("b#e1", actor1="Ukraine", actor1_country="UA"))
    assert not compatible(a, _report("b#e1", lat=None, lon=None, place=None))     # no place links to nothing
    assert compatible(a, _report("b#e1", lat=None, lon=None, place="voznesensk"))


def test_complete_linkage_does_not_chain() -> None:
    a = _report("a#e1", lat=47.0, lon=31.0)
    b = _report("b#e1", lat=47.0, lon=31.3)   # ~23 km from a
    c = _report("c#e1", lat=47.0, lon=31.6)   # ~23 km from b, ~45 km from a
    groups = cluster_reports([a, b, c], LinkRules())
    assert sorted(len(g) for g in groups) == [1, 2]


def test_figure_intervals_respect_qualifiers() -> None:
    def fig(value, qualifier="exact", **kw):
        return Figure(id="f1", text="x", start=0, end=1, category="killed", value=value, qualifier=qualifier, **kw)
    assert interval(fig(12)) == (12, 12)
    assert interval(fig(12, "at_least"))[0] == 12 and interval(fig(12, "at_least"))[1] == float("inf")
    assert interval(fig(12, "more_than"))[0] == 13
    assert interval(fig(20, "about")) == (18, 22)
    assert interval(fig(None, "vague")) is None
    assert interval(fig(None, low=10, high=15)) == (10, 15)


def test_a_report_without_a_place_stands_for_the_towns_its_article_names() -> None:
    placed = _report("a#e1")
    town = _report("b#e1", lat=None, lon=None, place=None, area=((47.58, 31.30),))
    capital_only = _report("c#e1", lat=None, lon=None, place=None, area=())
    elsewhere = _report("d#e1", lat=None, lon=None, place=None, area=((46.48, 30.73),))
    assert compatible(placed, town)
    assert not compatible(placed, capital_only)
    assert not compatible(placed, elsewhere)
