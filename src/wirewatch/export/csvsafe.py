"""CSV cells a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets
a leading apostrophe (OWASP's advice against CSV/formula injection), so `=HYPERLINK(...)` in a source name is
shown as text. Numbers are left as they are (a longitude of -3.7 stays a number)."""

from __future__ import annotations

from typing import Mapping

__all__ = ["cell", "safe_row", "FORMULA_STARTS"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """`value` for a CSV cell: a string that a spreadsheet would read as a formula is quoted with `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Mapping[str, object]) -> dict[str, object]:
    return {key: cell(value) for key, value in row.items()}
