"""Toponym resolution: pick each mention's GeoNames entry from priors and the article's own context.

Score of a candidate = population prior + feature prior + how the name is attached to it, plus context:
a qualifier right after it ("Alexandria, La."), the countries and first-level divisions the article
names (weighted by how often), the dateline place, a type word ("Donetsk region" -> the division), and
nearness to the places already settled. One sense per article: every mention of a name gets the entry
its best-evidenced mention got. Confidence is the softmax share of the winner, times recognition evidence.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from ...gazetteer import Candidate
from ...geo import haversine_km
from .recognize import Mention

FEATURE_PRIOR = {"PCLI": 5.0, "PCLS": 3.0, "PCLD": 3.0, "CONT": 5.0, "ADM1": 1.5, "ADM2": -1.0, "ADM3": -2.0,
                 "PPLC": 3.0, "RGN": 4.0, "SEA": 4.0, "OCN": 4.0, "GULF": 4.0, "PEN": 3.0, "MTS": 2.0, "ISL": 2.0,
                 "ADMD": -1.0}
KIND_PRIOR = (0.0, -0.3, -4.5, -5.0)
ADMIN_CODES = {"ADM1", "ADM2", "ADM3", "ADMD", "PCLI", "PCLS", "PCLD", "RGN"}


@dataclass(frozen=True, slots=True)
class Resolved:
    mention: Mention
    candidate: Candidate | None
    confidence: float
    located_by: Candidate | None = None  # unknown here, but said to lie in or near this place: its point


def _prior(c: Candidate, m: Mention) -> float:
    s = math.log10(c.population + 10) + FEATURE_PRIOR.get(c.feature_code, 0.0) + KIND_PRIOR[min(c.kind, 3)]
    if c.kind == 2 and c.population >= 100_000:
        s += 1.5 if c.population < 1_000_000 else 3.0  # a big city's other name is in use ('Calcutta', 'Wien')
    if c.lat is None:
        s -= 3.0
    if c.population == 0 and (c.feature_class in ("H", "L", "T") or c.feature_code == "AIRP"):
        s += 5.0  # supplement regions, seas and airports carry no population
    if m.admin_hint:  # 'Donetsk region' is the oblast; 'the Houston region' is no county but the city's area
        fits = c.feature_code in ADMIN_CODES and not (m.region_word and c.feature_code in ("ADM2", "ADM3"))
        s += 6.0 if fits else -6.0
    elif m.town_hint and c.feature_code in ADMIN_CODES and any(
            o.feature_class == "P" and o.country_code == c.country_code and o.kind <= c.kind for o in m.candidates):
        s -= 4.0  # 'Dar'a city', 'Puno city': the town, not its governorate or region
    return s


def _rival(c: Candidate, top: Candidate) -> bool:
    """Whether another reading of a name is strong enough that the name cannot vote for its top reading's
    country: a country, a first-level division or a city of 50,000 elsewhere, under that very name."""
    return c.country_code != top.country_code and c.kind <= 1 and (
        c.feature_code in ("PCLI", "PCLS", "PCLD", "ADM1") or c.population >= 50_000)


def _context_countries(mentions: list[Mention]) -> tuple[Counter[str], Counter[tuple[str, str]],
                                                         Counter[tuple[str, str]]]:
    """Countries and first-level divisions the article names without ambiguity (name counts), and the votes that
    do not come from the text naming a place of the country: a demonym's ('Turkish forces'), and each name's own
    vote for the one country all its places lie in, as (name key, country): a demonym's under the key ''."""
    countries: Counter[str] = Counter()
    own: Counter[tuple[str, str]] = Counter()
    admins: Counter[tuple[str, str]] = Counter()
    for m in mentions:
        if not m.candidates:
            continue
        top = max(m.candidates, key=lambda c: _prior(c, m))
        if top.feature_code in ("PCLI", "PCLS", "PCLD", "ADM1") and any(_rival(c, top) for c in m.candidates):
            continue  # 'Georgia': the state or the country; 'Savannah': a region of Ghana or the city in the US
        if top.feature_code not in ("PCLI", "PCLS", "PCLD", "ADM1") and not m.demonym:
            named = {c.country_code for c in m.candidates if c.kind <= 1}
            if len(named) == 1 and m.evidence >= 0.5:
                cc = named.pop()   # 'Henry County', 'Mariupol': every place of that name is in one country
                countries[cc] += 0.5
                own[(m.key, cc)] += 0.5
        elif top.feature_code in ("PCLI", "PCLS", "PCLD"):
            countries[top.country_code] += 1
            if m.demonym:
                own[("", top.country_code)] += 1
        elif top.feature_code == "ADM1":
            countries[top.country_code] += 1
            admins[(top.country_code, top.admin1_code or "")] += 1
        for q in m.qualifier:
            countries[q.country_code] += 2
            if q.feature_code == "ADM1":
                admins[(q.country_code, q.admin1_code or "")] += 2
    return countries, admins, own


