"""Generator of hostile inputs: files that break parsers, each with what Wirewatch must do with it.

Run `python tests/hostile/corpus.py DIR [--full]` to write the corpus by hand; the tests call `build()`.
Every case is written here, by us; nothing is copied from elsewhere.
"""

from __future__ import annotations

import io
import json
import random
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

GOOD = ("DONETSK, May 3, 2023 (Test Desk) - Shelling hit a market in the city on Tuesday, killing at least "
        "four people, local officials said. Ukrainian forces denied firing on the area.")


@dataclass(frozen=True)
class Case:
    name: str                 # file name under the corpus directory
    data: bytes
    good_ids: tuple[str, ...]  # article ids that must come out (all good records of the file)
    skip: str | None = None    # a substring of the skip reason this file (or a record in it) must produce
    full_only: bool = False    # large cases, only in `make test-hostile`


def _jsonl(*records: object, tail: str = "") -> bytes:
    return ("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n" + tail).encode("utf-8")


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("story.txt", GOOD)
    return buf.getvalue()


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(random.Random(1).randrange(256) for _ in range(2048))


def cases(full: bool = False) -> list[Case]:
    rnd = random.Random(7)
    nested = "<html><body>" + "<div>" * 10_000 + "<p>" + GOOD + "</p>" + "</div>" * 10_000 + "</body></html>"
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile Feed</title>
<item><title>good one</title><guid>feed-good-1</guid><description>{GOOD}</description></item>
<item><title>no body</title><guid>feed-empty</guid></item>
<item><title>broken &amp;&amp; <b>markup</title><guid>feed-broken</guid><description>&lt;p&gt;&lt;div</description></item>
<item><title>good two</title><guid>feed-good-2</guid><description>Aid convoys reached the town on Friday, officials said.</description></item>
</channel></rss>"""
    out = [
        Case("empty.txt", b"", (), "empty"),
        Case("whitespace.txt", b" \n\t\r\n   \n", (), "only whitespace"),
        Case("image.png", _png(), (), "binary"),
        Case("archive.zip", _zip(), (), "binary"),
        Case("random.bin", bytes(rnd.randrange(256) for _ in range(50_000)), (), "binary"),
        Case("utf16-bom.txt", GOOD.encode("utf-16"), ("utf16-bom",)),
        Case("utf16-nobom.txt", GOOD.encode("utf-16-le"), ("utf16-nobom",)),
        Case("latin1.txt", ("BOGOTÁ, May 3, 2023 (Test Desk) - Officials in Bogotá said the café on the plaza "
                            "was damaged by an explosion on Tuesday; the señora who owns it was unhurt.").encode("latin-1"),
             ("latin1",)),
        Case("cp1251.txt", "Обстрел рынка в Донецке во вторник унёс жизни как минимум четырёх человек, сообщили "
                           "местные власти. Украинские военные отрицают обстрел района.".encode("cp1251"), ("cp1251",)),
        Case("line-endings.txt", GOOD.replace(". ", ".\r\n", 1).replace(", ", ",\r", 1).encode() + b"\n\r\n", ("line-endings",)),
        Case("controls.txt", (GOOD[:40] + "\x00\x01" + GOOD[40:90] + "\x1b\x7f" + GOOD[90:]).encode(), ("controls",)),
        Case("separators.txt", GOOD.replace(", killing", "\u0085killing").replace(" local", "\u2028local")
             .replace(" Ukrainian", "\u2029Ukrainian").encode(), ("separators",)),
        Case("separators.jsonl", _jsonl({"id": "sep-1", "date": "2023-05-03", "text": "Line one\u2028line two\u0085three\u2029four."},
                                        {"id": "sep-2", "date": "2023-05-03", "text": GOOD}), ("sep-1", "sep-2")),
        Case("rtl-combining.txt", ("GAZA, May 3, 2023 (Test Desk) - \u0627\u0644\u0642\u062f\u0633 \u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd "
                                   "officials said Zo\u0308e\u0301 and \u202eevil\u202c text were reported on Tuesday.").encode(), ("rtl-combining",)),
        Case("emoji.txt", ("KHARKIV, May 3, 2023 (Test Desk) - \U0001f525\U0001f1fa\U0001f1e6 Residents posted photos of the "
                           "fire \U0001f468\u200d\U0001f469\u200d\U0001f467 on Tuesday, officials said \U0001f4a5.").encode(), ("emoji",)),
        Case("nested.html", nested.encode(), ("nested",)),
        Case("scripts-only.html", b"<html><head><script>var a=1;</script></head><body><script>document.write('x')</script>"
                                  b"<style>p{}</style></body></html>", (), "no main text"),
        Case("feed-broken.rss", rss.encode(), ("feed-good-1", "feed-good-2"), "no text"),
        Case("truncated.jsonl", _jsonl({"id": "tr-1", "date": "2023-05-03", "text": GOOD},
                                       tail='{"id": "tr-2", "date": "2023-05-03", "text": "cut of'), ("tr-1",), "not valid JSON"),
        Case("duplicate-ids.jsonl", _jsonl({"id": "dup", "text": GOOD}, {"id": "dup", "text": "Another text."},
                                           {"id": "dup-other", "text": GOOD}), ("dup", "dup-other"), "duplicate id"),
        Case("wrong-types.jsonl", _jsonl({"id": "wt-date", "date": 5, "text": GOOD}, {"id": "wt-text", "text": None},
                                         {"id": 17, "date": "2023-05-03", "text": GOOD}, {"id": "wt-ok", "text": GOOD}),
             ("17", "wt-ok"), "must be a string"),
        Case("impossible-date.jsonl", _jsonl({"id": "bad-date", "date": "2022-02-30", "text": GOOD},
                                             {"id": "good-date", "date": "2022-02-28", "text": GOOD}),
             ("bad-date", "good-date")),  # an optional field: the record is kept, undated, with a note
        Case("future-dateline.txt", GOOD.replace("May 3, 2023", "May 3, 2091").encode(), ("future-dateline",)),
        Case("oversized.txt", b"word " * 1_100_000, (), "max_article_bytes"),
    ]
    if full:
        out.append(Case("fifty-mb.txt", ((GOOD + "\n") * (50_000_000 // (len(GOOD) + 1))).encode(), (), "max_article_bytes", True))
        words = " ".join(rnd.choice(["shelling", "the", "town", "officials", "said", "on", "Tuesday", "near", "Kyiv"])
                         for _ in range(700_000))
        out.append(Case("one-line-5mb.txt", words.encode()[:4_900_000], ("one-line-5mb",), None, True))
    return out


def build(directory: Path, full: bool = False) -> list[Case]:
    """Write the corpus into `directory` and return its cases."""
    directory.mkdir(parents=True, exist_ok=True)
    chosen = cases(full)
    for case in chosen:
        (directory / case.name).write_bytes(case.data)
    return chosen


if __name__ == "__main__":
    built = build(Path(sys.argv[1]), full="--full" in sys.argv)
    print(f"wrote {len(built)} hostile inputs to {sys.argv[1]}")
