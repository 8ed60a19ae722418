"""Helpers the page tests share: open the page and wait until it has drawn, read the table."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse


def open_page(page, query: str = "") -> None:
    page.goto(f"/{query}")
    page.wait_for_selector("body[data-ready=yes]", timeout=30_000)


def wait_drawn(page) -> None:
    """After a control changed the filters: wait for the new overview, map and table."""
    page.wait_for_function("() => document.body.dataset.ready === 'yes' && !document.querySelector('#events-table[aria-busy]')",
                           timeout=30_000)


def table_uids(page) -> list[str]:
    return page.locator("#events-table tbody tr[data-uid]").evaluate_all("rows => rows.map(r => r.dataset.uid)")


def url_params(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}
