"""The rule grammar: one precompiled regex per kind of time expression, built from the lexicon.

Every rule finds TIMEX3 extents as TimeML marks them: determiners and modifiers ("the past", "nearly",
"early", "a year") are inside, prepositions and the possessive 's are outside. Overlaps between rules are
settled later (longest wins), so each rule can be written on its own.

Speed: the rules run on a lower-cased copy of the text (case-insensitive matching is slow in `re`; the
interpreters check capitals where they matter), word lists are compiled as tries, and the rules only look at
windows around trigger words (units, months, weekdays, digits ...), found in one pass: every expression
contains at least one trigger, so nothing outside a window can match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .lexicon import lexicon, words


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def fragments() -> dict[str, str]:
    lex = lexicon()
    full_months = [m for m in lex.months if len(m) > 3 or m == "may"]
    abbr = [m for m in lex.months if m not in full_months]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    num_words = words(lex.numbers)
    num = (rf"(?:\d+\s+[1-3]/[2-4]|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{tens})[- ](?:{ones})|(?:{num_words})"
           rf"(?:[- ](?:hundred|thousand))?)(?:\s+and\s+a\s+half)?")
    units = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?"
             r"|decades?|century|centuries|millennium|millennia)")
    return {
        "MON": "(?:" + words(full_months) + "|" + words(abbr + ["sept"]) + r"\.?)",
        "MONFULL": "(?:" + words(full_months) + "|" + words(abbr + ["sept"]) + r"\.)",
        "WD": "(?:" + words(lex.weekdays) + ")",
        "NUM": num,
        "NUMW": num_words,
        "NUMR": rf"(?:{num})(?:\s*(?:to|-|or)\s*(?:{num}))?",
        "VAGUE": "(?:" + words(lex.vague_numbers) + ")",
        "UNIT": units,
        "ORD": "(?:" + words(lex.ordinals) + r"|\d{1,2}(?:st|nd|rd|th))",
        "POD": r"(?:morning|afternoon|evening|night|overnight)",
        "SEASON": "(?:" + words(lex.seasons) + ")",
        "DECW": "(?:" + words(lex.decades) + ")",
        "TZ": "(?:" + words(lex.timezones) + ")",
        "MOD": (r"(?:(?:about|nearly|almost|roughly|approximately|around|some|over|under|more\s+than|less\s+than"
                r"|fewer\s+than|at\s+least|at\s+most|up\s+to|only|just|barely|a\s+full|fully|well\s+over|close\s+to"
                r"|upwards\s+of|the\s+better\s+part\s+of|the\s+last|the\s+past|the\s+next|the\s+first)"
                r"(?!\s+(?:the|these|those|this|its|their|his|her|our)\b)\s+)"),
        "EDGE": (r"(?:(?:early|late|mid|middle)[\s-]+|the\s+(?:end|beginning|start|middle|close"
                 r"|latter\s+part|early\s+part|rest|remainder|balance)\s+of\s+)"),
        "YEAR": r"(?:1[6-9]\d\d|20\d\d)",
        "YEARX": r"(?:1\d\d\d|20\d\d)",  # any year a month or season names: 'May 1453', 'the spring of 1527'
        # a year said aloud, as broadcast transcripts write it: 'nineteen ninety-four', 'two thousand one'
        "SPOKENY": (r"(?:(?:nineteen|eighteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?(?:ten|eleven|twelve|thirteen|fourteen"
                    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|two\s+thousand(?:\s+and\s+(?:one|two|three"
                    r"|four|five|six|seven|eight|nine|ten))?)\b"),
        "REF": words(lex.refs),
        "SETW": words(lex.sets),
        "HOLIDAY": words(lex.holidays),
        "DAYNUM": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?",
        "DAYW": "(?:" + words(lex.ordinals) + r")(?![-\w])",
    }


_RULES: tuple[tuple[str, str], ...] = (
    ("iso", r"(?<![\d-])(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?:T(?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d))?(?![\d-])"),
    ("slash", r"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{{4}}|\d\d)(?![\d/])"),
    ("mdy", r"(?:(?P<wk>the\s+week\s+of)\s+)?(?:(?P<wd>{WD}),?\s+)?(?P<edge>{EDGE})?(?P<mon>{MON})\s+(?:(?P<d>{DAYNUM})(?!\d|:\d)|(?P<dw>{DAYW}))(?:,?\s+(?P<y>{YEARX})(?!\d))?"),
    ("dmy", r"(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MON})(?:,?\s+(?P<y>{YEARX})(?!\d))?"),
    ("dayfirst", r"(?P<d1>{DAYNUM})\s*(?:[-–—]|to\s|and\s|or\s|&)\s*(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MON})(?:,?\s+(?P<y>{YEARX})(?!\d))?"),
    ("dayand", r"(?P<mon>{MON})\s+(?P<d1>{DAYNUM})\s*(?:and\s|or\s|&|[-–—]|to\s)\s*(?P<d>{DAYNUM})(?!\d|[-/:.,]\d|\s*(?:%|percent|per\s+cent))(?:,?\s+(?P<y>{YEAR})(?!\d))?"),
    ("my", r"(?:the\s+(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+)?(?P<edge>{EDGE})?(?P<mon>{MON}),?\s+(?:of\s+)?(?:(?P<y>{YEARX})(?!\d)|(?P<sy>{SPOKENY}))"),
    ("month", r"(?:(?P<rel>last|next|this|coming|past|previous)\s+)?(?P<edge>{EDGE})?(?P<mon>{MONFULL})(?!\s*\d)(?:,?\s+(?P<yrel>this|last|next)\s+year\b)?"),
    ("year", r"(?:(?P<pre>{EDGE}|(?:the\s+)?(?:fiscal|calendar|financial|model)(?:\s+year)?\s+|the\s+year\s+|fy\s*))?"
             r"(?<![\d$£€.,/#])(?P<y>{YEAR})(?![\d%]|[.,]\d|/\d|-\d|\s*(?:percent|per\s+cent))"),
    ("decade", r"(?:the\s+)?(?P<edge>(?:early|late|mid)[\s-]+)?(?:(?:(?P<y>(?:1\d|20)\d)0|'(?P<yy>\d)0)'?s\b|(?P<dw>{DECW})\b)"),
    ("yearfrom", r"(?<![\d$£€.,/#-])(?P<y>{YEARX})(?=\s?[-–—]\s?(?P<y2>{YEARX})(?![\d%]|[.,]\d|-\d))"),
    ("yearto", r"(?<=\d\d\d\d[-–—])(?P<y>{YEARX})(?![\d%]|[.,]\d|-\d)"),
    ("era", r"(?:(?P<y>\d{{1,4}})\s?(?P<era>b\.\s?c\.(?:\s?e\.)?|bce?|a\.\s?d\.|ad|ce)|(?:a\.\s?d\.|ad)\s(?P<ad>\d{{1,4}}))(?![\w.]\w)"),
    ("oldyear", r"(?P<pre>{EDGE})?(?<![\d$£€.,/#])(?P<y>1[0-5]\d\d)(?![\d%]|[.,]\d|/\d|-\d|\s*(?:percent|per\s+cent))"),
    ("weekday", r"(?:(?:the\s+day\s+(?P<dayrel>before|after)\s+)?(?P<rel>last|next|this\s+coming|this|coming|past|previous|the\s+(?:previous|following|next))\s+)?(?:(?P<edge>early|late|mid|later|earlier)\s+)?"
                r"(?P<wd>{WD})(?P<pl>s)?(?:\s+(?P<pod>{POD})(?P<podpl>s)?)?(?!\w)"),
    ("dayword", r"(?:(?P<edge>early|late|later|earlier)\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?:\s+(?P<pod>{POD}))?\b"),
    ("pod", r"(?:(?P<edge>early|late|later|earlier)\s+)?(?P<rel>this|last|tomorrow|yesterday|the\s+next|the\s+following|the\s+previous|that)\s+(?P<pod>morning|afternoon|evening|night)\b"),
    ("overnight", r"\b(?P<w>overnight|mid[\s-]?afternoon|mid[\s-]?morning)(?:\s+(?P<tail>yesterday|today|tomorrow|{WD}))?\b"),
    ("clock", r"(?<![\w-])(?:(?:about|around|at\s+about|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
              r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b)|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?=\s*(?:{TZ}|hours|hrs))|(?<=at\s)(?P<h24b>[01]\d|2[0-3]):(?P<mi24b>[0-5]\d)(?![\d:.,]\d)"
              r"|(?P<nm>noon|midday|midnight)|(?P<hoc>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o'clock"
              r"|(?P<hm>1[0-2]|[1-9])\s+in\s+the\s+(?P<pm>morning|afternoon|evening))"
              r"(?:\s+(?P<tz>{TZ}))?(?:,?\s+(?P<tail>{WD}|today|yesterday|tomorrow|tonight|(?P<tmon>{MON})\s+(?P<td>{DAYNUM})))?(?!\w)"),
    ("deictic", r"(?:(?P<edge>early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle|rest|remainder|balance|close|first\s+half|second\s+half)\s+of)\s+)?"
                r"(?P<rel>last|this\s+past|this|next|coming|current|past|previous|the\s+(?:last|past|next|coming|current|previous|following|same|latest|prior|preceding|full)|that\s+same|the|that|those)\s+"
                r"(?:(?P<edge2>early|late|mid)[\s-]+(?=spring|summer|fall|autumn|winter))?(?P<unit>day|week|month|year|quarter|weekend|decade|century|spring|summer|fall|autumn|winter|fiscal\s+year|calendar\s+year|half|period)(?![-\w])"),
    ("quarter", r"(?:(?P<det>the|this\s+year's|last\s+year's|next\s+year's|the\s+year's|its|their|this|last|next)\s+)?(?:(?P<fis>fiscal|calendar)\s+)?"
                r"(?P<ord>first|second|third|fourth|final|last|latter|1st|2nd|3rd|4th|[1-4]Q|(?:first|last)\s+two)[\s-]+"
                r"(?:fiscal\s+)?(?P<u>quarters?|half|period)"
                r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y>{YEAR})|(?P<yrel>this|last|next)\s+year"
                r"|the\s+(?:(?P<dec>(?:1[6-9]|20)\d)0|'(?P<dyy>\d)0)'?s\b))?(?![-\w])"),
    ("yearq", r"(?:the\s+)?(?P<y>{YEAR})(?:'s)?\s+(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?(?P<u>quarter|period|half|first\s+half|second\s+half)\b"),
    ("unitadj", r"(?:the\s+(?=\w+-(?:earlier|ago)\s+(?:quarter|period|year|month|nine\s+months|six\s+months)))?(?P<u>year|month|quarter|week|day|(?P<pl>(?:year|month|week|day|decade)s(?=-)))(?:-|\s+|\'s\s+)(?P<k>earlier|ago|end|long|old)\b(?:\s+(?P<n>quarter|period|nine\s+months|six\s+months|month|year)\b)?"),
    ("periodago", r"(?:(?:the|that)\s+(?:same\s+|corresponding\s+|comparable\s+)?(?P<u>quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)"
                  r"|(?:of\s+)?last\s+year|the\s+year\s+before)|last\s+year's\s+(?:same\s+|comparable\s+)?(?:quarter|period))\b"),
    ("ago", r"(?P<mod>{MOD})?(?:(?P<num>{NUMR})|(?P<vague>{VAGUE}))[\s-]+(?P<unit>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|back|from\s+now|hence|previously)\b"),
    ("duration", r"(?:(?:the|these|those|its|their|his|her|our|this)\s+)?(?:(?:past|last|next|first|previous|coming|final|latest|following|remaining|initial|other|additional|further|prior|entire|full|whole|same|ensuing|subsequent)\s+)?"
                 r"(?:another\s+|an\s+additional\s+|a\s+further\s+)?(?:{MOD})*(?:(?P<num>{NUMR})|(?P<vague>{VAGUE}))[\s-]+(?:(?:more|additional|full|straight|consecutive|trading|business|working|calendar)\s+)?"
                 r"(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<tail>-long|-old|\s+old)?(?![-\w])"),
    ("bareunits", r"\b(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)\b"),
    ("vagueunits", r"(?:the\s+)?(?P<q>recent|coming|future|past|upcoming|following|ensuing|subsequent|intervening)\s+(?P<unit>years|months|weeks|days|decades|quarters)\b"
                   r"|the\s+(?P<unit2>years|months|weeks|days)\s+(?:ahead|that\s+followed|to\s+come)\b"),
    ("ref", r"\b(?P<w>{REF})\b"),
    ("set", r"\b(?:(?P<ev>every|each)\s+(?:other\s+)?(?:(?P<num>{NUM}|few|several|couple\s+of)\s+)?(?P<unit>{UNIT}|{WD}|{POD}|{MONFULL}|{MON})|(?P<w>{SETW}))\b"),
    ("season", r"(?P<edge>{EDGE})?(?:the\s+)?(?P<s>{SEASON})\s+(?:of\s+)?(?:(?P<y>{YEARX})(?!\d)|(?P<sy>{SPOKENY})"
               r"|(?P<yref>that|the\s+same|the\s+following|the\s+next|the\s+previous|this|last|next)\s+year\b)"),
    ("holiday", r"(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY})(?:,?\s+(?P<y>{YEAR})(?!\d))?\b"),
    ("century", r"(?:the\s+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century\b"),
    ("spoken", r"(?:the\s+year\s+)?(?:(?P<c>nineteen|eighteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?(?P<t>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?P<o>one|two|three|four|five|six|seven|eight|nine))?|two\s+thousand(?:\s+and\s+(?P<o2>one|two|three|four|five|six|seven|eight|nine|ten))?)\b"),
    ("dom", r"the\s+(?P<d>3[01]|[12]\d|0?[1-9])(?P<sfx>st|nd|rd|th)\b(?![-.,]?\d)"),
    ("ordinal", r"(?P<det>its|their|his|her|our|the)\s+(?P<ord>{ORD})\s+(?:(?:straight|consecutive|full)\s+)?(?P<unit>day|week|month|year|night)(?![-\w])"),
)


# The trigger classes each rule needs (one of them must be inside any match of the rule).
NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("num",), "slash": ("num",), "mdy": ("month",), "dayand": ("month",), "dayfirst": ("month",), "dmy": ("month",), "my": ("month",),
    "month": ("month",), "year": ("num",), "oldyear": ("num",), "era": ("num",), "yearfrom": ("num",), "yearto": ("num",), "decade": ("num", "decadew"), "weekday": ("weekday",), "dayword": ("dayword",),
    "pod": ("pod",), "overnight": ("pod",), "clock": ("num", "pod"), "deictic": ("unit", "season"),
    "quarter": ("unit",), "unitadj": ("unit",), "ago": ("unit",), "periodago": ("unit",), "duration": ("unit",), "bareunits": ("unit",),
    "ref": ("ref",), "set": ("set", "unit", "weekday", "pod", "month"), "season": ("season",), "holiday": ("holiday",),
    "ordinal": ("unit",), "dom": ("num",), "century": ("unit",), "spoken": ("spoken",), "yearq": ("num",), "vagueunits": ("unit",),
}


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    frag = fragments()
    return tuple(Rule(name, re.compile(r"(?<!\w)" + pattern.format(**frag))) for name, pattern in _RULES)


@lru_cache(maxsize=1)
def trigger_classes() -> dict[str, frozenset[str]]:
    """Trigger word -> the classes it belongs to (digits are class 'num')."""
    lex = lexicon()
    classes: dict[str, set[str]] = {}

    def add(cls: str, items) -> None:
        for w in items:
            classes.setdefault(w, set()).add(cls)

    add("month", [*lex.months, "sept"])
    add("weekday", [*lex.weekdays, *(w + "s" for w in lex.weekdays)])
    add("unit", [*lex.units, *(u + "s" for u in lex.units), *lex.unit_plurals, "half", "period", "periods"])
    add("pod", [*lex.parts_of_day, "noon", "midnight", "clock"])
    add("dayword", ["today", "yesterday", "tomorrow", "tonight"])
    add("season", lex.seasons)
    add("ref", [p.split()[-1] for p in lex.refs])
    add("set", lex.sets)
    add("spoken", ["nineteen", "eighteen", "twenty", "thousand"])
    add("decadew", lex.decades)
    add("holiday", [p.split()[-1] for p in lex.holidays])
    return {w: frozenset(c) for w, c in classes.items()}


@lru_cache(maxsize=1)
def trigger() -> re.Pattern[str]:
    """Any trigger word, or a run of digits."""
    return re.compile(r"(?<!\w)(?:\d+|" + words(trigger_classes()) + r"(?!\w))")


def lowered(text: str) -> str:
    """text.lower() with the same length (a few characters lower-case to two code points: keep those)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def windows(low: str, before: int = 64, after: int = 40) -> dict[str, list[tuple[int, int]]]:
    """Per trigger class, merged stretches of text around its trigger words: the only places where the
    rules that need that class can match."""
    out: dict[str, list[tuple[int, int]]] = {}
    n = len(low)
    classes = trigger_classes()
    num = frozenset({"num"})
    for m in trigger().finditer(low):
        w = m.group()
        s, e = max(0, m.start() - before), min(n, m.end() + after)
        for cls in num if w[0].isdigit() else classes[w]:
            spans = out.setdefault(cls, [])
            if spans and s <= spans[-1][1]:
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
    return out


def _merge(lists: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    if len(lists) == 1:
        return lists[0]
    out: list[tuple[int, int]] = []
    for s, e in sorted(x for spans in lists for x in spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def candidates(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Every match of every rule (overlapping across rules), in rule order; matches are on the lower-cased
    text, offsets are the same as in `text`."""
    low = lowered(text)
    by_class = windows(low)
    for rule in rules():
        spans = _merge([by_class[c] for c in NEEDS[rule.name] if c in by_class])
        finditer = rule.pattern.finditer
        for s, e in spans:
            for m in finditer(low, s, e):
                if m.end() > m.start():
                    yield rule.name, m
