"""Who did it to whom in the harder clauses: subjects the parser strands, settings, counter-attacks, threats,
protests with a purpose, measures imposed on a place. Sentences written for these tests."""

from __future__ import annotations

import pytest
from ww_roles import actors_of, event_with


@pytest.mark.parametrize("text,trigger,actor1,actor2", [
    # a subject after a list of places, which the parser reads as one more place
    ("On 14 August 2019, at Dara village, Tawang district, Arunachal Pradesh, Indian troops from the 9th "
     "battalion burned and wrecked eight huts.", "burned", "Indian troops", None),
    ("On 21 October 2018, in Mopti Cercle, Mopti Region, the Malian gendarmerie shot two herders dead.",
     "shot", "the Malian gendarmerie", "two herders"),
    # a label before a colon is not the subject
    ("Looting: As reported on 3 June 2021, government forces looted shops in the town of Kafr Nabl.",
     "looted", "government forces", None),
    # the agent of the setting the casualties happened in
    ("Four smugglers were killed, wounded or detained during sweeps conducted by the gendarmerie near Ruse.",
     "killed", "the gendarmerie", "Four smugglers"),
    ("On 5 June 2021, the army during an operation encountered FLN militants in Tabora district in which three "
     "militants were killed.", "killed", "the army", "three militants"),
    # the two sides of a fight told by its dead
    ("On 4 May 2020, one Malian soldier and three militants were killed in fighting near Gao.", "killed",
     "one Malian soldier", "three militants"),
    # a fight that broke out between two sides
    ("On 8 July 2020, in Medellin, a shoot-out broke out between soldiers and a drug cartel.", "shoot",
     "soldiers", "a drug cartel"),
    # meeting an attack: the attack's agent, and the side that met it
    ("On 9 June 2021, government troops repelled an attack of rebel fighters near Goma.", "attack",
     "government troops", "rebel fighters"),
    ("On 9 June 2021, government troops responded to shelling by rebel fighters near Goma.", "shelling",
     "rebel fighters", None),
], ids=["stranded-subject", "stranded-subject-2", "colon-label", "setting-agent", "in-which", "fight-dead",
        "broke-out-between", "counter-attack", "counter-gerund"])
def test_roles_in_harder_clauses(extract_text, text, trigger, actor1, actor2):
    doc = extract_text(text)
    a1, a2 = actors_of(doc, event_with(doc, trigger))
    assert a1 == actor1
    if actor2 is not None:
        assert a2 == actor2


def test_a_list_of_participles_keeps_its_patient(extract_text):
    """"were killed, injured or captured": the captured are the patient, not the agent."""
    doc = extract_text("Four smugglers were killed, wounded or detained during sweeps conducted by the "
                       "gendarmerie near Ruse.")
    a1, a2 = actors_of(doc, event_with(doc, "detained"))
    assert (a1, a2) == ("the gendarmerie", "Four smugglers")


@pytest.mark.parametrize("text,actor2", [
    ("Kenya threatened to close its border unless Somalia withdrew its troops within a week.", "Somalia"),
    ("The farmers' union threatened to hold a strike if the government cuts subsidies.", "the government"),
], ids=["unless", "if"])
def test_a_threat_is_made_on_whom_its_condition_names(extract_text, text, actor2):
    doc = extract_text(text)
    assert actors_of(doc, event_with(doc, "threatened"))[1] == actor2


@pytest.mark.parametrize("text,trigger,actor2", [
    ("Students staged a sit-in to demand the resignation of Education Minister Ana Lopez.", "sit",
     "Education Minister Ana Lopez"),
    ("A senator began a hunger strike to protest Prime Minister Tomas Varga's refusal to call elections.",
     "hunger strike", "Prime Minister Tomas Varga"),
], ids=["demand-resignation", "protest-refusal"])
def test_a_protest_targets_whom_its_purpose_names(extract_text, text, trigger, actor2):
    doc = extract_text(text)
    assert actors_of(doc, event_with(doc, trigger))[1] == actor2


def test_a_measure_acts_on_the_town_it_holds_in(extract_text):
    doc = extract_text("The army declared a curfew in Mosul after riots.")
    assert actors_of(doc, event_with(doc, "curfew")) == ("The army", "Mosul")


def test_a_violent_act_does_not_target_the_town_it_happened_in(extract_text):
    doc = extract_text("Rebels shelled Kramatorsk on Tuesday.")
    assert actors_of(doc, event_with(doc, "shelled"))[1] is None


def test_a_pronoun_source_is_the_speaker_named_in_full(extract_text):
    doc = extract_text("Governor Paul Otieno said he is ready to lift the ban on the opposition party.")
    assert actors_of(doc, event_with(doc, "lift"))[0] == "Governor Paul Otieno"


