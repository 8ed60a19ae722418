"""Alert rules: a TOML file of `[[rule]]` tables, each a set of conditions an incident must meet.

A rule is judged per incident (the reports of one event cluster): it fires when one report meets every
report condition (status, type, place, near, min_killed, actor, outlet, words) and the cluster meets the
incident conditions (min_sources, contradiction). That report is the one the alert cites. Judging an incident
again when a later report joins it is how corroboration (`min_sources`) and disputes are noticed, and the store
raises one alert per rule and incident whatever the number of reports. See docs/watch.md for every key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..errors import WirewatchError
from ..link.figures import headline
from ..geo import haversine_km
from ..store.query import EventRow

STATUSES = ("occurred", "future", "hypothetical", "generic")


class RuleError(WirewatchError):
    """A rule file that cannot be used: the message names the file, the rule and the key."""


@dataclass(frozen=True)
class Rule:
    name: str
    status: tuple[str, ...] = ("occurred",)
    type: str | None = None
    place: str | None = None
    near: tuple[float, float, float] | None = None
    min_killed: int | None = None
    actor: str | None = None
    outlet: str | None = None
    words: tuple[str, ...] = ()
    min_sources: int | None = None
    contradiction: bool = False

    def report_matches(self, e: EventRow) -> bool:
        """Whether one report meets the rule's report conditions."""
        if e.status not in self.status:
            return False
        if self.type is not None and self.type.casefold() not in {
                (v or "").casefold() for v in (e.type, e.acled_event_type, e.acled_sub_event_type)}:
            return False
        if self.place is not None and self.place.casefold() not in {
                (v or "").casefold() for v in (e.place, e.place_text, e.admin1, e.country_code)}:
            return False
        if self.near is not None:
            lat, lon, km = self.near
            if e.lat is None or e.lon is None or haversine_km(lat, lon, e.lat, e.lon) > km:
                return False
        if self.min_killed is not None and (killed(e) or 0) < self.min_killed:
            return False
        if self.actor is not None and not any(self.actor.casefold() in (a or "").casefold()
                                              for a in (e.actor1, e.actor2)):
            return False
        if self.outlet is not None and self.outlet.casefold() != (e.source or "").casefold():
            return False
        if self.words and not _has_any_word(self.words, f"{e.evidence.text}\n{e.title or ''}"):
            return False
        return True

    def incident_matches(self, n_sources: int, disputed: bool) -> bool:
        """Whether the incident meets the rule's corroboration and contradiction conditions."""
        if self.min_sources is not None and n_sources < self.min_sources:
            return False
        return disputed or not self.contradiction

    def pick(self, reports: Sequence[EventRow], n_sources: int, disputed: bool,
             first: EventRow | None = None) -> EventRow | None:
        """The report an alert on this incident cites (`first` when it matches, else the first that does), or
        None when the rule does not fire."""
        if not self.incident_matches(n_sources, disputed):
            return None
        if first is not None and self.report_matches(first):
            return first
        return next((r for r in reports if self.report_matches(r)), None)


def killed(e: EventRow) -> int | None:
    """The report's headline 'killed' count (value, else high, else low: as the store's fatalities order)."""
    fig = headline(e.figures, "killed")
    if fig is None:
        return None
    return next((v for v in (fig.value, fig.high, fig.low) if v is not None), None)


def _has_any_word(words: Sequence[str], text: str) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE) for w in words)


# -- reading the file ------------------------------------------------------------------------------------------

_KEYS = {"name", "status", "type", "place", "near", "min_killed", "actor", "outlet", "words", "min_sources",
         "contradiction"}


def load_rules(path: Path) -> list[Rule]:
    """Rules from a TOML file; RuleError naming the file, the rule (its name, else its number) and the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: not valid TOML ({exc})") from None
    extra = set(data) - {"rule"}
    if extra:
        raise RuleError(f"{path}: unknown top-level key(s) {sorted(extra)}; rules are [[rule]] tables")
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not tables:
        raise RuleError(f"{path}: no rules; write one [[rule]] table per rule")
    rules: list[Rule] = []
    for number, table in enumerate(tables, start=1):
        rule = parse_rule(table, f"{path}: rule #{number}")
        if any(r.name == rule.name for r in rules):
            raise RuleError(f"{path}: rule {rule.name!r}: key 'name': the name is used by an earlier rule")
        rules.append(rule)
    return rules


def parse_rule(table: dict, where: str) -> Rule:
    """One rule from its table; `where` names it in errors until its name is known."""
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RuleError(f"{where}: key 'name': required, a non-empty string")
    where = f"{where.rsplit(': rule #', 1)[0]}: rule {name!r}"

    def bad(key: str, why: str) -> RuleError:
        return RuleError(f"{where}: key {key!r}: {why} (got {table[key]!r})")

    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise RuleError(f"{where}: key {unknown[0]!r}: unknown; the keys are {', '.join(sorted(_KEYS))}")
    fields: dict = {"name": name.strip()}
    for key in ("type", "place", "actor", "outlet"):
        if key in table:
            if not isinstance(table[key], str) or not table[key].strip():
                raise bad(key, "a non-empty string")
            fields[key] = table[key].strip()
    if "status" in table:
        raw = table["status"]
        values = [raw] if isinstance(raw, str) else raw
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            raise bad("status", f"a status or a list of them ({', '.join(STATUSES)}, or 'all')")
        values = [v.strip().lower() for v in values]
        if values == ["all"]:
            values = list(STATUSES)
        wrong = [v for v in values if v not in STATUSES]
        if wrong:
            raise bad("status", f"{wrong[0]!r} is not one of {', '.join(STATUSES)} (or 'all')")
        fields["status"] = tuple(values)
    if "near" in table:
        fields["near"] = _near(table["near"], bad)
    for key in ("min_killed", "min_sources"):
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < (0 if key == "min_killed" else 1):
                raise bad(key, f"a whole number, at least {0 if key == 'min_killed' else 1}")
            fields[key] = value
    if "words" in table:
        raw = table["words"]
        words = [raw] if isinstance(raw, str) else raw
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise bad("words", "a word or phrase, or a list of them")
        fields["words"] = tuple(w.strip() for w in words)
    if "contradiction" in table:
        if not isinstance(table["contradiction"], bool):
            raise bad("contradiction", "true or false")
        fields["contradiction"] = table["contradiction"]
    return Rule(**fields)


def _near(raw: object, bad) -> tuple[float, float, float]:
    """'LAT,LON,KM' (or an array of three numbers) checked like the query filters' --near."""
    parts = raw.split(",") if isinstance(raw, str) else raw
    try:
        if not isinstance(parts, list) or len(parts) != 3:
            raise ValueError
        lat, lon, km = (float(p) for p in parts)
    except (TypeError, ValueError):
        raise bad("near", '"LAT,LON,KM", e.g. "46.97,31.99,50"') from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise bad("near", "latitude -90..90, longitude -180..180, km > 0")
    return lat, lon, km
