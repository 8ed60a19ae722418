"""The alert's JSON Schema file is the one the code generates (so it follows the event row), and alert lines
cite what they rest on."""

from __future__ import annotations

import json
from pathlib import Path

from wirewatch.watch.schema import alert_schema
from wirewatch.watch.sinks import alert_line

ROOT = Path(__file__).resolve().parents[2]


def test_schema_file_is_in_step_with_the_code() -> None:
    on_disk = json.loads((ROOT / "docs" / "schema" / "wirewatch.alert-1.json").read_text())
    assert on_disk == alert_schema(), "regenerate: python -m wirewatch.watch.schema > docs/schema/wirewatch.alert-1.json"


def test_alert_line_cites_rule_type_place_date_dead_evidence_and_article() -> None:
    alert = {"seq": 7, "rule": "near Odesa", "incident": "k1", "at": "2026-01-01T00:00:00+00:00",
             "event": {"type": "ASSAULT", "acled_event_type": "Explosions/Remote violence",
                       "acled_sub_event_type": "Air/drone strike", "place": "Odesa", "admin1": "Odesa Oblast",
                       "country_code": "UA", "day": "2023-05-02", "article_id": "x1", "cluster_sources": 2,
                       "figures": [{"category": "killed", "value": None, "low": 4, "high": None},
                                   {"category": "injured", "value": 12}],
                       "evidence": {"text": "A drone hit a hotel,\n killing at least four.", "start": 10, "end": 53}},
             "article": {"id": "x1", "title": "Drone hits hotel", "url": "http://127.0.0.1/x1", "source": "Desk"}}
    line = alert_line(alert)
    assert line.startswith("ALERT #7 [near Odesa] ASSAULT (Air/drone strike) at Odesa, Odesa Oblast, UA on 2023-05-02")
    assert "killed 4" in line and "2 source(s)" in line
    assert "\u201cA drone hit a hotel, killing at least four.\u201d [10:53]" in line
    assert line.endswith("article x1 (Desk) http://127.0.0.1/x1") and "\n" not in line