_KM_PER_DEGREE = 6371.0 * math.pi / 180  # a great-circle distance is at least this times the latitude gap


def _km(a: Candidate, lat: float, lon: float) -> float:
    if a.lat is None or a.lon is None:
        return 20000.0
    return haversine_km(a.lat, a.lon, lat, lon)


def _closeness(c: Candidate, others: list[tuple[Candidate, float]]) -> float:
    """How much the other settled places of the article sit near this candidate (0 … 3)."""
    if c.lat is None or not others:
        return 0.0
    total = 0.0
    for o, weight in others:
        if o.geonameid == c.geonameid or o.lat is None:
            continue
        if o.feature_class not in ("P", "S") and o.feature_code not in ("ADM2", "ADM3"):
            continue
        if abs(o.lat - c.lat) * _KM_PER_DEGREE > 400.5:  # the latitude gap alone puts it out of reach
            continue
        d = _km(c, o.lat, o.lon)
        total += weight * (1.0 if d < 40 else 0.7 if d < 120 else 0.35 if d < 400 else 0.0)
    return min(3.0, total)


def _near_bonus(c: Candidate, anchor: Candidate | None) -> float:
    """'Rubizhne, north of Kharkiv': the candidate that lies near the place it is said to be near."""
    if anchor is None or anchor.lat is None or c.lat is None:
        return 0.0
    d = _km(c, anchor.lat, anchor.lon)
    return 6.0 if d < 80 else 3.0 if d < 200 else -1.0


def _level(c: Candidate) -> str:
    return "country" if c.feature_code in ("PCLI", "PCLS", "PCLD") else "division" if c.feature_code == "ADM1" \
        else "town" if c.feature_class in ("P", "S") else c.feature_code


def _list_bonus(c: Candidate, mates: list[Candidate]) -> float:
    """'Alberta, Manitoba, Ontario and New Brunswick': a name listed with provinces (or countries) is one too."""
    if not mates:
        return 0.0
    levels = Counter(_level(o) for o in mates)
    level, n = levels.most_common(1)[0]
    if level not in ("country", "division") or n * 2 <= len(mates):
        return 0.0
    same_cc = level == "country" or any(o.country_code == c.country_code for o in mates)
    return 2.5 if _level(c) == level and same_cc else 0.0


