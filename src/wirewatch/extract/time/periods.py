"""Interpreters for stretches and repetitions of time: 'last week', 'the third quarter', 'a year earlier',
'34 days', 'the past eight years', 'month-long', 'recently', 'every Tuesday'."""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .lexicon import lexicon, number_value
from .reading import PAST_RELS, Anchored, Context, Reading, duration_value, unit_code, year_for

_NEWS_RELS = frozenset({"this", "last", "next", "current", "coming", "past", "previous", "the current", "the past",
                        "the last"})
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_NUM_RANGE = re.compile(r"\s(?:to|or)\s|\d\s*-\s*\d")
_NOUN_STOP = frozenset({"account", "accounts", "affairs", "events", "flows", "flow", "assets", "liabilities"})
_BARE_BEFORE = frozenset({"for", "in", "over", "within", "take", "took", "takes", "taking", "lasted", "last",
                          "lasting", "spent", "spend", "spends"})
_ADVERB_ONLY = frozenset({"quarterly", "annually", "yearly"})
_YEARISH = re.compile(r"(?:1[6-9]|20)\d\d")
_DAY_BEFORE = re.compile(r"\s+(?P<w>before|after)(?=\s*[,.;:!?]|\s+(?:that|then)\b)", re.I)
_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(?P<mon>[A-Z][a-z]{2,8}\.?)\s+(?P<d>\d{1,2})\b")


def _season_year(ref: dt.date, season: str, rel: str) -> int:
    y, cur = cal.season_of(ref)
    i, j = cal.SEASON_ORDER.index(season), cal.SEASON_ORDER.index(cur)
    if rel in PAST_RELS:
        return y if i < j else y - 1
    if rel in ("next", "coming"):
        return y if i > j else y + 1
    return y


def _weekend(ctx: Context, offset: int, shift: int) -> str | None:
    """The weekend meant: 'over the weekend' in a Monday story is the one just gone."""
    if ctx.dct is None:
        return None
    d = cal.shift(ctx.dct, "W", shift)
    if shift == 0 and ctx.dct.isoweekday() <= 5 and ctx.tense_at(offset) != "future":
        d = cal.shift(ctx.dct, "W", -1)
    return cal.render(d, "WE")


