"""The shipped attribution tagger: loaded once, tags what it should, and works with the rules (our sentences)."""

from __future__ import annotations

import numpy as np
import pytest

from wirewatch.extract.claims import MODEL_ENV
from wirewatch.extract.claims.learned import TAGGED, tag
from wirewatch.extract.claims.tagger import TAGS, load_tagger, model_path, role_spans


def test_the_shipped_tagger_is_a_small_versioned_directory_loaded_once() -> None:
    tagger = load_tagger()
    assert tagger is not None and load_tagger() is tagger  # one load per process
    meta = tagger.model  # the network itself
    assert meta is not None
    size = sum(f.stat().st_size for f in model_path().rglob("*") if f.is_file())
    assert size < 8 * 2**20
    import srsly
    info = srsly.read_json(model_path() / "meta.json")
    assert info["version"] and "PolNeAR" in info["license"]


def test_the_tagger_labels_cue_source_and_content(nlp) -> None:
    text = "The minister said the bridge had been repaired."
    doc = nlp(text)
    (probs,) = load_tagger().predict([doc])
    assert probs.shape == (len(doc), len(TAGS))
    spans = {role: doc[s:e].text for role, s, e, _ in role_spans(probs)}
    assert spans == {"SOURCE": "The minister", "CUE": "said", "CONTENT": "the bridge had been repaired"}


def test_a_cue_outside_the_lexicon_is_found_with_the_model_only(claims_of, monkeypatch) -> None:
    text = "Opposition leaders hailed the ruling as a victory for the press."
    c = claims_of(text).by_cue("hailed")
    assert (c.source.text, c.content.text) == ("Opposition leaders", "the ruling as a victory for the press")
    monkeypatch.setenv(MODEL_ENV, "none")  # the rules alone: "hail" is in no lexicon
    assert claims_of(text).claims == []


def test_a_thing_cannot_be_a_source(claims_of) -> None:
    """PolNeAR's "X blasted Y" is criticism; a missile blasting a hole says nothing."""
    assert claims_of("A missile blasted a hole in the roof of the school.").claims == []


def test_batch_tagging_gives_each_doc_what_tagging_it_alone_gives(nlp) -> None:
    texts = ["The mayor said the water was back.", "“We will rebuild,” the governor told reporters.", "Rain."]
    alone = []
    for t in texts:
        d = nlp(t)
        tag([d], load_tagger())
        alone.append(d.user_data[TAGGED])
    docs = list(nlp.pipe(texts))
    tag(docs, load_tagger())
    for d, (spans, cue_prob) in zip(docs, alone):
        assert d.user_data[TAGGED][0] == spans
        np.testing.assert_allclose(d.user_data[TAGGED][1], cue_prob, atol=1e-5)


def test_without_a_tensor_the_rules_work_alone(nlp, claims_of) -> None:
    text = "The army said that its units had withdrawn from the town."
    doc = nlp(text)
    doc.tensor = np.zeros((0, 0), dtype="float32")  # a pipeline without tok2vec
    tag([doc], load_tagger())
    assert TAGGED not in doc.user_data
    assert [c.cue.text for c in claims_of(text).claims] == ["said"]


@pytest.mark.parametrize("env", ["none", ""])
def test_the_model_can_be_switched_off_for_comparison(claims_of, monkeypatch, env) -> None:
    monkeypatch.setenv(MODEL_ENV, env)
    c = claims_of("The army said that its units had withdrawn from the town.").by_cue("said")
    assert c.content.text == "that its units had withdrawn from the town"


def test_row_adds_match_numpy_add_at_bit_for_bit() -> None:
    """The tree gather's fast scatter-add gives exactly `np.add.at`'s floats (same additions, same order)."""
    from wirewatch.extract.claims.network import _add_rows

    rng = np.random.default_rng(7)
    values = rng.standard_normal((500, 12)).astype("float32") * 1e3
    rows = rng.integers(0, 40, 500)                       # many values per row: the order of the sums matters
    for base in (np.zeros((40, 12), "float32"), np.asfortranarray(rng.standard_normal((40, 12)).astype("float32"))):
        want, got = base.copy(order="K"), base.copy(order="K")
        np.add.at(want, rows, values)
        _add_rows(got, rows, values)
        assert np.array_equal(want.view(np.uint32), got.view(np.uint32))
        assert not np.array_equal(got, base)
