"""Linking across articles: which reports are the same real event, and which claims repeat.

Pure functions over plain data (no database): the store finds a new report's candidate clusters through
its indexes, calls `decide`, and saves the result. Rules in docs/linking.md.
"""

from __future__ import annotations

from .claims import ClaimRef, repeat_groups
from .decide import Decision, decide
from .events import LinkRules, Report, cluster_id
from .figures import interval
from ..geo import haversine_km
from .memory import Linker, cluster_reports
from .profile import Profile
from .summary import summarize

__all__ = ["LinkRules", "Report", "Profile", "Decision", "decide", "Linker", "cluster_reports", "cluster_id",
           "summarize", "ClaimRef", "repeat_groups", "interval", "haversine_km"]
