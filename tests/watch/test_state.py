"""State and restarts: undelivered alerts go out on the next run (to the sinks they missed only), events stored
but not judged are judged by the next run, a stop request ends after the current article and the next run
takes the rest, folders are followed by file changes."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from ww_watch import BUDGET, HARVEST, KHARKIV_SHELLING, RULES, STRIKE_A, read_jsonl, rss

from wirewatch.settings import Settings
from wirewatch.store import Store
from wirewatch.store.watchlog import WatchLog
from wirewatch.watch.fetch import Fetcher
from wirewatch.watch.loop import Watcher
from wirewatch.watch.rules import load_rules
from wirewatch.watch.sinks import JsonlSink


def _strike_feed(feeds) -> str:
    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "hw-2", "title": "Missile hits grain warehouse",
                                              "link": feeds.url("/hw/2"), "text": STRIKE_A}]), etag='"1"')
    return feeds.url("/a.xml")


def test_a_failing_webhook_gets_the_alert_on_the_next_run(feeds, cli, tmp_path: Path) -> None:
    db, jsonl, rules = tmp_path / "ww.db", tmp_path / "alerts.jsonl", tmp_path / "rules.toml"
    rules.write_text(RULES)
    url = _strike_feed(feeds)
    feeds.hook_fail = [400]  # refused: not retried (retries: test_webhook_retries_with_backoff)
    args = ["watch", url, "--db", db, "--once", "--rules", rules, "--alerts-jsonl", jsonl, "--webhook",
            feeds.url("/hook")]
    first = cli(*args)
    assert first.exit_code == 0
    assert first.stdout.count("ALERT ") == 1 and len(read_jsonl(jsonl)) == 1 and feeds.posts == []
    assert "not delivered" in first.stderr and "HTTP 400" in first.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT delivered FROM alert").fetchone()[0] is None
    second = cli(*args)
    assert second.exit_code == 0
    assert second.stdout.count("ALERT ") == 0 and len(read_jsonl(jsonl)) == 1  # only the sink it missed
    assert [p["seq"] for p in feeds.posts] == [1]
    assert conn.execute("SELECT delivered FROM alert").fetchone()[0] is not None


def test_events_stored_but_not_judged_are_judged_on_restart(feeds, nlp, tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "ww.db"
    url = _strike_feed(feeds)
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES)

    class Killed(BaseException):
        pass

    def die(self, events, raised):
        raise Killed

    with monkeypatch.context() as m:
        m.setattr(WatchLog, "judged", die)  # the run dies between storing the article and judging its events
        with Store.open(db) as store, Fetcher() as fetcher, pytest.raises(Killed):
            Watcher(store, [url], fetcher=fetcher, rules=load_rules(rules), nlp=nlp).cycle()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM alert").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM watch_pending").fetchone()[0] >= 1
    assert conn.execute("SELECT etag FROM watch_source").fetchone()[0] is None  # validators not saved yet

    jsonl = tmp_path / "alerts.jsonl"
    with Store.open(db) as store, Fetcher() as fetcher:
        Watcher(store, [url], fetcher=fetcher, rules=load_rules(rules), sinks=[JsonlSink(jsonl)], nlp=nlp).cycle()
    (alert,) = read_jsonl(jsonl)
    assert alert["event"]["article_id"] == "hw-2"
    assert conn.execute("SELECT count(*) FROM watch_pending").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == 1  # taken again as 'unchanged'


def test_events_ingested_by_hand_into_a_watched_store_are_judged(feeds, cli, tmp_path: Path) -> None:
    db, rules = tmp_path / "ww.db", tmp_path / "rules.toml"
    rules.write_text(RULES)
    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "n1", "title": "Budget", "text": BUDGET}]))
    assert cli("watch", feeds.url("/a.xml"), "--db", db, "--once", "-q", "--rules", rules).exit_code == 0
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "strike.txt").write_text("Missile hits grain warehouse\n\n" + STRIKE_A)
    assert cli("ingest", tmp_path / "in", "--db", db, "-q").exit_code == 0
    result = cli("watch", feeds.url("/a.xml"), "--db", db, "--once", "-q", "--rules", rules)
    assert result.stdout.count("ALERT ") == 1 and "strike" in result.stdout


def test_stop_request_ends_after_the_current_article_and_the_next_run_takes_the_rest(feeds, nlp,
                                                                                     tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": f"n{i}", "title": t, "text": x} for i, (t, x) in enumerate(
        [("Budget", BUDGET), ("Harvest", HARVEST), ("Kharkiv", KHARKIV_SHELLING)])]), etag='"1"')
    url = feeds.url("/a.xml")
    with Store.open(db) as store, Fetcher() as fetcher:
        w = Watcher(store, [url], fetcher=fetcher, nlp=nlp, settings=Settings(batch_size=8))
        w.on_article = w.stop.set  # SIGINT arrives while the first article is being stored
        w.run()
        assert w.stop.is_set()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM watch_item").fetchone()[0] == 1
    assert conn.execute("SELECT etag FROM watch_source").fetchone()[0] is None  # the feed is fetched whole again
    with Store.open(db) as store, Fetcher() as fetcher:
        Watcher(store, [url], fetcher=fetcher, nlp=nlp).run(once=True)
    assert sorted(r[0] for r in conn.execute("SELECT id FROM article")) == ["n0", "n1", "n2"]
    assert conn.execute("SELECT etag FROM watch_source").fetchone()[0] == '"1"'


def test_folder_new_changed_and_touched_files(cli, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "budget.txt").write_text(BUDGET)
    (folder / "harvest.txt").write_text(HARVEST)
    (folder / ".hidden.txt").write_text(KHARKIV_SHELLING)
    db = folder / "ww.db"  # the store and the alerts file inside the folder are not read as articles
    assert cli("watch", folder, "--db", db, "--once", "-q", "--alerts-jsonl", folder / "alerts.jsonl").exit_code == 0
    conn = sqlite3.connect(db)
    assert sorted(r[0] for r in conn.execute("SELECT id FROM article")) == ["budget", "harvest"]

    (folder / "sub").mkdir()
    (folder / "sub" / "kharkiv.txt").write_text(KHARKIV_SHELLING)  # new
    (folder / "budget.txt").write_text(BUDGET + " The vote was set for Tuesday.")  # changed
    st = (folder / "harvest.txt").stat()
    os.utime(folder / "harvest.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # touched only
    result = cli("watch", folder, "--db", db, "--once", "--alerts-jsonl", folder / "alerts.jsonl")
    assert result.exit_code == 0 and "skipped 0" in result.stderr and "note skipped" not in result.stderr
    assert sorted(r[0] for r in conn.execute("SELECT id FROM article")) == ["budget", "harvest", "sub/kharkiv"]
    assert "Tuesday" in conn.execute("SELECT document FROM article WHERE id = 'budget'").fetchone()[0]
    assert "2 new" in result.stderr  # the touched file was hashed, found unchanged and not read again
    stamp = conn.execute("SELECT stamp FROM watch_item WHERE key = 'harvest.txt'").fetchone()[0]
    assert stamp.startswith(str(st.st_mtime_ns + 5_000_000_000))


def test_an_incident_merged_into_another_does_not_alert_again(tmp_path: Path) -> None:
    from wirewatch.model import Span
    from wirewatch.store.alerts import alerts_after
    from wirewatch.store.query import EventRow
    from wirewatch.store.watchlog import Raised

    def report(uid: str, cluster: str) -> EventRow:
        return EventRow(uid=uid, id="e1", article_id=uid.split("#")[0], type="ASSAULT", cluster_id=cluster,
                        evidence=Span(text="A strike.", start=0, end=9))

    with Store.open(tmp_path / "ww.db") as store:
        log = WatchLog(store.conn)
        assert log.judged([], [Raised("r", "k1", report("a#e1", "k1"))]) == [1]
        assert log.judged([], [Raised("r", "k1", report("b#e1", "k1"))]) == []  # same rule and incident
        store.conn.execute("INSERT INTO cluster_merge(merged, into_id, by_event, at) VALUES ('k1', 'k2', 'c#e1', 'now')")
        store.conn.execute("INSERT INTO cluster_merge(merged, into_id, by_event, at) VALUES ('k2', 'k3', 'd#e1', 'now')")
        assert log.judged([], [Raised("r", "k3", report("c#e1", "k3"))]) == []  # k1 lives on in k3
        assert log.judged([], [Raised("other rule", "k3", report("c#e1", "k3"))]) == [2]
        assert [a.rule for a in alerts_after(store, 0, 100)] == ["r", "other rule"]


def test_webhook_retries_with_backoff(feeds) -> None:
    from wirewatch.watch.sinks import DeliveryError, WebhookSink

    waits: list[float] = []
    sink = WebhookSink(feeds.url("/hook"), sleep=waits.append)
    feeds.hook_fail = [503, 429, 500]
    sink.send({"seq": 1})
    assert waits == [0.5, 1.0, 2.0] and feeds.posts == [{"seq": 1}]
    feeds.hook_fail = [503] * 4
    with pytest.raises(DeliveryError, match="HTTP 503 \\(after 4 attempt"):
        sink.send({"seq": 2})
    unreachable = WebhookSink("http://127.0.0.1:9/hook", sleep=waits.append, retries=1)
    with pytest.raises(DeliveryError, match="ConnectError"):
        unreachable.send({"seq": 3})


def test_one_watch_per_store(cli, tmp_path: Path) -> None:
    import fcntl

    db = tmp_path / "ww.db"
    with open(tmp_path / "ww.db.watch.lock", "a+") as held:  # as a running watch holds it
        held.write("pid 12345\n")
        held.flush()
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = cli("watch", tmp_path, "--db", db, "--once")
        assert result.exit_code == 1 and "another `wirewatch watch` follows this store (pid 12345)" in result.stderr
    assert cli("watch", tmp_path, "--db", db, "--once", "-q").exit_code == 0  # released: the watch runs
