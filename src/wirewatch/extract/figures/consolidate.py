"""One figure per count: group the mentions of a category that count the same people, add up the parts of one
count, and let a stated total stand for what it totals.

An article names the same people more than once ("a Taliban leader was arrested ... the arrested leader"),
gives a vague count and then the number ("several suspects ... three suspects"), adds to a count ("also
detained two suspected insurgents") and restates totals ("Two men were shot dead. 2 fatalities."). Mentions
are read in text order, each category apart, and the first rule that applies places each one:

1. a definite phrase ("the leader", "the victim", "both men", "him", a name said again) is another mention of
   people already counted, when it fits them (same kind of person, or a word like "victim" that fits anybody);
2. a total ("a total of 17", "in all", "including the facilitator", or a casualty noun such as "3 fatalities"
   soon after) takes the place of the counts it covers, which become its parts;
3. another source's reading of a count just given ("a hospital put the dead at 41 or more") is a
   mention of it, and the figure keeps the lower reading (ACLED's lowest credible total);
4. a count in the same clause as a placed one ("a leader and several associates", "arrested a leader and
   detained three suspects"), or in a sentence whose definite phrase points at a figure ("killed four
   insurgents and confirmed Qari Ziauddin was killed"), belongs to that figure: as the number of its vague
   part, as a part said again, or as a new part;
5. an exact count of at least two gives the number of an earlier vague count of the same people ("several
   suspects ... three additional suspects");
6. a count marked as more ("also", "additional", "one other") is a part of the figure before it; a vague
   addition to a figure that already holds a vague count ("numerous suspects ... several of his associates
   were also detained") is taken to be within it, the lowest total the text allows;
7. the same count of the same people again ("killed five insurgents ... five insurgents were killed") is
   another mention;
8. a count placed in the happening just counted ("detained two suspects during the operation") is a part of
   that figure;
9. anything else is a figure of its own. A running total over a long period ("since June") and a count over
   several happenings ("during two operations in Khost and Paktiya provinces") are always counts of their own,
   never merged; `find` leaves them out where the article counts a happening too.

Within a sentence, the phrases that point back at a count from an earlier sentence are read first, so the
sentence's other counts can join their figure (rule 4).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import Lexicon
from .quantity import Quantity
from .references import is_the_rest

__all__ = ["Mention", "Count", "consolidate", "combine"]

_ADD_WINDOW = 6      # sentences: how far back "also"/"additional" can reach for the count it adds to
_TOTAL_WINDOW = 3    # sentences: how far back a casualty noun ("2 fatalities") can total what came before


@dataclass(slots=True)
class Mention:
    """One phrase that counts people, as read from the parse (before mentions are grouped)."""

    category: str
    q: Quantity
    start: int
    end: int
    who: str | None
    who_lemma: str | None
    sent: int
    clause: int                 # token index of the clause the casualty word heads (coordinated verbs share it)
    trigger: Token
    definite: bool = False      # "the leader", "both men", "him"
    name: str | None = None     # a person's name, lower case ("qari ziauddin")
    additive: bool = False      # "also", "additional", "one other"
    happening: bool = False     # "during the operation": the happening already counted
    total: bool = False         # "a total of", "in all"
    total_noun: bool = False    # counted by a casualty noun ("3 fatalities", "the death toll")
    cumulative: bool = False    # "since June", "so far"
    aggregate: bool = False     # "during two operations in Khost and Paktiya provinces": several happenings
    earlier: bool = False       # "In June, ... killing 30": an earlier happening told as background
    fresh: bool = False         # "a band of seven raiders rode at ... killing all seven": people not counted before
    competing: bool = False     # "other sources reported ...": another reading of a count just given
    patient: Token | None = None    # the counted phrase's head and its clause's verb (read by `_relate`)
    head: Token | None = None


@dataclass(slots=True)
class _Group:
    """Mentions of the same people; `best` is the mention whose number counts them."""

    mentions: list[Mention]
    best: Mention

    @property
    def q(self) -> Quantity:
        return self.best.q


@dataclass(slots=True)
class Count:
    """The result: groups of people added up, maybe under a stated total."""

    category: str
    groups: list[_Group]
    total: Mention | None = None
    cumulative: bool = False
    aggregate: bool = False
    earlier: bool = False
    extra: list[Mention] = field(default_factory=list)   # restatements of the total

    @property
    def apart(self) -> bool:
        """A running total or a count over several happenings: never merged with another count."""
        return self.cumulative or self.aggregate

    @property
    def last_sent(self) -> int:
        return max(m.sent for g in self.groups for m in g.mentions)

    @property
    def q(self) -> Quantity:
        return self.total.q if self.total is not None else combine([g.q for g in self.groups])

    def mentions(self) -> list[Mention]:
        out = [m for g in self.groups for m in g.mentions] + self.extra
        if self.total is not None:
            out.append(self.total)
        return sorted(out, key=lambda m: m.start)


def minimum(q: Quantity) -> int:
    """The least a quantity asserts (0 when it asserts no number)."""
    if q.low is not None:
        return q.low
    if q.value is not None and q.qualifier in ("exact", "about", "more_than", "at_least"):
        return q.value + (q.qualifier == "more_than")
    return 0


def combine(qs: list[Quantity]) -> Quantity:
    """The sum of several counts, with the qualifier the sum can honestly carry."""
    if len(qs) == 1:
        return qs[0]
    quals = {q.qualifier for q in qs}

    def lo(q: Quantity) -> int | None:
        return q.low if q.low is not None else (q.value if q.qualifier in ("exact", "about", "more_than") else None)

    def hi(q: Quantity) -> int | None:
        return q.high if q.high is not None else (
            q.value if q.qualifier in ("exact", "about", "nearly", "at_most") else None)

    def point(q: Quantity) -> int | None:
        return q.value if q.value is not None else q.low

    lows, highs, points = [lo(q) for q in qs], [hi(q) for q in qs], [point(q) for q in qs]
    low = sum(lows) if None not in lows else None        # type: ignore[arg-type]
    high = sum(highs) if None not in highs else None     # type: ignore[arg-type]
    value = sum(points) if None not in points else None  # type: ignore[arg-type]
    if any(q.value is None and q.qualifier != "vague" for q in qs):   # a range among the parts: "10 to 15"
        value = None
    if "vague" in quals:
        return Quantity(value, low, None, "vague", 0, 0)
    if quals == {"exact"}:
        if value is not None:
            return Quantity(value, None, None, "exact", 0, 0)
        return Quantity(None, low, high, "exact", 0, 0)
    if quals <= {"exact", "at_least", "more_than"}:
        if "at_least" in quals:
            return Quantity(value, low, None, "at_least", 0, 0)
        return Quantity(value, None, None, "more_than", 0, 0)   # "more than 15" + 1: more than 16
    if quals <= {"exact", "at_most", "nearly"}:
        return Quantity(value, None, high, "at_most" if "at_most" in quals else "nearly", 0, 0)
    return Quantity(value, None, None, "about", 0, 0)


def _unitless_vague(q: Quantity) -> bool:
    """"several", "numerous", "a number of": vague with no unit ("dozens" and "thousands" have one)."""
    return q.qualifier == "vague" and (q.low is None or q.low < 12)


def _fits(m: Mention, g: _Group, lx: Lexicon) -> bool:
    """Can the definite phrase `m` point back at the people of group `g`?"""
    if m.q.value is not None and m.q.qualifier == "exact" and g.q.qualifier != "vague":
        if minimum(g.q) and m.q.value > max(minimum(g.q), g.q.value or 0):
            return False
    if m.name is not None:
        words = set(m.name.split())
        return any(x.name is not None and words & set(x.name.split()) for x in g.mentions)
    if m.patient is not None and is_the_rest(m.patient):     # "the other": one of people counted before
        return g.q.qualifier == "vague" or minimum(g.q) > (m.q.value or 1)
    if m.who_lemma is None:                     # "him", "her": one person counted before; "the two"
        return m.q.value != 1 or (g.q.value == 1 and g.q.qualifier == "exact")
    if m.who_lemma in lx.generic_nouns:
        return True
    return any(x.who_lemma == m.who_lemma for x in g.mentions)


def _antecedent(m: Mention, counts: list[Count], lx: Lexicon) -> _Group | None:
    groups = [g for c in counts if not c.apart for g in c.groups]
    for g in sorted(groups, key=lambda g: -max(x.start for x in g.mentions)):
        if _fits(m, g, lx):
            return g
    return None


def _covered(m: Mention, counts: list[Count]) -> list[Count]:
    """The latest counts a total `m` can stand for: near enough, and together no more than it says."""
    window = _ADD_WINDOW if m.total else _TOTAL_WINDOW
    out: list[Count] = []
    running = 0
    for c in reversed(counts):
        if c.apart or m.sent - c.last_sent > window or m.sent < c.last_sent:
            break
        running += minimum(c.q)
        if running > minimum(m.q):
            break
        out.insert(0, c)
    return out


def consolidate(mentions: list[Mention], lx: Lexicon) -> list[Count]:
    """Group the mentions of one article into counts (see the module docstring for the rules)."""
    ledger = _Ledger(lx)
    for m in _reading_order(mentions, lx):
        ledger.read(m)
    return sorted(ledger.counts, key=lambda c: min(x.start for x in c.mentions()))


class _Ledger:
    """The counts found so far, and which count each mention went to; `read` applies the rules in order."""

    def __init__(self, lx: Lexicon) -> None:
        self.lx = lx
        self.counts: list[Count] = []
        self.placed: list[tuple[Mention, Count]] = []

    def read(self, m: Mention) -> None:
        # an earlier happening's counts are read among themselves, as a story of their own
        mine = [c for c in self.counts if c.category == m.category and c.earlier == m.earlier]
        open_ = [c for c in mine if not c.apart]
        if m.cumulative:
            self.counts.append(Count(m.category, [_Group([m], m)], cumulative=True))
            return
        if m.aggregate:                 # the counts of one clause over several happenings add up among themselves
            mate = next((c for x, c in self.placed if c.aggregate and x.category == m.category
                         and x.sent == m.sent and x.clause == m.clause), None)
            if mate is not None:
                mate.groups.append(_Group([m], m))
            else:
                self.counts.append(Count(m.category, [_Group([m], m)], aggregate=True))
                mate = self.counts[-1]
            self.placed.append((m, mate))
            return
        for rule in (self._points_back, self._totals, self._competes, self._joins_its_sentence,
                     self._gives_the_number, self._adds, self._says_again, self._in_the_happening):
            target = rule(m, mine, open_)
            if target is not None:
                self.placed.append((m, target))
                return
        self.counts.append(Count(m.category, [_Group([m], m)], earlier=m.earlier))
        self.placed.append((m, self.counts[-1]))

    def _owner(self, g: _Group) -> Count:
        return next(c for c in self.counts if any(x is g for x in c.groups))

    def _points_back(self, m: Mention, mine: list[Count], open_: list[Count]) -> Count | None:
        """1. "the leader", "the victim", "him", a name said again."""
        if not (m.definite or m.name is not None):
            return None
        # a later phrase can point back at the people of an earlier happening told as background ("In March,
        # gunmen killed an elder ... the elder's death"): it is a mention of that count
        told = mine if m.earlier else [c for c in self.counts if c.category == m.category]
        return self._mention_of(_antecedent(m, told, self.lx), m) or self._all_of(m, mine)

    def _all_of(self, m: Mention, mine: list[Count]) -> Count | None:
        """"A commander and two advisors were killed ... killing all three": a definite count that says again the
        sum of a figure's parts is a mention of the whole figure."""
        if m.name is not None or m.q.qualifier != "exact" or (m.q.value or 0) < 2:
            return None
        for c in reversed(mine):
            if not c.apart and len(c.groups) > 1 and c.q.qualifier == "exact" and c.q.value == m.q.value \
                    and (m.who_lemma is None or m.who_lemma in self.lx.generic_nouns
                         or any(x.who_lemma == m.who_lemma for g in c.groups for x in g.mentions)):
                c.extra.append(m)
                return c
        return None

    def _totals(self, m: Mention, mine: list[Count], open_: list[Count]) -> Count | None:
        """2. "a total of 17", "in all", "3 fatalities": stands for the latest counts it covers."""
        if not (m.total or (m.total_noun and mine)):
            return None
        covered = _covered(m, mine)
        if not covered:
            return None
        merged = Count(m.category, [g for c in covered for g in c.groups], total=m, earlier=m.earlier)
        merged.extra = [x for c in covered for x in c.extra + ([c.total] if c.total else [])]
        self.counts = [c for c in self.counts if all(c is not x for x in covered)] + [merged]
        self.placed = [(x, merged if any(c is y for y in covered) else c) for x, c in self.placed]
        return merged

    def _competes(self, m: Mention, mine: list[Count], open_: list[Count]) -> Count | None:
        """3. "other sources reported 15": a mention; the figure keeps the lower reading."""
        if not (m.competing and open_ and open_[-1].total is None
                and 0 <= m.sent - open_[-1].last_sent <= _TOTAL_WINDOW):
            return None
        target = open_[-1]
        g = target.groups[-1]
        if len(target.groups) == 1 and minimum(m.q) < minimum(g.q):
            g.best = m
        g.mentions.append(m)
        return target

    def _joins_its_sentence(self, m: Mention, mine: list[Count], open_: list[Count]) -> Count | None:
        """4. A phrase of the same clause, or of a sentence whose definite phrase points at a figure, is that
        figure's: the number of its vague part, a part said again ("killing Fayez Jan and one additional
        insurgent", restated), or a new part."""
        mates = [c for x, c in self.placed if x.sent == m.sent and x.category == m.category
                 and (x.clause == m.clause or x.definite or x.name is not None)]
        if not mates or mates[-1].apart:
            return None
        target = mates[-1]
        g = _to_specify(m, [target]) or _same_count(m, [target], strict=False)
        if g is not None:
            g.mentions.append(m)
            if g.best.q.qualifier == "vague" and m.q.qualifier != "vague" and g.best.sent < m.sent:
                g.best = m
        elif target.total is None:
            target.groups.append(_Group([m], m))
        else:
            target.extra.append(m)
        return target

    def _gives_the_number(self, m: Mention, mine: list[Count], open_: list[Count]) -> Count | None:
        """5. "several suspects ... three additional suspects"."""
        return self._mention_of(_to_specify(m, open_), m, gives_the_number=True)

    def _adds(self, m: Mention, mine: list[Count], open_: list[Count]) -> Count | None:
        """6. "also", "additional", "one other": a part of the figure before, unless the part was said
        already ("a leader along with one suspect ... an additional suspect was detained") or the addition is
        vague and the figure already holds a vague count (taken to be within it)."""
        cur = _near(m, open_, fresh=m.fresh)
        if cur is None or not m.additive:
            return None
        again = _same_count(m, [Count(m.category, cur.groups[1:])], strict=False)
        vague = next((g for g in cur.groups if _unitless_vague(g.q)), None) if m.q.qualifier == "vague" else None
        if again is not None or vague is not None:
            (again or vague).mentions.append(m)
        else:
            cur.groups.append(_Group([m], m))
        return cur

    def _says_again(self, m: Mention, mine: list[Count], open_: list[Count]) -> Count | None:
        """7. The same count of the same people."""
        return self._mention_of(_same_count(m, open_), m)

    def _mention_of(self, g: _Group | None, m: Mention, gives_the_number: bool = False) -> Count | None:
        if g is None:
            return None
        g.mentions.append(m)
        if gives_the_number:
            g.best = m
        return self._owner(g)

    def _in_the_happening(self, m: Mention, mine: list[Count], open_: list[Count]) -> Count | None:
        """8. "detained two suspects during the operation"."""
        cur = _near(m, open_)
        if cur is None or not m.happening:
            return None
        cur.groups.append(_Group([m], m))
        return cur


