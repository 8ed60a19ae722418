"""Events tied to what the other stages found (actors, place, date, figures, claim) and listed main event first."""

from __future__ import annotations


def _by_id(items):
    return {x.id: x for x in items}


def test_actors_are_subject_and_object(extract_text):
    doc = extract_text("The Russian military accused Ukrainian forces of shelling a hospital.")
    event = doc.events[0]
    actors = _by_id(doc.actors)
    assert event.type == "ACCUSE"
    assert "Russian military" in actors[event.actor1].text
    assert "Ukrainian forces" in actors[event.actor2].text


def test_event_without_actor_keeps_place_and_figures(extract_text):
    text = ("In the eastern city of Kharkiv, a missile blasted a crater in front of the town hall. "
            "Officials said at least nine people were killed and 20 wounded.")
    doc = extract_text(text)
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(assaults) == 1, [(e.type, e.trigger.text) for e in doc.events]
    strike = assaults[0]
    assert strike.actor1 is None
    assert strike.mode == "shelling"
    assert _by_id(doc.places)[strike.place].text == "Kharkiv"
    values = sorted(f.value or f.low or 0 for f in doc.figures if f.id in strike.figures)
    assert values == [9, 20]


def test_place_is_where_it_happened_not_where_it_was_said(extract_text):
    doc = extract_text("Officials in Moscow said troops shelled Mariupol on Sunday.")
    event = next(e for e in doc.events if e.type == "ASSAULT")
    assert _by_id(doc.places)[event.place].text == "Mariupol"


def test_date_comes_from_the_sentence_and_falls_back_to_the_article_date(extract_text):
    doc = extract_text("Insurgents ambushed a patrol near Kandahar yesterday. The police arrested two men.",
                       date="2021-06-10")
    ambush, arrest = doc.events
    assert (ambush.date, ambush.date_precision) == ("2021-06-09", "day")
    assert arrest.date == "2021-06-09"  # narrative time carries over within the paragraph
    later = extract_text("The police arrested two men in the capital.", date="2021-06-10")
    assert (later.events[0].date, later.events[0].date_precision) == ("2021-06-10", None)


def test_main_event_first_then_text_order(extract_text):
    text = ("Protests spread in the south\n"
            "LVIV, March 2 (Reuters) - Officials said artillery shelled the outskirts overnight, "
            "after the army had withdrawn from the nearby town. Later, the two sides met for talks.")
    doc = extract_text(text, dateline="LVIV, March 2 (Reuters)")
    assert [e.type for e in doc.events] == ["ASSAULT", "PROTEST", "RETREAT", "CONSULT"]
    assert [e.id for e in doc.events] == ["e1", "e2", "e3", "e4"]


def test_headline_and_next_paragraph_are_not_one_sentence(extract_text):
    text = "Army retakes the river port\n\nThe rebels failed to hold the bridge for long."
    doc = extract_text(text)
    retake = next(e for e in doc.events if e.trigger.text == "retakes")
    assert retake.polarity == "positive"
    assert retake.evidence.text == "Army retakes the river port"


def test_claim_links_the_reporting_statement(extract_text):
    doc = extract_text("The governor said that rebels had attacked two villages.")
    event = next(e for e in doc.events if e.type == "ASSAULT")
    if doc.claims:  # the claims stage reports the statement; the event points to it
        claim = _by_id(doc.claims)[event.claim]
        assert claim.content.start <= event.trigger.start < claim.content.end


def test_target_from_the_trigger_phrase_when_the_parse_names_no_object(extract_text):
    for text, trigger, target in (
            ("Poland has granted asylum to three Belarusian opposition activists.", "granted",
             "three Belarusian opposition activists"),
            ("Kenya launched a mediation effort on Friday between Ethiopia and Eritrea.", "mediation", "Ethiopia")):
        doc = extract_text(text)
        event = next(e for e in doc.events if e.trigger.text == trigger)
        assert event.actor2 is not None, text
        assert _by_id(doc.actors)[event.actor2].text == target   # the first party inside the trigger's phrase


def test_target_is_not_taken_from_a_coordinated_event(extract_text):
    doc = extract_text("The blast killed four people and damaged Turkey's consulate, the police said.")
    killing = next(e for e in doc.events if e.trigger.text == "killed")
    assert killing.actor2 is None or "Turkey" not in _by_id(doc.actors)[killing.actor2].text