def _score(c: Candidate, m: Mention, countries: Counter[str], admins: Counter[tuple[str, str]],
           others: list[tuple[Candidate, float]], dateline_cc: str | None, near: Candidate | None = None,
           mates: list[Candidate] | None = None, pairs: dict[int, float] | None = None) -> float:
    s = _prior(c, m) + _near_bonus(c, near) + _list_bonus(c, mates or [])
    total = sum(countries.values()) or 1
    if c.country_code in countries:
        s += 1.5 + 3.0 * countries[c.country_code] / total
    elif total >= 1 and c.feature_class == "P":
        s -= 1.5  # a town abroad, in an article that names other countries only
    if c.feature_code not in ("PCLI", "ADM1") and (c.country_code, c.admin1_code or "") in admins:
        s += 1.5 + min(1.5, 0.5 * admins[(c.country_code, c.admin1_code or "")])
    if dateline_cc and c.country_code == dateline_cc:
        s += 1.0
    if m.qualifier:
        if any(q.country_code == c.country_code and (q.feature_code != "ADM1" or q.admin1_code == c.admin1_code)
               for q in m.qualifier):
            s += 8.0
        else:
            s -= 3.0
    if c.feature_class in ("P", "S") or c.feature_code in ("ADM2", "ADM3"):
        s += 1.2 * _closeness(c, others)
    if c.feature_code in ("ADM2", "ADM3") and c.kind > 0 and not m.admin_hint:
        s -= 2.0  # 'New York' is the city before it is New York County
    if c.kind > 0 and (c.feature_class in ("P", "S") or c.feature_code in ("ADM2", "ADM3")) and any(
            o.kind == 0 and o.country_code == c.country_code and (o.feature_code in ("PCLI", "PCLS", "PCLD") or (
                o.feature_code == "ADM1" and o.admin1_code == c.admin1_code)) for o in m.candidates):
        s -= 2.0  # 'New York', 'Mexico': the name of the state or country, only another name of its city
    s += _support(c, others)
    if pairs:
        s += 2.0 * pairs.get(c.geonameid, 0.0)
    return s


def _support(c: Candidate, others: list[tuple[Candidate, float]]) -> float:
    """Other places of the article settled in the same country / first-level division as this candidate."""
    same_cc = sum(w for o, w in others if o.country_code == c.country_code and o.geonameid != c.geonameid)
    same_a1 = sum(w for o, w in others if c.admin1_code and o.country_code == c.country_code
                  and o.admin1_code == c.admin1_code and o.geonameid != c.geonameid)
    a1_weight = 1.0 if c.feature_code == "ADM1" else 0.4 if c.feature_code != "PCLI" else 0.0
    return 0.6 * min(4.0, same_cc) + a1_weight * min(3.0, same_a1)


LOCAL = ("ADM2", "ADM3")
SURE = 0.8  # a first-round reading this confident counts as context
PAIR_KM = 50.0  # two ambiguous names with namesakes this close: read together ('Paris and Henry County')


def _pairs(mentions: list[Mention]) -> dict[int, float]:
    """Candidates that have a namesake of another name of the article close by: 'Paris and Henry County' are
    Paris, Tennessee and Henry County, Tennessee, whatever the prior of Paris, France. Two names chosen at
    random seldom have namesakes within 50 km of each other (a few % of US pairs), so such a pair is evidence.
    geonameid -> number of other names with such a namesake (at most 2)."""
    groups: dict[str, list[Candidate]] = {}
    for m in mentions:
        if m.demonym or not m.candidates or m.key in groups:
            continue
        local = [c for c in _shortlist(m) if c.lat is not None and c.kind <= 1
                 and (c.feature_class in ("P", "S") or c.feature_code in LOCAL)]
        if local:
            groups[m.key] = local
    if len(groups) < 2:
        return {}
    # two world-famous names (a capital or a city of a million) have namesakes side by side in many places
    # ('Paris' and 'London' in Arkansas, Kentucky, Ohio): for such a pair the coincidence is no evidence
    famous = {m.key for m in mentions if m.key in groups and any(
        c.kind <= 1 and (c.feature_code == "PPLC" or c.population >= 1_000_000) for c in m.candidates)}
    out: dict[int, float] = {}
    lat_gap = PAIR_KM / _KM_PER_DEGREE
    for k, cands in groups.items():
        for c in cands:
            hits = 0
            for other, neighbours in groups.items():
                if k in famous and other in famous:
                    continue
                if other != k and any(o.geonameid != c.geonameid and abs(o.lat - c.lat) < lat_gap
                                      and _km(c, o.lat, o.lon) < PAIR_KM for o in neighbours):
                    hits += 1
                    if hits == 2:
                        break
            if hits:
                out[c.geonameid] = float(hits)
    return out


