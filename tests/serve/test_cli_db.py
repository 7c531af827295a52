"""``storytrace analyze --db`` adds the run to a store; ``serve`` is a registered command."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from storytrace.cli import app
from storytrace.store import Store
from tests.test_pipeline import write_article

runner = CliRunner()


def test_analyze_with_db_adds_to_the_store(tmp_path: Path) -> None:
    write_article(tmp_path / "in" / "a.txt")
    db = tmp_path / "store.db"
    for _ in range(2):  # twice: the store keeps one copy, and two runs
        args = ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--db", str(db)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        assert [a.id for a in store.list_articles()] == ["a"]
        assert [run.inputs for run in store.runs()] == [(str(tmp_path / "in"),)] * 2


def test_serve_is_a_command() -> None:
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--db" in result.output
