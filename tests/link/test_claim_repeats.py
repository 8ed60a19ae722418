"""Claims repeated across outlets are grouped and counted by outlet."""

from __future__ import annotations

import datetime as dt

from wirewatch.link import ClaimRef, repeat_groups

DAY = dt.date(2023, 6, 2)


def test_near_identical_claims_in_two_outlets_are_one_repeat_group() -> None:
    claims = [
        ClaimRef("a#c1", "a", "Reuters", DAY, "the governor said nine people were killed in the missile strike"),
        ClaimRef("b#c1", "b", "AP", DAY, "nine people were killed in the missile strike, the governor said"),
        ClaimRef("c#c1", "c", "AFP", DAY, "grain talks resumed in Istanbul on Saturday"),
        ClaimRef("d#c1", "d", "AP", dt.date(2023, 7, 1), "nine people were killed in the missile strike"),
    ]
    groups = repeat_groups(claims)
    assert groups["a#c1"] == groups["b#c1"]
    assert groups["a#c1"][1] == 2
    assert "c#c1" not in groups and "d#c1" not in groups  # different content; a month later


def test_repeats_within_one_article_do_not_count() -> None:
    claims = [ClaimRef("a#c1", "a", "Reuters", DAY, "nine people were killed in the strike on the town"),
              ClaimRef("a#c2", "a", "Reuters", DAY, "nine people were killed in the strike on the town")]
    assert repeat_groups(claims) == {}


def test_store_marks_claims_repeated_by_two_outlets(tmp_path) -> None:
    from wirewatch.model import Article, Claim, Document, span_of
    from wirewatch.store import Filters, Store, ingest_documents

    def doc(aid: str, outlet: str, text: str, content: str) -> Document:
        start = text.index(content)
        return Document(article=Article(id=aid, date=DAY, source=outlet), text=text,
                        claims=[Claim(id="c1", source=None, cue=None, content=span_of(text, start, start + len(content)))])

    said = "the dam upstream of the village was breached overnight by explosions"
    docs = [doc("x1", "Outlet One", f"Officials said {said}.", said),
            doc("x2", "Outlet Two", f"According to engineers, {said}, flooding fields.", said),
            doc("x3", "Outlet Two", "Farmers said the harvest would be late this year.", "the harvest would be late this year")]
    with Store.open(tmp_path / "ww.db") as store:
        ingest_documents(store, docs)
        rows = {c.article_id: c for c in store.claims(Filters())}
    assert rows["x1"].repeat_id == rows["x2"].repeat_id is not None
    assert rows["x1"].repeat_sources == 2
    assert rows["x3"].repeat_id is None and rows["x3"].repeat_sources == 1
