"""What `wirewatch watch` follows: SOURCE arguments turned into feeds (URLs) and folders.

A SOURCE is an RSS/Atom URL (http/https), a folder (its new and changed files are ingested), or a file listing
feeds: an OPML file (every outline's xmlUrl) or a text file with one URL per line ('#' starts a comment).
A listing file is read again at every poll, so feeds can be added while the watch runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Sequence
from xml.etree import ElementTree

from ..errors import WirewatchError

Kind = Literal["feed", "folder"]


class SourceError(WirewatchError):
    """A SOURCE that cannot be followed: the message names it (and the line of a listing file)."""


@dataclass(frozen=True)
class Source:
    """A followed source: `url` is its key in the store (a feed's URL, a folder's resolved path)."""

    url: str
    kind: Kind


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def expand(args: Sequence[str]) -> list[Source]:
    """The sources the arguments name, each once, in the order given."""
    out: dict[str, Source] = {}
    for arg in args:
        for source in _expand_one(arg):
            out.setdefault(source.url, source)
    return list(out.values())


def _expand_one(arg: str) -> list[Source]:
    if is_url(arg):
        return [Source(arg, "feed")]
    path = Path(arg)
    if path.is_dir():
        return [Source(str(path.resolve()), "folder")]
    if not path.exists():
        raise SourceError(f"{arg}: no such file or folder, and not an http(s) URL")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{arg}: cannot be read as a list of feeds ({exc})") from None
    if re.match(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<opml", text, re.DOTALL | re.IGNORECASE):
        return _opml(text, arg)
    return _url_lines(text, arg)


def _opml(text: str, name: str) -> list[Source]:
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise SourceError(f"{name}: not valid OPML ({exc})") from None
    urls = [o.get("xmlUrl") or o.get("xmlurl") for o in root.iter("outline")]
    feeds = [Source(u.strip(), "feed") for u in urls if u and is_url(u.strip())]
    if not feeds:
        raise SourceError(f"{name}: OPML with no outline that has an http(s) xmlUrl")
    return feeds


def _url_lines(text: str, name: str) -> list[Source]:
    feeds = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        if not is_url(line) or any(c.isspace() for c in line):
            raise SourceError(f"{name}, line {number}: {line[:80]!r} is not an http(s) URL")
        feeds.append(Source(line, "feed"))
    if not feeds:
        raise SourceError(f"{name}: no feed URL in it (one http(s) URL per line, or an OPML file)")
    return feeds


_UNITS = {"s": 1, "m": 60, "h": 3600}


def parse_every(value: str) -> float:
    """'3s', '5m', '1h' (or plain seconds, '90') -> seconds; ValueError naming what is wrong."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", value.lower())
    if not m or float(m[1]) <= 0:
        raise ValueError(f"{value!r}: a duration such as 30s, 5m or 1h (more than zero)")
    return float(m[1]) * _UNITS[m[2] or "s"]
