"""Interpreters for points on the calendar: dates, months, years, decades, weekdays, 'yesterday', clock times.

Each takes the rule's match (on the lower-cased text) and the Context, and returns a Reading or None to
reject the match (the modal 'may', the car model '1987 Chevrolet', the programme 'VOA Today').
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter  # installed with dateparser

from . import calendar as cal
from .context import scheduled_present
from .lexicon import lexicon
from .reading import AMBIGUOUS_MONTHS, PAST_RELS, Anchored, Context, Reading, month_num, valid_date, year_for

_YEAR_BEFORE = frozenset({"no", "no.", "number", "article", "resolution", "route", "flight", "room", "page", "#",
                          "about", "some", "nearly", "almost", "over", "than", "model", "version", "boeing",
                          "airbus", "windows", "unit", "highway", "interstate", "chapter", "section", "rule"})


# 'the 2000 Olympics', 'his 1990 earnings projection': a determiner before a year that modifies a name
_YEAR_DET = frozenset({"the", "his", "her", "its", "their", "our", "this", "that"})


def _month_ok(ctx: Context, m: re.Match, dated: bool = False) -> bool:
    """A capitalised month; 'May', 'March', 'April' ... alone must read as a date in the parse (not the modal,
    the verb or a name). With a day or a year beside it (`dated`) it is a date whatever the tagger's entity
    ('Friday, 9 April 1940' tagged as a work of art)."""
    if not ctx.capital(m.start("mon")):
        return False
    name = m["mon"].rstrip(".")
    if not dated and name == "march" and _MARCH_EVENT.match(ctx.text, m.end("mon")) and \
            _DET_BEFORE.search(ctx.text, max(0, m.start("mon") - 30), m.start("mon")):
        return False  # 'the annual March for Life', 'the March on Washington': a demonstration's name
    return dated or name not in AMBIGUOUS_MONTHS or ctx.calendar_word(m.start("mon"))


_MARCH_EVENT = re.compile(r"\s+(?:for|of|on|to|against)\s+(?:the\s+)?[A-Z]")
_DET_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their|annual|last\s+year's|this\s+year's)\s+(?:\w+\s+)?$", re.I)


def r_iso(m: re.Match, ctx: Context) -> Reading | None:
    v = valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if v is None:
        return None
    if m["H"]:
        return Reading("TIME", f"{v}T{m['H']}:{m['M']}", m.start(), m.end())
    return Reading("DATE", v, m.start(), m.end())


def r_slash(m: re.Match, ctx: Context) -> Reading | None:
    y = int(m["y"])
    y = y if y > 99 else (1900 + y if y > 30 else 2000 + y)
    v = valid_date(y, int(m["m"]), int(m["d"]))
    return Reading("DATE", v, m.start(), m.end()) if v else None


def r_monthday(m: re.Match, ctx: Context) -> Reading | None:
    # a year, a weekday, the abbreviation's period ('Jan. 6') or a day before it ('On 3 May the town fell': the
    # tagger may read that 'May' as the modal) make it a date whatever the tagger says
    day_first = m["d"] is not None and m.start("d") < m.start("mon")
    if not _month_ok(ctx, m, dated=bool(m["y"] or m["wd"] or m["mon"].endswith(".") or day_first)):
        return None
    dw = m.groupdict().get("dw")
    if dw:  # 'March eighth', as broadcast transcripts write it: not 'the June second round'
        nxt = ctx.tokens.at(m.end() + 1) if ctx.text[m.end():m.end() + 1] == " " else None
        if m["mon"].endswith(".") or len(m["mon"]) <= 3 or not m["y"] and nxt is not None and \
                nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None
    mo = month_num(m["mon"])
    d = lexicon().ordinals[dw] if dw else int(re.match(r"\d+", m["d"])[0])
    y = int(m["y"]) if m["y"] else year_for(ctx, mo, d, m.start())
    if y is None:
        return Reading("DATE", None, m.start(), m.end())
    v = valid_date(y, mo, d)
    if v is None:
        return None
    if m.groupdict().get("wk"):
        return Reading("DATE", cal.week(dt.date.fromisoformat(v)), m.start(), m.end())
    return Reading("DATE", v, m.start(), m.end())


def r_first_day(m: re.Match, ctx: Context) -> Reading | None:
    """'12–13 May 1942', 'from 3 to 5 July', 'between 3 and 5 July': the first day is a date of its own, in the
    second one's month (the second, '13 May 1942', is read by the day-month rule)."""
    if not _month_ok(ctx, m, dated=True):
        return None
    mo, d = month_num(m["mon"]), int(re.match(r"\d+", m["d1"])[0])
    if d >= int(re.match(r"\d+", m["d"])[0]):
        return None  # '5-3 March' is no span of days
    y = int(m["y"]) if m["y"] else year_for(ctx, mo, d, m.start())
    v = valid_date(y, mo, d) if y else None
    return Reading("DATE", v, m.start("d1"), m.end("d1")) if v or y is None else None


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def r_second_day(m: re.Match, ctx: Context) -> Reading | None:
    """'the summit on April 24 and 25': the second day is a date of its own, in the first one's month (the
    first, 'April 24', is read by the month-day rule)."""
    if not _month_ok(ctx, m, dated=True):
        return None
    mo, d = month_num(m["mon"]), int(re.match(r"\d+", m["d"])[0])
    first = int(re.match(r"\d+", m["d1"])[0])
    if d <= first:
        return None  # 'March 3 and 2 other days': not a second date
    y = int(m["y"]) if m["y"] else year_for(ctx, mo, d, m.start())
    v = valid_date(y, mo, d) if y else None
    return Reading("DATE", v, m.start("d"), m.end("d")) if v or y is None else None


