"""A robbery told by two outlets is one incident; a look-alike robbery in another city a week later is another.

The reports go through the whole pipeline (events lexicon included: "robbed", "stole", "heist" are happenings,
COERCE seize, ACLED looting), then through the store's incremental linking. Texts written for this test.
"""

from __future__ import annotations

from pathlib import Path

from wirewatch.store import Filters, Store, ingest_documents

FIRST = ("Gunmen rob jewellery store in Plovdiv\n\n"
         "PLOVDIV, March 3 - Four armed men robbed the Zlatna Roza jewellery store in central Plovdiv on Friday "
         "and fled with rings and watches worth about 2 million euros, police said.")
SECOND = ("Thieves in masks steal millions in Plovdiv jewel heist\n\n"
          "PLOVDIV, March 4 - Masked gunmen stole rings and watches from the Zlatna Roza jewellery store in "
          "Plovdiv on Friday, in the biggest heist the city has seen, police said on Saturday.")
OTHER = ("Armed gang robs jewellery store in Varna\n\n"
         "VARNA, March 10 - Three armed men robbed the Morska Perla jewellery store in Varna on Friday and "
         "escaped with necklaces worth 300,000 euros, police said.")


def test_a_robbery_is_a_happening_told_by_two_outlets_as_one_incident(extract_text, tmp_path: Path) -> None:
    docs = [extract_text(FIRST, date="2023-03-03", id="rob-1", source="Balkan Wire"),
            extract_text(SECOND, date="2023-03-04", id="rob-2", source="Sofia Daily"),
            extract_text(OTHER, date="2023-03-10", id="rob-3", source="Balkan Wire")]
    for doc in docs:
        main = doc.events[0]
        assert (main.type, main.mode, main.status) == ("COERCE", "seize", "occurred"), doc.article.id
        assert main.acled_sub_event_type == "Looting/property destruction"
    db = tmp_path / "ww.db"
    with Store.open(db) as store:
        for doc in docs:                   # one ingest per article, as a live feed would
            ingest_documents(store, [doc])
    with Store.open(db, read_only=True) as store:
        cluster_of = {e.article_id: e.cluster_id for e in store.events(Filters(limit=100)) if e.uid.endswith("#e1")}
    assert cluster_of["rob-1"] == cluster_of["rob-2"]
    assert cluster_of["rob-3"] != cluster_of["rob-1"]


def test_making_off_with_the_loot_is_a_theft(extract_text) -> None:
    doc = extract_text("Two gunmen made off with cash from a bank in Varna on Monday, police said.")
    assert [(e.type, e.mode, e.trigger.text) for e in doc.events] == [("COERCE", "seize", "made off")]
