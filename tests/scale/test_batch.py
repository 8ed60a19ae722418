"""`wirewatch batch`: same results as `extract`, shards a user can query, re-runs that do nothing, resumes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.scale import connect, read_documents, read_manifest, read_skipped, run_batch


def batch(*args: str):
    return CliRunner().invoke(app, ["batch", *args])


def as_json(out: Path) -> list[dict]:
    return [doc.to_json() for doc in read_documents(out)]


def test_batch_equals_extract(corpus, tmp_path, scheduler, extracted):
    out = tmp_path / "run"
    result = batch(str(corpus), "--out", str(out), "--scheduler", scheduler, "--partition-size", "3")
    assert result.exit_code == 0, result.output
    assert as_json(out) == extracted
    assert "read 11, extracted 9, skipped 2" in result.output
    reasons = sorted(s.reason for s in read_skipped(out))
    assert reasons[0] == "'text' is empty" and reasons[1].startswith("not valid JSON")
    assert sorted(p.name for p in (out / "articles").iterdir()) == [f"part-0000{i}.parquet" for i in range(4)]
    entries = read_manifest(out)["partitions"].values()
    assert {e["written_by"] for e in entries} == {"worker"}  # a local worker sees --out: it writes its shards
    assert not list(out.glob(".wirewatch-run-*"))             # the run's token file is gone


def test_a_worker_that_cannot_see_the_output_sends_its_tables(tmp_path, nlp):
    from wirewatch import ingest
    from wirewatch.scale.batch import extract_partition
    from wirewatch.settings import Settings

    items = list(ingest.read([str(Path(__file__).parent / "data" / "wire.jsonl")], Settings()))[:3]
    away = extract_partition(items, Settings(), 7, str(tmp_path / "elsewhere" / ".wirewatch-run-x"))
    assert away.tables is not None and away.rows["articles"] == away.tables["articles"].num_rows == 3
    assert not (tmp_path / "elsewhere").exists()
    token = tmp_path / ".wirewatch-run-y"
    token.touch()
    here = extract_partition(items, Settings(), 7, str(token))
    assert here.tables is None and here.rows == away.rows
    assert pd.read_parquet(tmp_path / "articles" / "part-00007.parquet")["id"].tolist() == \
        away.tables["articles"].column("id").to_pylist()


def test_shards_are_tables_a_user_can_query(corpus, tmp_path, scheduler, extracted):
    out = tmp_path / "run"
    assert batch(str(corpus), "--out", str(out), "--scheduler", scheduler, "-k", "4").exit_code == 0
    articles = pd.read_parquet(out / "articles")
    assert list(articles["id"]) == [d["article"]["id"] for d in extracted]
    assert pd.isna(articles.set_index("id").loc["sc-08", "date"])  # no date in the input: null, not a guess
    assert [json.loads(d) for d in articles["document"]] == extracted  # another partition size, same results
    for table, key in (("events", "events"), ("claims", "claims"), ("places", "places")):
        frame = pd.read_parquet(out / table)
        assert len(frame) == sum(len(d[key]) for d in extracted) == articles[f"n_{key}"].sum()
        assert set(frame["article_id"]) <= set(articles["id"])


def test_rerun_does_nothing(corpus, tmp_path, scheduler):
    out = tmp_path / "run"
    assert batch(str(corpus), "--out", str(out), "--scheduler", scheduler, "-k", "3").exit_code == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again = batch(str(corpus), "--out", str(out), "--scheduler", scheduler)
    assert again.exit_code == 0, again.output
    assert "0 computed now, 4 already done" in again.output
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == before


def test_rerun_without_work_starts_no_cluster(corpus, tmp_path, scheduler):
    out = tmp_path / "run"
    run_batch([corpus], out, partial(connect, scheduler=scheduler), partition_size=5)
    started = []
    summary = run_batch([corpus], out, lambda: started.append(1))  # would fail if it were called
    assert started == [] and summary.computed == 0 and summary.reused == 3 and summary.articles == 9


def test_changed_input_recomputes_only_its_partition(corpus, tmp_path, scheduler, extracted):
    out = tmp_path / "run"
    run_batch([corpus], out, partial(connect, scheduler=scheduler), partition_size=4)
    lines = corpus.read_text(encoding="utf-8").splitlines()
    lines[-1] = lines[-1].replace("Thousands of people", "Hundreds of people")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = run_batch([corpus], out, partial(connect, scheduler=scheduler))
    assert (summary.computed, summary.reused) == (1, 2)
    assert as_json(out)[-1]["text"].startswith("Hundreds of people")
    assert as_json(out)[:-1] == extracted[:-1]


def test_interrupted_run_resumes(corpus, tmp_path, scheduler, extracted):
    out = tmp_path / "run"

    def stop_after_first(index, entry):
        raise KeyboardInterrupt  # what Ctrl-C does between two partitions

    with pytest.raises(KeyboardInterrupt):
        run_batch([corpus], out, partial(connect, scheduler=scheduler), partition_size=2,
                  on_partition=stop_after_first, in_flight=1)
    assert len(read_manifest(out)["partitions"]) == 1 and not read_manifest(out)["complete"]
    summary = run_batch([corpus], out, partial(connect, scheduler=scheduler))
    assert (summary.reused, summary.computed, summary.articles) == (1, 5, 9)
    assert read_manifest(out)["complete"]
    assert as_json(out) == extracted


def test_half_written_shard_is_redone(corpus, tmp_path, scheduler, extracted):
    out = tmp_path / "run"
    run_batch([corpus], out, partial(connect, scheduler=scheduler), partition_size=5)
    manifest = json.loads((out / "manifest.json").read_text())
    del manifest["partitions"]["00001"]  # as if killed after the shards, before the manifest entry
    (out / "manifest.json").write_text(json.dumps(manifest))
    (out / "events" / "part-00001.parquet").write_bytes(b"PAR1 truncated")
    summary = run_batch([corpus], out, partial(connect, scheduler=scheduler))
    assert (summary.reused, summary.computed) == (2, 1)
    assert as_json(out) == extracted
    pd.read_parquet(out / "events")  # every shard is whole again


def test_each_worker_loads_spacy_once(corpus, tmp_path, scheduler):
    summary = run_batch([corpus], tmp_path / "run", partial(connect, scheduler=scheduler), partition_size=1)
    assert summary.computed == 11
    assert [w["nlp_loads"] for w in summary.workers.values()] == [1]


def test_partition_size_of_a_resumed_run_must_match(corpus, tmp_path, scheduler):
    out = tmp_path / "run"
    assert batch(str(corpus), "--out", str(out), "--scheduler", scheduler, "-k", "3").exit_code == 0
    result = batch(str(corpus), "--out", str(out), "--scheduler", scheduler, "-k", "5")
    assert result.exit_code == 2
    assert "written with --partition-size 3" in result.output


def test_workers_and_scheduler_exclude_each_other(corpus, tmp_path):
    result = batch(str(corpus), "--out", str(tmp_path / "run"), "--workers", "2", "--scheduler", "tcp://x:1")
    assert result.exit_code != 0
    assert "not both" in result.output


@pytest.mark.slow
def test_killed_run_resumes(tmp_path):
    """SIGKILL the whole process group (client and workers) midway; the next run finishes the job."""
    corpus = tmp_path / "wire.jsonl"
    lines = (Path(__file__).parent / "data" / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    copies = [line.replace('"id": "sc-', f'"id": "copy{n}-sc-') for n in range(6) for line in lines]
    corpus.write_text("\n".join(copies) + "\n", encoding="utf-8")  # 66 records, 66 partitions of 1
    out = tmp_path / "run"
    cmd = [sys.executable, "-m", "wirewatch", "batch", str(corpus), "--out", str(out), "-w", "1", "-k", "1", "-q"]
    proc = subprocess.Popen(cmd, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out / "manifest.json").exists() and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(read_manifest(out)["partitions"])
    if done == 66:
        pytest.skip("the run finished before it could be killed")
    resumed = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    manifest = read_manifest(out)
    assert manifest["complete"] and len(manifest["partitions"]) == 66
    extracted = CliRunner().invoke(app, ["extract", str(corpus), "-q"]).stdout.splitlines()
    assert as_json(out) == [json.loads(line) for line in extracted]


def _blocks(lang: str) -> list[str]:
    text = (Path(__file__).resolve().parents[2] / "docs" / "scale.md").read_text(encoding="utf-8")
    return [b.split("\n", 1)[1] for b in text.split("```")[1::2] if b.startswith(lang + "\n")]


def test_documented_queries_run_on_the_shards(corpus, tmp_path, scheduler, capsys):
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "run"
    run_batch([corpus], out, partial(connect, scheduler=scheduler), partition_size=4)
    sql = [duckdb.sql(q.replace("runs/2024-06", str(out))).fetchall() for q in _blocks("sql")]
    assert len(sql) == 2
    assert sum(row[2] for row in sql[0]) == len(pd.read_parquet(out / "events")) > 0
    assert {row[0] for row in sql[1]} == set(pd.read_parquet(out / "articles").query("n_figures > 0")["id"])
    (python,) = _blocks("python")
    exec(python.replace("runs/2024-06", str(out)), {})
    assert capsys.readouterr().out.strip()


def test_a_record_that_cannot_be_encoded_is_skipped_by_name_not_the_batch(tmp_path, scheduler):
    """Issue 20 item 1: a lone surrogate and a 100,000-deep line ended `batch` with exit 2 and no manifest."""
    src = tmp_path / "in" / "wire.jsonl"
    src.parent.mkdir()
    src.write_text("\n".join([
        json.dumps({"id": "ok-1", "text": "Shelling hit Izium on Tuesday, officials said."}),
        '{"id": "bad", "text": "lone \\ud800 surrogate"}',
        '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"id": "ok-2", "text": "Aid convoys reached Lyman on Friday."})]) + "\n", encoding="utf-8")
    out = tmp_path / "run"
    result = batch(str(src), "--out", str(out), "--scheduler", scheduler)
    assert result.exit_code == 0, result.output
    assert [d.article.id for d in read_documents(out)] == ["ok-1", "ok-2"]
    assert sorted(s.record.rsplit("/", 1)[-1] for s in read_skipped(out)) == ["wire.jsonl:2", "wire.jsonl:3"]
    assert read_manifest(out)["complete"]