def r_monthyear(m: re.Match, ctx: Context) -> Reading | None:
    if not _month_ok(ctx, m, dated=True):
        return None
    y = int(m["y"]) if m["y"] else spoken_year(m["sy"])
    if not y:
        return None
    if m["nth"]:  # 'the first week of June 1942': the week holding that day of the month
        mo = month_num(m["mon"])
        last = (dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)).day
        day_ = last if m["nth"] in ("last", "final") else 1 + 7 * (_NTH[m["nth"]] - 1)
        return Reading("DATE", cal.week(dt.date(y, mo, day_)), m.start(), m.end())
    return Reading("DATE", f"{y:04d}-{month_num(m['mon']):02d}", m.start(), m.end())


def r_month(m: re.Match, ctx: Context) -> Reading | None:
    if not _month_ok(ctx, m):
        return None
    mo = month_num(m["mon"])
    if ctx.dct is None:
        story = None if m["rel"] or m["yrel"] else ctx.narrative.year_for(m.start(), mo)
        return Reading("DATE", f"{story:04d}-{mo:02d}" if story else None, m.start(), m.end())
    rel, y = (m["rel"] or "").lower(), ctx.dct.year
    if m["yrel"]:
        y += {"last": -1, "next": 1}.get(m["yrel"], 0)
    elif rel in PAST_RELS:
        y = y if mo < ctx.dct.month - 1 else y - 1
    elif rel in ("next", "coming"):
        y = y if mo > ctx.dct.month else y + 1
    elif rel != "this":
        y = year_for(ctx, mo, None, m.start("mon")) or y
    return Reading("DATE", f"{y:04d}-{mo:02d}", m.start(), m.end())


