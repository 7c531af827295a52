"""The ingest benchmark's code runs (on a tiny corpus); its timings are never asserted."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.bench_ingest import format_table, main, run_benchmark
from benchmarks.corpus import write_corpus


def test_corpus_is_deterministic(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", 3)
    second = write_corpus(tmp_path / "b", 3)
    assert [p.read_text() for p in first] == [p.read_text() for p in second]


def test_benchmark_runs_on_twenty_articles(tmp_path: Path) -> None:
    report = run_benchmark(20, tmp_path / "corpus")
    names = [item["name"] for item in report["results"]]  # type: ignore[attr-defined]
    assert len(names) == 3
    assert all(item["output_articles"] == 20 for item in report["results"])  # type: ignore[attr-defined]
    assert "baseline" in format_table(report)


def test_main_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "ingest.json"
    assert main(["--articles", "5", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["articles"] == 5


def test_scale_benchmark_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    from benchmarks import bench_scale

    out = tmp_path / "scale.json"
    args = ["--sizes", "40", "--pipeline", "40", "--stream", "40", "--ner", "none",
            "--baselines-up-to", "0", "--work", str(tmp_path / "w"), "--out", str(out)]  # fmt: skip
    assert bench_scale.main(args) == 0
    report = json.loads(out.read_text())
    assert {row["name"] for row in report["candidates"]["40"]["rows"]} == {
        "floor", "storytrace-words", "storytrace-all"
    }  # fmt: skip
    assert report["pipeline"]["40"]["articles"] == 40
    assert report["stream"]["40"]["articles"] == 40 and report["stream"]["40"]["peak_rss_mb"] > 0
