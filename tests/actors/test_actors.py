"""Actors on sentences written for these tests: spans, names, sectors, countries, coreference, sides."""

from __future__ import annotations

import pytest

from wirewatch.extract import Found
from wirewatch.extract.actors import actor_lexicon, find, find_actors
from wirewatch.model import Article


@pytest.fixture(scope="module")
def actors(nlp):
    def _actors(text: str):
        return find(nlp(text), Found(article=Article(id="t"), text=text))["actors"]
    return _actors


def by_text(actors, text):
    hits = [a for a in actors if a.text == text]
    assert hits, [a.text for a in actors]
    return hits[0]


def test_title_demonym_and_name(actors):
    acts = actors("Polish deputy foreign minister Marek Nowak met reporters in Warsaw.")
    a = by_text(acts, "Polish deputy foreign minister Marek Nowak")
    assert (a.name, a.kind, a.country_code) == ("Marek Nowak", "GOV", "PL")


def test_surname_title_and_pronoun_share_one_name(actors):
    text = ("Kenyan President Daniel Otieno rejected the plan. Otieno said the talks had failed. "
            "His government will respond, President Otieno added.")
    acts = actors(text)
    names = {a.name for a in acts if a.text in ("Kenyan President Daniel Otieno", "Otieno", "His",
                                                "President Otieno")}
    assert names == {"Daniel Otieno"}
    assert by_text(acts, "Otieno").country_code == "KE"


def test_armed_forces_get_country_and_mil(actors):
    a = by_text(actors("Georgian troops shelled the village."), "Georgian troops")
    assert (a.kind, a.country_code) == ("MIL", "GE")


def test_country_as_agent_is_a_government_actor(actors):
    acts = actors("Serbia promised to withdraw its police from the border.")
    a = by_text(acts, "Serbia")
    assert (a.kind, a.country_code) == ("GOV", "RS")


def test_country_as_plain_location_is_not_an_actor(actors):
    assert not [a for a in actors("The refugees arrived in Serbia on foot.") if a.text == "Serbia"]


def test_dictionary_actors(actors):
    acts = actors("The Pentagon and NATO disputed the figures, the Interfax news agency reported.")
    assert (by_text(acts, "The Pentagon").name, by_text(acts, "The Pentagon").country_code) == ("Pentagon", "US")
    assert by_text(acts, "NATO").kind == "IGO" and by_text(acts, "NATO").country_code is None
    assert by_text(acts, "the Interfax news agency").kind == "MED"


def test_acronyms_match_case_sensitively(actors):
    acts = actors("Officials who spoke to us said the WHO team was ready.")
    assert not [a for a in acts if a.text.lower() in ("who", "us")]


def test_bare_title_links_to_the_last_holder(actors):
    text = "Chilean defence minister Ana Rojas visited the base. The minister told reporters it was secure."
    a = by_text(actors(text), "The minister")
    assert a.name == "Ana Rojas" and a.country_code == "CL"


def test_it_said_links_to_the_last_speaker(actors):
    text = ("The bridge was closed, said Norway's foreign ministry. "
            "\"The situation is calm,\" it said in a statement.")
    a = by_text(actors(text), "it")
    assert a.name == "Norway's foreign ministry" and a.country_code == "NO"


def test_sides_follow_the_two_fighting_countries(actors):
    text = ("Armenian forces attacked positions held by Azerbaijani troops. "
            "Azerbaijan said its army repelled the attack. Armenia denied the offensive failed. "
            "French diplomats called for calm.")
    acts = actors(text)
    assert by_text(acts, "Armenian forces").side == "AM"
    assert by_text(acts, "Azerbaijani troops").side == "AZ"
    assert by_text(acts, "French diplomats").side is None


def test_no_sides_without_a_conflict(actors):
    acts = actors("Danish officials met Swedish officials to discuss fishing quotas.")
    assert all(a.side is None for a in acts)


def test_user_dictionary_file(tmp_path, nlp):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# phrase\tname\tkind\tcountry\nBlue Lantern Brigade\tBlue Lantern Brigade\tREB\tMM\n",
                     encoding="utf-8")
    text = "The Blue Lantern Brigade seized the pass."
    acts = find_actors(nlp(text), Found(article=Article(id="t"), text=text), actor_lexicon(str(extra)))
    a = next(a for a in acts if "Blue Lantern Brigade" in a.text)
    assert (a.name, a.kind, a.country_code) == ("Blue Lantern Brigade", "REB", "MM")


def test_spans_are_exact(actors):
    text = "Headline here\n\nTurkish police detained the suspect, the Anadolu agency said."
    for a in actors(text):
        assert text[a.start:a.end] == a.text
        assert "\n" not in a.text


