"""Linking across articles: which reports are the same real event, and which claims repeat.

Pure functions over plain data (no database): the store loads reports, calls these, saves the result.
Rules in docs/linking.md.
"""

from __future__ import annotations

from .claims import ClaimRef, repeat_groups
from .events import LinkRules, Report, cluster_id, cluster_reports, compatible
from .figures import interval
from .geo import haversine_km
from .summary import summarize

__all__ = ["LinkRules", "Report", "ClaimRef", "cluster_reports", "cluster_id", "compatible", "summarize",
           "repeat_groups", "interval", "haversine_km"]
