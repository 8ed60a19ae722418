"""The events stage's data files: every row loads, every PLOVER type maps, bad rows are refused by name."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from wirewatch.extract.events.lexicon import load_lexicon, load_modality, load_mode_cues
from wirewatch.extract.events.mapping import codes_for, load_mapping
from wirewatch.model import PloverType

TYPES = set(get_args(PloverType))


def test_lexicon_rows_use_current_plover_types():
    used = {e.type for entries in load_lexicon().values() for e in entries}
    assert used - {"-"} <= TYPES
    assert TYPES <= used  # every type has at least one trigger


def test_every_type_has_a_cameo_root_and_every_lexicon_mode_resolves():
    table = load_mapping()
    for t in TYPES:
        assert (t, "*") in table and table[(t, "*")].cameo
    for entries in load_lexicon().values():
        for e in entries:
            if e.type != "-":
                assert codes_for(e.type, e.mode).cameo


def test_acled_types_for_violence():
    assert codes_for("ASSAULT", "aerial").acled_sub_event_type == "Air/drone strike"
    assert codes_for("ASSAULT", "shelling").acled_sub_event_type == "Shelling/artillery/missile attack"
    assert codes_for("COERCE", "arrest").acled_sub_event_type == "Arrests"
    assert codes_for("PROTEST", "riot").acled_event_type == "Riots"
    assert codes_for("ASSAULT", None, target_kind="CVL").acled_event_type == "Violence against civilians"
    assert codes_for("CONSULT", "phone").acled_event_type is None


def test_mode_and_modality_cues_load():
    assert ("missile", "shelling") in load_mode_cues()["ASSAULT"]
    assert load_modality()["aux"]["may"][0] == "possible"


def test_a_bad_lexicon_row_is_refused_with_its_line(tmp_path: Path):
    bad = tmp_path / "lexicon.tsv"
    bad.write_text("# header\nattack\tV\tASSAULT\t-\tfoo:bar\t-\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lexicon.tsv:2"):
        load_lexicon(bad)


def test_a_user_lexicon_replaces_the_shipped_one(tmp_path: Path):
    mine = tmp_path / "lexicon.tsv"
    mine.write_text("parley\tV\tCONSULT\t-\t-\t-\n", encoding="utf-8")
    assert list(load_lexicon(mine)) == ["parley"]
