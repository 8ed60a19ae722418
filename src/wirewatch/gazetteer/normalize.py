"""Name keys: how a surface form and a gazetteer name meet (case-folded, accents stripped, spaces collapsed).

Case is not part of the key: recognition decides from the text's own capitalisation whether a span can
be a name at all, so the index stays small and "KYIV" in a headline still finds Kyiv.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"[\s\u00a0]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2013": "-", "\u2014": "-",
                         # letters Unicode does not decompose into a base letter and an accent: news writes
                         # 'Dogubayazit' for Doğubayazıt, 'Lodz' for Łódź, 'Tromso' for Tromsø
                         "\u0131": "i", "\u0142": "l", "\u0141": "L", "\u00f8": "o", "\u00d8": "O", "\u0111": "d",
                         "\u0110": "D", "\u00df": "ss", "\u00e6": "ae", "\u00c6": "Ae", "\u0153": "oe",
                         "\u0152": "Oe", "\u00fe": "th", "\u00de": "Th", "\u00f0": "d", "\u0127": "h",
                         "\u0167": "t"})


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The lookup key of a name: 'Kyïv ' -> 'kyiv', 'St.  Louis' -> 'st. louis', 'Al-Tabqa' -> 'al tabqa'
    (hyphens are spaces: transliterations write 'Al-Tabqa' and 'Al Tabqa'), 'Mykolaiv’s' stays as given."""
    name = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    name = "".join(c for c in name if not unicodedata.combining(c))
    return _SPACE.sub(" ", name.replace("-", " ")).strip().casefold()


def is_latin(name: str) -> bool:
    """True if the name is written in Latin letters (after stripping accents): the names English text uses."""
    return key(name).isascii()


# Transliteration variants: one Arabic, Persian, Cyrillic or Indic name reaches English in many spellings
# ('Tal Tamer' / 'Tall Tamr', 'Quamishli' / 'Al Qamishli', 'Jandairis' / 'Jindayris', 'Viluppuram' /
# 'Villupuram'). A sound key folds the differences such spellings show: articles (al-, el-, ash- ...),
# digraphs (kh/h, gh/g, sh/s, dh/th, q/k, w/v, z/s, y/j/i), doubled letters, and, in the skeleton, the vowels.
_ARTICLE = re.compile(r"(?:^|(?<= ))(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|et|ez|adh|ath|ul) ")
_DIGRAPHS = (("kh", "h"), ("gh", "g"), ("sh", "s"), ("dh", "d"), ("th", "d"), ("ph", "f"), ("zh", "z"),
             ("ck", "k"), ("x", "ks"))
_LETTERS = str.maketrans({"q": "k", "c": "k", "w": "v", "z": "s", "y": "i", "j": "i",
                          " ": None, "'": None, "-": None, ".": None, "`": None})
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = str.maketrans({v: None for v in "aeiouh"})


def spelling(name: str) -> str:
    """A name as its sounds, spelling variants folded: 'Ras al-Ain' -> 'rasain', 'Ra's al 'Ayn' -> 'rasain'."""
    return spelling_of_key(key(name))


def spelling_of_key(k: str) -> str:
    """`spelling` of a name already reduced to its `key` (the gazetteer builder has the keys)."""
    k = _ARTICLE.sub("", k)
    for a, b in _DIGRAPHS:
        if a in k:
            k = k.replace(a, b)
    return _DOUBLED.sub(r"\1", k.translate(_LETTERS))


def sound_key(name: str) -> str:
    """The consonant skeleton of `spelling` (first letter kept): 'Tal Tamer' and 'Tall Tamr' both 'tltmr'.
    Many names share one: a match is a hint to be checked against the spelling and the article's context."""
    return skeleton(spelling(name))


def skeleton(spelt: str) -> str:
    """The consonants of a `spelling`, after its first letter."""
    return spelt[:1] + spelt[1:].translate(_VOWELS)