def test_bad_user_dictionary_names_file_and_line(tmp_path):
    from wirewatch.errors import WirewatchError
    bad = tmp_path / "bad.tsv"
    bad.write_text("Only one column here\n", encoding="utf-8")
    with pytest.raises(WirewatchError, match=r"bad.tsv:1"):
        actor_lexicon(str(bad))


def test_possessive_country_is_an_actor(actors):
    a = by_text(actors("Egypt's offer was rejected by the rebels."), "Egypt")
    assert (a.kind, a.country_code) == ("GOV", "EG")


def test_seed_article_actors(extract_text, seed_text):
    doc = extract_text(seed_text)
    by = {a.text: a for a in doc.actors}
    z = by["Ukrainian President Volodymyr Zelensky"]
    assert (z.name, z.kind, z.country_code, z.side) == ("Volodymyr Zelensky", "GOV", "UA", "UA")
    assert by["His"].name == "Volodymyr Zelensky"
    assert by["Ukrainian forces"].country_code == "UA" and by["Ukrainian forces"].kind == "MIL"
    f = by["Russian deputy defence minister Alexander Fomin"]
    assert f.country_code == "RU" and f.kind in ("GOV", "MIL")
    assert {a.name for a in doc.actors if a.text in ("Fomin", "the minister")} == {"Alexander Fomin"}
    assert any(a.text == "Russia" and a.kind == "GOV" and a.country_code == "RU" for a in doc.actors)
    assert by["the Pentagon"].country_code == "US"


def test_sides_tie_goes_to_the_country_named_first():
    """Two parties are picked by how many fighting sentences name them; on a tie the one named first wins,
    in every process (a set of country codes used to decide it, so the answer followed the hash seed)."""
    from types import SimpleNamespace

    from wirewatch.extract.actors import _sides
    from wirewatch.extract.actors.mentions import Mention

    codes = ["AA", "KE", "QZ", "MX", "BR", "TT", "NO"]          # 'AA' three times, the rest twice each
    tokens = [SimpleNamespace(lemma_="attack") for _ in range(3)]
    doc = SimpleNamespace(user_data={"ww_tokens": tokens, "ww_bounds": ((0, 1), (1, 2), (2, 3)),
                                     "ww_sentence_of": (0, 1, 2)})
    plan = [(0, codes[1:] + ["AA"]), (1, codes[:0:-1] + ["AA"]), (2, ["AA"])]  # one sentence = one token
    mentions = [Mention(0, 1, SimpleNamespace(i=sent), kind="MIL", country=code)
                for sent, named in plan for code in named]
    assert _sides(mentions, doc) == {"AA", "KE"}


def test_acled_names_and_inter_codes(actors):
    text = ("Russian troops shelled the village. Police arrested two protesters. "
            "Unidentified gunmen killed a farmer. The rioters burned a bus. UN peacekeepers patrolled the road.")
    acts = actors(text)
    assert (by_text(acts, "Russian troops").acled_name, by_text(acts, "Russian troops").inter) == (
        "Military Forces of Russia", 1)
    assert by_text(acts, "two protesters").inter == 6
    assert (by_text(acts, "Unidentified gunmen").acled_name, by_text(acts, "Unidentified gunmen").inter) == (
        "Unidentified Armed Group", 3)
    assert by_text(acts, "The rioters").inter == 5
    assert by_text(acts, "UN peacekeepers").inter == 8


def test_an_unmarked_force_belongs_to_the_country_the_article_is_set_in(extract_text):
    doc = extract_text("On 4 May, police shot dead a robber in Larkana city (Larkana, Sindh).")
    police = next(a for a in doc.actors if a.text == "police")
    assert police.country_code == "PK"
    assert police.acled_name == "Police Forces of Pakistan"


def test_state_forces_abroad_are_external(extract_text):
    doc = extract_text("Turkish forces shelled a village near Tell Abiad (Raqqa, Syria) on Monday.")
    turks = next(a for a in doc.actors if a.text == "Turkish forces")
    assert (turks.country_code, turks.inter) == ("TR", 8)


def test_forces_of_a_named_country(actors):
    acts = actors("The military forces of Armenia shelled a border post held by the military forces of Azerbaijan.")
    assert [a.country_code for a in acts if "military forces" in a.text] == ["AM", "AZ"]


def test_a_named_actor_keeps_no_borrowed_country(extract_text):
    doc = extract_text("The Bush administration said China must drop its barriers in Shanghai.")
    bush = next(a for a in doc.actors if "Bush" in a.text)
    assert bush.country_code != "CN"
