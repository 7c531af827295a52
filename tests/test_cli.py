"""The CLI is a thin wrapper: it writes the report files and its exit status tells about skips."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storytrace.cli import EXIT_SKIPPED, app
from tests.test_pipeline import write_article

runner = CliRunner()


def test_analyze_writes_json_and_html(tmp_path: Path) -> None:
    write_article(tmp_path / "in" / "a.txt")
    result = runner.invoke(app, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert data["schema"] == "storytrace.analysis/1"
    assert [a["id"] for a in data["articles"]] == ["a"]
    assert (tmp_path / "out" / "report.html").is_file()
    assert "report.html" in result.stdout


def test_skipped_inputs_change_the_exit_status(tmp_path: Path) -> None:
    write_article(tmp_path / "in" / "a.txt")
    (tmp_path / "in" / "broken.jsonl").write_text('{"id": "x", "text": "fine text here."}\n{oops\n')
    result = runner.invoke(app, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_SKIPPED, result.output
    data = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert len(data["skipped"]) == 1
    assert data["skipped"][0]["source"].endswith("broken.jsonl:2")


def test_missing_out_option_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == 2


def test_evaluate_cleaning_prints_scores_as_json() -> None:
    from tests.conftest import require_shared

    shared = require_shared("eval", "gva").parent.parent
    result = runner.invoke(app, ["evaluate", "cleaning", "--shared", str(shared)])
    assert result.exit_code == 0, result.output
    score = json.loads(result.stdout)
    assert score["split"] == "dev"
    assert 0.0 <= score["junk_recall"] <= 1.0
    assert 0.0 <= score["content_loss"] <= 1.0


def test_evaluate_refuses_an_unknown_split(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", "cleaning", "--shared", str(tmp_path), "--split", "x"])
    assert result.exit_code == 2


def test_ner_none_runs_on_rules_alone(tmp_path: Path) -> None:
    write_article(tmp_path / "in" / "a.txt")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["analyze", str(tmp_path / "in"), "--out", str(out), "--ner", "none"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert [claim["measure"] for claim in data["claims"]] == ["injured"]


def test_compare_prints_the_alignment_and_writes_html(tmp_path: Path) -> None:
    original = write_article(tmp_path / "a" / "story.txt")
    copy = write_article(tmp_path / "b" / "story.txt")
    page = tmp_path / "alignment.html"
    result = runner.invoke(app, ["compare", str(original), str(copy), "--html", str(page)])
    assert result.exit_code == 0, result.output
    assert "copy" in result.stdout
    assert "Port Meridian" in result.stdout
    assert "<script>" not in page.read_text(encoding="utf-8").split("</head>")[1]


def test_compare_refuses_a_file_of_many_articles(tmp_path: Path) -> None:
    many = tmp_path / "many.jsonl"
    many.write_text(
        '{"id": "x", "text": "The first article of two."}\n'
        '{"id": "y", "text": "The second article of two."}\n',
        encoding="utf-8",
    )
    one = write_article(tmp_path / "one.txt")
    result = runner.invoke(app, ["compare", str(many), str(one)])
    assert result.exit_code == 2
    assert "2 articles" in result.output