def _shortlist(m: Mention, size: int = 12) -> list[Candidate]:
    """The candidates worth weighing against the context: the best by prior, plus any the qualifier names."""
    if len(m.candidates) <= size:
        return m.candidates
    ranked = sorted(m.candidates, key=lambda c: -_prior(c, m))
    keep = ranked[:size]
    keep += [c for c in ranked[size:] if any(q.country_code == c.country_code and q.admin1_code in (None, c.admin1_code)
                                             for q in m.qualifier)]
    return keep


def _decide(mentions: list[Mention], countries: Counter[str], admins: Counter[tuple[str, str]],
            others: dict[tuple[str, bool], tuple[Candidate, float]], dateline_cc: str | None,
            pairs: dict[int, float] | None = None) -> dict[tuple[str, bool], tuple[Candidate, float]]:
    """One sense per (name, division?) group: the best-evidenced mention of the group decides."""
    decided: dict[tuple[str, bool], tuple[Candidate, float]] = {}
    for m in sorted(mentions, key=lambda m: -(len(m.qualifier) > 0) - m.evidence):
        group = (m.key, m.admin_hint)
        if group in decided or not m.candidates:
            continue
        context = [(c, w) for g, (c, w) in others.items() if g != group]
        near = others.get((m.near.key, m.near.admin_hint)) if m.near is not None else None
        mates = [others[g][0] for o in m.listed if (g := (o.key, o.admin_hint)) in others and g != group]
        scored = sorted(((_score(c, m, countries, admins, context, dateline_cc, near[0] if near else None, mates,
                                 pairs), c)
                         for c in _shortlist(m)), key=lambda sc: -sc[0])
        best_score, best = scored[0]
        z = sum(math.exp(min(0.0, sc - best_score)) for sc, _ in scored)
        decided[group] = (best, 1.0 / z)
    return decided


def resolve(mentions: list[Mention], dateline_key: str | None = None,
            cues: Counter[str] | None = None) -> list[Resolved]:
    """Resolve every mention (in place order); mentions without candidates come back unresolved.

    `cues`: countries the text points to without naming them (a sheriff's office, an oblast), as votes."""
    countries, admins, own = _context_countries(mentions)
    countries.update(cues or {})
    # the countries the text points to by naming their places, before the readings vote (not a demonym's, and
    # for each name not its own vote for the one country all its places are in: 'Gara' votes for Hungary)
    pointed = +(countries - Counter({cc: v for (name, cc), v in own.items() if not name}))
    dateline_cc = None
    if dateline_key:
        for m in mentions:
            if m.key == dateline_key and m.candidates:
                dateline_cc = max(m.candidates, key=lambda c: _prior(c, m)).country_code
                break
    if dateline_cc:
        pointed[dateline_cc] += 1   # the dateline says where the story is told
    pairs = _pairs(mentions)
    decided = _decide(mentions, countries, admins, {}, dateline_cc, pairs)
    # second round: every name is read against where the others were placed in the first
    for c, share in decided.values():
        if c.feature_class == "P" and c.country_code:
            countries[c.country_code] += 0.5
        if (c.feature_class == "P" or c.feature_code in ("ADM2", "ADM3")) and c.admin1_code and share >= SURE:
            admins[(c.country_code, c.admin1_code)] += 0.5  # a town read with confidence says which state
    _vote_ambiguous(mentions, decided, countries, admins)
    decided = _decide(mentions, countries, admins, decided, dateline_cc, pairs)
    decided = _decide(mentions, countries, admins, decided, dateline_cc, pairs)
    _agree_hosts(mentions, decided)
    out: list[Resolved] = []
    for m in mentions:
        got = decided.get((m.key, m.admin_hint))
        host = _host(m, decided)
        if got is not None and _stray(got[0], pointed - Counter({got[0].country_code: own[(m.key, got[0].country_code)]})):
            got = None
        if got is None or (host is not None and got[0].population < 50_000 and not _inside(got[0], host)):
            # 'Ashulia town (Savar, Dhaka)', 'Hamirpur village near Rapar': a village the gazetteer does not
            # know (or knows only far away) is placed where the text says it lies, at that place's point
            out.append(Resolved(m, None, round(0.3 * m.evidence, 3), host if host and host.lat is not None else None))
            continue
        cand, share = got
        out.append(Resolved(m, cand, round(max(0.01, min(0.99, share * m.evidence)), 3)))
    return out