def r_deictic(m: re.Match, ctx: Context) -> Reading | None:
    rel = re.sub(r"\s+", " ", m["rel"])
    rel = "past" if rel == "this past" else rel  # 'this past weekend': the one just gone
    word = re.sub(r"\s+", " ", m["unit"])
    edge = m["edge"] or ""
    s, e = m.start(), m.end()
    # 'that summer', 'the end of the year', 'the next spring' in a history: the story's time, not the article's
    ref = ctx.dct if rel in _NEWS_RELS else ctx.story_date(s) or ctx.dct
    if ctx.mid_sentence_capital(m.start()) or ctx.text[m.start("unit")].isupper() and ctx.capital(m.start()):
        return None  # "This Week", a programme
    if word in SEASONS:
        if ref is None:
            return Reading("DATE", None, s, e)
        r = rel.replace("the ", "") if rel not in ("the", "that") else "this"
        return Reading("DATE", f"{_season_year(ref, SEASONS[word], r):04d}-{SEASONS[word]}", s, e)
    unit = unit_code(word)
    if word == "period":
        if rel in ("the latest", "the same", "that", "the current"):
            prefer = "reported" if rel == "the latest" else "quarter"
            return Reading("DATE", Anchored("Q", 0, "Q", prefer), s, e, anchor=False)
        return None
    if unit == "D" and rel in ("the next", "the following") or rel == "the following":
        return Reading("DATE", Anchored(unit, 1, unit, "day" if unit in ("D", "W") else "coarse"), s, e, False)
    if rel in ("the previous", "the preceding", "the prior") and unit in ("D", "W"):
        return Reading("DATE", Anchored(unit, -1, unit, "day"), s, e, False)
    if rel in ("the same", "that", "that same"):
        prefer = "day" if unit in ("D", "W") else "quarter" if unit == "Q" else "coarse"
        return Reading("DATE", Anchored(unit, 0, unit, prefer), s, e, False)
    if unit in ("D", "W", "M", "Y") and rel == "the" and not edge and (adv := _DAY_BEFORE.match(ctx.text, e)):
        # 'The day before, the envoy had resigned': the day before the one the story last named; so 'down from
        # $450 million the year before' after 'last year' is the year before that one, not the article's
        n = -1 if adv["w"].lower() == "before" else 1
        prefer = "date" if unit == "D" else "mention"  # 'last year ... the year before': the one just named
        return Reading("DATE", Anchored(unit, n, unit, prefer), s, adv.end("w"), False)
    if unit == "D" or rel == "those":
        return None
    if rel == "the full":  # 'sales for the full year': the year being reported on
        return Reading("DATE", ref and str(ref.year), s, e) if unit == "Y" and not edge else None
    if rel in ("the past", "the last", "the next") and not edge:
        return Reading("DURATION", duration_value(1, unit), s, e)
    if rel == "the latest":  # the latest results: a quarter already over, not a forecast named since
        return Reading("DATE", Anchored("Q", 0, "Q", "reported"), s, e, False) if unit == "Q" else None
    if rel == "the":
        if unit == "WE":
            return Reading("DATE", _weekend(ctx, s, 0), s, e)
        if unit == "Q" and not edge:
            ended = _ENDED.match(ctx.text, e)
            if ended and ref is not None:
                mo, d = lexicon().months[ended["mon"].lower().rstrip(".")], int(ended["d"])
                y = year_for(ctx, mo, d, ended.start("mon"))
                return Reading("DATE", f"{y}-Q{(mo - 1) // 3 + 1}", s, e)
            return Reading("DATE", Anchored("Q", 0, "Q", "quarter"), s, e, False)
        if unit == "Y" and not edge:
            if re.match(r"\s+(?:ended|ending|to)\b", ctx.text[e:e + 8]):
                return Reading("DURATION", "P1Y", s, e)
            return Reading("DATE", ref and str(ref.year), s, e)
        if not edge:
            return None
        shift = 0
    elif rel in ("this", "current", "the current"):
        shift = 0
    elif rel in PAST_RELS or rel in ("the previous", "the prior", "the preceding"):
        shift = -1
    else:
        shift = 1
    if ref is None:
        return Reading("DATE", None, s, e)
    if unit == "WE":
        return Reading("DATE", _weekend(ctx, s, shift), s, e, shift == 0)
    if unit == "H2":
        return Reading("DATE", cal.render(cal.add_months(ref, 6 * shift), "H"), s, e, shift == 0)
    return Reading("DATE", cal.render(cal.shift(ref, unit, shift), unit), s, e, shift == 0)


_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4, "1st": 1, "2nd": 2, "3rd": 3,
        "4th": 4, "1q": 1, "2q": 2, "3q": 3, "4q": 4}


def r_quarter(m: re.Match, ctx: Context) -> Reading | None:
    """'the third quarter', 'next year's first quarter', 'the last half of 1989' (H2), 'the first two quarters
    of 1990' (H1), 'the last half of the '80s' (a part of a decade: TIMEX3 writes the decade)."""
    ordw = re.sub(r"\s+", " ", m["ord"])
    u = m["u"]
    if m["dec"] or m["dyy"]:
        return Reading("DATE", m["dec"] or "19" + m["dyy"], m.start(), m.end())
    if ordw.endswith(" two"):
        if u != "quarters" or not m["y"]:
            return None
        return Reading("DATE", f"{m['y']}-H{1 if ordw.startswith('first') else 2}", m.start(), m.end())
    if u in ("period", "quarters"):
        return None
    if ordw in ("last", "latter") and not (m["y"] or m["yrel"]):
        return None  # 'the last quarter' alone is the one before this (deictic)
    n = _ORD.get(ordw, 4)
    if u == "half":
        n = 2 if ordw in ("final", "last", "latter") else n
        if n > 2:
            return None
    det = re.sub(r"\s+", " ", m["det"] or "")
    if m["y"]:
        y: int | None = int(m["y"])
    elif ctx.dct is None:
        y = None
    else:
        rel = m["yrel"] or (det.split()[0] if det.endswith("year's") else "")  # "next year's first quarter"
        y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
        current = cal.quarter_of(ctx.dct) if u == "quarter" else (1 if ctx.dct.month <= 6 else 2)
        if not rel and n > current and ctx.tense_at(m.start()) != "future":
            y -= 1
    code = f"Q{n}" if u == "quarter" else f"H{n}"
    value = f"{y:04d}-{code}" if y else None
    return Reading("DATE", value, m.start(), m.end())


