"""The Spark job against the single-machine run, on the same input: the same articles,
relations and stories; bad input counted and skipped; reruns and loads idempotent."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storytrace.cli import EXIT_SKIPPED, app
from storytrace.model import Analysis
from storytrace.spark import read_output, run_job, trace_locally
from storytrace.spark.load import load_output

pytestmark = [pytest.mark.spark, pytest.mark.slow, pytest.mark.xdist_group("spark")]


@pytest.fixture(scope="module")
def mixed_run(spark: Any, mixed_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mixed-out")
    run_job(spark, [str(mixed_corpus / "demo"), str(mixed_corpus / "*.jsonl")], out)
    return out


@pytest.fixture(scope="module")
def local(mixed_corpus: Path) -> Analysis:
    return trace_locally([mixed_corpus / "demo", mixed_corpus / "generated.jsonl"])


def test_articles_equal_the_single_machine_run(mixed_run: Path, local: Analysis) -> None:
    distributed = read_output(mixed_run)
    assert [a.id for a in distributed.articles] == [a.id for a in local.articles]
    assert distributed.articles == local.articles


def test_relations_equal_the_single_machine_run(mixed_run: Path, local: Analysis) -> None:
    distributed = read_output(mixed_run)
    kinds = {r.kind for r in local.relations}
    assert {"copy", "spun", "independent"} <= kinds, kinds  # the input exercises the stages
    assert distributed.relations == local.relations


def test_stories_equal_the_single_machine_run(mixed_run: Path, local: Analysis) -> None:
    distributed = read_output(mixed_run)
    assert any(len(story.articles) > 2 for story in local.stories)
    assert distributed.stories == local.stories


def test_skips_equal_the_single_machine_run(mixed_run: Path, local: Analysis) -> None:
    distributed = read_output(mixed_run)
    assert sorted(distributed.skipped, key=repr) == sorted(local.skipped, key=repr)


def test_load_puts_the_tables_in_a_store_once(mixed_run: Path, tmp_path: Path) -> None:
    from storytrace.store import Store

    db = tmp_path / "store.db"
    loaded_by_cli = CliRunner().invoke(app, ["load", str(mixed_run), "--db", str(db)])
    assert loaded_by_cli.exit_code == 0, loaded_by_cli.output
    load_output(mixed_run, db)
    with Store.open(db) as store:
        loaded = store.load_analysis()
    expected = read_output(mixed_run)
    assert sorted(a.id for a in loaded.articles) == [a.id for a in expected.articles]
    assert len(loaded.relations) == len(expected.relations)
    assert {r.kind for r in loaded.relations} == {r.kind for r in expected.relations}
    assert sorted(s.articles for s in loaded.stories) == sorted(
        s.articles for s in expected.stories
    )


def test_damaged_inputs_are_counted_and_a_rerun_adds_no_rows(
    spark: Any, damaged_corpus: Path, tmp_path: Path
) -> None:
    command = ["spark", "--input", str(damaged_corpus / "*"), "--output", str(tmp_path)]
    first = CliRunner().invoke(app, command)
    assert first.exit_code == EXIT_SKIPPED, first.output
    counts = {line.split(":")[0]: int(line.split()[1]) for line in first.output.splitlines()}
    again = run_job(spark, [str(damaged_corpus / "*")], tmp_path)
    assert again.counts == counts
    result = read_output(tmp_path)
    reasons = {skip.source: skip.reason for skip in result.skipped}
    assert "corrupt Parquet" in reasons[str(damaged_corpus / "broken.parquet")]
    assert str(damaged_corpus / "cut.warc.gz") in reasons
    assert str(damaged_corpus / "lines.jsonl") + ":2" in reasons
    ids = {article.id for article in result.articles}
    assert {f"p{i}" for i in range(6)} | {"j1"} <= ids
    assert counts["articles"] == len(result.articles)
    assert counts["skipped"] == len(result.skipped) >= 3


def test_load_of_a_folder_that_is_not_a_job_output_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2
    unboxed = " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.output).split())  # rich's error box
    assert "no 'articles' table here; run 'storytrace spark --output" in unboxed
