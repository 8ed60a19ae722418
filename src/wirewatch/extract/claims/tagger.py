"""The learned attribution tagger: a spaCy component that labels each token cue, source, content or none.

It reads what the parse already computed: `doc.tensor` (the small English model's own tok2vec, frozen:
a second tok2vec over every article would cost as much as a quarter of the parse) and the parse features
of `features.py`; its network (`network.py`) ends in a softmax over BIO tags, decoded here. Trained with
`spacy train` on PolNeAR train (`training/claims/`, `make train-claims`); shipped in
`wirewatch/data/claims/attribution/`; loaded once per process by `load_tagger`. It proposes spans;
`learned.py` pairs them into relations and `combine.py` checks them against the rules and the parse.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
import spacy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example
from thinc.api import Model
from thinc.types import Floats2d

from . import network  # noqa: F401  (registers the architecture the shipped config names)

__all__ = ["ROLES", "TAGS", "RoleSpan", "decode", "load_tagger", "role_spans"]

ROLES = ("CUE", "SOURCE", "CONTENT")
TAGS = ("O",) + tuple(f"{bio}-{role}" for role in ROLES for bio in ("B", "I"))
SPANS_KEY = "attribution"
MODEL_DIR = "attribution"  # under wirewatch/data/claims/


RoleSpan = tuple[str, int, int, float]  # (role, first token, end token, mean probability of its tags)


_ROLE_OF_TAG = np.array([0] + [k for k in range(1, len(ROLES) + 1) for _ in range(2)])  # O, B-CUE, I-CUE, ...
_IS_B = np.array([False] + [bio == "B" for _ in ROLES for bio in ("B", "I")])


def decode(probs: np.ndarray, lengths: list[int], cue_weight: float = 1.0) -> list[list[RoleSpan]]:
    """Greedy BIO decoding of a batch's tag probabilities (the Docs' rows one after another), per Doc:
    a span starts at B-X, or at I-X after something else, and runs over I-X; `cue_weight` > 1 favours cue
    tags over the others (recall for precision). One pass of array operations for the whole batch."""
    out: list[list[RoleSpan]] = [[] for _ in lengths]
    if not len(probs):
        return out
    scored = probs
    if cue_weight != 1.0:
        scored = probs.copy()
        scored[:, 1:3] *= cue_weight
    best = scored.argmax(axis=1)
    role = _ROLE_OF_TAG[best]
    bounds = np.cumsum([0] + list(lengths))
    edge = np.zeros(len(best) + 1, dtype=bool)
    edge[bounds] = True  # Doc boundaries end every span
    prev = np.concatenate([[0], role[:-1]])
    starts = np.flatnonzero((role > 0) & (_IS_B[best] | (role != prev) | edge[:-1]))
    ends = np.flatnonzero(np.concatenate([role[:-1] != role[1:], [True]]) | edge[1:]) + 1  # where a role run stops
    chosen = np.concatenate([[0.0], np.cumsum(probs[np.arange(len(best)), best])])
    nxt = np.concatenate([starts[1:], [len(best)]])
    stop = np.minimum(nxt, ends[np.searchsorted(ends, starts, side="right")])
    doc_of = np.searchsorted(bounds, starts, side="right") - 1
    means = (chosen[stop] - chosen[starts]) / (stop - starts)
    for k, a, e, r, m in zip(doc_of.tolist(), starts.tolist(), stop.tolist(), role[starts].tolist(), means.tolist()):
        out[k].append((ROLES[r - 1], a - int(bounds[k]), e - int(bounds[k]), m))
    return out


def role_spans(probs: np.ndarray, cue_weight: float = 1.0) -> list[RoleSpan]:
    """Cue, source and content spans (token offsets) from one Doc's tag probabilities (see `decode`)."""
    return decode(probs, [len(probs)], cue_weight)[0]


