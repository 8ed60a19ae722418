"""Property-based: for arbitrary Unicode text and dates the pipeline never raises and every span is exact."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.ingest import read_bytes
from wirewatch.model import Article, Document, Skipped
from wirewatch.pipeline import run
from wirewatch.settings import Settings

# Text that looks like news often enough to exercise the extractors, and arbitrary Unicode the rest of the time.
WORDS = st.sampled_from(["Kyiv", "said", "on", "Tuesday", "at", "least", "12", "people", "were", "killed", "and",
                         "33", "injured", "Russian", "forces", "\u201c", "\u201d", ",", ".", "may", "have", "died",
                         "the", "ministry", "according", "to", "Reuters", "could", "not", "verify", "thousands",
                         "last", "week", "in", "2014", "Mariupol", "\n\n", "\u2028", "\u0085"])
NEWSY = st.lists(WORDS, min_size=1, max_size=80).map(" ".join)
TEXT = st.one_of(NEWSY, st.text(min_size=1, max_size=400), st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))


def _check(doc: Document) -> None:
    for where, span in doc.spans():
        assert 0 <= span.start <= span.end <= len(doc.text), where
        assert doc.text[span.start:span.end] == span.text, where


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=4), date=DATES)
def test_pipeline_never_raises_and_spans_are_exact(nlp, texts: list[str], date: dt.date | None) -> None:
    items = [Document(article=Article(id=f"h{i}", date=date), text=t) for i, t in enumerate(texts)]
    out = list(run(items, nlp=nlp))
    assert len(out) == len(items)
    for item in out:
        assert not isinstance(item, Skipped), f"a stage failed: {item}"
        _check(item)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000))
def test_ingest_of_arbitrary_bytes_never_raises(data: bytes) -> None:
    for name in ("x.txt", "x.jsonl", "x.html", "x.rss"):
        for item in read_bytes(data, name, Settings()):
            assert isinstance(item, (Document, Skipped))
