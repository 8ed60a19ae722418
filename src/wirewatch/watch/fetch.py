"""Polite HTTP for the watch (httpx): conditional GET, a user agent, timeouts, bounded bodies, at most N at once.

Every failure (timeout, refused connection, redirect loop, a body over the limit, an HTTP error status) comes
back as a `Fetched` with `error` set, never as an exception: one bad feed must not stop the others.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Iterator, Sequence

import httpx

from .. import __version__

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
USER_AGENT = f"Wirewatch/{__version__} (news watch; polls politely with conditional GET)"


@dataclass(frozen=True)
class Fetched:
    """One response, or why there is none."""

    url: str
    status: int | None = None  # the HTTP status; None when no response came
    body: bytes | None = None  # None for a 304 and for failures
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait (429/503 Retry-After)
    final_url: str | None = None  # after redirects

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def label(self) -> str:
        """A short status for the feed's line: '200', '304', 'timeout', 'HTTP 500' ..."""
        if self.error is not None:
            return self.error.split(":", 1)[0]
        return str(self.status)


class Fetcher:
    """An httpx client with the watch's manners; `get_many` runs at most `concurrency` requests at once."""

    def __init__(self, *, concurrency: int = 8, timeout: float = 20.0, max_bytes: int = 5_000_000,
                 user_agent: str = USER_AGENT, max_redirects: int = 5) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), follow_redirects=True,
            max_redirects=max_redirects,
            limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency))
        self.pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="ww-fetch")

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            accept: str = FEED_ACCEPT) -> Fetched:
        """GET `url`, conditional on the validators given; the whole exchange is bounded by about twice the
        timeout (a server that trickles bytes cannot hold a worker for ever)."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + 2 * self.timeout
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                final = str(resp.url)
                validators = {"etag": resp.headers.get("etag"), "last_modified": resp.headers.get("last-modified")}
                if resp.status_code == 304:
                    return Fetched(url, 304, None, final_url=final, **validators)
                if resp.status_code >= 400:
                    return Fetched(url, resp.status_code, error=f"HTTP {resp.status_code}: {resp.reason_phrase}",
                                   retry_after=_retry_after(resp.headers.get("retry-after")), final_url=final)
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    return Fetched(url, resp.status_code, error=f"too large: {int(declared):,} bytes declared, over "
                                                                f"the limit of {self.max_bytes:,}", final_url=final)
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        return Fetched(url, resp.status_code, error=f"too large: over the limit of "
                                                                    f"{self.max_bytes:,} bytes; not read further",
                                       final_url=final)
                    if time.monotonic() > deadline:
                        return Fetched(url, resp.status_code, error=f"timeout: body not complete after "
                                                                    f"{2 * self.timeout:g} s", final_url=final)
                    chunks.append(chunk)
                return Fetched(url, resp.status_code, b"".join(chunks), final_url=final, **validators)
        except httpx.TooManyRedirects:
            return Fetched(url, error="redirect loop: too many redirects")
        except httpx.TimeoutException as exc:
            return Fetched(url, error=f"timeout: no answer within {self.timeout:g} s ({type(exc).__name__})")
        except httpx.HTTPError as exc:
            return Fetched(url, error=f"{type(exc).__name__}: {exc}")
        except ValueError as exc:  # a URL httpx cannot use
            return Fetched(url, error=f"bad URL: {exc}")

    def get_many(self, requests: Sequence[tuple[str, str | None, str | None]], accept: str | None = None
                 ) -> Iterator[Fetched]:
        """`get` for each (url, etag, last_modified), at most `concurrency` at once, yielded in the order given."""
        extra = {"accept": accept} if accept else {}
        futures = [self.pool.submit(self.get, url, etag, lm, **extra) for url, etag, lm in requests]
        for future in futures:
            yield future.result()


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
