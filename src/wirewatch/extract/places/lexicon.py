"""Word lists and data files the places stage reads: connectors, type and settlement words, the names
that are not places (`data/gazetteer/not_places.txt`), relation phrases (`relations.txt`), common words."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

MAX_TOKENS = 6
CONNECTORS = {"of", "de", "del", "la", "le", "du", "des", "al", "el", "and", "on", "upon", "the", "-", "da", "di",
              "am", "an", "der", "sur", "en", "y", "i", "'s", "los", "las", "do", "dos", "das", "van", "von", "bin",
              "ben", "ibn", "abu", "bou", "wa", "e", "a", "à", "sous", "lès", "les", "lez", "es", "ez", "as", "az", "ad", "ash", "ar"}
LOCATIVE = {"in", "at", "near", "from", "to", "into", "outside", "across", "around", "toward", "towards", "via",
            "through", "throughout", "between", "inside", "off", "northern", "southern", "eastern", "western",
            "central", "city", "town", "village", "of"}
TYPE_WORDS = {"region", "regions", "oblast", "oblasts", "province", "provinces", "governorate", "governorates", "state",
              "krai", "county", "counties", "district", "republic", "parishes"}
PLURAL_TYPE_WORDS = {"regions", "oblasts", "provinces", "governorates", "counties", "parishes"}
INSTITUTIONS = {"police", "fire", "department", "county", "city", "school", "schools", "high", "university", "college",
                "hospital", "council", "board", "commission", "sheriff", "church", "airport", "state", "public", "area",
                "community", "regional", "memorial", "medical", "center", "centre", "township", "municipal", "court",
                "superior", "district", "middle", "elementary", "town", "village", "zoo", "library", "museum"}
SETTLEMENT_WORDS = {"village", "town", "city", "settlement", "suburb", "hamlet", "port", "capital", "district",
                    "region", "province", "community", "township", "county"}
PLACE_WORDS = TYPE_WORDS | {"people's", "people", "republic", "city", "island", "islands", "sea", "river"}
STREET_WORDS = {"St", "St.", "Street", "Road", "Rd", "Rd.", "Avenue", "Ave", "Ave.", "Blvd", "Blvd.", "Boulevard",
                "Drive", "Dr.", "Lane", "Ln", "Ln.", "Pike", "Parkway", "Pkwy", "Terrace", "Crescent"}
NOT_PLACE_NEXT = {"dollar", "dollars", "currency", "treasury", "treasuries", "bonds", "virus", "viruses", "fever", "hemorrhagic", "haemorrhagic", "disease", "flu", "influenza", "strain", "vaccine", "syndrome", "cocktail", "cocktails"}
# articles and particles inside foreign names: a known name right after one ('Ain al Arab') is the tail of a
# longer name, not a place of its own
NAME_PARTICLES = {"al", "el", "ad", "ash", "az", "ar", "de", "del", "della", "di", "da", "do", "dos", "das", "los",
                  "las", "bin", "ibn", "abu"}
# a place's office-holders: 'Dublin Mayor Ann Lee', 'Paris Police Chief Bob Hundley' (the place is not the name)
TITLE_WORDS = {"Mayor", "Councilman", "Councilwoman", "Councillor", "Commissioner", "Police", "Fire", "Sheriff",
               "Chief", "Superintendent", "Judge", "Manager", "Governor", "Alderman", "Supervisor", "Administrator",
               "Trooper", "Deputy", "Director", "Coach", "Attorney", "Prosecutor", "Clerk", "Treasurer", "Principal",
               "Mayor-elect", "Governor-elect", "Senator", "Representative", "Assemblyman", "Assemblywoman"}
# people and services of a place, after its name: 'Winona police', 'a Coral Gables man', 'Chicopee residents', 'their
# Grovetown home'. Such a word says the name before it is where they live or serve (lower case, or 'Police')
LOCAL_NOUNS = {"police", "policeman", "policemen", "man", "woman", "men", "women", "boy", "girl", "teen", "teenager",
               "couple", "family", "resident", "residents", "native", "natives", "home", "homes", "homeowner",
               "homeowners", "firefighters", "officers", "voters"}
# a known name that is only a piece of a longer name the gazetteer lacks: a generic word at its end ('the Danube
# Delta', 'Kasai Occidental', 'the Rift Valley': not the towns called Delta, Occidental, Valley), or a
# neighbourhood word before another name ('Colonia El Pacifico': a Mexican
# neighbourhood, not Uruguay's Colonia department)
GENERIC_TAILS = {"River", "Lake", "Bay", "Island", "Islands", "Mountains", "Mountain", "Valley", "Delta", "Colony",
                 "Square", "Plateau", "Desert", "Canal", "Dam", "Creek", "Peninsula", "Gorge", "Reservoir", "Strait",
                 "Basin", "Hills", "Range", "Glacier", "Lagoon", "Republic", "Occidental", "Oriental", "Eastern", "Forest",
                 "Town", "Township", "Village",
                 "Western", "Northern", "Southern", "Central", "Plains", "Coast", "Highlands"}
# compass words: a division named only by them ("Northern" Region of Malawi, "West" Region of Cameroon) is no
# place where the word only orients another name ("Northern Iraq", "Tonj North county", "north Kivu")
COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                 "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
                 "south-west", "northeastern", "northwestern", "southeastern", "southwestern", "middle", "upper",
                 "lower", "far"}
NEIGHBOURHOOD_PREFIXES = {"Colonia", "Barrio", "Fraccionamiento", "Bairro", "Vereda", "Corregimiento", "Ejido",
                          "Favela", "Comuna"}
# nouns of a country's ground: after a demonym they make it a location ('the Syrian border', 'Turkish soil')
PLACE_NOUNS = {"border", "borders", "city", "cities", "town", "towns", "village", "villages", "capital", "territory",
               "territories", "soil", "coast", "coastline", "waters", "airspace", "side", "countryside", "province",
               "provinces", "region", "regions", "mainland", "port", "ports", "island", "islands", "frontier",
               "desert", "highlands", "countryside", "border-crossing", "enclave", "exclave"}
GOOD_LABELS = {"GPE", "LOC", "FAC"}
BAD_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE", "DATE", "TIME",
              "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "PERCENT"}
NOTABLE_CODES = {"PCLI", "PCLS", "PCLD", "PCLIX", "CONT", "ADM1", "RGN", "SEA", "OCN", "GULF", "PEN", "MTS", "ISL",
                 "ADMD", "PPLC", "AIRP"}


def _data_lines(name: str) -> list[str]:
    path = files("wirewatch").joinpath("data", "gazetteer", name)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return frozenset(_data_lines("common_words.txt"))


@lru_cache(maxsize=1)
def not_places() -> re.Pattern[str]:
    """Organisations and groups of countries (not_places.txt), as one case-sensitive whole-word pattern."""
    names = sorted(_data_lines("not_places.txt"), key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w])(?!\s+(?:of\s+)?[A-Z])")


@lru_cache(maxsize=1)
def relation_pattern() -> re.Pattern[str]:
    """'30 km north of', 'near', 'on the outskirts of' right before a place (relations.txt), at the end of a string."""
    return re.compile(rf"(?:^|\W)(?P<rel>{_relation_core()})\s+(?:the\s+(?:city|town|village|settlement|port|region)"
                      rf"\s+of\s+)?$", re.I)


@lru_cache(maxsize=1)
def relation_ahead() -> re.Pattern[str]:
    """The same relations at the start of a string ('north of Kharkiv' after 'Rubizhne, ')."""
    return re.compile(rf"\s*(?P<rel>{_relation_core()})\s", re.I)


def _relation_core() -> str:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in _data_lines("relations.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line)
    dirs = "|".join(re.escape(d) for d in sorted(sections.get("directions", []), key=len, reverse=True))
    rels = "|".join(re.escape(r) for r in sorted(sections.get("relations", []), key=len, reverse=True))
    distance = r"(?:(?:about|some|around|roughly|nearly|just)\s+)?\d[\d,.]*\s*-?\s*(?:km|kms|kilometers|kilometres|miles|mi)\s+"
    direction = rf"(?:{distance})?(?:{dirs})(?:ern\s+(?:outskirts|suburbs|part|edge)|ward)?\s+of"
    return rf"{direction}|(?:{distance})?(?:{rels})"


@lru_cache(maxsize=1)
def publication_heads() -> tuple[tuple[str, ...], ...]:
    """Last words of newspaper and agency names (publications.txt), each as a tuple of words."""
    return tuple(tuple(line.split()) for line in _data_lines("publications.txt"))


def names_publication(words: list[str]) -> bool:
    """Whether capitalised words right after a place name end a publication's name: ['Daily', 'News'],
    ['Morning', 'Herald'], ['Post'] ('New York Daily News', 'Sydney Morning Herald', 'Kyiv Post')."""
    by_last = _publication_heads_by_last()
    for end in range(1, min(len(words), 3) + 1):
        for head in by_last.get(words[end - 1], ()):
            n = len(head)
            if n <= end and tuple(words[end - n:end]) == head and all(w[:1].isupper() or w == "-" for w in words[:end]):
                return True
    return False


@lru_cache(maxsize=1)
def _publication_heads_by_last() -> dict[str, tuple[tuple[str, ...], ...]]:
    """`publication_heads` indexed by their last word: a place name is followed by one of a few dozen heads
    at most, so only the heads ending in the word looked at are compared."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for head in publication_heads():
        out.setdefault(head[-1], []).append(head)
    return {k: tuple(v) for k, v in out.items()}
