"""The main event (the first of an article) is what happened when the article tells anything that happened."""

from __future__ import annotations


def test_a_future_lead_gives_way_to_what_happened(extract_text):
    doc = extract_text("The governor will visit the border town of Sarny on Friday. "
                       "Gunmen attacked a bus near Sarny on Monday, killing three passengers.")
    assert doc.events[0].type == "ASSAULT" and doc.events[0].status == "occurred"
    assert any(e.status == "future" for e in doc.events[1:])


def test_an_article_of_plans_only_is_led_by_its_lead(extract_text):
    doc = extract_text("The two presidents will meet in Vienna next week. "
                       "They may sign a trade accord.")
    assert doc.events and doc.events[0].status == "future"
    assert doc.events[0].evidence.text.startswith("The two presidents will meet")


def test_the_lead_happening_leads_when_it_occurred(extract_text):
    doc = extract_text("Troops shelled the village of Ozerne on Sunday. "
                       "Officials said talks would resume in the spring.")
    assert doc.events[0].type == "ASSAULT"