def r_unitadj(m: re.Match, ctx: Context) -> Reading | None:
    unit, kind = unit_code(m["u"]), m["k"]
    if m["pl"]:  # 'decades-long battle', 'a years-old slump': an unspecified stretch
        if kind not in ("long", "old") or kind == "old" and is_age(ctx, m.end()):
            return None
        return Reading("DURATION", duration_value(None, unit), m.start(), m.end())
    if kind == "old":
        if is_age(ctx, m.end()):
            return None  # ages ('a 6-year-old') are not times in TimeML
        return Reading("DURATION", duration_value(1, unit), m.start(), m.end())
    if kind == "long":
        return Reading("DURATION", duration_value(1, unit), m.start(), m.end())
    if kind == "end":
        return Reading("DATE", ctx.dct and str(ctx.dct.year) if unit == "Y" else ctx.dct and cal.render(ctx.dct, unit),
                       m.start(), m.end())
    noun = re.sub(r"\s+", " ", m["n"] or "")
    if kind in ("earlier", "ago") and not noun and ctx.text[m.end("u")].isspace() and re.search(r"\b(?:an?|one)\s+$", ctx.text[max(0, m.start() - 4):m.start()],
                                                           re.I):
        return None  # 'A day earlier': the count is part of the expression (rule 'ago'), not 'day earlier'
    if noun.endswith("months"):
        return Reading("DURATION", duration_value(number_value(noun.split()[0]), "M"), m.start(), m.end())
    return Reading("DATE", Anchored(unit, -1, None, "coarse"), m.start(), m.end(), False)


def r_periodago(m: re.Match, ctx: Context) -> Reading | None:
    """'the quarter a year ago', 'the corresponding period last year', "last year's quarter": one expression
    in TimeML, the quarter being reported moved back a year."""
    return Reading("DATE", Anchored("Y", -1, None, "coarse"), m.start(), m.end(), False)


def r_ago(m: re.Match, ctx: Context) -> Reading | None:
    direction = m["dir"].split()[0]
    back = direction in ("ago", "earlier", "back", "previously")
    unit = unit_code(m["unit"])
    n = number_value(m["num"]) if m["num"] else None
    if m["num"] and _NUM_RANGE.search(m["num"]):
        n = None
    relative = direction in ("earlier", "later")
    if relative and (unit in ("H", "MIN", "S", "D", "W") or n is None or n != int(n)):
        # "three days later", "an hour earlier": TimeML tags the stretch, the adverb is a signal
        end = m.start("dir")
        while end > m.start() and ctx.text[end - 1].isspace():
            end -= 1
        return Reading("DURATION", duration_value(n, unit), m.start(), end)
    if n is None or n != int(n):
        return Reading("DATE", "PAST_REF" if back else "FUTURE_REF", m.start(), m.end(), False)
    k = int(n) * (-1 if back else 1)
    if unit in ("H", "MIN", "S"):
        return Reading("DATE", ctx.dct and ctx.dct.isoformat(), m.start(), m.end(), False)
    if unit in ("E", "C"):
        unit, k = "Y", k * (10 if unit == "E" else 100)
    if unit in ("FN", "WE"):
        unit, k = "W", k * (2 if unit == "FN" else 1)
    if relative or (unit == "Y" and abs(k) == 1):
        return Reading("DATE", Anchored(unit, k, None if unit == "Y" else unit,
                                        "day" if unit in ("D", "W") else "coarse"), m.start(), m.end(), False)
    if ctx.dct is None:
        return Reading("DATE", None, m.start(), m.end(), False)
    return Reading("DATE", cal.render(cal.shift(ctx.dct, unit, k), unit if unit != "Q" else "Q"), m.start(), m.end(),
                   False)


