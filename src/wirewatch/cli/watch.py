"""`wirewatch watch`: follow feeds and folders into a store, alerting on the rules given (docs/watch.md).

Alerts go to stdout (one line each), and to --alerts-jsonl and --webhook when given; the per-source status
lines, progress and warnings go to stderr (-q: only errors).
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.markup import escape

from ..errors import WirewatchError
from ..settings import Settings
from ..store import DEFAULT_DB
from .common import err, progress
from .store import open_store


def watch(
    sources: Annotated[list[str], typer.Argument(
        help="RSS/Atom URLs, files listing feed URLs (one per line, or OPML), or folders.", show_default=False)],
    db: Annotated[Path, typer.Option("--db", help="The store (SQLite file).", envvar="WIREWATCH_DB")] = Path(DEFAULT_DB),
    every: Annotated[str, typer.Option("--every", help="Time between polls: 30s, 5m, 1h.")] = "5m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (for cron and tests).")] = False,
    rules: Annotated[Optional[Path], typer.Option("--rules", help="Alert rules (TOML, one \\[\\[rule]] table each).")] = None,
    alerts_jsonl: Annotated[Optional[Path], typer.Option(
        "--alerts-jsonl", help="Append each alert to this JSON Lines file.")] = None,
    webhook: Annotated[Optional[str], typer.Option("--webhook", help="POST each alert as JSON to this URL.")] = None,
    summaries_only: Annotated[bool, typer.Option(
        "--summaries-only", help="Do not fetch the article page of an entry that has only a summary.")] = False,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=64,
                                             help="At most this many requests at once.")] = 8,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a server.")] = 20.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No status lines or progress; only errors.")] = False,
) -> None:
    """Follow feeds and folders: ingest new articles, link them, and alert when an incident matches a rule.

    State (feed validators, items taken, alerts) lives in the store: a restart resumes and never alerts twice.
    SIGINT or SIGTERM stops after the current article.

    Example: wirewatch watch feeds.txt --db ww.db --every 5m --rules rules.toml --alerts-jsonl alerts.jsonl
    """
    from ..watch.fetch import Fetcher, USER_AGENT
    from ..watch.loop import CycleReport, SourceLine, Watcher
    from ..watch.rules import RuleError, load_rules
    from ..watch.sinks import JsonlSink, StdoutSink, WebhookSink
    from ..watch.sources import SourceError, parse_every

    try:
        seconds = parse_every(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from None
    if webhook is not None and not webhook.startswith(("http://", "https://")):
        raise typer.BadParameter(f"{webhook!r} is not an http(s) URL", param_hint="--webhook")
    try:
        rule_list = load_rules(rules) if rules is not None else []
    except RuleError as exc:
        err.print(f"[red]error[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(code=2) from None
    settings = Settings.from_env()
    sinks: list = [StdoutSink()]
    if alerts_jsonl is not None:
        sinks.append(JsonlSink(alerts_jsonl))
    if webhook is not None:
        sinks.append(WebhookSink(webhook, user_agent=USER_AGENT))

    def on_line(line: SourceLine) -> None:
        if quiet or (cycles[0] > 0 and not line.new and not line.note):
            return  # after the first poll, only sources with news or trouble get a line
        colour = "red" if line.errors else "yellow" if line.note else "green" if line.new else "dim"
        text = f"[{colour}]{escape(line.status)}[/] {escape(line.url)}: {line.new} new"
        if line.errors:
            text += f", {line.errors} error(s) in a row"
        if line.note:
            text += f" ({escape(line.note)})"
        err.print(text, highlight=False)

    def on_note(text: str) -> None:
        if not quiet:
            err.print(f"[yellow]note[/] {escape(text)}", highlight=False)

    def on_cycle(report: CycleReport) -> None:
        cycles[0] += 1
        if not quiet:
            i = report.ingest
            err.print(f"poll {cycles[0]}: {len(report.lines)} source line(s), stored {i.stored + i.replaced}, "
                      f"skipped {len(i.skipped)}, alerts {report.alerts}, {report.seconds:.1f} s"
                      + (" (stopped)" if report.stopped else ""), highlight=False)

    cycles = [0]
    with _one_watch_per_store(db), open_store(db, read_only=False) as store, \
            Fetcher(concurrency=concurrency, timeout=timeout, max_bytes=settings.max_article_bytes) as fetcher, \
            progress("watching", quiet=quiet) as bar:
        try:
            watcher = Watcher(store, sources, fetcher=fetcher, rules=rule_list, sinks=sinks, every=seconds,
                              summaries_only=summaries_only, settings=settings, on_line=on_line, on_note=on_note,
                              on_article=lambda: bar.update(bar.task_ids[0], advance=1, rate="articles stored"),
                              ignore=[str(_lock_path(db)), *([str(alerts_jsonl)] if alerts_jsonl else [])])
        except SourceError as exc:
            err.print(f"[red]error[/] {escape(str(exc))}", highlight=False)
            raise typer.Exit(code=2) from None
        except WirewatchError as exc:
            err.print(f"[red]error[/] {escape(str(exc))}", highlight=False)
            raise typer.Exit(code=1) from None
        watcher.run(once=once, on_cycle=on_cycle)
    for sink in sinks:
        if isinstance(sink, WebhookSink):
            sink.close()


def _lock_path(db: Path) -> Path:
    return db.parent / f"{db.name}.watch.lock"


@contextmanager
def _one_watch_per_store(db: Path) -> Iterator[None]:
    """An exclusive lock beside the store for the run (the kernel drops it when the process dies, SIGKILL too):
    two watches of one store would both deliver the undelivered alerts."""
    db.parent.mkdir(parents=True, exist_ok=True)
    with open(_lock_path(db), "a+") as lock:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            err.print(f"[red]error[/] {escape(str(db))}: another `wirewatch watch` follows this store ({escape(holder)}); "
                      "one watch per store", highlight=False)
            raise typer.Exit(code=1) from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}\n")
        lock.flush()
        yield


def register(app: typer.Typer) -> None:
    app.command()(watch)
