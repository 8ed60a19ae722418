"""The events stage's data files: every row loads, every PLOVER type has a CAMEO root, every ACLED rule names
known features and types, bad rows are refused by name."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from wirewatch.extract.events.coding.acled import load_rules
from wirewatch.extract.events.coding.cues import cues
from wirewatch.extract.events.coding.plover import cameo_of
from wirewatch.extract.events.lexicon import load_lexicon, load_modality, load_mode_cues
from wirewatch.model import HappeningType, PloverType

TYPES = set(get_args(PloverType))
OTHER = set(get_args(HappeningType))      # the other happenings: no CAMEO root
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Shelling/artillery/missile attack", "Air/drone strike", "Suicide bomb",
                                   "Remote explosive/landmine/IED", "Grenade", "Chemical weapon"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
FEATURES = {"family", "means", "agent", "victim", "reciprocal", "territory", "left", "demonstration", "manner",
            "crowd_violence", "intervention", "object", "abduct", "property", "measure", "goal", "displace", "captured"}


def test_lexicon_rows_use_current_plover_types():
    used = {e.type for entries in load_lexicon().values() for e in entries}
    assert used - {"-"} <= TYPES | OTHER
    assert TYPES | OTHER <= used  # every type has at least one trigger


def test_every_type_and_lexicon_mode_has_a_cameo_root():
    for t in TYPES:
        assert cameo_of(t, None).code
    for entries in load_lexicon().values():
        for e in entries:
            if e.type in TYPES:
                assert cameo_of(e.type, e.mode).code, (e.lemma, e.type, e.mode)
            elif e.type in OTHER:
                assert cameo_of(e.type, e.mode).code is None, (e.lemma, e.type, e.mode)


def test_acled_rules_name_known_types_and_features():
    rules = load_rules()
    assert rules
    for rule in rules:
        assert rule.sub_event_type in ACLED[rule.event_type], rule
        assert {name for name, _, _ in rule.conds} <= FEATURES, rule
    # every one of the 25 sub-event types can be reached by some rule
    assert {r.sub_event_type for r in rules} == set().union(*ACLED.values())


def test_acled_cues_load_per_feature():
    table = cues()
    assert ("airstrike", "air") in table["means"]
    assert {v for _, v in table["victim"]} == {"armed", "civilian", "unarmed", "protester"}


def test_mode_and_modality_cues_load():
    assert ("missile", "shelling") in load_mode_cues()["ASSAULT"]
    may = load_modality()["aux"]["may"]
    assert (may.effect, may.status) == ("possible", "modal")
    assert load_modality()["aux"]["will"].status == "future"


def test_a_bad_lexicon_row_is_refused_with_its_line(tmp_path: Path):
    bad = tmp_path / "lexicon.tsv"
    bad.write_text("# header\nattack\tV\tASSAULT\t-\tfoo:bar\t-\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lexicon.tsv:2"):
        load_lexicon(bad)


def test_a_user_lexicon_replaces_the_shipped_one(tmp_path: Path):
    mine = tmp_path / "lexicon.tsv"
    mine.write_text("parley\tV\tCONSULT\t-\t-\t-\n", encoding="utf-8")
    assert list(load_lexicon(mine)) == ["parley"]
