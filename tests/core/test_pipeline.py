"""The one pipeline function: order, skips passing through, a failing stage reported, long texts exact."""

from __future__ import annotations

import datetime as dt

from wirewatch.extract import Stage
from wirewatch.model import Article, Document, Skipped
from wirewatch.nlp import _chunks, parse
from wirewatch.pipeline import DEFAULT_STAGES, Profile, check_stages, run


def article(i: int, text: str = "Officials said the road was reopened on Monday.") -> Document:
    return Document(article=Article(id=f"a{i}", date=dt.date(2023, 1, 4)), text=text)


def test_order_is_kept_and_skips_pass_through(nlp) -> None:
    items = [article(0), Skipped(record="bad.txt", reason="empty"), article(1), article(2)]
    out = list(run(items, nlp=nlp))
    assert [getattr(o, "record", None) or o.article.id for o in out] == ["a0", "bad.txt", "a1", "a2"]


def test_a_failing_stage_skips_that_article_only_and_names_the_stage(nlp) -> None:
    def explode(doc, found):
        if "boom" in found.text:
            raise RuntimeError("kaput")
        return {}

    stages = (*DEFAULT_STAGES, Stage(name="fragile", fn=explode))
    out = list(run([article(0), article(1, "boom went the depot."), article(2)], nlp=nlp, stages=stages))
    assert isinstance(out[0], Document) and isinstance(out[2], Document)
    assert isinstance(out[1], Skipped) and out[1].record == "a1" and "'fragile'" in out[1].reason and "kaput" in out[1].reason


def test_stage_requirements_are_checked() -> None:
    import pytest

    with pytest.raises(ValueError, match="requires \\['claims'\\]"):
        check_stages([Stage(name="x", fn=lambda d, f: {}, requires=("claims",))])


def test_long_texts_are_parsed_in_chunks_with_exact_offsets(nlp) -> None:
    para = "Shelling hit the town of Izium on Monday, officials said. Rescuers searched the rubble.\n"
    text = para * 60
    assert "".join(_chunks(text, 1000)) == text and len(_chunks(text, 1000)) > 3
    (doc,) = list(parse(nlp, [text], chunk_chars=1000))
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)


def test_profile_counts_every_stage(nlp) -> None:
    prof = Profile()
    list(run([article(0), article(1)], nlp=nlp, profile=prof))
    assert prof.articles == 2 and "nlp" in prof.seconds and {s.name for s in DEFAULT_STAGES} <= set(prof.seconds)
    assert set(prof.cpu_seconds) == set(prof.seconds) and all(v >= 0 for v in prof.cpu_seconds.values())


def test_a_stage_that_emits_a_broken_span_skips_the_article_with_the_reason(nlp) -> None:
    from wirewatch.model import Note

    def liar(doc, found):
        return {"notes": [Note(kind="other", text="not here", start=0, end=8)]}

    stages = (*DEFAULT_STAGES, Stage(name="liar", fn=liar, assigns=("notes",)))
    (out,) = list(run([article(0)], nlp=nlp, stages=stages))
    assert isinstance(out, Skipped) and "notes[" in out.reason and "not 'not here'" in out.reason


def test_very_long_texts_are_extracted_in_pieces_with_exact_spans_and_unique_ids(nlp) -> None:
    from wirewatch.settings import Settings

    para = ("Shelling hit the town of Izium on Monday, killing at least three people, officials said. "
            "The ministry said on Tuesday that 12 soldiers were captured near Kharkiv.\n")
    doc = article(0, para * 40)
    (whole,) = list(run([doc], nlp=nlp))
    (pieced,) = list(run([doc], nlp=nlp, settings=Settings(nlp_chunk_chars=1500)))
    assert isinstance(pieced, Document) and pieced.text == doc.text
    for name in ("times", "places", "figures", "claims", "events"):
        ids = [x.id for x in getattr(pieced, name)]
        assert len(ids) == len(set(ids)), name
        assert len(ids) >= 0.8 * len(getattr(whole, name)), name   # pieces lose only cross-piece links
    assert max(t.start for t in pieced.times) > 1500 * 3            # spans from late pieces are shifted
    known = {x.id for x in (*pieced.places, *pieced.times, *pieced.actors, *pieced.figures, *pieced.claims)}
    for e in pieced.events:
        assert all(ref in known for ref in (e.place, e.actor1, e.actor2, e.claim, *e.figures) if ref)


def test_the_stages_caches_are_let_go_with_each_doc_and_the_heap_is_settled_once(nlp) -> None:
    import gc

    seen = []

    def keep(doc, found):
        seen.append(doc)
        doc.user_data["ww_tokens"] = list(doc)  # a cache such as the stages keep: Tokens that hold the Doc
        return {}

    out = list(run([article(0), article(1)], nlp=nlp, stages=(*DEFAULT_STAGES, Stage(name="keep", fn=keep))))
    assert [o.article.id for o in out] == ["a0", "a1"]
    assert all(not doc.user_data for doc in seen)  # no Token -> Doc cycle is left for the collector
    assert gc.get_freeze_count() > 0               # the model and the tables: no longer walked by each collection
    again = list(run([article(0)], nlp=nlp))
    assert again[0].to_json_text() == out[0].to_json_text()