def test_a_state_of_siege_is_no_actor_and_acts_on_the_country(extract_text):
    doc = extract_text("The junta of General Omar Dallo declared a state of siege in Chad on Friday.")
    assert all(not a.text.endswith("state") for a in doc.actors)
    event = event_with(doc, "siege")
    assert actors_of(doc, event)[1] == "Chad"


def test_own_forces_give_way_to_the_country_they_are_in(extract_text):
    doc = extract_text("Turkey has strengthened its forces in Syria after the attacks.")
    assert actors_of(doc, event_with(doc, "strengthened")) == ("Turkey", "Syria")


def test_a_complaint_is_about_whom_it_blames_not_whom_it_is_made_to(extract_text):
    doc = extract_text("Peru complained to the United Nations on Monday over Chilean air raids near the border.")
    assert actors_of(doc, event_with(doc, "complained")) == ("Peru", "Chilean")


def test_an_order_to_stop_is_a_coercion_by_who_gave_it(extract_text):
    doc = extract_text("The Bolivian government ordered the opposition radio station Radio Illimani to suspend "
                       "broadcasts.")
    assert actors_of(doc, event_with(doc, "suspend")) == ("The Bolivian government", "Radio Illimani")


def test_the_object_of_a_removal_before_its_conjuncts(extract_text):
    doc = extract_text("Striking miners demanded the removal of Governor Luis Parra and his deputies.")
    assert actors_of(doc, event_with(doc, "demanded"))[1] == "Governor Luis Parra"


def test_a_journalist_is_not_an_outlet(extract_text):
    """A named word in the phrase ("pro-Moscow") does not make a journalist a news outlet."""
    doc = extract_text("A well-known pro-Kremlin journalist was killed by a parcel bomb in Donetsk.")
    assert actors_of(doc, event_with(doc, "killed"))[1] == "A well-known pro-Kremlin journalist"


@pytest.mark.parametrize("text,trigger,actor1", [
    ("On 2 April 2019, near Kilo village, Sool Region, Somaliland, Somali troops from the 4th and 5th brigades "
     "clashed with militants.", "clashed", "Somali troops"),
    ("Property destruction: On 11 March 2019, for a third day Saudi forces, backed by attack helicopters, "
     "bulldozed orchards near the town of Saada.", "bulldozed", "Saudi forces"),
    ("On 17 April 2020, in Fortaleza, Ceara, a shoot-out broke out when the Federal Highway Police stopped a "
     "truck.", "shoot", "the Federal Highway Police"),
], ids=["finite-verb-subject", "date-stranded-subject", "broke-out-when"])
def test_roles_the_parser_misplaces(extract_text, text, trigger, actor1):
    doc = extract_text(text)
    assert actors_of(doc, event_with(doc, trigger))[0] == actor1


@pytest.mark.parametrize("text,trigger,actor1", [
    ("On 3 June 2021, in Tacna, federal police dismantled a cocaine lab. Two men were arrested.", "arrested",
     "federal police"),
    ("On 22 May 2020, state police raided a hideout in a slum of Belem. A shoot-out followed and one gunman "
     "was wounded.", "shoot", "state police"),
    ("Police said a bomb exploded in the market. Two men were arrested.", "arrested", None),
], ids=["arrest-after-raid", "fight-after-operation", "not-a-speaker"])
def test_an_agentless_arrest_or_fight_continues_the_operation_before(extract_text, text, trigger, actor1):
    doc = extract_text(text)
    assert actors_of(doc, event_with(doc, trigger))[0] == actor1


@pytest.mark.parametrize("text,trigger,actor1", [
    ("Indian troops remained on alert along the border after the raids.", "alert", "Indian troops"),
    ("Canada speeded up the withdrawal of some troops from Latvia on Friday.", "withdrawal", "Canada"),
    ("President Halonen of Finland was quoted on Monday as saying she would gladly host talks between the "
     "rivals.", "host", "President Halonen"),
], ids=["remained-on", "own-forces-withdrawn", "quoted-as-saying"])
def test_sources_in_light_and_nested_phrases(extract_text, text, trigger, actor1):
    doc = extract_text(text)
    assert actors_of(doc, event_with(doc, trigger))[0] == actor1


def test_an_outlet_can_be_acted_on(extract_text):
    doc = extract_text("The junta ordered the newspaper Al-Wasat to suspend publication.")
    a1, a2 = actors_of(doc, event_with(doc, "suspend"))
    assert a1 == "The junta" and a2 is not None and "Al-Wasat" in a2


def test_a_hyphenated_pair_names_both_sides_of_talks(extract_text):
    doc = extract_text("The latest round of Serbia-Kosovo talks in Brussels ended without a deal.")
    assert actors_of(doc, event_with(doc, "talks")) == ("Serbia", "Kosovo")