# states of affairs whose age is a stretch of time ('the 8-month-old truce'); other things' ages (a person, an
# alliance, a building) are not times in TimeML
_ONGOING = frozenset({"truce", "ceasefire", "cease-fire", "war", "slump", "dispute", "strike", "conflict", "crisis",
                      "siege", "occupation", "blockade", "embargo", "boycott", "standoff", "stand-off", "insurgency",
                      "rebellion", "uprising", "campaign", "battle", "offensive", "feud", "recession", "drought",
                      "shutdown", "lockdown", "curfew", "moratorium", "freeze", "stalemate", "deadlock", "protest",
                      "protests", "fighting", "violence", "investigation", "probe", "negotiations", "talks"})


def is_age(ctx: Context, end: int) -> bool:
    """'a 6-year-old boy', 'the 50-year-old alliance': an age, not a time. 'the IRA's 8-month-old truce',
    'a years-old slump': how long a state of affairs has lasted, a stretch of time (TimeML tags it)."""
    nxt = ctx.tokens.at(end + 1) if ctx.text[end:end + 1] == " " else None
    if nxt is not None and nxt.pos_ in ("ADJ",) and nxt.i + 1 < len(nxt.doc):
        nxt = nxt.doc[nxt.i + 1]  # 'a years-old economic slump'
    return nxt is None or nxt.lower_ not in _ONGOING


_OFFSET_NEXT = re.compile(r"\s+(?:after|before|later|earlier)\b")


def _set_context(ctx: Context, start: int, end: int) -> bool:
    """'$5 a year', 'four flights a week': a rate, so a SET; not 'lifted a boy out of the ruins a day after the
    earthquake', an offset from a happening."""
    if _OFFSET_NEXT.match(ctx.text, end):
        return False
    prev = ctx.tokens.before(start)
    return prev is not None and (prev.pos_ in ("NOUN", "NUM", "SYM", "PROPN") or prev.like_num) \
        and prev.lower_ not in ("times", "time")


def r_duration(m: re.Match, ctx: Context) -> Reading | None:
    word = m["unit"]
    num = m["num"] or ""
    unit = unit_code(word)
    if m["tail"] and "old" in m["tail"] and is_age(ctx, m.end()):
        return None  # ages are not times in TimeML ('a 6-year-old boy'); 'the 8-month-old truce' is a stretch
    start = m.start()
    if m["tail"] and num in ("a", "an") and m[0].startswith(num):
        start = m.start("num") + len(num) + 1  # 'a decade-long dispute': the article belongs to the noun
    if word == "second" or ctx.mid_sentence_capital(m.start("unit")):
        return None  # 'a second attack', 'the 1988 second quarter', '60 Minutes'
    if _YEARISH.fullmatch(num) and not word.endswith("s"):
        return None  # 'the 1988 quarter': a year, see yearq
    if word.startswith("quarter") and ctx.text[m.end():m.end() + 3] == " of" and not m[0].startswith("the"):
        return None  # 'three quarters of the food': a fraction
    if num in ("a", "an") and _set_context(ctx, m.start(), m.end()):
        return None  # '$5 a year', 'four flights a week': a rate, which TimeML leaves untagged
    if num == "one" and word == "day" and (prev := ctx.tokens.before(m.start())) is not None and prev.tag_ == "MD":
        return Reading("DATE", "FUTURE_REF", m.start(), m.end())  # 'Islam will one day be ...': some day ahead
    if m["vague"] or (num and _NUM_RANGE.search(num)):
        n = None
    else:
        n = number_value(num)
        if n is None:
            return None
        if m["half"]:
            n += 0.5
    return Reading("DURATION", duration_value(n, unit), start, m.end())


def r_bareunits(m: re.Match, ctx: Context) -> Reading | None:
    prev = ctx.tokens.before(m.start())
    if prev is None or prev.lower_ not in _BARE_BEFORE or re.match(r"\s+(?:of|ago|later|earlier)\b",
                                                                    ctx.text[m.end():m.end() + 9]):
        return None
    return Reading("DURATION", duration_value(None, unit_code(m["unit"])), m.start(), m.end())


def r_vagueunits(m: re.Match, ctx: Context) -> Reading | None:
    if m["unit2"]:  # 'the weeks ahead', 'the years that followed': a vague stretch, like 'the coming weeks'
        return Reading("DURATION", duration_value(None, unit_code(m["unit2"])), m.start(), m.end())
    q, unit = m["q"], unit_code(m["unit"])
    if q in ("following", "ensuing", "subsequent", "intervening") and not m[0].startswith("the"):
        return None  # 'following months of talks' is not said; 'in the following weeks' is a stretch
    if q == "future":
        return Reading("DATE", "FUTURE_REF", m.start(), m.end())
    if q == "past" and not m[0].startswith("the"):
        return Reading("DATE", "PAST_REF", m.start(), m.end())
    return Reading("DURATION", duration_value(None, unit), m.start(), m.end())


