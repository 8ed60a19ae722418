"""Casualty, displacement and capture figures on sentences written for these tests."""

from __future__ import annotations

import pytest

from wirewatch.extract import Found
from wirewatch.extract.figures import find, read_quantity
from wirewatch.model import Article


@pytest.fixture(scope="module")
def figures(nlp):
    def _figures(text: str):
        return find(nlp(text), Found(article=Article(id="t"), text=text))["figures"]
    return _figures


def one(figs, category):
    hits = [f for f in figs if f.category == category]
    assert len(hits) == 1, figs
    return hits[0]


def test_qualifier_stays_with_its_own_number(figures):
    figs = figures("Officials said at least 9 villagers were killed and 41 injured in the shelling.")
    killed, injured = one(figs, "killed"), one(figs, "injured")
    assert (killed.value, killed.low, killed.qualifier, killed.who) == (9, 9, "at_least", "villagers")
    assert (injured.value, injured.qualifier) == (41, "exact")
    assert len(figs) == 2



def test_killed_or_injured_vague(figures):
    figs = figures("The months of bombing have killed or injured thousands.")
    f = one(figs, "killed_or_injured")
    assert f.value is None and f.qualifier == "vague" and f.text == "thousands"
    assert len(figs) == 1


def test_nearly_n_million_fled(figures):
    f = one(figures("The war forced nearly 2-million to flee across the border."), "displaced")
    assert (f.value, f.high, f.qualifier) == (2_000_000, 2_000_000, "nearly")


def test_vague_deaths_with_who(figures):
    f = one(figures("Hundreds of residents may have died in the besieged town, the agency said."), "killed")
    assert f.qualifier == "vague" and f.value is None and f.who == "residents"
    assert f.text == "Hundreds of residents"


def test_vague_word_kept_in_span_with_its_convention(figures):
    f = one(figures("Several gunmen were killed when the patrol returned fire."), "killed")
    assert (f.qualifier, f.low, f.value) == ("vague", 3, 10)     # least "several" is used for; ACLED's number
    assert f.text.lower().startswith("several")


@pytest.mark.parametrize("text, category, value", [
    ("Police detained two suspected smugglers near the border.", "captured", 2),
    ("Three suspected militants were arrested on Monday.", "captured", 3),
    ("Forty protesters were taken into custody.", "captured", 40),
    ("The raid killed twenty-five fighters.", "killed", 25),
    ("Eleven people remain missing after the landslide.", "missing", 11),
    ("The floods have displaced some 300,000 people.", "displaced", 300_000),
    ("The blast left 14 people dead.", "killed", 14),
    ("The strike caused 23 casualties.", "killed_or_injured", 23),
    ("The death toll rose to 57.", "killed", 57),
    ("Police shot dead three gunmen.", "killed", 3),
    ("The patrol came under fire and returned fire, killing him.", "killed", 1),
    ("Soldiers captured a rebel commander.", "captured", 1),
    ("A shopkeeper was shot to death by a gang.", "killed", 1),
    ("Gunmen beat a farmer to death near the well.", "killed", 1),
    ("A guard was fatally stabbed at the gate.", "killed", 1),
    ("The strike resulted in the death of a bystander.", "killed", 1),
    ("Twelve fighters were reported killed in the clash.", "killed", 12),
    ("The activist was arrested and later found killed.", "killed", 1),
    ("Four villagers killed and ten wounded in the clashes.", "killed", 4),
    ("On 3 March 2021, in Harbin, Heilongjiang, a trader was killed by robbers.", "killed", 1),
    ("Around 8 March 2021 (as reported), in Tula, a woman was found dead near a bridge.", "killed", 1),
    ("Troops killed a rebel sub-commander at dawn.", "killed", 1),
    ("Police detained an Army of Liberation commander.", "captured", 1),
    ("The soldiers killed two herders and 20 cattle.", "killed", 2),
    ("Gunmen killed one dahalo near the village.", "killed", 1),
    ("Masked men assassinated a district judge outside his home.", "killed", 1),
    ("Al-Shabaab fighters shot a farmer, resulting in his death.", "killed", 1),
    ("Five corpses of suspected bandits were discovered on Friday.", "killed", 5),
])
def test_forms(figures, text, category, value):
    f = one(figures(text), category)
    assert f.value == value, f


def test_coordinated_people_are_summed(figures):
    f = one(figures("The unit arrested a local commander along with four of his guards."), "captured")
    assert f.value == 5


@pytest.mark.parametrize("text", [
    "We are eight people around the table.",
    "We have two buckets of water and three bags of rice.",
    "The talks lasted 34 days.",
    "They asked for guarantees like Article 5 of the treaty.",
    "It was the worst fighting since World War 2.",
    "The soldier, 34, had served for years.",
    "The region was annexed in 2014.",
    "Prices rose 20 percent.",
    "The ministry paid $4 million in compensation.",
    "No civilians were hurt in the incident.",
    "The thief fled the scene on foot.",
    "Russia failed to capture any major city.",
])
def test_not_figures(figures, text):
    assert figures(text) == []


