"""The stories benchmark's code runs on a tiny pile; its timings are never asserted."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.bench_stories import format_table, generate, main


def test_generator_is_deterministic_and_has_stories() -> None:
    first, truth = generate(60)
    second, _ = generate(60)
    assert first == second and len(first) == 60
    assert 1 < len(set(truth.values())) < 60


def test_main_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "stories.json"
    assert main(["--articles", "80", "--tune-articles", "40", "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert [item["name"].split()[0] for item in report["results"]] == [
        "storytrace",
        "tfidf-agglomerative",
    ]
    assert all(0 <= item["pair_f1"] <= 1 for item in report["results"])
    assert "storytrace" in format_table(report)
