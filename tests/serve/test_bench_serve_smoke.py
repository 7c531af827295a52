"""The serve load test's code runs (tiny store, few requests); its timings are never asserted."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.bench_serve import format_table, generated_analysis, main


def test_generated_analysis_is_consistent() -> None:
    analysis = generated_analysis(12)
    ids = {article.id for article in analysis.articles}
    assert len(ids) == 12
    assert all(r.a in ids and r.b in ids for r in analysis.relations)
    assert sorted(a for story in analysis.stories for a in story.articles) == sorted(ids)
    assert {fact.story for fact in analysis.facts} == {story.id for story in analysis.stories}


def test_main_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "serve.json"
    args = ["--articles", "20", "--requests", "5", "--seconds", "5", "--clients", "2"]
    assert main([*args, "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["articles"] == 20
    assert all(item["failures"] == 0 and item["requests"] == 5 for item in report["results"])
    assert "req/s" in format_table(report)