def _near(m: Mention, open_: list[Count], fresh: bool = False) -> Count | None:
    """The latest figure of the category, if `m` can still add to it (no stated total, within six sentences;
    people just introduced and then counted add to it wherever it is)."""
    cur = open_[-1] if open_ else None
    if cur is None or cur.total is not None or not 0 <= m.sent - cur.last_sent <= (_ADD_WINDOW if not fresh else m.sent):
        return None
    return cur


def _reading_order(mentions: list[Mention], lx: Lexicon) -> list[Mention]:
    """Text order, except that in each sentence the phrases pointing back at people counted in an earlier
    sentence come first (so the sentence's other counts can join their figure)."""
    out: list[Mention] = []
    by_sent: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda x: x.start):
        by_sent.setdefault(m.sent, []).append(m)
    for sent in sorted(by_sent):
        earlier = list(out)
        back = {id(m) for m in by_sent[sent] if (m.definite or m.name is not None) and any(
            x.category == m.category and _fits(m, _Group([x], x), lx) for x in earlier)}
        out += [m for m in by_sent[sent] if id(m) in back] + [m for m in by_sent[sent] if id(m) not in back]
    return out


def _to_specify(m: Mention, counts: list[Count]) -> _Group | None:
    """An earlier vague count of the same people that `m`, an exact count of two or more, gives the number of."""
    if m.q.qualifier == "vague" or (m.q.value or 0) < 2 or m.who_lemma is None:
        return None
    for c in reversed(counts):
        for g in c.groups:
            if (_unitless_vague(g.q) and g.best.sent < m.sent and any(x.who_lemma == m.who_lemma for x in g.mentions)):
                return g
    return None


def _same_count(m: Mention, counts: list[Count], strict: bool = True) -> _Group | None:
    """An earlier count of the same people with the same number: `m` says it again (`strict`: unless `m` says
    it adds people, "one additional insurgent")."""
    if m.who_lemma is None or (strict and m.additive):
        return None
    key = (m.q.value, m.q.low, m.q.high, m.q.qualifier)
    for c in reversed(counts):
        for g in c.groups:
            if (g.q.value, g.q.low, g.q.high, g.q.qualifier) == key and g.best.sent != m.sent \
                    and any(x.who_lemma == m.who_lemma for x in g.mentions):
                return g
    return None
