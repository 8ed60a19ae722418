"""Actor names reduced to what identifies them across reports: their distinctive words, as 5-letter stems.

"Russian forces", "Russia's defence ministry" and "Russia" share the stem "russi"; "forces", "ministry",
"officials" and the like name no one in particular and are left out (data/link/generic-actor-words.txt).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["actor_stems", "generic_words"]


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    raw = resources.files("wirewatch").joinpath("data", "link", "generic-actor-words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in raw.splitlines() if not line.startswith("#") for w in line.split())


def actor_stems(*names: str | None) -> frozenset[str]:
    """Distinctive words of the names (3+ letters, not generic), cut to 5 letters (Russia / Russian)."""
    generic = generic_words()
    out = set()
    for name in names:
        for w in re.findall(r"\w+", (name or "").casefold()):
            if len(w) > 2 and w not in generic and not w.isdigit():
                out.add(w[:5])
    return frozenset(out)
