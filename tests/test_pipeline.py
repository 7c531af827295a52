"""The orchestrator: every input is analysed or skipped with a reason; ids stay unique."""

from __future__ import annotations

from pathlib import Path

import pytest

import storytrace
from storytrace import pipeline
from storytrace.claims import Extracted, extract
from storytrace.model import Article
from storytrace.pipeline import analyze

PARAGRAPHS = [
    "The harbour authority of Port Meridian said on Tuesday that the northern pier would reopen "
    "next month after repairs costing nearly four million crowns.",
    "Engineers found that storms last winter had cracked two of the pier's supporting columns, "
    "the authority's director told reporters at a briefing.",
    "Fishing crews, who had moved their boats to a temporary mooring, welcomed the news but said "
    "the closure had cost them weeks of work.",
    "At least 12 people were injured when a crane fell during the first repairs, police said.",
]


def write_article(path: Path, extra: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join([*PARAGRAPHS, extra]).strip() + "\n", encoding="utf-8")
    return path


def test_analyze_accepts_one_path_or_many(tmp_path: Path) -> None:
    one = write_article(tmp_path / "one.txt")
    assert [a.id for a in analyze(one).articles] == ["one"]
    assert [a.id for a in analyze([str(one)]).articles] == ["one"]


def test_same_file_name_in_two_folders_gets_two_ids(tmp_path: Path) -> None:
    write_article(tmp_path / "a" / "story.txt")
    write_article(tmp_path / "b" / "story.txt", extra="A second, different closing paragraph.")
    ids = [a.id for a in analyze(tmp_path).articles]
    assert sorted(ids) == ["story", "story~2"]


def test_bad_inputs_are_skipped_and_the_run_goes_on(tmp_path: Path) -> None:
    write_article(tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = analyze([tmp_path, tmp_path / "missing.txt"])
    assert [a.id for a in result.articles] == ["good"]
    skipped = {Path(s.source).name: s.reason for s in result.skipped}
    assert set(skipped) == {"empty.txt", "picture.txt", "missing.txt"}
    assert all(reason for reason in skipped.values())


def test_article_sentences_point_into_the_text(tmp_path: Path) -> None:
    article = analyze(write_article(tmp_path / "x.txt")).articles[0]
    assert len(article.sentences) >= 3
    for start, end in article.sentences:
        assert 0 <= start < end <= len(article.text)
        assert article.text[start:end].strip() == article.text[start:end]


def test_progress_is_reported_per_stage(tmp_path: Path) -> None:
    write_article(tmp_path / "x.txt")
    calls: list[tuple[str, int, int | None]] = []
    storytrace.analyze(
        tmp_path, progress=lambda stage, done, total: calls.append((stage, done, total))
    )
    stages = ["read", "clean", "claims", "reuse", "stories", "consolidate"]
    assert [stage for stage, _, _ in calls] == stages
    assert calls[-1] == ("consolidate", 1, 1)


def test_a_claims_failure_on_one_article_skips_it_for_that_stage_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_article(tmp_path / "good.txt")
    write_article(tmp_path / "cursed.txt", extra="A closing line that a buggy stage trips on.")

    def fragile_extract(articles: list[Article], *, ner: str | None) -> Extracted:
        if any(article.id == "cursed" for article in articles):
            raise RuntimeError("simulated bug")
        return extract(articles, ner=None)

    monkeypatch.setattr(pipeline, "extract", fragile_extract)
    result = analyze(tmp_path, ner=None)
    assert sorted(a.id for a in result.articles) == ["cursed", "good"]
    assert [(Path(s.source).name, s.stage) for s in result.skipped] == [("cursed.txt", "claims")]
    assert "simulated bug" in result.skipped[0].reason
    assert {claim.article for claim in result.claims} == {"good"}


def test_claims_point_into_their_article(tmp_path: Path) -> None:
    result = analyze(write_article(tmp_path / "x.txt"), ner=None)
    text = result.article("x").text
    assert result.claims, "the fixture states that at least 12 people were injured"
    for claim in result.claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text


def test_a_reuse_failure_is_reported_and_the_run_keeps_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_article(tmp_path / "a.txt")
    write_article(tmp_path / "b.txt")

    def broken(articles: list[Article]) -> list[object]:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(pipeline, "find_relations", broken)
    result = analyze(tmp_path, ner=None)
    assert len(result.articles) == 2
    assert [(s.stage, "simulated bug" in s.reason) for s in result.skipped] == [("reuse", True)]
    # the stories stage still groups the two copies, and their pair is related afterwards
    assert [(r.a, r.b) for r in result.relations] == [("a", "b")]


def test_a_verbatim_copy_is_related_to_its_original(tmp_path: Path) -> None:
    write_article(tmp_path / "original.txt")
    write_article(tmp_path / "republished.txt")
    result = analyze(tmp_path, ner=None)
    assert [(r.a, r.b, r.kind) for r in result.relations] == [("original", "republished", "copy")]


def test_copies_make_one_story_and_count_as_one_source(tmp_path: Path) -> None:
    write_article(tmp_path / "original.txt")
    write_article(tmp_path / "republished.txt")
    result = analyze(tmp_path, ner=None)
    assert [sorted(story.articles) for story in result.stories] == [["original", "republished"]]
    injured = [fact for fact in result.facts if fact.measure == "injured"]
    # two copies of one text are one source: "single", however many sites ran it
    assert [(fact.status, fact.independent_sources) for fact in injured] == [("single", 1)]
    assert {claim.split(":")[0] for claim in injured[0].claims} == {"original", "republished"}
    assert result.briefs[result.stories[0].id].summary
