"""PolNeAR (brat standoff) -> spaCy DocBin for the attribution tagger, parsed by Wirewatch's own pipeline.

    .venv/bin/python training/claims/convert.py ../shared/data/polnear/data training/claims/corpus \
        --split train --split dev [--limit N]

Each article is parsed with `wirewatch.nlp.load_nlp()` (the same tokens, parse and tok2vec tensor the
claims stage sees at run time) and written with its gold spans in `doc.spans["attribution"]`: one span
per role fragment, label CUE / SOURCE / CONTENT, `id_` = the relation (`E3`). The tensor goes along in
`user_data` (float16), so training never re-parses. The corpus is read from ../shared at training time
and written outside the package: nothing of PolNeAR's text enters the repository.

PolNeAR reading (its FORMAT.md): one .ann per article, the first in sorted order when several annotators
did it; a relation's cue is its `Cue` argument (else its `Attribution` anchor, the same span); content is
`Content`, `Content2`, ... pooled; fragments separated by whitespace only are one fragment. A token takes
the first role that claims it (PolNeAR is univocal: this only settles the few overlaps).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin, Span

from wirewatch.nlp import load_nlp, parse

T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
E_LINE = re.compile(r"^(E\d+)\t(.+)$")
ROLE_OF = {"Cue": "CUE", "Attribution": "CUE", "Attribution-no-source": "CUE", "Source": "SOURCE"}
KEY = "attribution"


def read_ann(path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """The relations of one .ann file: {"id", "CUE", "SOURCE", "CONTENT": [(start, end), ...]}."""
    frags: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if m := T_LINE.match(line):
            frags[m.group(1)] = [tuple(map(int, f.split())) for f in m.group(3).split(";")]
        elif m := E_LINE.match(line):
            rel: dict = {"id": m.group(1), "CUE": [], "SOURCE": [], "CONTENT": []}
            anchor: list[tuple[int, int]] = []
            for arg in m.group(2).split():
                label, _, tid = arg.partition(":")
                spans = frags.get(tid, [])
                if label == "Cue":
                    rel["CUE"] += spans
                elif label.startswith("Attribution"):
                    anchor = spans
                elif label == "Source":
                    rel["SOURCE"] += spans
                elif label.startswith("Content"):
                    rel["CONTENT"] += spans
            rel["CUE"] = rel["CUE"] or anchor
            if rel["CUE"] and rel["CONTENT"]:
                relations.append(rel)
    return relations


def merge_fragments(text: str, frags: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, trimmed of edge whitespace, with whitespace-only gaps closed."""
    out: list[list[int]] = []
    for s, e in sorted(frags):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if out and (s <= out[-1][1] or not text[out[-1][1]:s].strip()):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def gold_spans(doc: Doc, text: str, relations: list[dict]) -> list[Span]:
    """Token spans for every role fragment; a token already claimed by an earlier span stays with it."""
    taken = np.zeros(len(doc), dtype=bool)
    spans: list[Span] = []
    for rel in relations:
        for role in ("CUE", "SOURCE", "CONTENT"):
            for s, e in merge_fragments(text, rel[role]):
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                a, b = span.start, span.end
                while a < b and taken[a]:
                    a += 1
                while b > a and taken[b - 1]:
                    b -= 1
                if a < b and not taken[a:b].any():
                    taken[a:b] = True
                    spans.append(Span(doc, a, b, label=role, span_id=rel["id"]))
    return sorted(spans, key=lambda s: s.start)


def articles(root: Path, split: str, limit: int | None) -> list[tuple[str, str, Path]]:
    """(name, text, .ann path) of a split's articles, in name order."""
    texts = sorted((root / split / "text").glob("*.txt"))[:limit]
    out = []
    for t in texts:
        anns = sorted((root / split / "attributions").glob(f"{t.stem}_*.ann"))
        if anns:
            with open(t, encoding="utf-8", newline="") as f:  # offsets count "\r" too: no newline translation
                out.append((t.stem, f.read(), anns[0]))
    return out


def convert(root: Path, split: str, out: Path, limit: int | None = None) -> int:
    nlp = load_nlp()
    items = articles(root, split, limit)
    db = DocBin(store_user_data=True)
    parsed = parse(nlp, (text for _, text, _ in items), batch_size=16)
    for k, ((name, text, ann), doc) in enumerate(zip(items, parsed), start=1):
        doc.spans[KEY] = gold_spans(doc, text, read_ann(ann))
        doc.user_data["ww_tensor"] = doc.tensor.astype(np.float16)
        doc.user_data["ww_article"] = name
        db.add(doc)
        if k % 50 == 0:
            print(f"{split}: {k}/{len(items)} articles", file=sys.stderr)
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return len(items)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("polnear", type=Path, help="PolNeAR's data directory (holds train/, dev/, metadata.tsv)")
    ap.add_argument("out", type=Path, help="directory for <split>.spacy")
    ap.add_argument("--split", action="append", default=None, help="split to convert (repeatable; train, dev)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles of each split")
    args = ap.parse_args()
    if not (args.polnear / "train").is_dir():
        sys.exit(f"{args.polnear}: no train/ directory (PolNeAR's data directory is ../shared/data/polnear/data)")
    for split in args.split or ["train", "dev"]:
        n = convert(args.polnear, split, args.out / f"{split}.spacy", args.limit)
        print(f"{split}: {n} articles -> {args.out / f'{split}.spacy'}", file=sys.stderr)


if __name__ == "__main__":
    main()
