"""Done-when check: the sitrep for 2022-03-29..30 over the seed article mentions the Mykolaiv strike,
its figures, and cites its evidence. Runs the real pipeline (needs the extractors); reads ../shared."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from wirewatch import ingest
from wirewatch.export import build_sitrep, render_markdown
from wirewatch.model import Document
from wirewatch.pipeline import run
from wirewatch.store import Filters, Store, ingest_documents

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "article.txt"


@pytest.fixture(scope="module")
def seed_md(nlp, tmp_path_factory) -> tuple[str, Document]:
    if not SEED.exists():
        pytest.skip("../shared/seed/article.txt is not beside the project")
    path = tmp_path_factory.mktemp("seed") / "ww.db"
    docs = list(run(ingest.read([SEED]), nlp=nlp))
    assert all(isinstance(d, Document) for d in docs), docs
    with Store.open(path) as store:
        ingest_documents(store, docs)
        md = render_markdown(build_sitrep(store, dt.date(2022, 3, 29), dt.date(2022, 3, 30)))
        assert store.events(Filters(place="Mykolaiv", type="ASSAULT")), "no ASSAULT event at Mykolaiv extracted"
    return md, docs[0]


def test_seed_sitrep_mentions_the_mykolaiv_strike_with_figures_and_citations(seed_md) -> None:
    md, doc = seed_md
    strikes = [line for line in md.splitlines() if line.startswith("- Mykolaiv") and "reported by" in line]
    assert strikes, "no strike line for Mykolaiv"
    assert re.search(r"\[\d+\]$", strikes[0])
    killed = [line for line in md.splitlines() if line.startswith("- Killed, Mykolaiv")]
    assert killed and re.search(r"“[^”]*\d+[^”]*”", killed[0]) and re.search(r"\[\d+\]", killed[0])
    # every citation of the report points at an exact span of the article
    for start, end, quote in re.findall(r"characters (\d+)–(\d+): “(.*)”", md):
        assert " ".join(doc.text[int(start):int(end)].split()).startswith(quote.rstrip("…").replace("\\", ""))
