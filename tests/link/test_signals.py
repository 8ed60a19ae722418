"""The signals of sameness one by one: dates with their precision, place hierarchy, lead words, type families."""

from __future__ import annotations

import datetime as dt

from wirewatch.link import LinkRules, Profile, Report, cluster_reports, decide
from wirewatch.link.dates import event_span, gap_days, meets
from wirewatch.link.evidence import evidence, related_types
from wirewatch.link.places import Where, relation
from wirewatch.link.text import cosine, lead_vector

D = dt.date
KHARKIV = Where("Kharkiv", 706483, "P", "PPLA", "Kharkiv Oblast", "UA", 49.98, 36.25)
SALTIVKA = Where("Saltivka", 6722148, "P", "PPLX", "Kharkiv Oblast", "UA", 50.02, 36.35)
OBLAST = Where("Kharkiv Oblast", 706482, "A", "ADM1", "Kharkiv Oblast", "UA", 49.5, 36.5)
VILLAGE = Where("Vovchansk", 690000, "P", "PPL", "Kharkiv Oblast", "UA", 50.29, 36.94)
ODESA = Where("Odesa", 698740, "P", "PPLA", "Odessa Oblast", "UA", 46.49, 30.74)
UKRAINE = Where("Ukraine", 690791, "A", "PCLI", None, "UA", 49.0, 32.0)


def test_an_event_date_is_an_interval_of_its_precision() -> None:
    assert event_span("2023-05-08", D(2023, 5, 10), lag=4).lo == D(2023, 5, 8)
    week = event_span("2022-W13", None, lag=4)
    assert (week.lo, week.hi, week.precision) == (D(2022, 3, 28), D(2022, 4, 3), "week")
    month = event_span("2024-02", None, lag=4)
    assert (month.lo, month.hi) == (D(2024, 2, 1), D(2024, 2, 29))
    published = event_span(None, D(2023, 5, 10), lag=4)
    assert (published.lo, published.hi, published.own) == (D(2023, 5, 6), D(2023, 5, 10), False)
    assert event_span("soon", None, lag=4) is None


def test_reports_published_days_apart_meet_but_named_days_a_week_apart_do_not() -> None:
    first = event_span("2023-03-03", None, lag=4)
    assert meets(first, event_span(None, D(2023, 3, 5), lag=4), slack=1)      # the follow-up two days later
    assert gap_days(first, event_span("2023-03-10", None, lag=4)) == 7


def test_place_hierarchy() -> None:
    assert relation(SALTIVKA, KHARKIV, max_km=25) == "near"          # a district and its city
    assert relation(VILLAGE, OBLAST, max_km=25) == "within"          # a village and its oblast
    assert relation(KHARKIV, UKRAINE, max_km=25) == "within"         # a city and its country
    assert relation(KHARKIV, ODESA, max_km=25) == "apart"            # two cities
    assert relation(ODESA, OBLAST, max_km=25) == "apart"             # a city outside the oblast
    assert relation(KHARKIV, Where("kharkiv"), max_km=25) == "same"


def test_lead_words_leave_out_dateline_and_outlet_and_weigh_names() -> None:
    text = "KYIV, May 8 (Steppe Wire) - A missile hit a school in Sloviansk, officials said."
    vec = lead_vector(None, text, dateline="KYIV, May 8 (Steppe Wire) -", source="Steppe Wire", names=3)
    assert "steppe" not in vec and "kyiv" not in vec and "said" not in vec
    assert max(vec, key=vec.get) == "sloviansk"
    other = lead_vector(None, "Missile strikes school in Kramatorsk, killing four.", names=3)
    same = lead_vector("Sloviansk school hit by missile", "Rescuers searched the school.", names=3)
    assert cosine(vec, same) > cosine(vec, other)


def test_type_families() -> None:
    assert related_types("ASSAULT", "COERCE") == "violence"
    assert related_types("CONSULT", "AGREE") == "talks"
    assert related_types("ASSAULT", "CONSULT") is None


def _report(uid: str, **kw) -> Report:
    base = dict(article_id=uid.split("#")[0], outlet=uid[:1], type="ASSAULT", day=D(2023, 6, 14),
                when=event_span("2023-06-14", None, lag=4), where=KHARKIV, place="Kharkiv",
                words=lead_vector(None, "Shelling hit apartment blocks in Kharkiv, wounding six."))
    base.update(kw)
    return Report(uid=uid, **base)


def _profile(r: Report) -> Profile:
    p = Profile(id="k1")
    p.add(r, LinkRules())
    return p


def test_unrelated_types_are_kept_apart_unless_both_lead_their_stories() -> None:
    rules = LinkRules()
    assert evidence(_report("b#e2", type="CONSULT"), _profile(_report("a#e1")), rules).veto == "types"
    leads = evidence(_report("b#e1", type="CONSULT", main=True), _profile(_report("a#e1", main=True)), rules)
    assert leads.veto is None and leads.signals["main"] is True


def test_a_place_neither_story_names_weighs_more_than_one_both_name() -> None:
    rules = LinkRules()
    far = evidence(_report("b#e1", where=ODESA), _profile(_report("a#e1")), rules)
    named = evidence(_report("b#e1", where=ODESA, mentions=frozenset({"g706483"})), _profile(_report("a#e1")), rules)
    assert far.score < named.score < evidence(_report("b#e1"), _profile(_report("a#e1")), rules).score


def test_days_far_apart_are_never_one_incident() -> None:
    ev = evidence(_report("b#e1", when=event_span("2023-08-14", None, lag=4)), _profile(_report("a#e1")), LinkRules())
    assert ev.veto == "dates"


