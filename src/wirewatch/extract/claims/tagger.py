"""The learned attribution tagger: a spaCy component that labels each token cue, source, content or none.

It reads what the parse already computed: `doc.tensor` (the small English model's own tok2vec, frozen:
a second tok2vec over every article would cost as much as a quarter of the parse) and the parse features
of `features.py`, and adds a small window encoder and a softmax over BIO tags. Trained with `spacy train`
on PolNeAR train (`training/claims/`, `make train-claims`); shipped in `wirewatch/data/claims/`; loaded
once per process by `load_tagger`. It proposes spans; `learned.py` pairs them into relations and the
rules check them (see docs/claims.md).
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
from spacy.util import registry
from thinc.api import (HashEmbed, Maxout, Model, Softmax, chain, concatenate, list2ragged, ragged2list,
                       with_array)
from thinc.types import Floats2d

from .features import COLUMNS, token_features, tree_links

__all__ = ["ROLES", "TAGS", "RoleSpan", "load_tagger", "role_spans"]

ROLES = ("CUE", "SOURCE", "CONTENT")
TAGS = ("O",) + tuple(f"{bio}-{role}" for role in ROLES for bio in ("B", "I"))
SPANS_KEY = "attribution"
MODEL_DIR = "attribution"  # under wirewatch/data/claims/


RoleSpan = tuple[str, int, int, float]  # (role, first token, end token, mean probability of its tags)


@registry.layers("wirewatch.doc_tensors.v1")
def doc_tensors(width: int) -> Model[list[Doc], list[Floats2d]]:
    """The Doc's `tensor` (set by the upstream tok2vec during the parse), as the layer's output; no weights."""

    def forward(model: Model, docs: list[Doc], is_train: bool):
        out = [model.ops.asarray2f(d.tensor) if d.tensor.size else model.ops.alloc2f(len(d), width) for d in docs]
        return out, lambda d_out: []

    return Model("doc_tensors", forward, dims={"nO": width})


@registry.layers("wirewatch.parse_features.v1")
def parse_features() -> Model[list[Doc], list]:
    """Per Doc, the (tokens, columns) uint64 ids of `features.token_features`."""

    def forward(model: Model, docs: list[Doc], is_train: bool):
        return [model.ops.asarray(token_features(d, d.user_data.get("ww_text")), dtype="uint64") for d in docs], \
            lambda d_out: []

    return Model("parse_features", forward)


@registry.architectures("wirewatch.AttributionTagger.v1")
def build_tagger(tensor_width: int, embed_width: int, embed_rows: int, width: int, depth: int, window_size: int,
                 maxout_pieces: int, dropout: float) -> Model[list[Doc], list[Floats2d]]:
    """tensor ++ hash-embedded parse features -> Maxout -> window encoder (depth x) -> softmax over TAGS."""
    embeds = [HashEmbed(embed_width, embed_rows, column=k, seed=k + 11, dropout=dropout)
              for k in range(len(COLUMNS))]
    feats = chain(parse_features(), list2ragged(), with_array(concatenate(*embeds)), ragged2list())
    encoder = registry.architectures.get("spacy.MaxoutWindowEncoder.v2")(
        width=width, window_size=window_size, maxout_pieces=maxout_pieces, depth=depth)
    head = chain(Maxout(width, tensor_width + embed_width * len(COLUMNS), nP=maxout_pieces, normalize=True,
                        dropout=dropout), encoder, Softmax(len(TAGS), width))
    return chain(concatenate(doc_tensors(tensor_width), feats), with_array(head))


@registry.layers("wirewatch.tree_gather.v1")
def tree_gather() -> Model[list[tuple[Floats2d, np.ndarray]], list[Floats2d]]:
    """Each token's vector next to its head's, its clause's governor's and the mean of its children's.

    The parse links a reported clause to its cue and a subject to its verb however far apart they are;
    gathering along them gives every token the context a window of neighbours cannot."""

    def forward(model: Model, inputs: list[tuple[Floats2d, np.ndarray]], is_train: bool):
        outs, saved = [], []
        for H, links in inputs:
            heads, gov = links[:, 0], links[:, 1]
            n = len(H)
            attached = heads != np.arange(n)
            counts = np.bincount(heads[attached], minlength=n).astype("float32")
            kids = np.zeros_like(H)
            np.add.at(kids, heads[attached], H[attached])
            kids /= np.maximum(counts, 1.0)[:, None]
            outs.append(np.hstack([H, H[heads], H[gov], kids]))
            saved.append((heads, gov, attached, counts))

        def backprop(d_outs: list[Floats2d]) -> list[Floats2d]:
            grads = []
            for dY, (heads, gov, attached, counts) in zip(d_outs, saved):
                w = dY.shape[1] // 4
                dH = dY[:, :w].copy()
                np.add.at(dH, heads, dY[:, w:2 * w])
                np.add.at(dH, gov, dY[:, 2 * w:3 * w])
                dk = dY[:, 3 * w:] / np.maximum(counts, 1.0)[:, None]
                dH[attached] += dk[heads[attached]]
                grads.append(dH)
            return grads

        return outs, backprop

    return Model("tree_gather", forward)


@registry.architectures("wirewatch.AttributionTreeTagger.v1")
def build_tree_tagger(tensor_width: int, embed_width: int, embed_rows: int, width: int, depth: int,
                      window_size: int, maxout_pieces: int, dropout: float) -> Model[list[Doc], list[Floats2d]]:
    """tensor ++ hash-embedded parse features -> Maxout -> gather along the parse tree -> Maxout ->
    window encoder (depth x) -> softmax over TAGS."""
    embeds = [HashEmbed(embed_width, embed_rows, column=k, seed=k + 11, dropout=dropout)
              for k in range(len(COLUMNS))]
    feats = chain(parse_features(), list2ragged(), with_array(concatenate(*embeds)), ragged2list())
    inp = chain(concatenate(doc_tensors(tensor_width), feats),
                with_array(Maxout(width, tensor_width + embed_width * len(COLUMNS), nP=maxout_pieces,
                                  normalize=True, dropout=dropout)))
    gather = tree_gather()
    mix = with_array(Maxout(width, width * 4, nP=maxout_pieces, normalize=True, dropout=dropout))
    if depth:
        encoder = registry.architectures.get("spacy.MaxoutWindowEncoder.v2")(
            width=width, window_size=window_size, maxout_pieces=maxout_pieces, depth=depth)
        out = with_array(chain(encoder, Softmax(len(TAGS), width)))
    else:
        out = with_array(Softmax(len(TAGS), width))

    def forward(model: Model, docs: list[Doc], is_train: bool):
        H, bp_inp = inp(docs, is_train)
        links = [tree_links(d) for d in docs]
        G, bp_gather = gather(list(zip(H, links)), is_train)
        M, bp_mix = mix(G, is_train)
        Y, bp_out = out(M, is_train)

        def backprop(dY):
            bp_inp(bp_gather(bp_mix(bp_out(dY))))
            return []

        return Y, backprop

    def init(model: Model, X=None, Y=None) -> None:
        inp.initialize(X=X)
        H = inp.predict(X)
        G = gather.predict(list(zip(H, [tree_links(d) for d in X])))
        mix.initialize(X=G)
        out.initialize(X=mix.predict(G))

    return Model("attribution_tree_tagger", forward, init=init, layers=[inp, gather, mix, out])


def _decode(probs: np.ndarray) -> list[RoleSpan]:
    """Greedy BIO decoding: a span starts at B-X, or at I-X after something else, and runs over I-X."""
    best = probs.argmax(axis=1)
    out: list[RoleSpan] = []
    start, role = -1, None
    for i, tag in enumerate(best.tolist() + [0]):
        name = TAGS[tag]
        r = name[2:] if tag else None
        begins = tag and (name[0] == "B" or r != role)
        if role is not None and (tag == 0 or begins):
            out.append((role, start, i, float(probs[np.arange(start, i), best[start:i]].mean())))
            role = None
        if begins:
            start, role = i, r
    return out


def role_spans(probs: np.ndarray, cue_weight: float = 1.0) -> list[RoleSpan]:
    """Cue, source and content spans (token offsets) from one Doc's tag probabilities; `cue_weight` > 1
    favours cue tags over the others (recall for precision)."""
    if not len(probs):
        return []
    if cue_weight != 1.0:
        probs = probs.copy()
        probs[:, 1:3] *= cue_weight
    return _decode(probs)


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
