"""The reuse benchmark's code runs on a tiny corpus; its timings are never asserted."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks._reuse_corpus import make_corpus
from benchmarks.bench_reuse import main


def test_corpus_is_deterministic_and_planted() -> None:
    first, second = make_corpus(40), make_corpus(40)
    assert first == second
    assert first.planted and all(i < j for i, j, _ in first.planted)


def test_main_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "reuse.json"
    assert main(["--articles", "60", "--end-to-end", "30", "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert {row["name"] for row in report["results"]} >= {"floor", "storytrace", "datasketch"}
    assert report["end_to_end"]["articles"] == 30
