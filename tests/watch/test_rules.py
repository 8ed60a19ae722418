"""Alert rules: reading the TOML (a bad file names the rule and the key) and judging reports and incidents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wirewatch.model import Figure, Span
from wirewatch.store.query import EventRow
from wirewatch.watch.rules import Rule, RuleError, killed, load_rules


def _event(**kw) -> EventRow:
    base = dict(uid="a#e1", id="e1", article_id="a", type="ASSAULT", status="occurred",
                acled_event_type="Explosions/Remote violence",
                acled_sub_event_type="Shelling/artillery/missile attack", place="Mykolayiv", place_text="Mykolaiv",
                admin1="Mykolayiv Oblast", country_code="UA", lat=46.976, lon=31.993, source="Harbour Wire",
                actor1="Russia", title="Missile hits warehouse", day=dt.date(2023, 6, 3),
                evidence=Span(text="A Russian missile struck a grain warehouse.", start=0, end=43),
                figures=[Figure(id="f1", category="killed", value=3, text="three", start=0, end=5)])
    base.update(kw)
    return EventRow(**base)


def _rules(tmp_path: Path, text: str) -> list[Rule]:
    path = tmp_path / "rules.toml"
    path.write_text(text)
    return load_rules(path)


def test_every_key_is_read(tmp_path: Path) -> None:
    (rule,) = _rules(tmp_path, """
[[rule]]
name = "all keys"
status = ["occurred", "future"]
type = "Shelling/artillery/missile attack"
place = "Mykolayiv Oblast"
near = "46.97,31.99,50"
min_killed = 2
actor = "russia"
outlet = "harbour wire"
words = ["warehouse", "port"]
min_sources = 1
contradiction = false
""")
    assert rule.status == ("occurred", "future") and rule.near == (46.97, 31.99, 50.0) and rule.words == ("warehouse", "port")
    assert rule.report_matches(_event()) and rule.incident_matches(1, False)


@pytest.mark.parametrize("body, message", [
    ('[[rule]]\nname = "x"\nnear = "46.9,31.9"', "rule 'x': key 'near'"),
    ('[[rule]]\nname = "x"\nmin_killed = -1', "rule 'x': key 'min_killed'"),
    ('[[rule]]\nname = "x"\nmin_killed = "one"', "rule 'x': key 'min_killed'"),
    ('[[rule]]\nname = "x"\nstatus = "happened"', "rule 'x': key 'status': 'happened' is not one of"),
    ('[[rule]]\nname = "x"\nnearby = "46,31,5"', "rule 'x': key 'nearby': unknown"),
    ('[[rule]]\nname = "x"\ncontradiction = "yes"', "rule 'x': key 'contradiction'"),
    ('[[rule]]\nname = "x"\nwords = []', "rule 'x': key 'words'"),
    ('[[rule]]\ntype = "ASSAULT"', "rule #1: key 'name': required"),
    ('[[rule]]\nname = "x"\n[[rule]]\nname = "x"', "rule 'x': key 'name': the name is used"),
    ('[[rule]\nname = "x"', "not valid TOML"),
    ('name = "x"', "unknown top-level key"),
])
def test_a_bad_rule_names_the_rule_and_the_key(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(RuleError, match=None) as info:
        _rules(tmp_path, body)
    assert message in str(info.value) and str(tmp_path / "rules.toml") in str(info.value)


def test_bad_rules_file_is_a_usage_error(cli, tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "near Mykolaiv"\nnear = "north of Mykolaiv"\n')
    result = cli("watch", "http://127.0.0.1:9/x.xml", "--db", tmp_path / "ww.db", "--rules", rules, "--once")
    assert result.exit_code == 2 and "rule 'near Mykolaiv': key 'near'" in result.stderr


def test_report_conditions() -> None:
    e = _event()
    assert Rule("t", type="assault").report_matches(e)
    assert Rule("t", type="Explosions/Remote violence").report_matches(e)  # ACLED event type
    assert Rule("t", type="shelling/artillery/missile attack").report_matches(e)  # ACLED sub-event type
    assert not Rule("t", type="PROTEST").report_matches(e)
    assert Rule("t", place="Mykolaiv").report_matches(e)  # as the text names it
    assert Rule("t", place="ua").report_matches(e) and not Rule("t", place="Odesa").report_matches(e)
    assert Rule("t", near=(46.97, 31.99, 5)).report_matches(e)
    assert not Rule("t", near=(46.48, 30.72, 50)).report_matches(e)  # Odesa is ~110 km away
    assert not Rule("t", near=(46.97, 31.99, 5)).report_matches(_event(lat=None, lon=None))
    assert Rule("t", min_killed=3).report_matches(e) and not Rule("t", min_killed=4).report_matches(e)
    assert not Rule("t", min_killed=1).report_matches(_event(figures=[]))
    assert Rule("t", actor="russ").report_matches(e) and not Rule("t", actor="Ukraine").report_matches(e)
    assert Rule("t", outlet="HARBOUR WIRE").report_matches(e) and not Rule("t", outlet="Harbour").report_matches(e)
    assert Rule("t", words=("grain",)).report_matches(e) and not Rule("t", words=("grai",)).report_matches(e)
    assert not Rule("t").report_matches(_event(status="future"))  # occurred by default
    assert Rule("t", status=("future",)).report_matches(_event(status="future"))


def test_killed_takes_the_headline_count() -> None:
    figs = [Figure(id="f1", category="killed", value=2, text="two", start=0, end=3),
            Figure(id="f2", category="killed", low=5, qualifier="at_least", text="at least five", start=4, end=17),
            Figure(id="f3", category="injured", value=40, text="40", start=18, end=20)]
    assert killed(_event(figures=figs)) == 5


def test_incident_conditions_and_the_report_cited() -> None:
    a = _event()
    b = _event(uid="b#e1", article_id="b", source="Steppe News", figures=[])
    corroborated = Rule("two outlets", min_killed=1, min_sources=2)
    assert corroborated.pick([a], 1, False, first=a) is None  # one source only
    # the second report has no toll of its own: the incident fires, citing the report that gives one
    assert corroborated.pick([a, b], 2, False, first=b) is a
    disputed = Rule("disputed", contradiction=True)
    assert disputed.pick([a, b], 2, False, first=b) is None
    assert disputed.pick([a, b], 2, True, first=b) is b
