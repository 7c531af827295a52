"""Incremental runs (``storytrace.stream``) on both back ends: SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from storytrace.store import Store
from storytrace.stream import analyze_into, run_analysis


def _halves(tmp_path: Path, count: int) -> tuple[Path, Path, Path]:
    from benchmarks.bench_scale import corpus_file

    path, _ = corpus_file(tmp_path / "work", count)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(lines[: count // 2]), encoding="utf-8")
    second.write_text("".join(lines[count // 2 :]), encoding="utf-8")
    return path, first, second


def test_two_runs_hold_what_one_run_holds(store_url: str, tmp_path: Path) -> None:
    whole, first, second = _halves(tmp_path, 40)
    with Store.open(tmp_path / "once.db") as store:
        analyze_into(store, whole, ner=None)
        once = [(r.a, r.b, r.kind, r.origin) for r in store.relation_heads()]
        once_stories = store.story_members()
    with Store.open(store_url) as store:
        analyze_into(store, first, ner=None, batch=7)
        run = analyze_into(store, second, ner=None, batch=7)
        assert [(r.a, r.b, r.kind, r.origin) for r in store.relation_heads()] == once
        assert store.story_members() == once_stories
        assert store.counts()["articles"] == 40
        assert [r.article_count for r in store.runs()] == [20, 20]
        report = run_analysis(store, run)
    assert {a.id for a in report.articles} >= set(run.articles)
    assert any(r.kind != "independent" for r in report.relations)