def r_ref(m: re.Match, ctx: Context) -> Reading | None:
    w = re.sub(r"\s+", " ", m["w"])
    after = ctx.text[m.end():m.end() + 12].lower()
    if after[:1] == "-":
        return None
    if w in ("current", "recent", "future"):
        nxt = ctx.tokens.at(m.end() + 1)
        if w != "future" and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ") or nxt.lower_ in _NOUN_STOP):
            return None
    if w == "soon" and (re.match(r"\s+(?:after|as|afterwards?)\b", after)
                        or ctx.text[max(0, m.start() - 3):m.start()].lower() == "as "):
        return None
    if w == "the moment":
        prev = ctx.tokens.before(m.start())
        if prev is None or prev.lower_ not in ("at", "for"):
            return None
    if w == "current" and ctx.text[max(0, m.start() - 5):m.start()].lower() in ("then ", "then-"):
        return Reading("DATE", "PAST_REF", m.start() - 5, m.end())  # 'the then current price': current then
    return Reading("DATE", lexicon().refs[w], m.start(), m.end())


def r_set(m: re.Match, ctx: Context) -> Reading | None:
    lex = lexicon()
    if m["w"]:
        tok = ctx.tokens.at(m.start())
        if tok is not None and (tok.pos_ in ("NOUN", "PROPN") or m["w"] in _ADVERB_ONLY and tok.pos_ != "ADV"):
            return None  # 'the party daily Granma' (a newspaper), 'its quarterly dividend' (a payment)
        if m["w"] in _ADVERB_ONLY and _set_context(ctx, m.start(), m.end()):
            return None  # '$17 million annually', 'rise 8% annually': a rate, like '$5 a year' (untagged)
        return Reading("SET", lex.sets[m["w"]], m.start(), m.end())
    word = m["unit"].rstrip(".")
    if word in lex.weekdays:
        return Reading("SET", f"XXXX-WXX-{lex.weekdays[word]}", m.start(), m.end())
    if word in lex.parts_of_day:
        return Reading("SET", f"XXXX-XX-XXT{lex.parts_of_day[word]}", m.start(), m.end())
    if word in lex.months:
        return Reading("SET", f"XXXX-{lex.months[word]:02d}", m.start(), m.end())
    num = re.sub(r"\s+", " ", m["num"] or "")
    if num in ("few", "several", "couple of"):  # 'every few weeks'
        return Reading("SET", duration_value(None, unit_code(word)), m.start(), m.end())
    n = number_value(num) if num else 1
    return Reading("SET", duration_value(n or 1, unit_code(word)), m.start(), m.end())


def _is_now(ctx: Context, start: int) -> bool:
    """The phrase is the complement of a present-tense 'be' ('today is the eighth day', "it's the second")."""
    tok = ctx.tokens.at(start)
    if tok is None:
        return False
    head = tok.head if tok.dep_ != "ROOT" else tok
    for _ in range(3):
        if head.lemma_ == "be" or head.dep_ == "ROOT":
            break
        head = head.head
    return head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP")


def r_ordinal(m: re.Match, ctx: Context) -> Reading | None:
    """'its fifth week' in a present-tense clause: the current week; otherwise an unknown one."""
    unit = unit_code(m["unit"])
    if m["det"] == "the":
        # 'today is the eighth day of the blockade', "it's the second day of the offensive": the current day;
        # 'the first day of the trial' told in the past is left alone (TimeML tags it rarely)
        if ctx.dct is None or not re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]) or not _is_now(ctx, m.start()):
            return None
        return Reading("DATE", cal.render(ctx.dct, unit), m.start(), m.end(), False)
    if ctx.dct is not None and ctx.tense_at(m.start()) == "present":
        return Reading("DATE", cal.render(ctx.dct, unit), m.start(), m.end(), False)
    unknown = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}[unit]
    return Reading("DATE", unknown, m.start(), m.end(), False)