def test_a_report_reaching_two_compatible_clusters_merges_them() -> None:
    rules = LinkRules(threshold=0.05)
    a, b = _profile(_report("a#e1")), _profile(_report("b#e1", where=SALTIVKA, place="Saltivka"))
    b.id = "k2"
    decision, changed = decide(_report("c#e1"), [a, b], rules)
    assert not decision.opened and decision.merged == ["k2"] and changed["k1"].n == 3


def test_in_memory_linking_in_order() -> None:
    groups = cluster_reports([_report("a#e1"), _report("b#e1", where=SALTIVKA), _report("c#e1", where=ODESA)])
    assert sorted(len(g) for g in groups) == [1, 2]


def test_one_name_resolved_two_ways_is_one_place_not_a_conflict() -> None:
    """'Philadelphia' resolved to the ancient name of Amman in one story and to the US city in another: the
    stories write the same name, so the places are not apart and no conflict takes the report out."""
    us = Where("Philadelphia", 4560349, "P", "PPLA2", "Pennsylvania", "US", 39.95, -75.16, text="Philadelphia")
    jo = Where("Amman", 250441, "P", "PPLC", "Amman", "JO", 31.96, 35.95, text="Philadelphia")
    assert relation(us, jo, max_km=25) == "same"
    rules = LinkRules()
    cluster = _profile(_report("a#e1", where=us, place="Philadelphia"))
    unresolved_here = _report("b#e1", where=Where("Amman", 250441, "P", "PPLC", "Amman", "JO", 31.96, 35.95),
                              mentions=frozenset({"tphiladelphia"}))       # its story writes "Philadelphia" too
    assert evidence(unresolved_here, cluster, rules).signals["place"] == "apart"      # a small penalty, no conflict
    assert evidence(_report("c#e1", where=jo), cluster, rules).signals["place"] == "same"


def test_a_report_is_compared_with_the_centroid_of_a_cluster_not_the_mean_of_its_members() -> None:
    """Five reports of one strike, each worded its own way: a sixth that shares the words they share is as close
    to the cluster of five as to a cluster of two (the mean cosine with the members would fall as it grows)."""
    from wirewatch.link.text import add_into, centroid_cosine, mean_cosine

    leads = ["Missile hits Sloviansk school, rescuers search rubble", "Sloviansk school strike: teachers dead",
             "Governor says missile destroyed Sloviansk school gym", "Sloviansk mourns after school missile strike",
             "Sloviansk school hit; toll rises, emergency service says"]
    vecs = [lead_vector(t, "", names=3) for t in leads]
    new = lead_vector("Missile strike on Sloviansk school", "", names=3)
    two, five = {}, {}
    for v in vecs[:2]:
        two = add_into(two, v, keep=60)
    for v in vecs:
        five = add_into(five, v, keep=60)
    assert centroid_cosine(new, five, 5) >= centroid_cosine(new, two, 2) - 0.05
    assert centroid_cosine(new, five, 5) > mean_cosine(new, five, 5)


def test_a_place_is_judged_against_where_most_members_are_not_a_stray_one() -> None:
    """A cluster of three Kharkiv reports and one stray report placed in Odesa: a new Odesa report is apart from
    the cluster (most members are in Kharkiv), not 'same' through the stray member."""
    rules = LinkRules()
    p = _profile(_report("a#e1"))
    for uid in ("b#e1", "c#e1"):
        p.add(_report(uid), rules)
    p.add(_report("d#e1", where=ODESA, place="Odesa"), rules)
    assert p.counts() == [3, 1]
    assert evidence(_report("e#e1", where=ODESA, place="Odesa"), p, rules).signals["place"].startswith("apart")
    assert evidence(_report("f#e1", where=SALTIVKA, place="Saltivka"), p, rules).signals["place"] == "near"
    again = Profile.from_json(p.id, p.to_json())
    assert again.counts() == [3, 1] and again.places == p.places


def test_a_name_repeated_through_a_story_does_not_carry_the_lead_by_itself() -> None:
    """Two stories of one club's two matches share its name many times; the opponents, the scorers differ. With
    counts under a square root the shared name weighs less against the names that differ."""
    a = lead_vector("Harbour City beat Rovers", "Harbour City won again. Harbour City's Okafor scored twice for "
                    "Harbour City against Rovers, and Harbour City lead the table.", names=3)
    b = lead_vector("Harbour City beat Wanderers", "Harbour City won at home. Harbour City's Lindqvist scored for "
                    "Harbour City against Wanderers, and Harbour City stay top.", names=3)
    assert cosine(a, b) < 0.5                    # 0.57 with raw counts
    assert a["harbour"] < 2 * a["okafor"]        # many mentions weigh their square root, not their number


def test_a_located_report_reaching_two_clusters_strongly_merges_them_a_placeless_one_does_not() -> None:
    """Two clusters of one incident whose members were placed apart (Kharkiv; a village the gazetteer put 60 km
    away): a report placed in Kharkiv that reaches both strongly was judged against both clusters' places and
    bridges them; a report with no place that reaches both cannot vouch that the two places are one scene."""
    rules = LinkRules(threshold=0.05, merge_margin=0.05)
    a = _profile(_report("a#e1"))
    b = _profile(_report("b#e1", where=VILLAGE, place="Vovchansk", mentions=frozenset({"g706483"})))
    b.id = "k2"
    located, _ = decide(_report("c#e1", mentions=frozenset({"g690000"})), [a, b], rules)
    assert located.merged == ["k2"]
    a = _profile(_report("a#e1"))
    b = _profile(_report("b#e1", where=VILLAGE, place="Vovchansk", mentions=frozenset({"g706483"})))
    b.id = "k2"
    placeless, _ = decide(_report("c#e1", where=None, place=None), [a, b], rules)
    assert placeless.merged == [] and placeless.cluster == "k1"
