"""The MiniLM sentence-embedding helper: where it finds the model, and what it returns."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storytrace.errors import MissingExtraError
from storytrace.text import minilm


def test_the_environment_variable_names_the_export(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(minilm.ENV_DIR, "/some/export")
    assert str(minilm.model_dir()) == "/some/export"


def test_a_directory_without_the_model_is_a_missing_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(minilm.ENV_DIR, str(tmp_path))
    minilm._encoder.cache_clear()
    try:
        assert not minilm.available()
        with pytest.raises(MissingExtraError, match="models"):
            minilm.embed(["a line"])
    finally:
        minilm._encoder.cache_clear()


def test_pooling_averages_real_tokens_and_normalises() -> None:
    hidden = np.array([[[3.0, 0.0], [0.0, 4.0], [100.0, 100.0]]], dtype=np.float32)
    mask = np.array([[1, 1, 0]], dtype=np.int64)
    np.testing.assert_allclose(minilm._pool(hidden, mask), [[0.6, 0.8]], rtol=1e-6)


@pytest.mark.models
def test_embeddings_are_unit_vectors_and_close_for_paraphrases() -> None:
    texts = [
        "The council voted to rebuild the bridge.",
        "Councillors approved rebuilding the footbridge.",
        "Subscribe to our newsletter",
    ]
    vectors = minilm.embed(texts)
    assert vectors.shape == (3, minilm.DIMENSION) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    cosine = vectors @ vectors.T
    assert cosine[0, 1] > cosine[0, 2] + 0.3


@pytest.mark.models
def test_order_batches_and_repeats_do_not_change_a_vector() -> None:
    texts = [f"Line {n} of a page, with {'more ' * n}words." for n in range(40)]
    alone = np.vstack([minilm.embed([text]) for text in texts[:3]])
    together = minilm.embed(list(reversed(texts)))[::-1]
    np.testing.assert_allclose(together[:3], alone, atol=1e-5)
    assert minilm.embed([]).shape == (0, minilm.DIMENSION)
