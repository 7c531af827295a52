"""The claims benchmark's code runs on a tiny corpus; its timings are never asserted."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.bench_claims import format_table, generate, main


def test_corpus_is_deterministic() -> None:
    assert [a.text for a in generate(3)] == [a.text for a in generate(3)]


def test_main_writes_json_for_both_runs(tmp_path: Path) -> None:
    out = tmp_path / "claims.json"
    assert main(["--articles", "3", "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["articles"] == 3
    assert len(report["results"]) == 2
    assert report["results"][0]["claims"] > 0
    assert "sentences/s" in format_table(report)