def test_age_is_not_the_count(figures):
    f = one(figures("A 12-year-old girl was killed by shrapnel."), "killed")
    assert f.value == 1


@pytest.mark.parametrize("phrase, value, low, high, qualifier", [
    ("at least 12", 12, 12, None, "at_least"),
    ("more than 30", 30, None, None, "more_than"),
    ("nearly 4-million", 4_000_000, None, 4_000_000, "nearly"),
    ("about 1.5 million", 1_500_000, None, None, "about"),
    ("up to 40", 40, None, 40, "at_most"),
    ("between 10 and 15", None, 10, 15, "exact"),
    ("two hundred and fifty", 250, None, None, "exact"),
    ("dozens", None, 12, None, "vague"),
    ("hundreds", None, 100, None, "vague"),
    ("a few", None, 3, None, "vague"),
    ("several", 10, 3, None, "vague"),
    ("many", 10, 4, None, "vague"),
    ("a number of", 10, 3, None, "vague"),
    ("an unknown number of", 10, 1, None, "vague"),
    ("a couple of", 2, 2, None, "vague"),
    ("both", 2, None, None, "exact"),
    ("several dozen", None, 24, None, "vague"),
    ("two dozen", 24, None, None, "exact"),
])
def test_read_quantity(phrase, value, low, high, qualifier):
    q = read_quantity(phrase)
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, qualifier)


def test_spans_are_exact(figures):
    text = "In the port, at least 7 sailors were killed and 12 wounded; dozens more went missing."
    for f in figures(text):
        assert text[f.start:f.end] == f.text


@pytest.mark.parametrize("text", [
    "The group tried to assassinate the governor.",
    "They threatened to kill 100 hostages.",
])
def test_attempts_and_threats_count_nobody(figures, text):
    assert [f for f in figures(text) if f.category == "killed"] == []


def test_the_same_people_can_be_wounded_and_detained(figures):
    figs = figures("The three wounded were detained by the police.")
    assert {(f.category, f.value) for f in figs} == {("injured", 3), ("captured", 3)}


def test_captured_or_killed_is_other(figures):
    f = one(figures("Troops captured or killed a large number of fighters."), "other")
    assert f.qualifier == "vague" and "a large number of" in f.text


def test_place_and_time_come_from_the_same_sentence(extract_text):
    doc = extract_text("In Kharkiv on Monday, at least 5 people were killed, officials said.")
    (f,) = [f for f in doc.figures if f.category == "killed"]
    places = {p.id: p.text for p in doc.places}
    times = {t.id: t.text for t in doc.times}
    if places:
        assert places.get(f.place) == "Kharkiv"
    if times:
        assert times.get(f.time) == "Monday"


def test_seed_article_figures(extract_text, seed_text):
    doc = extract_text(seed_text)
    got = sorted(((f.category, f.value, f.low, f.qualifier) for f in doc.figures), key=repr)
    assert got == sorted([
        ("killed", 12, 12, "at_least"), ("injured", 33, None, "exact"),
        ("displaced", 4_000_000, None, "nearly"), ("killed_or_injured", None, 2000, "vague"),
        ("killed", None, 2000, "vague"),
    ], key=repr)
    vague_killed = [f for f in doc.figures if f.category == "killed" and f.qualifier == "vague"]
    assert vague_killed[0].who == "civilians"


def test_a_date_like_number_is_not_a_count(figures):
    f = one(figures("The raid killed 9/11 plotter Khalid Umar."), "killed")
    assert f.value == 1


def test_fatally_wounded_is_killed_not_injured(figures):
    figs = figures("Three guards were fatally wounded in the attack.")
    assert [(f.category, f.value) for f in figs] == [("killed", 3)]


def test_sentenced_to_death_kills_nobody(figures):
    assert figures("The court sentenced two men to death.") == []


def test_nominal_killing_with_a_range(figures):
    f = one(figures("The raid led to the killing of 4 militants and 2-3 soldiers."), "killed")
    assert (f.value, f.low, f.high) == (None, 6, 7)


@pytest.mark.parametrize("text", [
    "He is accused of the murder of three traders.",
    "She was responsible for the deaths of several civilians.",
    "Police foiled the attempted assassination of the mayor.",
    "Neither deaths nor injuries were reported.",
    "It is unclear whether there were fatalities.",
    "The number of dead could not be established.",
    "Fatalities coded as 10, the number being unknown.",
])
def test_no_count_of_a_happening(figures, text):
    assert [f for f in figures(text) if f.category in ("killed", "killed_or_injured")] == []


@pytest.mark.parametrize("text, kept", [
    ("Troops detained a militia chief who is linked to a bombing that killed six guards in March.", [("captured", 1)]),
    ("The cell was responsible for the ambush on the convoy which killed nine drivers.", []),
    ("Police arrested two men suspected of killing a shopkeeper.", [("captured", 2)]),
    ("The raid killed a commander involved in the attack, which wounded four nurses.", [("killed", 1)]),
    ("Gunmen killed three guards at the gate.", [("killed", 3)]),
    ("Officials blamed the rebels for a blast that killed eleven people.", [("killed", 11)]),
    ("A suspect killed in the raid was buried on Friday.", [("killed", 1)]),
])
def test_a_record_told_to_say_who_someone_is_counts_nobody(figures, text, kept):
    """A casualty verb under linked to / responsible for / suspected of names someone's record, not a happening
    the article reports; "blamed ... for" reports the blast."""
    assert [(f.category, f.value) for f in figures(text)] == kept