def r_year(m: re.Match, ctx: Context) -> Reading | None:
    if not m["pre"]:
        tok = ctx.tokens.at(m.start("y"))
        if tok is not None and tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "TIME",
                                                  "PRODUCT", "ORG", "FAC", "WORK_OF_ART", "LAW"):
            return None
        prev = ctx.tokens.before(m.start("y"))
        if prev is not None and (prev.lower_ in _YEAR_BEFORE or prev.pos_ == "PROPN" and prev.lower_ not in
                                 lexicon().months and not prev.is_sent_start and prev.ent_type_ != "DATE"):
            return None
        nxt = ctx.tokens.at(m.end() + 1) if m.end() < len(ctx.text) and ctx.text[m.end()] == " " else None
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.ent_type_ != "DATE" \
                and (prev is None or prev.pos_ not in ("ADP", "SCONJ") and prev.lower_ not in _YEAR_DET):
            return None
    return Reading("DATE", m["y"], m.start(), m.end())


# before a year earlier than 1600: in a history any of these; elsewhere only the first few, since a number after
# 'by', 'to', 'from', 'about' is more often a count ('cut jobs by 1200', 'rose from 1400 to 1450 points')
_OLD_YEAR_BEFORE = frozenset({"in", "since", "until", "till", "during", "circa", "c.", "year"})
_OLD_YEAR_BEFORE_IN_HISTORY = _OLD_YEAR_BEFORE | {"of", "by", "from", "after", "before", "to", "around", "between",
                                                  "and", "spring", "summer", "autumn", "fall", "winter", "early",
                                                  "late", "mid"}


def r_oldyear(m: re.Match, ctx: Context) -> Reading | None:
    """A year before 1600 ('fell in 1453', 'from 1337 to 1453' in a history): only where the words around make
    it a year ('in 1200 men', 'of 1500 troops' are counts)."""
    prev = ctx.tokens.before(m.start("y"))
    nxt = ctx.tokens.at(m.end() + 1) if ctx.text[m.end():m.end() + 1] == " " else None
    before = _OLD_YEAR_BEFORE_IN_HISTORY if ctx.narrative.in_history(m.start()) else _OLD_YEAR_BEFORE
    if prev is None or prev.lower_ not in before and not m["pre"]:
        return None
    if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") or nxt.lower_ in ("of", "more", "per")):
        return None
    if ctx.tokens.at(m.start("y")) is not None and ctx.tokens.at(m.start("y")).ent_type_ in ("MONEY", "PERCENT",
                                                                                          "QUANTITY"):
        return None
    return Reading("DATE", m["y"], m.start(), m.end())


def r_era(m: re.Match, ctx: Context) -> Reading | None:
    """'264 BC', '218 B.C.', 'AD 476', '476 CE': a year with its era, written as TIMEX values write it ('BC0264',
    '0476'). The era must be in capitals ('ad' or 'bc' in lower case is not an era)."""
    era_at = m.start("era") if m["era"] else m.start()
    if not ctx.text[era_at].isupper():
        return None
    y = int(m["y"] or m["ad"])
    if y == 0:
        return None
    bc = bool(m["era"]) and m["era"].startswith("b")
    return Reading("DATE", f"BC{y:04d}" if bc else f"{y:04d}", m.start(), m.end())


def r_year_range(m: re.Match, ctx: Context) -> Reading | None:
    """Each end of a span of years ('the war of 1914-1918', '(1950–1953)'), as TimeML tags them: two years.
    Not a pair that cannot be a span (a later year first, or centuries apart: '1200-1500' is a count)."""
    if "y2" in m.re.groupindex:
        first, second = int(m["y"]), int(m["y2"])
    else:  # the second year: the first stands just before the dash
        first, second = int(ctx.text[m.start() - 5:m.start() - 1]), int(m["y"])
    if not 0 < second - first <= 100 or min(first, second) < 1000:
        return None
    return Reading("DATE", m["y"], m.start(), m.end())


def r_decade(m: re.Match, ctx: Context) -> Reading | None:
    if m["dw"]:
        if not m[0].startswith("the"):
            return None
        return Reading("DATE", f"19{lexicon().decades[m['dw']]}", m.start(), m.end())
    return Reading("DATE", m["y"] if m["y"] else "19" + m["yy"], m.start(), m.end())


