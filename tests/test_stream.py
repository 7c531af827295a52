"""Streaming, incremental analysis into a store (``storytrace.stream``).

Adding a corpus in two halves must leave the store with the relations and stories of adding it
at once (and of ``storytrace.analyze``); the second half must reuse the first half's kept
signatures and relations, not recompute them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

import storytrace
from storytrace import stream
from storytrace.model import Article, Relation
from storytrace.store import Store
from storytrace.stream import SIGNATURES, analyze_into, run_analysis
from tests.conftest import REPO_ROOT, require_shared
from tests.test_pipeline import write_article

DEMO = REPO_ROOT / "demo" / "corpus"
RelationKey = tuple[str, str, str, str | None]


def _inputs(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.suffix != ".md")


def _held(store: Store) -> tuple[set[RelationKey], list[list[str]]]:
    relations = {(r.a, r.b, r.kind, r.origin) for r in store.relation_heads()}
    return relations, sorted(store.story_members().values())


def _keys(relations: Iterable[Relation]) -> set[RelationKey]:
    return {(r.a, r.b, r.kind, r.origin) for r in relations}


@pytest.mark.parametrize("corpus", ["demo", "kz2022"])
def test_two_halves_leave_what_one_run_leaves(
    corpus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = DEMO if corpus == "demo" else require_shared("corpus", "kz2022")
    files = _inputs(folder)
    half = len(files) // 2
    verified: list[tuple[str, str]] = []
    real_relate = stream.relate_pairs

    def counting(articles: Sequence[Article], pairs: Sequence[tuple[str, str]]) -> list[Relation]:
        verified.extend(pairs)
        return real_relate(articles, pairs)

    with Store.open(tmp_path / "once.db") as store:
        analyze_into(store, files, ner=None)
        once = _held(store)
    monkeypatch.setattr(stream, "relate_pairs", counting)
    with Store.open(tmp_path / "halves.db") as store:
        first = analyze_into(store, files[:half], ner=None)
        second = analyze_into(store, files[half:], ner=None)
        halves = _held(store)
    batch = storytrace.analyze(files, ner=None)

    assert halves == once
    assert once[0] == _keys(batch.relations)
    assert once[1] == sorted(sorted(story.articles) for story in batch.stories)
    assert len(verified) == len(set(verified)), "a pair was verified twice"
    assert first.verified + second.verified == len(verified)
    assert any(kind != "independent" for _, _, kind, _ in halves[0])


def test_kept_signatures_are_not_recomputed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a", "b", "c"):
        write_article(tmp_path / "in" / name / f"{name}.txt", extra=f"Closing line {name}.")
    computed: list[str] = []
    real_put = stream._put_signatures

    def recording(store: Store, articles: Sequence[Article]) -> None:
        computed.extend(article.id for article in articles)
        real_put(store, articles)

    monkeypatch.setattr(stream, "_put_signatures", recording)
    with Store.open(tmp_path / "s.db") as store:
        analyze_into(store, [tmp_path / "in" / "a", tmp_path / "in" / "b"], ner=None)
        analyze_into(store, tmp_path / "in" / "c", ner=None)
        kept = {kind.kind: [a for a, _, _ in store.signatures(kind.kind)] for kind in SIGNATURES}
    assert sorted(computed) == ["a", "b", "c"]
    assert all(ids == ["a", "b", "c"] for ids in kept.values())


def test_a_store_filled_without_signatures_gets_them_once(tmp_path: Path) -> None:
    write_article(tmp_path / "old" / "old.txt")
    write_article(tmp_path / "new" / "new.txt", extra="A new closing paragraph.")
    with Store.open(tmp_path / "s.db") as store:
        store.add_analysis(storytrace.analyze(tmp_path / "old", ner=None))
        run = analyze_into(store, tmp_path / "new", ner=None)
        kinds = {kind.kind: [a for a, _, _ in store.signatures(kind.kind)] for kind in SIGNATURES}
        relations = store.relation_heads()
    assert run.articles == ["new"]
    assert all(ids == ["new", "old"] for ids in kinds.values())
    assert [(r.a, r.b, r.kind) for r in relations] == [("new", "old", "copy")]


def test_bad_input_is_kept_as_a_skip_and_the_run_goes_on(tmp_path: Path) -> None:
    write_article(tmp_path / "in" / "good.txt")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    with Store.open(tmp_path / "s.db") as store:
        run = analyze_into(store, tmp_path / "in", ner=None, batch=1)
        report = run_analysis(store, run)
        skipped = store.skipped()
    assert run.articles == ["good"]
    assert [Path(skip.source).name for skip in skipped] == ["empty.txt"]
    assert [a.id for a in report.articles] == ["good"] and len(report.stories) == 1


def test_re_adding_an_article_replaces_its_records(tmp_path: Path) -> None:
    path = write_article(tmp_path / "in" / "a.txt")
    write_article(tmp_path / "in" / "b.txt", extra="Another closing paragraph here.")
    with Store.open(tmp_path / "s.db") as store:
        analyze_into(store, tmp_path / "in", ner=None)
        claims_before = sorted(c.id for c in store.claims())
        path.write_text("A short note about the weather in the hills.\n", encoding="utf-8")
        analyze_into(store, path, ner=None)
        relations = store.relation_heads()
        claims_after = sorted(c.id for c in store.claims())
    assert [(r.a, r.b) for r in relations if r.kind != "independent"] == []
    assert {c for c in claims_before if c.startswith("a:")} - set(claims_after)


def test_a_generated_pile_in_halves_matches_one_run(tmp_path: Path) -> None:
    """120 news-like articles, a quarter of them planted copies, spins and excerpts."""
    from benchmarks.bench_scale import corpus_file

    path, _ = corpus_file(tmp_path / "work", 120)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(lines[:60]), encoding="utf-8")
    second.write_text("".join(lines[60:]), encoding="utf-8")
    with Store.open(tmp_path / "once.db") as store:
        analyze_into(store, path, ner=None, batch=50)
        once = _held(store)
    with Store.open(tmp_path / "halves.db") as store:
        analyze_into(store, first, ner=None, batch=50)
        analyze_into(store, second, ner=None, batch=50)
        halves = _held(store)
    batch = storytrace.analyze(path, ner=None)

    assert halves == once
    assert once[1] == sorted(sorted(story.articles) for story in batch.stories)
    # analyze() also relates topical look-alikes across stories; every pair kept here is its
    assert once[0] <= _keys(batch.relations)
    assert sum(kind in {"copy", "spun", "excerpt"} for _, _, kind, _ in once[0]) >= 20