@pytest.mark.parametrize("text, kept", [
    ("Eight Taliban were killed during the ambush.", [("killed", 8)]),                  # a number on a group's name
    ("A rebel sub-commander was killed.", [("killed", 1)]),                             # "a" on the split "sub"
    ("A Taliban sub-commander and two of his bodyguards were detained.", [("captured", 3)]),   # subjects split
    ("Police said the driver was killed, along with his two passengers.", [("killed", 3)]),   # passive + along with
    ("One gunman was killed and his accomplice detained.", [("killed", 1), ("captured", 1)]),  # "was" left out
    ("Two men fired on the post; one was killed and the other was detained.", [("killed", 1), ("captured", 1)]),
    ("The raid killed one hundred and twelve fighters.", [("killed", 112)]),
    ("The brawl led to the death of a neighbour.", [("killed", 1)]),      # not "[verb] to death"
    ("A trader was abducted and later found dead.", [("captured", 1), ("killed", 1)]),
    ("On 7 May, a district police commander and 3 officers were killed by a landmine.", [("killed", 4)]),
    ("Ambush: On 9 June, 4 bandits were killed and 2 were wounded near the ford.", [("killed", 4), ("injured", 2)]),
    ("A local party official and lawyer was shot dead by gunmen.", [("killed", 1)]),   # one man, two roles
])
def test_counted_phrases_the_parser_splits(figures, text, kept):
    assert [(f.category, f.value) for f in figures(text)] == kept


def test_fatalities_without_a_number(figures):
    f = one(figures("The fighting continued, incurring fatalities on both sides."), "killed")
    assert (f.qualifier, f.low, f.value) == ("vague", 2, 10)      # plural: at least two; ACLED's 10


def test_killed_and_wounded_together(figures):
    figs = figures("Police killed and wounded a number of rioters.")
    both, dead = one(figs, "killed_or_injured"), one(figs, "killed")
    assert (both.low, both.value) == (3, 10)
    assert (dead.low, dead.value, dead.qualifier) == (1, 10, "vague")   # some died: at least one


def test_killed_and_wounded_a_number_gives_bounds(figures):
    dead = one(figures("Nine rebels were killed and wounded in the raid."), "killed")
    assert (dead.value, dead.low, dead.high) == (None, 1, 9)


def test_killed_and_wounded_a_large_number_takes_acleds_unknown_count(figures):
    dead = one(figures("Gunmen killed and wounded 40 pilgrims at the shrine."), "killed")
    assert (dead.value, dead.low, dead.high) == (10, 1, 40)      # the split is not given: an unknown count


@pytest.mark.parametrize("text, whole", [
    ("The shelling reportedly killed/injured 30 herders near the well.", 30),
    ("Ten villagers were killed/wounded when the bridge was shelled.", 10),
    ("The mortar round left 14 people killed/injured.", 14),
])
def test_a_slash_between_killed_and_injured_reads_as_and(figures, text, whole):
    figs = figures(text)
    both, dead = one(figs, "killed_or_injured"), one(figs, "killed")
    assert both.value == whole and (dead.low, dead.high) == (1, whole)
    assert not [f for f in figs if f.category == "injured"]


@pytest.mark.parametrize("text, low, high", [
    ("Between three and 11 of the miners drowned when the shaft flooded.", 3, 11),
    ("The militia killed between two and five of them.", 2, 5),
    ("Bandits kidnapped between 20 and 25 students.", 20, 25),
])
def test_between_x_and_y_is_one_range_not_two_counts(figures, text, low, high):
    [f] = figures(text)
    assert (f.value, f.low, f.high) == (None, low, high)


def test_killed_injured_or_captured_is_other(figures):
    f = one(figures("Two porters were killed, hurt or seized in the ambush."), "other")
    assert f.value == 2


def test_detained_and_killed_counts_the_same_man_twice(figures):
    figs = figures("The activist was arrested and later found killed.")
    assert {(f.category, f.value) for f in figs} == {("captured", 1), ("killed", 1)}


def test_kidnapped_up_to_and_no_object_borrowed(figures):
    figs = figures("Bandits kidnapped up to 16 traders and burned a series of huts.")
    assert [(f.category, f.value, f.high, f.qualifier) for f in figs] == [("captured", 16, 16, "at_most")]


def test_an_ordinal_is_not_a_count(figures):
    assert [f.value for f in figures("Two drivers died and a 4th was hurt.") if f.value == 3] == []


def test_a_day_of_the_month_is_not_a_count(figures):
    assert [f.value for f in figures("Around 8 May 2020, in Tula, a woman was found dead.")] == [1]