class AttributionTagger(TrainablePipe):
    """Tags tokens with TAGS; `predict` gives probabilities, `set_annotations` writes `doc.spans[key]`."""

    def __init__(self, vocab, model: Model, name: str = "ww_attribution", *, spans_key: str = SPANS_KEY) -> None:
        self.vocab, self.model, self.name = vocab, model, name
        self.cfg = {"spans_key": spans_key, "labels": list(TAGS)}

    @property
    def key(self) -> str:
        return self.cfg["spans_key"]

    def predict(self, docs: Iterable[Doc]) -> list[np.ndarray]:
        return [self.model.ops.to_numpy(p) for p in self.model.predict(list(docs))]

    def set_annotations(self, docs: Iterable[Doc], probs: list[np.ndarray]) -> None:
        for doc, p in zip(docs, probs):
            doc.spans[self.key] = [Span(doc, s, e, label=role) for role, s, e, _ in role_spans(p)]

    def _truth(self, eg: Example) -> np.ndarray:
        tags = np.zeros(len(eg.predicted), dtype="int32")
        for span in eg.get_aligned_spans_y2x(eg.reference.spans.get(self.key, []), allow_overlap=True):
            b = TAGS.index(f"B-{span.label_}")
            tags[span.start] = b
            tags[span.start + 1:span.end] = b + 1
        return tags

    def get_loss(self, examples: Iterable[Example], scores: list[Floats2d]) -> tuple[float, list[Floats2d]]:
        grads, loss = [], 0.0
        for eg, guess in zip(examples, scores):
            truth = self.model.ops.alloc2f(*guess.shape)
            truth[np.arange(len(guess)), self._truth(eg)] = 1.0
            d = guess - truth
            grads.append(d)
            loss += float((d ** 2).sum())
        return loss, grads

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None) -> None:
        docs = [eg.predicted for eg in list(get_examples())[:10]]
        self.model.initialize(X=docs)

    def score(self, examples: Iterable[Example], **kwargs) -> dict[str, float]:
        """Exact span P/R/F per role (token offsets) and their mean F: how spacy train picks its best model."""
        tp = {r: 0 for r in ROLES}
        npred, ngold = dict(tp), dict(tp)
        for eg in examples:
            gold = {(s.label_, s.start, s.end) for s in eg.get_aligned_spans_y2x(
                eg.reference.spans.get(self.key, []), allow_overlap=True)}
            pred = {(s.label_, s.start, s.end) for s in eg.predicted.spans.get(self.key, [])}
            for r in ROLES:
                g, p = {x for x in gold if x[0] == r}, {x for x in pred if x[0] == r}
                tp[r] += len(g & p)
                npred[r] += len(p)
                ngold[r] += len(g)
        out: dict[str, float] = {}
        for r in ROLES:
            p = tp[r] / npred[r] if npred[r] else 0.0
            rec = tp[r] / ngold[r] if ngold[r] else 0.0
            out[f"attr_{r.lower()}_p"], out[f"attr_{r.lower()}_r"] = p, rec
            out[f"attr_{r.lower()}_f"] = 2 * p * rec / (p + rec) if p + rec else 0.0
        out["attr_f"] = sum(out[f"attr_{r.lower()}_f"] for r in ROLES) / len(ROLES)
        return out


@Language.factory("ww_attribution", default_config={"spans_key": SPANS_KEY},
                  default_score_weights={"attr_f": 1.0, "attr_cue_f": 0.0, "attr_source_f": 0.0,
                                         "attr_content_f": 0.0})
def make_attribution_tagger(nlp: Language, name: str, model: Model, spans_key: str) -> AttributionTagger:
    return AttributionTagger(nlp.vocab, model, name, spans_key=spans_key)


def model_path() -> Path:
    return Path(str(resources.files("wirewatch").joinpath("data", "claims", MODEL_DIR)))


@lru_cache(maxsize=2)
def load_tagger(path: str | None = None) -> AttributionTagger | None:
    """The shipped tagger, loaded once per process (None when no model is shipped at `path`)."""
    where = Path(path) if path else model_path()
    if not (where / "config.cfg").exists():
        return None
    return spacy.load(where, exclude=["tokenizer", "vocab"]).get_pipe("ww_attribution")
