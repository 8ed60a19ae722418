"""The time stage alone on sentences written for the tests: `time_stage(text, date)` -> its TimeExprs."""

from __future__ import annotations

import datetime as dt
from typing import Callable

import pytest

from wirewatch.extract import Found
from wirewatch.extract.time import stage
from wirewatch.model import Article, TimeExpr


@pytest.fixture(scope="session")
def time_stage(nlp) -> Callable[[str, str | None], list[TimeExpr]]:
    """Every expression found, each checked to be an exact span of the text."""

    def _times(text: str, date: str | None) -> list[TimeExpr]:
        article = Article(id="t", date=dt.date.fromisoformat(date) if date else None)
        out = stage(nlp(text), Found(article=article, text=text))["times"]
        for t in out:
            assert text[t.start:t.end] == t.text
        return out

    return _times


@pytest.fixture(scope="session")
def times(time_stage) -> Callable[..., list[TimeExpr]]:
    """`time_stage` with the article dated Wednesday 30 March 2022 unless the test gives another date."""
    return lambda text, date="2022-03-30": time_stage(text, date)