STRAY_PEOPLE = 10_000   # a village abroad this small is a namesake, not the place, in a story told elsewhere


def _stray(c: Candidate, pointed: Counter[str]) -> bool:
    """A village in a country the text never points to, in a text that points to others ('Gara' in a story of
    Dahuk province, Iraq, read as Hungary's): the gazetteer knows the name only elsewhere, and the place is a village it
    lacks. Left unresolved, the events stage takes the place named with it."""
    return bool(pointed) and c.feature_class == "P" and c.population < STRAY_PEOPLE and c.country_code not in pointed


def _agree_hosts(mentions: list[Mention], decided: dict[tuple[str, bool], tuple[Candidate, float]]) -> None:
    """'Gainesville, Georgia': the second name is the division the first was placed in (the state, not the
    country), when it can name that division."""
    for m in mentions:
        b = m.within
        if b is None or (got := decided.get((m.key, m.admin_hint))) is None:
            continue
        c = got[0]
        current = decided.get((b.key, b.admin_hint))
        fits = [q for q in b.candidates if q.geonameid != c.geonameid and q.country_code == c.country_code and (
            q.feature_code in ("PCLI", "PCLS", "PCLD") or q.feature_code == "ADM1" and q.admin1_code == c.admin1_code)]
        if not fits or current is None:
            continue
        cur = current[0]
        if cur.country_code == c.country_code and (cur.feature_code != "ADM1" or cur.admin1_code == c.admin1_code) \
                and (cur.feature_code in ("PCLI", "PCLS", "PCLD", "ADM1", "ADM2") or cur.feature_class == "P"):
            continue
        best = min(fits, key=lambda q: (q.feature_code != "ADM1", q.kind))
        decided[(b.key, b.admin_hint)] = (best, current[1])


def _host(m: Mention, decided: dict[tuple[str, bool], tuple[Candidate, float]]) -> Candidate | None:
    """The resolved place a mention is said to lie in or near ('(Savar, Dhaka)', 'near Rapar'), if any."""
    for other in (m.within, m.near):
        if other is not None and other is not m and (got := decided.get((other.key, other.admin_hint))):
            if got[0].feature_class in ("P", "S", "A") and got[0].feature_code not in ("PCLI", "PCLS", "PCLD"):
                return got[0]
    return None


def _inside(c: Candidate, host: Candidate) -> bool:
    """Whether a candidate can lie in/near its host: within 60 km of a town, in the same division as a region."""
    if c.feature_class not in ("P", "S") or c.lat is None:
        return True  # a division qualified by another ('Donetsk Oblast, Ukraine') is left as decided
    if host.feature_class in ("P", "S"):
        return _km(c, host.lat, host.lon) < 60 if host.lat is not None else True
    if c.country_code != host.country_code:
        return False
    if host.feature_code == "ADM1":
        return c.admin1_code == host.admin1_code
    limit = 150 if host.feature_code in ("ADM2", "ADM3") else 400
    return host.lat is None or _km(c, host.lat, host.lon) < limit


def _vote_ambiguous(mentions: list[Mention], decided: dict[tuple[str, bool], tuple[Candidate, float]],
                    countries: Counter[str], admins: Counter[tuple[str, str]]) -> None:
    """'Georgia' could not vote before it was read; once the first round has read it as the US state (from
    'Atlanta', a county, a sheriff), each of its mentions counts for that state like an unambiguous name."""
    for m in mentions:
        got = decided.get((m.key, m.admin_hint))
        if got is None or m.demonym:
            continue
        c = got[0]
        if c.feature_code not in ("ADM1", "PCLI", "PCLS", "PCLD") or not any(_rival(o, c) for o in m.candidates):
            continue  # unambiguous names voted already
        countries[c.country_code] += 1
        if c.feature_code == "ADM1":
            admins[(c.country_code, c.admin1_code or "")] += 1
