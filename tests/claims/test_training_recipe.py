"""The training recipe runs end to end (`make train-claims` in small): convert, `spacy train`, ship, load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wirewatch.extract.claims.tagger import TAGS, load_tagger

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "data"
RECIPE = ROOT / "training" / "claims"


def _run(*args: str) -> None:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR.is_dir(), reason="needs ../shared/data/polnear")
def test_a_tiny_model_trains_ships_and_tags(tmp_path: Path, nlp) -> None:
    work = tmp_path / "work"
    _run(str(RECIPE / "convert.py"), str(POLNEAR), str(work), "--split", "train", "--split", "dev", "--limit", "3")
    _run("-m", "spacy", "train", str(RECIPE / "config.cfg"), "--code", str(RECIPE / "reader.py"),
         "--output", str(work / "output"), "--paths.train", str(work / "train.spacy"),
         "--paths.dev", str(work / "dev.spacy"), "--training.max_steps", "4", "--training.eval_frequency", "2")
    shipped = tmp_path / "attribution"
    _run(str(RECIPE / "ship.py"), str(work / "output" / "model-best"), str(shipped), "--version", "0.0.1")
    assert not (shipped / "vocab").exists()  # the training vocabulary (the corpus's words) stays behind
    tagger = load_tagger(str(shipped))
    doc = nlp("The minister said the bridge had been repaired.")
    (probs,) = tagger.predict([doc])
    assert probs.shape == (len(doc), len(TAGS))
