"""The claims benchmark's code runs on a tiny corpus; its timings are never asserted."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.bench_claims import format_table, generate, main, measure


def test_corpus_is_deterministic() -> None:
    assert [a.text for a in generate(3)] == [a.text for a in generate(3)]


def test_worker_measures_one_run() -> None:
    result = measure("generated", 3, None)
    assert result["articles"] == 3
    assert result["claims"] > 0
    assert result["sentences"] == sum(len(a.sentences) for a in generate(3))


def test_main_writes_json_for_both_runs(tmp_path: Path) -> None:
    out = tmp_path / "claims.json"
    argv = ["--articles", "3", "--ner-articles", "1", "--gva-articles", "0"]
    assert main([*argv, "--baseline", "none", "--repeat", "1", "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["baseline"] is None
    assert report["results"][0]["name"] == "generated, rules only (ner=None)"
    assert report["results"][0]["current"]["claims"] > 0
    assert "sent/s" in format_table(report)


def test_baseline_runs_side_by_side(tmp_path: Path) -> None:
    out = tmp_path / "claims.json"
    argv = ["--articles", "2", "--ner-articles", "1", "--gva-articles", "0", "--repeat", "1"]
    assert main([*argv, "--baseline", "HEAD", "--out", str(out)]) == 0
    case = json.loads(out.read_text())["results"][0]
    assert case["baseline"]["claims"] == case["current"]["claims"]
    assert case["ratio_sentences_per_cpu_second"] > 0
