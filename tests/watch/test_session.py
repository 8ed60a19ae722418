"""The done-when session: watch local feeds with the rule "ASSAULT within 50 km of Mykolaiv, at least 1 killed";
a strike is reported -> one alert on stdout, in the JSON Lines file and at the webhook; a second outlet's report
of the same strike joins its cluster and does not alert again; a restart does not re-alert."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import jsonschema
from ww_watch import BUDGET, HARVEST, RULES, STRIKE_A, STRIKE_B, read_jsonl, rss

ROOT = Path(__file__).resolve().parents[2]


def _alerts_on_stdout(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("ALERT ")]


def test_a_strike_near_mykolaiv_alerts_once_everywhere(feeds, cli, tmp_path: Path) -> None:
    db, jsonl, rules = tmp_path / "ww.db", tmp_path / "alerts.jsonl", tmp_path / "rules.toml"
    rules.write_text(RULES)
    feeds.set("/harbour.xml", rss("Harbour Wire", [
        {"guid": "hw-1", "title": "Budget debate in Kyiv", "link": feeds.url("/hw/1"), "text": BUDGET}]),
        etag='"h1"')
    feeds.set("/steppe.xml", rss("Steppe News", [
        {"guid": "sn-1", "title": "Barley harvest begins", "link": feeds.url("/sn/1"), "text": HARVEST}]),
        etag='"s1"')
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# two outlets\n{feeds.url('/harbour.xml')}\n\n{feeds.url('/steppe.xml')}\n")
    args = ["watch", listing, "--db", db, "--once", "--rules", rules, "--alerts-jsonl", jsonl,
            "--webhook", feeds.url("/hook"), "--summaries-only"]

    first = cli(*args)
    assert first.exit_code == 0, first.output
    assert _alerts_on_stdout(first.stdout) == [] and read_jsonl(jsonl) == [] and feeds.posts == []

    # Harbour Wire reports the strike: one alert, on every sink.
    feeds.set("/harbour.xml", rss("Harbour Wire", [
        {"guid": "hw-2", "title": "Missile hits grain warehouse in Mykolaiv", "link": feeds.url("/hw/2"),
         "text": STRIKE_A},
        {"guid": "hw-1", "title": "Budget debate in Kyiv", "link": feeds.url("/hw/1"), "text": BUDGET}]),
        etag='"h2"')
    second = cli(*args)
    assert second.exit_code == 0, second.output
    lines = _alerts_on_stdout(second.stdout)
    assert len(lines) == 1, second.stdout
    assert "[strikes near Mykolaiv] ASSAULT" in lines[0] and "killed 3" in lines[0] and "2023-06-03" in lines[0]
    assert "A Russian missile struck a grain warehouse in Mykolaiv" in lines[0] and "hw-2" in lines[0]
    (alert,) = read_jsonl(jsonl)
    assert feeds.posts == [alert]
    assert alert["rule"] == "strikes near Mykolaiv" and alert["seq"] == 1
    event = alert["event"]
    assert event["type"] == "ASSAULT" and event["article_id"] == "hw-2" and event["cluster_id"]
    assert alert["incident"] == event["cluster_id"]
    article_text = json.loads(sqlite3.connect(db).execute(
        "SELECT document FROM article WHERE id = 'hw-2'").fetchone()[0])["text"]
    ev = event["evidence"]
    assert article_text[ev["start"]:ev["end"]] == ev["text"]  # the alert cites its evidence span
    assert alert["article"]["url"] == feeds.url("/hw/2") and alert["article"]["source"] == "Harbour Wire"
    schema = json.loads((ROOT / "docs" / "schema" / "wirewatch.alert-1.json").read_text())
    jsonschema.validate(alert, schema)

    # Steppe News reports the same strike: it joins the cluster, no new alert.
    feeds.set("/steppe.xml", rss("Steppe News", [
        {"guid": "sn-2", "title": "Three dead as missile strikes Mykolaiv warehouse", "link": feeds.url("/sn/2"),
         "text": STRIKE_B},
        {"guid": "sn-1", "title": "Barley harvest begins", "link": feeds.url("/sn/1"), "text": HARVEST}]),
        etag='"s2"')
    third = cli(*args)
    assert third.exit_code == 0, third.output
    assert _alerts_on_stdout(third.stdout) == [] and len(read_jsonl(jsonl)) == 1 and len(feeds.posts) == 1
    conn = sqlite3.connect(db)
    clusters = {r[0] for r in conn.execute(
        "SELECT e.cluster FROM event e JOIN article a ON a.rowid = e.article WHERE a.id IN ('hw-2', 'sn-2')"
        " AND e.status = 'occurred'")}
    assert clusters == {event["cluster_id"]}  # the second report joined the first's incident

    # A restart (feeds unchanged: 304s) does not alert again, and every item was taken once.
    fourth = cli(*args)
    assert fourth.exit_code == 0, fourth.output
    assert _alerts_on_stdout(fourth.stdout) == [] and len(read_jsonl(jsonl)) == 1 and len(feeds.posts) == 1
    assert conn.execute("SELECT count(*) FROM alert").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM alert WHERE delivered IS NULL").fetchone()[0] == 0
    assert sorted(r[0] for r in conn.execute("SELECT key FROM watch_item")) == ["hw-1", "hw-2", "sn-1", "sn-2"]
    assert feeds.headers["/harbour.xml"].get("If-None-Match") == '"h2"'  # the last poll was conditional
