"""Polling feeds from the local server as they change between polls: new items, a changed ETag, 304, 500 and
backoff, a slow answer (timeout), a malformed feed, a summary-only entry whose page is fetched, a huge page, a
redirect loop. Asserts what is stored and what the store says about each source."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ww_watch import BUDGET, HARVEST, KHARKIV_SHELLING, http_date, page, rss

from wirewatch.store import Store
from wirewatch.store.watchlog import WatchLog


def _state(db: Path, url: str):
    with Store.open(db) as store:
        return WatchLog(store.conn).source(url)


def _articles(db: Path) -> list[str]:
    return sorted(r[0] for r in sqlite3.connect(db).execute("SELECT id FROM article"))


def test_new_items_etag_304_and_last_modified(feeds, cli, tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    url = feeds.url("/a.xml")
    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "n1", "title": "Budget", "text": BUDGET}]), etag='"v1"')
    assert cli("watch", url, "--db", db, "--once", "-q").exit_code == 0
    assert _articles(db) == ["n1"]
    state = _state(db, url)
    assert state.etag == '"v1"' and state.last_status == "200" and state.new_items == 1 and state.errors == 0
    assert "Wirewatch/" in feeds.headers["/a.xml"]["User-Agent"]

    assert cli("watch", url, "--db", db, "--once", "-q").exit_code == 0  # unchanged: the server answers 304
    assert feeds.headers["/a.xml"]["If-None-Match"] == '"v1"' and _state(db, url).last_status == "304"

    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "n2", "title": "Harvest", "text": HARVEST},
                                             {"guid": "n1", "title": "Budget", "text": BUDGET}]), etag='"v2"')
    assert cli("watch", url, "--db", db, "--once", "-q").exit_code == 0
    assert _articles(db) == ["n1", "n2"]  # only the new entry was taken; the old one is not read again
    assert _state(db, url).etag == '"v2"' and _state(db, url).new_items == 1

    # A server with Last-Modified only: If-Modified-Since is sent back.
    feeds.set("/b.xml", rss("Steppe News", [{"guid": "k1", "title": "Kharkiv", "text": KHARKIV_SHELLING}]),
              last_modified=http_date())
    burl = feeds.url("/b.xml")
    assert cli("watch", burl, "--db", db, "--once", "-q").exit_code == 0
    assert cli("watch", burl, "--db", db, "--once", "-q").exit_code == 0
    assert feeds.headers["/b.xml"]["If-Modified-Since"] == http_date() and _state(db, burl).last_status == "304"


def test_changed_entry_replaces_its_article(feeds, cli, tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    url = feeds.url("/a.xml")
    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "n1", "title": "Budget", "text": BUDGET}]))
    cli("watch", url, "--db", db, "--once", "-q")
    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "n1", "title": "Budget", "text": BUDGET + " The vote "
                                              "was later set for Tuesday."}]))
    cli("watch", url, "--db", db, "--once", "-q")
    rows = sqlite3.connect(db).execute("SELECT id, document FROM article").fetchall()
    assert len(rows) == 1 and "set for Tuesday" in rows[0][1]


def test_server_error_backs_off_then_recovers(feeds, cli, tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    url = feeds.url("/a.xml")
    feeds.set("/a.xml", "oops", status=500, content_type="text/plain")
    result = cli("watch", url, "--db", db, "--once", "--every", "1m")
    assert result.exit_code == 0 and "HTTP 500" in result.stderr
    state = _state(db, url)
    assert state.errors == 1 and state.next_at is not None and state.last_status == "HTTP 500"

    cli("watch", url, "--db", db, "--once", "--every", "1m")  # within the backoff: not asked again
    assert feeds.hits["/a.xml"] == 1 and _state(db, url).errors == 1

    sqlite3.connect(db).execute("UPDATE watch_source SET next_at = '2000-01-01T00:00:00+00:00'").connection.commit()
    cli("watch", url, "--db", db, "--once", "--every", "1m")  # due again, fails again: the wait doubles
    assert feeds.hits["/a.xml"] == 2 and _state(db, url).errors == 2

    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "n1", "title": "Budget", "text": BUDGET}]))
    sqlite3.connect(db).execute("UPDATE watch_source SET next_at = '2000-01-01T00:00:00+00:00'").connection.commit()
    cli("watch", url, "--db", db, "--once", "-q")
    state = _state(db, url)
    assert state.errors == 0 and state.next_at is None and _articles(db) == ["n1"]


def test_backoff_doubles(tmp_path: Path) -> None:
    from wirewatch.watch.fetch import Fetcher
    from wirewatch.watch.loop import Watcher
    import datetime as dt

    db = tmp_path / "ww.db"
    with Store.open(db) as store, Fetcher(timeout=1) as fetcher:
        w = Watcher(store, ["http://127.0.0.1:9/feed.xml"], fetcher=fetcher, every=60)
        w.log.register([("http://127.0.0.1:9/feed.xml", "feed")])
        waits = []
        for _ in range(3):
            state = w.log.source("http://127.0.0.1:9/feed.xml")
            before = dt.datetime.now(dt.timezone.utc)
            w._failed(state, "HTTP 503", "unavailable", None)
            after = dt.datetime.fromisoformat(w.log.source("http://127.0.0.1:9/feed.xml").next_at)
            waits.append(round((after - before).total_seconds() / 60))
        assert waits == [1, 2, 4]


def test_slow_malformed_redirect_loop_and_huge(feeds, cli, tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    feeds.set("/slow.xml", rss("Slow", [{"guid": "s1", "title": "Budget", "text": BUDGET}]), delay=1.5)
    feeds.set("/bad.xml", "this is no feed at all <<< >>>", content_type="application/rss+xml")
    feeds.set("/loop.xml", "", location="/loop.xml")
    feeds.set("/huge.xml", b"<rss>" + b" " * 6_000_000 + b"</rss>")
    feeds.set("/ok.xml", rss("Harbour Wire", [{"guid": "n1", "title": "Harvest", "text": HARVEST}]))
    urls = [feeds.url(p) for p in ("/slow.xml", "/bad.xml", "/loop.xml", "/huge.xml", "/ok.xml")]
    result = cli("watch", *urls, "--db", db, "--once", "--timeout", "0.5")
    assert result.exit_code == 0, result.output
    assert _articles(db) == ["n1"]  # the good feed is taken whatever its neighbours do
    labels = {u.rsplit("/", 1)[1]: _state(db, u).last_status for u in urls}
    assert labels == {"slow.xml": "timeout", "bad.xml": "malformed", "loop.xml": "redirect loop",
                      "huge.xml": "too large", "ok.xml": "200"}
    assert all(_state(db, u).errors == 1 for u in urls[:4])
    assert "timeout" in result.stderr and "redirect loop" in result.stderr


def test_summary_only_entry_fetches_its_page(feeds, cli, tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    feeds.set("/a.xml", rss("Harbour Wire", [
        {"guid": "p1", "title": "Harvest starts early", "link": feeds.url("/p1.html"),
         "summary": "Farmers began the harvest."},
        {"guid": "p2", "title": "Budget", "link": feeds.url("/gone.html"), "summary": "Lawmakers debated the "
                                                                                       "national budget in Kyiv."}],
        summaries_only=True))
    feeds.set("/p1.html", page("Harvest starts early", HARVEST), content_type="text/html; charset=utf-8")
    result = cli("watch", feeds.url("/a.xml"), "--db", db, "--once")
    assert result.exit_code == 0, result.output
    docs = dict(sqlite3.connect(db).execute("SELECT id, document FROM article"))
    assert "two weeks earlier than last year" in docs["p1"]  # the page's text, not the summary
    assert "Home | World" not in docs["p1"]  # trafilatura kept the article, not the navigation
    assert "national budget" in docs["p2"]  # the page is missing: the summary is used, with a note
    assert "article page not read" in result.stderr
    source = sqlite3.connect(db).execute("SELECT source FROM article WHERE id = 'p1'").fetchone()[0]
    assert source == "Harbour Wire"


def test_summaries_only_does_not_fetch_pages(feeds, cli, tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "p1", "title": "Harvest", "link": feeds.url("/p1.html"),
                                              "summary": HARVEST}], summaries_only=True))
    feeds.set("/p1.html", page("Harvest", HARVEST), content_type="text/html")
    assert cli("watch", feeds.url("/a.xml"), "--db", db, "--once", "-q", "--summaries-only").exit_code == 0
    assert "/p1.html" not in feeds.hits and _articles(db) == ["p1"]


def test_huge_page_falls_back_to_summary(feeds, cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("WIREWATCH_MAX_ARTICLE_BYTES", "200000")
    db = tmp_path / "ww.db"
    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "p1", "title": "Harvest", "link": feeds.url("/big.html"),
                                              "summary": HARVEST}], summaries_only=True))
    feeds.set("/big.html", page("Harvest", HARVEST + "\n\n" + "filler words " * 50_000), content_type="text/html")
    result = cli("watch", feeds.url("/a.xml"), "--db", db, "--once")
    assert result.exit_code == 0 and "too large" in result.stderr and _articles(db) == ["p1"]


def test_sources_from_opml_and_url_list(feeds, cli, tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "n1", "title": "Budget", "text": BUDGET}]))
    feeds.set("/b.xml", rss("Steppe News", [{"guid": "n2", "title": "Harvest", "text": HARVEST}]))
    opml = tmp_path / "feeds.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
                    f'<outline text="news"><outline type="rss" text="a" xmlUrl="{feeds.url("/a.xml")}"/>'
                    f'<outline type="rss" text="b" xmlUrl="{feeds.url("/b.xml")}"/></outline></body></opml>')
    assert cli("watch", opml, "--db", db, "--once", "-q").exit_code == 0
    assert _articles(db) == ["n1", "n2"]

    bad = tmp_path / "bad.txt"
    bad.write_text(f"{feeds.url('/a.xml')}\nnot a url\n")
    result = cli("watch", bad, "--db", db, "--once")
    assert result.exit_code == 2 and "line 2" in result.stderr and "not an http(s) URL" in result.stderr


def test_every_is_checked(cli, tmp_path: Path) -> None:
    result = cli("watch", "http://127.0.0.1:9/x.xml", "--db", tmp_path / "ww.db", "--every", "soon")
    assert result.exit_code == 2 and "--every" in result.output


def test_a_feed_whose_entries_are_all_known_is_not_parsed_again(feeds, nlp, tmp_path: Path, monkeypatch) -> None:
    from wirewatch.watch import items
    from wirewatch.watch.fetch import Fetcher
    from wirewatch.watch.loop import Watcher

    parsed: list[str] = []
    real_parse = items.parse
    monkeypatch.setattr(items, "parse", lambda body, url: parsed.append(url) or real_parse(body, url))
    entries = [{"guid": "n1", "title": "Budget", "text": BUDGET}]
    feeds.set("/a.xml", rss("Harbour Wire", entries))
    with Store.open(tmp_path / "ww.db") as store, Fetcher() as fetcher:
        w = Watcher(store, [feeds.url("/a.xml")], fetcher=fetcher, nlp=nlp)
        w.cycle()
        feeds.set("/a.xml", rss("Harbour Wire", entries).replace("test feed", "test feed, built again"))
        w.cycle()  # other bytes (no ETag, so a 200), the same entries: not parsed
        assert len(parsed) == 1 and w._report.lines[-1].new == 0
        feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "n2", "title": "Harvest", "text": HARVEST}, *entries]))
        w.cycle()
        assert len(parsed) == 2 and w._report.lines[-1].new == 1
    assert _articles(tmp_path / "ww.db") == ["n1", "n2"]


def test_at_most_n_requests_at_once(feeds, cli, tmp_path: Path) -> None:
    for i in range(6):
        feeds.set(f"/f{i}.xml", rss(f"Feed {i}", []), delay=0.2)
    urls = [feeds.url(f"/f{i}.xml") for i in range(6)]
    assert cli("watch", *urls, "--db", tmp_path / "ww.db", "--once", "-q", "--concurrency", "2").exit_code == 0
    assert all(feeds.hits[f"/f{i}.xml"] == 1 for i in range(6))
    assert 1 <= feeds.most_in_flight <= 2  # six slow feeds, never more than two asked at once


def test_the_loop_polls_every_interval_until_stopped(feeds, nlp, tmp_path: Path) -> None:
    from wirewatch.watch.fetch import Fetcher
    from wirewatch.watch.loop import Watcher

    feeds.set("/a.xml", rss("Harbour Wire", [{"guid": "n1", "title": "Budget", "text": BUDGET}]), etag='"1"')
    cycles = []
    with Store.open(tmp_path / "ww.db") as store, Fetcher() as fetcher:
        w = Watcher(store, [feeds.url("/a.xml")], fetcher=fetcher, nlp=nlp, every=0.05)

        def on_cycle(report) -> None:
            cycles.append([line.status for line in report.lines])
            if len(cycles) == 3:
                w.stop.set()

        w.run(on_cycle=on_cycle)
    assert cycles == [["200"], ["304"], ["304"]] and feeds.hits["/a.xml"] == 3


def test_atom_feed_and_a_broken_entry_among_good_ones(feeds, cli, tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    feeds.set("/a.atom", '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
              "<title>Steppe News</title><id>urn:steppe</id><updated>2023-06-03T10:00:00Z</updated>"
              f'<entry><id>urn:steppe:1</id><title>Harvest</title><updated>2023-06-02T10:00:00Z</updated>'
              f'<content type="html">&lt;p&gt;{HARVEST}&lt;/p&gt;</content></entry>'
              "<entry><id>urn:steppe:2</id><title>Nothing to read</title><updated>2023-06-02T10:00:00Z</updated>"
              "</entry></feed>", content_type="application/atom+xml")
    result = cli("watch", feeds.url("/a.atom"), "--db", db, "--once")
    assert result.exit_code == 0
    assert _articles(db) == ["urn:steppe:1"]
    assert "entry has no text" in result.stderr  # the broken entry is named, its neighbour kept
    keys = sorted(r[0] for r in sqlite3.connect(db).execute("SELECT key FROM watch_item"))
    assert keys == ["urn:steppe:1", "urn:steppe:2"]  # both taken: the broken one is not read again each poll
    source = sqlite3.connect(db).execute("SELECT source FROM article").fetchone()[0]
    assert source == "Steppe News"