def weekday_date(ctx: Context, wd: int, rel: str, offset: int) -> dt.date | None:
    if ctx.dct is None:
        return None
    if rel in PAST_RELS:
        return cal.weekday_near(ctx.dct, wd, -2)
    if rel in ("next", "coming"):
        return cal.weekday_near(ctx.dct, wd, 2)
    if rel == "this":
        return ctx.dct + dt.timedelta(days=wd - ctx.dct.isoweekday())
    t = ctx.tense_at(offset)
    if t == "planned":  # 'protesters planned a march on Saturday': the nearest Saturday, either side
        before, after = cal.weekday_near(ctx.dct, wd, -1), cal.weekday_near(ctx.dct, wd, 1)
        return before if (ctx.dct - before) <= (after - ctx.dct) else after
    if t == "present" and scheduled_present(ctx.tokens.at(offset)):
        t = "future"
    return cal.weekday_near(ctx.dct, wd, 1 if t == "future" else -1)


def pod_suffix(word: str | None) -> str:
    return "T" + lexicon().parts_of_day[word] if word else ""


def r_weekday(m: re.Match, ctx: Context) -> Reading | None:
    if not ctx.capital(m.start("wd")) or not ctx.calendar_word(m.start("wd")):
        return None
    wd = lexicon().weekdays[m["wd"]]
    if m["pl"] or m["podpl"]:
        return Reading("SET", f"XXXX-WXX-{wd}{pod_suffix(m['pod'])}", m.start(), m.end())
    if not m["rel"] and (pair := _PAIRED_SET.match(ctx.text, m.end())):
        # 'on Monday and Tuesday nights', 'Saturday or Sundays': the plural after makes both recurring
        pod = pair["pod"].lower() if pair["pod"] else m["pod"]
        return Reading("SET", f"XXXX-WXX-{wd}{pod_suffix(pod)}", m.start(), m.end())
    rel = re.sub(r"\s+", " ", m["rel"] or "")
    rel = "coming" if rel == "this coming" else rel
    if rel.startswith("the "):
        # 'the previous Friday', 'the following Monday': counted from the day the story last named
        n = -1 if rel == "the previous" else 1
        return Reading("DATE", Anchored("D", n, "D", "date", weekday=wd), m.start(), m.end(), anchor=False)
    if not rel and not m["dayrel"] and ctx.narrative.story_weekday(m.start("wd")):
        # 'On Sunday, 7 December 1941 ... On Thursday, ...' in a history: the Thursday after the day last named
        pod = pod_suffix(m["pod"])
        return Reading("TIME" if pod else "DATE", Anchored("D", 1, "D", "date", pod, weekday=wd), m.start(), m.end())
    d = weekday_date(ctx, wd, rel, m.start("wd"))
    if d is not None and m["dayrel"]:
        d += dt.timedelta(days=-1 if m["dayrel"] == "before" else 1)  # 'the day before last Tuesday'
        return Reading("DATE", d.isoformat(), m.start(), m.end())
    if m["pod"]:  # 'early Friday morning' is still that morning (TimeML keeps 'early' as a modifier)
        return Reading("TIME", d and d.isoformat() + pod_suffix(m["pod"]), m.start(), m.end())
    return Reading("DATE", d and d.isoformat(), m.start(), m.end())


_PAIRED_SET = re.compile(r"\s+(?:and|or|&)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:s\b|\s+(?P<pod>morning|afternoon"
                         r"|evening|night)s\b)")
DAYWORD = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _generic_day(m: re.Match, ctx: Context) -> bool:
    """'today's youth', 'many of today's computers', 'the people of tomorrow': the present age or the age to come,
    which TimeML leaves untagged; 'today's editions', 'tomorrow's vote' name the day."""
    if m["w"] not in ("today", "tomorrow") or m["pod"] or m["edge"]:
        return False
    generic = lexicon().generic_day_nouns
    if re.match(r"['’]s\b", ctx.text[m.end():m.end() + 3]):
        tok = ctx.tokens.at(m.start("w"))
        return tok is not None and tok.dep_ == "poss" and tok.head.lower_ in generic
    before = ctx.text[max(0, m.start() - 30):m.start()]
    if of := re.search(r"\b([a-z]+)\s+of\s+$", before):
        return of[1] in generic
    return False


