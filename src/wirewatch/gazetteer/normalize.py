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
