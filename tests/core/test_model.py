"""The data model refuses broken evidence: a span must quote the article text exactly."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from wirewatch.model import Article, Document, Note, TimeExpr, span_of

TEXT = "Officials said on Monday that the bridge was hit."


def test_a_document_with_exact_spans_is_accepted_and_round_trips() -> None:
    t = TimeExpr(id="t1", text="Monday", start=18, end=24, type="DATE", value="2023-06-05", precision="day")
    doc = Document(article=Article(id="a", date="2023-06-07"), text=TEXT, times=[t])
    data = doc.to_json()
    assert data["schema"] == "wirewatch.article/1" and data["article"]["date"] == "2023-06-07"
    assert set(data) == {"schema", "article", "text", "times", "places", "actors", "figures", "claims", "events", "notes"}
    assert Document.from_json(data) == doc


def test_a_span_that_does_not_quote_the_text_is_refused() -> None:
    t = TimeExpr(id="t1", text="Tuesday", start=18, end=24, type="DATE", value=None)
    with pytest.raises(ValidationError, match="times\\[0\\] span \\[18:24\\] is 'Monday', not 'Tuesday'"):
        Document(article=Article(id="a"), text=TEXT, times=[t])


def test_a_span_past_the_end_is_refused() -> None:
    with pytest.raises(ValidationError):
        Document(article=Article(id="a"), text=TEXT, notes=[Note(kind="other", text="", start=80, end=80)])


def test_span_of_takes_its_text_from_the_article() -> None:
    s = span_of(TEXT, 34, 40)
    assert s.text == "bridge" and TEXT[s.start:s.end] == s.text


def test_models_are_immutable() -> None:
    a = Article(id="a")
    with pytest.raises(ValidationError):
        a.id = "b"  # type: ignore[misc]