def r_dayword(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.mid_sentence_capital(m.start("w")) or _generic_day(m, ctx):
        return None
    w = m["w"]
    d = ctx.dct and ctx.dct + dt.timedelta(days=DAYWORD[w])
    pod = m["pod"] or ("night" if w == "tonight" else None)
    if pod and not m["edge"]:
        return Reading("TIME", d and d.isoformat() + pod_suffix(pod), m.start(), m.end())
    return Reading("DATE", d and d.isoformat(), m.start(), m.end())


def r_pod(m: re.Match, ctx: Context) -> Reading | None:
    rel = re.sub(r"\s+", " ", m["rel"])
    pod = pod_suffix(m["pod"])
    if rel in ("the next", "the following", "the previous", "that"):
        n = {"the next": 1, "the following": 1, "the previous": -1, "that": 0}[rel]
        return Reading("TIME", Anchored("D", n, "D", "day", pod), m.start(), m.end(), anchor=False)
    if rel == "last" and m["pod"] != "night":
        return None
    shift = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[rel]
    d = ctx.dct and ctx.dct + dt.timedelta(days=shift)
    return Reading("TIME", d and d.isoformat() + pod, m.start(), m.end())


def r_overnight(m: re.Match, ctx: Context) -> Reading | None:
    """'overnight', 'mid-afternoon', with the day when one follows ('mid-afternoon yesterday'). A night that
    is over when the story is written ('was detained overnight', 'an overnight raid killed ...') is the one
    that began the day before: TimeML dates a night by its evening, as 'last night'."""
    w = m["w"]
    pod = "TNI" if w == "overnight" else ("TAF" if "after" in w else "TMO")
    tail = m["tail"]
    if tail and tail in DAYWORD:
        d = ctx.dct and ctx.dct + dt.timedelta(days=DAYWORD[tail])
    elif tail:
        if not ctx.capital(m.start("tail")):
            return Reading("TIME", ctx.dct and ctx.dct.isoformat() + pod, m.start(), m.start("w") + len(w))
        d = weekday_date(ctx, lexicon().weekdays[tail], "", m.start("tail"))
    else:
        d = ctx.dct
        if d is not None and pod == "TNI" and ctx.tense_at(m.start(), dated=True) == "past":
            d -= dt.timedelta(days=1)
        # it names no day, so it is no anchor: 'Friday ... overnight losses ... the previous Friday'
        return Reading("TIME", d and d.isoformat() + pod, m.start(), m.end(), anchor=False)
    return Reading("TIME", d and d.isoformat() + pod, m.start(), m.end())


_ASIDE_DAY = re.compile(r"\s*\((?:[^()\n]{0,30}\s)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\)"
                        r"|\s*\([^()\n]{1,30}\)\s*,?\s*(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                        r"|\s+on\s+(?P<wd3>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WORD_HOURS = {w: i + 1 for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split())}


def r_clock(m: re.Match, ctx: Context) -> Reading | None:
    if m["nm"]:
        if ctx.text[max(0, m.start() - 5):m.start()].lower() == "high " or ctx.mid_sentence_capital(m.start("nm")):
            return None
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["nm"]]
    elif m["h24"]:
        hh, mm = int(m["h24"]), int(m["mi24"])
    elif m["h24b"]:  # 'at 07:48', 'at 14:30': a 24-hour clock
        hh, mm = int(m["h24b"]), int(m["mi24b"])
    elif m["hoc"]:
        hh, mm = int(m["hoc"]) if m["hoc"].isdigit() else _WORD_HOURS[m["hoc"]], 0
    elif m["hm"]:
        hh, mm = int(m["hm"]) + (12 if m["pm"] != "morning" and int(m["hm"]) < 12 else 0), 0
    else:
        hh, mm = int(m["h"]) % 12, int(m["mi"] or 0)
        if m["ap"].startswith("p"):
            hh += 12
    end = m.end()
    if m[0].endswith(".") and re.match(r"\s*(?:$|\n|[A-Z\"“])", ctx.text[end:end + 3]):
        end -= 1  # "at 10 p.m. The ..." : the period closes the sentence
    start = m.start() + (3 if m[0].startswith("at ") else 0)  # 'at about 10:35': the preposition stays out
    day_: dt.date | None = ctx.dct
    tail = m["tail"] or ""
    if not tail and (aside := _ASIDE_DAY.match(ctx.text, end)):
        tail = (aside["wd"] or aside["wd2"] or aside["wd3"]).lower()  # "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)", "midnight on Saturday"
    if m["tmon"]:
        mo, d = month_num(m["tmon"]), int(re.match(r"\d+", m["td"])[0])
        y = year_for(ctx, mo, d, m.start())
        v = valid_date(y, mo, d) if y else None
        day_ = dt.date.fromisoformat(v) if v else None
    elif tail in DAYWORD:
        day_ = ctx.dct and ctx.dct + dt.timedelta(days=DAYWORD[tail])
    elif tail:
        day_ = weekday_date(ctx, lexicon().weekdays[tail], "", m.start("tail") if m["tail"] else m.start())
    else:
        # 'was shot at 10 p.m.' after 'on Oct. 23': the day the story last named, else the article's
        return Reading("TIME", Anchored("D", 0, "D", "date", f"T{hh:02d}:{mm:02d}"), start, end, False)
    if day_ is None:
        return Reading("TIME", None, start, end)
    return Reading("TIME", f"{day_.isoformat()}T{hh:02d}:{mm:02d}", start, end)


def r_season(m: re.Match, ctx: Context) -> Reading | None:
    if m["yref"]:  # 'the spring of that year', 'the summer of the following year', 'the autumn of last year'
        code = "-" + lexicon().seasons[m["s"]]
        ref = re.sub(r"\s+", " ", m["yref"])
        if ref in ("this", "last", "next"):
            y = ctx.dct and ctx.dct.year + {"this": 0, "last": -1, "next": 1}[ref]
            return Reading("DATE", y and f"{y:04d}{code}", m.start(), m.end())
        n = {"the following": 1, "the next": 1, "the previous": -1}.get(ref, 0)
        return Reading("DATE", Anchored("Y", n, "Y", "coarse", code), m.start(), m.end(), anchor=False)
    y = int(m["y"]) if m["y"] else spoken_year(m["sy"])
    return Reading("DATE", f"{y:04d}-{lexicon().seasons[m['s']]}", m.start(), m.end()) if y else None


def r_holiday(m: re.Match, ctx: Context) -> Reading | None:
    if not ctx.capital(m.start("h")):
        return None
    spec = lexicon().holidays[re.sub(r"\s+", " ", m["h"])]
    mo, rest = int(spec[:2]), spec[3:]
    rel = m["rel"] or ""
    if m["y"]:
        y: int | None = int(m["y"])
    elif ctx.dct is None:
        y = None
    elif rel == "last":
        y = ctx.dct.year - 1
    elif rel == "next":
        y = ctx.dct.year + 1
    else:
        y = year_for(ctx, mo, None, m.start())
    if y is None:
        return Reading("DATE", None, m.start(), m.end())
    if rest.isdigit():
        d = dt.date(y, mo, int(rest))
    elif rest.startswith("EA"):  # Easter moves with the moon: 'Good Friday' is 'EA-2'; 'Easter week' its ISO week
        if rest == "EAW":
            return Reading("DATE", f"{y:04d}-W{easter(y).isocalendar()[1]:02d}", m.start(), m.end())
        d = easter(y) + dt.timedelta(days=int(rest[2:]))
    else:  # 'TH4': the fourth Thursday; 'MOL': the last Monday; 'MO1+1': the day after the first Monday
        spec = re.fullmatch(r"(?P<wd>[A-Z]{2})(?P<n>\d|L)(?:\+(?P<k>\d+))?", rest)
        wd = lexicon().weekdays[next(w for w in lexicon().weekdays if w[:2].upper() == spec["wd"])]
        d = cal.nth_weekday(y, mo, wd, -1 if spec["n"] == "L" else int(spec["n"])) + dt.timedelta(
            days=int(spec["k"] or 0))
    return Reading("DATE", d.isoformat(), m.start(), m.end())


_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = {w: i + 1 for i, w in enumerate("one two three four five six seven eight nine ten".split())}


_SPOKEN = re.compile(r"(?:(?P<c>nineteen|eighteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?(?P<t>\w+)(?:[\s-](?P<o>\w+))?"
                     r"|two\s+thousand(?:\s+and\s+(?P<o2>\w+))?)")


def spoken_year(words_: str) -> int | None:
    """'nineteen ninety-four' -> 1994, 'two thousand one' (after 'January', 'the winter of') -> 2001."""
    m = _SPOKEN.fullmatch(words_.strip())
    if m is None:
        return None
    if m["c"]:
        return {"eighteen": 18, "nineteen": 19, "twenty": 20}[m["c"]] * 100 + _TENS.get(m["t"], 0) + (
            _ONES.get(m["o"], 0) if m["o"] else 0)
    return 2000 + (_ONES.get(m["o2"], 0) if m["o2"] else 0)


def r_spoken(m: re.Match, ctx: Context) -> Reading | None:
    """Years said aloud in broadcast transcripts: 'nineteen ninety-six', 'the year two thousand'."""
    if m["c"]:
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m["c"]]
        year = century * 100 + _TENS[m["t"]] + (_ONES[m["o"]] if m["o"] else 0)
    else:
        if "year" not in m[0] and not m["o2"]:
            return None
        year = 2000 + (_ONES[m["o2"]] if m["o2"] else 0)
    return Reading("DATE", str(year), m.start(), m.end())


