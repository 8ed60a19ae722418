"""Where alerts go: stdout (a line each), a JSON Lines file, a webhook. Each sink raises DeliveryError when an
alert did not reach it; the watch then keeps the alert undelivered and tries again at the next poll.

Delivery is at least once: an alert is marked delivered to a sink after the sink took it, so a run killed
in between sends it again on restart. The JSON Lines sink skips seqs already in its file (exactly once there);
a webhook receiver can do the same with the alert's `seq`.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Callable, Protocol, TextIO

import httpx

from ..errors import WirewatchError


class DeliveryError(WirewatchError):
    """An alert did not reach a sink (the message says which and why)."""


class Sink(Protocol):
    name: str  # how the store records deliveries to it ("stdout", "jsonl:PATH", "webhook:URL")

    def send(self, alert: dict) -> None: ...


def alert_line(alert: dict) -> str:
    """One line citing the rule, the event's type, place, date and dead, its evidence quote and its article."""
    e, a = alert["event"], alert.get("article") or {}
    kind = e["type"] + (f" ({e['acled_sub_event_type'] or e['acled_event_type']})"
                        if e.get("acled_event_type") else "")
    place = ", ".join(dict.fromkeys(p for p in (e.get("place") or e.get("place_text"), e.get("admin1"),
                                                e.get("country_code")) if p)) or "place unknown"
    killed = _killed(e)
    parts = [f"ALERT #{alert['seq']} [{alert['rule']}] {kind} at {place} on {e.get('day') or 'date unknown'}",
             f"killed {killed}" if killed is not None else "killed not stated"]
    if e.get("cluster_sources"):
        parts.append(f"{e['cluster_sources']} source(s)")
    evidence = " ".join(e["evidence"]["text"].split())
    cite = f"article {a.get('id') or e['article_id']}"
    if a.get("source"):
        cite += f" ({a['source']})"
    if a.get("url"):
        cite += f" {a['url']}"
    return (f"{', '.join(parts)}: \u201c{evidence}\u201d [{e['evidence']['start']}:{e['evidence']['end']}] "
            f"\u2014 {cite}")


def _killed(event: dict) -> int | None:
    best = None
    for f in event.get("figures") or []:
        if f.get("category") == "killed":
            v = next((f.get(k) for k in ("value", "high", "low") if f.get(k) is not None), None)
            if v is not None and (best is None or v > best):
                best = v
    return best


class StdoutSink:
    name = "stdout"

    def __init__(self, out: Callable[[], TextIO] | None = None) -> None:
        import sys
        self._out = out or (lambda: sys.stdout)

    def send(self, alert: dict) -> None:
        out = self._out()
        try:
            out.write(alert_line(alert) + "\n")
            out.flush()
        except (OSError, ValueError) as exc:  # a closed pipe
            raise DeliveryError(f"stdout: {exc}") from None


class JsonlSink:
    """Appends one JSON object per alert (the alert payload), flushed and synced; skips seqs already in it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = f"jsonl:{path.resolve()}"
        self.seen: set[int] = set()
        if path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    self.seen.add(int(json.loads(line)["seq"]))
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut by a kill, or not ours

    def send(self, alert: dict) -> None:
        if alert["seq"] in self.seen:
            return
        line = json.dumps(alert, ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                if f.tell() and not _ends_with_newline(self.path):
                    f.write("\n")  # a line cut by a kill stays alone on its line
                f.write(line)
                f.flush()
                os.fsync(f.fileno())
        except OSError as exc:
            raise DeliveryError(f"{self.path}: {exc.strerror or exc}") from None
        self.seen.add(alert["seq"])


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


class WebhookSink:
    """POSTs the alert as JSON; retries on errors, 429 and 5xx with exponential backoff (0.5 s, 1 s, 2 s ...)."""

    def __init__(self, url: str, *, retries: int = 3, backoff: float = 0.5, timeout: float = 10.0,
                 user_agent: str | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        self.url = url
        self.name = f"webhook:{url}"
        self.retries, self.backoff, self.sleep = retries, backoff, sleep
        headers = {"User-Agent": user_agent} if user_agent else {}
        self.client = httpx.Client(timeout=timeout, headers=headers)

    def send(self, alert: dict) -> None:
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                resp = self.client.post(self.url, json=alert)
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}"
                continue
            if resp.status_code < 300:
                return
            problem = f"HTTP {resp.status_code}"
            if resp.status_code < 500 and resp.status_code not in (408, 429):
                break  # the receiver refuses it; asking again will not help
        raise DeliveryError(f"webhook {self.url}: {problem} (after {attempt + 1} attempt(s))")

    def close(self) -> None:
        self.client.close()
