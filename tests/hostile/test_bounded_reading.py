"""Issue 20 item 5: bounded time and memory on what a reader can be handed.

Readers: `/dev/zero`, a FIFO, or a symlink to either, in a folder or given by name, and an endless standard
input are all read with a bound (before: read without end, since st_size is 0, and stdin read whole before the
limit applied); `.jsonl` is streamed a line at a time with a limit per line and per file (before: read whole).
Tokenizer: long runs of `"` or `(` are linear (before: 10 KB took 17 s, 40 KB 208 s), and its output on
ordinary text is unchanged. Every subprocess here has a time bound: a hang fails the test, it never blocks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from wirewatch.nlp import MAX_SYMBOL_RUN, BoundedTokenizer

READ = ("import sys; from wirewatch import ingest; from wirewatch.settings import Settings\n"
        "for item in ingest.read(sys.argv[1:], Settings.from_env()): print(type(item).__name__, str(item)[:300].replace('\\n', ' '))")
HANG = 120  # seconds: far beyond what a bounded read needs, far below an unbounded one


def read(*paths: str, env: dict[str, str] | None = None, stdin=None, input_: bytes | None = None) -> list[str]:
    res = subprocess.run([sys.executable, "-c", READ, *paths], capture_output=True, timeout=HANG, stdin=stdin,
                         input=input_, env={**os.environ, **(env or {})})
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    return res.stdout.decode().splitlines()


def endless_writer(path: str) -> threading.Thread:
    def write() -> None:
        try:
            with open(path, "wb") as fifo:
                while True:
                    fifo.write(b"endless text " * 4096)
        except (BrokenPipeError, OSError):
            pass
    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_special_files_in_a_folder_are_skipped_by_name_without_blocking(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Shelling hit Izium on Tuesday, officials said.")
    os.mkfifo(folder / "pipe.txt")                       # no writer: opening it must not wait
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "to-pipe.jsonl").symlink_to(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    lines = read(str(folder))
    assert sum(line.startswith("Document") for line in lines) == 1
    skipped = "\n".join(line for line in lines if line.startswith("Skipped"))
    assert "pipe.txt: not a regular file (a named pipe (FIFO))" in skipped
    assert "zero.txt: not a regular file (a character device)" in skipped
    assert "to-pipe.jsonl: not a regular file" in skipped and "loop.txt: a symbolic link loop" in skipped


def test_devices_pipes_and_stdin_given_by_name_are_read_up_to_the_limit(tmp_path: Path) -> None:
    env = {"WIREWATCH_MAX_ARTICLE_BYTES": "100000"}
    (tmp_path / "zero").symlink_to("/dev/zero")
    fifo = tmp_path / "feed.fifo"
    os.mkfifo(fifo)
    endless_writer(str(fifo))
    lines = read("/dev/zero", str(tmp_path / "zero"), str(fifo), env=env)
    assert len(lines) == 3 and all("over the limit of 100,000 bytes" in line for line in lines), lines
    endless = subprocess.Popen(["yes", "endless standard input"], stdout=subprocess.PIPE)
    try:
        lines = read("-", env=env, stdin=endless.stdout)
    finally:
        endless.kill()
        endless.wait()
    assert lines == ["Skipped <stdin>: over the limit of 100,000 bytes (setting max_article_bytes); not read further"]


def test_jsonl_is_streamed_with_a_limit_per_line_and_per_file(tmp_path: Path) -> None:
    env = {"WIREWATCH_MAX_LINE_BYTES": "2000", "WIREWATCH_MAX_STREAM_BYTES": "3000000"}
    good = [json.dumps({"id": f"g{i}", "text": f"Report number {i} from the front."}) for i in range(3)]
    (tmp_path / "wire.jsonl").write_text("\n".join([good[0], json.dumps({"id": "long", "text": "x" * 50_000}),
                                                    good[1], good[2]]) + "\n")
    lines = read(str(tmp_path / "wire.jsonl"), env=env)
    assert [line.split()[0] for line in lines] == ["Document", "Skipped", "Document", "Document"]
    assert "wire.jsonl:2: line is over the limit of 2,000 bytes (setting max_line_bytes)" in lines[1]
    with (tmp_path / "huge.jsonl").open("w") as out:  # 10 MB of good lines: reading stops at 3 MB, said once
        for i in range(100_000):
            out.write(json.dumps({"id": f"h{i}", "text": "A line of a wire that never ends."}) + "\n")
    lines = read(str(tmp_path / "huge.jsonl"), "-", env=env, input_=(good[0] + "\n").encode())
    assert lines[-2].startswith("Skipped") and "(setting max_stream_bytes)" in lines[-2]
    assert 20_000 < sum(line.startswith("Document") for line in lines) < 100_000
    assert lines[-1].startswith("Document")  # the next input is read as usual (stdin streams JSONL too)


@pytest.mark.parametrize("run", ['"', "(", "[", "“", "'", ":)", '"('])
def test_tokenizer_output_on_punctuation_runs_is_spacys(nlp, run: str) -> None:
    inner = nlp.tokenizer.tokenizer  # spaCy's own, unbounded (quadratic on these runs: keep them short)
    text = f"He said {run * (600 // len(run))} and left."
    ours, theirs = nlp.tokenizer(text), inner(text)
    assert ours.text == text
    if run not in ("'", ":)"):  # groups spaCy makes ('' or emoticons) may form differently inside such a run
        assert [t.text_with_ws for t in ours] == [t.text_with_ws for t in theirs]


def test_tokenizer_leaves_ordinary_text_to_spacy(nlp) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(examples.rglob("*.txt"))]
    texts.append("Separator\n" + "-" * 40 + "\n" + "=" * 60 + "\nhttps://example.org/a/very/long/path?q=1&r=2")
    for text in texts:
        assert [t.text_with_ws for t in nlp.tokenizer(text)] == [t.text_with_ws for t in nlp.tokenizer.tokenizer(text)]
    assert isinstance(nlp.tokenizer, BoundedTokenizer) and MAX_SYMBOL_RUN >= 64


def test_tokenizer_is_linear_on_long_runs() -> None:
    script = ("from wirewatch.nlp import load_nlp\nnlp = load_nlp()\n"
              "for ch in ['\"', '(', ')', '“']:\n    assert len(nlp.tokenizer(ch * 40_000)) == 40_000")
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=HANG)
    assert res.returncode == 0, res.stderr.decode()[-2000:]