def r_century(m: re.Match, ctx: Context) -> Reading | None:
    n = int(m["n"])
    return Reading("DATE", f"{n - 1:02d}", m.start(), m.end()) if 1 <= n <= 21 else None


_DOM_BEFORE = frozenset({"on", "by", "until", "till", "from", "to", "since", "before", "after", "through"})


def r_dom(m: re.Match, ctx: Context) -> Reading | None:
    """'on the 14th', 'until the 3rd': a day of the month the story last named (the article's month when it
    named none). Not 'the 14th Division', 'the 3rd floor', 'the 21st century' (a noun follows)."""
    d, sfx = int(m["d"]), m["sfx"]
    if sfx != {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(d, "th"):
        return None
    prev = ctx.tokens.before(m.start())
    nxt = ctx.tokens.at(m.end() + 1) if ctx.text[m.end():m.end() + 1] == " " else None
    if prev is None or prev.lower_ not in _DOM_BEFORE or nxt is not None and (
            nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.lower_ in ("of", "century", "time")):
        return None
    return Reading("DATE", Anchored("D", 0, "D", "month", day=d), m.start(), m.end(), anchor=False)


_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def r_yearq(m: re.Match, ctx: Context) -> Reading | None:
    """'the 1988 third quarter', 'the 1988 period': a part of an explicit year."""
    y, u = m["y"], re.sub(r"\s+", " ", m["u"])
    if u == "quarter" and m["ord"]:
        return Reading("DATE", f"{y}-Q{_ORD[m['ord']]}", m.start(), m.end())
    if "half" in u:
        n = _ORD.get(m["ord"] or u.split()[0], 1)
        return Reading("DATE", f"{y}-H{n}", m.start(), m.end()) if n <= 2 else None
    if u == "quarter" or u == "period":
        return Reading("DATE", Anchored("Q", 0, "Q", "reported", year=int(y)), m.start(), m.end(), anchor=False)
    return None
