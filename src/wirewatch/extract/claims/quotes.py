"""Quotation spans: where direct speech starts and ends in the raw text.

Wire copy quotes with curly marks (“…”) or straight ones ("…"). A quotation that runs over several
paragraphs re-opens each paragraph without closing the previous one; such a quote is one span per
paragraph, each closed at its paragraph end, so every span stays inside one paragraph; an opening mark
that is neither closed nor continued before a blank line is a stray mark and opens nothing.
Doubled apostrophes (''…'', ``…'') count as double quotes. Single quotes are left alone: ’ is also
the apostrophe.
"""

from __future__ import annotations

import re

__all__ = ["quote_spans", "inside"]

OPEN, CLOSE, STRAIGHT = "“„«", "”»", '"'


def _paragraph_end(text: str, start: int) -> int:
    cut = text.find("\n", start)
    end = len(text) if cut < 0 else cut
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


SPACE = re.compile(r"\s*")
MARKS = re.compile("''|``|[\n\"“”„«»]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation, quote marks included, in text order."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    straight: int | None = None
    doubled: int | None = None  # ''...'' (two apostrophes, some US papers) or ``...''
    for m in MARKS.finditer(text):
        i, mark = m.start(), m.group()
        if mark in ("''", "``"):
            if doubled is None and (mark == "``" or i == 0 or not text[i - 1].isalnum()):
                doubled = i
            elif doubled is not None:
                spans.append((doubled, i + 2))
                doubled = None
        elif mark == "\n":
            doubled = straight = None
            if opened is not None and text[opened + 1:i].strip():
                # an unclosed curly quote at a paragraph end: a quote that continues in the next paragraph
                j = SPACE.match(text, i).end()
                if text[j:j + 1] and text[j] in OPEN:
                    spans.append((opened, _paragraph_end(text, opened)))
                    opened = None
                elif "\n" in text[i + 1:j]:
                    opened = None  # never closed before a blank line: a stray mark, not a quotation
        elif mark in OPEN:
            if opened is not None and "\n" in text[opened:i]:
                spans.append((opened, _paragraph_end(text, opened)))
            opened = i
        elif mark in CLOSE:
            if opened is not None:
                spans.append((opened, i + 1))
                opened = None
        elif straight is None:
            straight = i
        else:
            spans.append((straight, i + 1))
            straight = None
    spans.sort()
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The quotation that contains [start, end), if any."""
    for s, e in spans:
        if s <= start and end <= e:
            return s, e
        if s > start:
            break
    return None