def test_who_gathers_for_a_rally_holds_it(extract_text):
    doc = extract_text("Thousands of Kenyans were converging on Friday for a rally in Nairobi to protest the tax bill.")
    assert actors_of(doc, event_with(doc, "rally"))[0] == "Kenyans"


@pytest.mark.parametrize("text,actor", [
    ("Members of the Association of Nigerian Lawyers investigated the detention of 40 migrants.",
     "the Association of Nigerian Lawyers"),
    ("Hindu fundamentalists began a hunger strike outside the court.", "Hindu fundamentalists"),
], ids=["association", "fundamentalists"])
def test_group_nouns_name_actors(extract_text, text, actor):
    doc = extract_text(text)
    assert actor in [a.text for a in doc.actors]


def test_forces_deployed_in_a_country_named_in_two_words(extract_text):
    doc = extract_text("The Arab League on Monday rejected a plea for its peacekeeping troops to be stationed in "
                       "Sierra Leone.")
    assert actors_of(doc, event_with(doc, "rejected"))[1] == "Sierra Leone"


def test_troops_on_alert_in_a_place(extract_text):
    doc = extract_text("Indian troops remained on alert in Bhutan today after the attacks.")
    assert actors_of(doc, event_with(doc, "alert")) == ("Indian troops", "Bhutan")


def test_a_stance_is_held_by_its_passive_subject(extract_text):
    doc = extract_text("Turkey is opposed to Swedish mediation in peace negotiations with Syria, an aide said.")
    assert actors_of(doc, event_with(doc, "opposed")) == ("Turkey", "Swedish")


@pytest.mark.parametrize("text,trigger,actor1,actor2", [
    # "to X" parsed as a dative: the recipient, not the thing given
    ("Norway is providing satellite images and other military intelligence to Chad, officials said.", "providing",
     "Norway", "Chad"),
    # "under investigation / attack": the one under it is acted on
    ("A French engineer has been placed under investigation in Spain for his role in the smuggling ring.",
     "investigation", None, "French"),
    # forces named by their country are not the source's own forces
    ("Germany on Tuesday defended the duty of Turkey soldiers to shoot at smugglers in Syria.", "defended",
     "Germany", "Turkey soldiers"),
    # "were engaged in fighting": the passive subject does the fighting
    ("Government troops were engaged in heavy fighting against rebel fighters near the border.", "engaged",
     "Government troops", "rebel fighters"),
    # a demand's "that" clause hung on the verb: its subject is the one the demand is made on
    ("The World Health Organization reiterated its demand today that Sudan lift restrictions on vaccines.",
     "demand", "The World Health Organization", "Sudan"),
    # the ambassador summoned to hear a complaint is its target, before what it is about
    ("On Monday, the Polish foreign minister summoned Belarus's ambassador Ivan Petrov to complain of harassment "
     "over the border incidents.", "complain", "the Polish foreign minister", "ambassador"),
    # a protest "in defiance of X" is against X, not the country it happens in
    ("Hundreds of students blocked roads in Belarus in defiance of the police to demand new elections.", "blocked",
     "students", "the police"),
], ids=["dative-to", "under-investigation", "named-forces", "engaged-in", "demand-that", "summoned-to-complain",
        "in-defiance-of"])
def test_targets_the_parser_hides(extract_text, text, trigger, actor1, actor2):
    doc = extract_text(text)
    a1, a2 = actors_of(doc, event_with(doc, trigger))
    assert a2 is not None and actor2 in a2
    if actor1 is not None:
        assert a1 == actor1


def _parsed(nlp, words, heads, deps, pos):
    from spacy.tokens import Doc
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_preposition_objects_through_dative_and_reduced_clause(nlp):
    """The parser's two ways of hiding the object of "to": a dative "to", and a preposition left empty because
    its noun became the subject of a reduced clause ("granted asylum to officers hiding there")."""
    from wirewatch.extract.events.roles import _prep_objects
    dative = _parsed(nlp, ["Norway", "provided", "maps", "to", "Chad", "."], [1, 1, 1, 1, 3, 1],
                     ["nsubj", "ROOT", "dobj", "dative", "pobj", "punct"],
                     ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"])
    assert [t.text for t in _prep_objects(dative[1], ("to",))] == ["Chad"]
    dangling = _parsed(nlp, ["Peru", "granted", "asylum", "to", "officers", "hiding", "there", "."],
                       [1, 1, 1, 1, 5, 1, 5, 1],
                       ["nsubj", "ROOT", "dobj", "prep", "nsubj", "advcl", "advmod", "punct"],
                       ["PROPN", "VERB", "NOUN", "ADP", "NOUN", "VERB", "ADV", "PUNCT"])
    assert [t.text for t in _prep_objects(dangling[1], ("to",))] == ["officers"]
    assert _prep_objects(dangling[1], ("with",)) == []
