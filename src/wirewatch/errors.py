"""One exception tree; every error names the record it concerns and the reason.

    WirewatchError
     +-- IngestError     a file, line or feed entry could not become an Article
     +-- ExtractError    a pipeline stage failed on an article
     +-- StoreError      the store could not be opened, read or written
     +-- LimitError      a configured resource limit was exceeded (names the limit)
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Root of all Wirewatch errors."""


class IngestError(WirewatchError):
    def __init__(self, record: str, reason: str) -> None:
        super().__init__(f"{record}: {reason}")
        self.record, self.reason = record, reason


class ExtractError(WirewatchError):
    def __init__(self, record: str, stage: str, reason: str) -> None:
        super().__init__(f"{record}: stage {stage!r} failed: {reason}")
        self.record, self.stage, self.reason = record, stage, reason


class StoreError(WirewatchError):
    """The store could not be opened, read or written."""


class LimitError(WirewatchError):
    def __init__(self, record: str, limit: str, value: int, maximum: int) -> None:
        super().__init__(f"{record}: {limit} is {value:,}, over the limit of {maximum:,} (setting {limit})")
        self.record, self.limit, self.value, self.maximum = record, limit, value, maximum
