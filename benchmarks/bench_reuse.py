"""Reuse candidate generation against datasketch (and rensa), side by side, same corpus.

Run::

    .venv/bin/python -m benchmarks.bench_reuse [--articles N] [--end-to-end M]

On one generated corpus (``benchmarks/_reuse_corpus.py``: news-like articles with
planted near-duplicates, light edits, spins and excerpts), one core, one process:

* floor: lower-case + ``re.findall(r"\\w+")`` over every text (reading and tokenising);
* storytrace: ``candidates.text_keys`` (vectorised shingles + one-permutation MinHash +
  band keys, layout ``bands_for(0.5, 128)``) and ``lsh.candidate_pairs``;
* datasketch: ``MinHash(num_perm=128)`` over the same 3-word shingles + ``MinHashLSH(0.5)``;
* rensa (if installed): ``RMinHash`` + ``RMinHashLSH`` (128 perms, 32 bands).

Reports articles/s, recall of planted pairs whose true shingle Jaccard is >= 0.5 and
>= 0.8, index bytes per article, and the end-to-end ``find_relations`` time (wall and
CPU) and sentence alignments on the first ``M`` articles. Writes
``benchmarks/results/reuse.json``. Timings never go into tests.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks._reuse_corpus import Corpus, make_corpus
from storytrace.model import Article
from storytrace.reuse import find_relations
from storytrace.reuse.align import alignment_count
from storytrace.reuse.candidates import text_keys
from storytrace.reuse.lsh import candidate_pairs
from storytrace.reuse.shingles import shingle_hashes, token_hashes
from storytrace.text.sentences import split_sentences

RESULTS = Path(__file__).resolve().parent / "results" / "reuse.json"
_WORD = re.compile(r"\w+")
PairSet = set[tuple[int, int]]


def _floor(texts: Sequence[str]) -> PairSet:
    for text in texts:
        _WORD.findall(text.lower())
    return set()


def _ours(texts: Sequence[str]) -> tuple[PairSet, int]:
    keys = text_keys(texts, words=3)
    pairs = candidate_pairs(keys)
    return {(int(i), int(j)) for i, j in pairs}, int(keys.nbytes)


def _shingle_strings(text: str) -> list[bytes]:
    words = _WORD.findall(text.lower())
    return [" ".join(words[k : k + 3]).encode() for k in range(max(1, len(words) - 2))]


def _datasketch(texts: Sequence[str]) -> PairSet:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    signatures = []
    for index, text in enumerate(texts):
        signature = MinHash(num_perm=128)
        signature.update_batch(_shingle_strings(text))
        lsh.insert(index, signature)
        signatures.append(signature)
    return {
        tuple(sorted((i, int(j)))) for i, s in enumerate(signatures) for j in lsh.query(s) if j != i
    }  # type: ignore[misc]


def _rensa(texts: Sequence[str]) -> PairSet:
    from rensa import RMinHash, RMinHashLSH

    lsh = RMinHashLSH(threshold=0.5, num_perm=128, num_bands=32)
    signatures = []
    for index, text in enumerate(texts):
        signature = RMinHash(num_perm=128, seed=42)
        signature.update([s.decode() for s in _shingle_strings(text)])
        lsh.insert(index, signature)
        signatures.append(signature)
    return {
        tuple(sorted((i, int(j)))) for i, s in enumerate(signatures) for j in lsh.query(s) if j != i
    }  # type: ignore[misc]


def true_jaccard(a: str, b: str) -> float:
    """Jaccard of the two texts' 3-word shingle sets (the sets every method indexes)."""
    left = set(shingle_hashes(token_hashes(a)).tolist())
    right = set(shingle_hashes(token_hashes(b)).tolist())
    return len(left & right) / len(left | right) if left | right else 0.0


def _recall(found: PairSet, truth: list[tuple[int, int, float]], floor: float) -> float:
    wanted = [(i, j) for i, j, jaccard in truth if jaccard >= floor]
    return sum(pair in found for pair in wanted) / len(wanted) if wanted else 1.0


def _traced_bytes(run: Callable[[], Any]) -> int:
    """Peak Python-heap bytes of a second, untimed run (tracemalloc slows timing ~5x)."""
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return int(peak)


def _measure(
    name: str, run: Callable[[], Any], corpus: Corpus, truth: list[tuple[int, int, float]]
) -> dict[str, Any]:
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    if isinstance(result, tuple):
        found, index_bytes = result
    elif name == "datasketch":
        found, index_bytes = result, _traced_bytes(run)
    else:  # rensa keeps its index in Rust memory, which tracemalloc cannot see
        found, index_bytes = result, float("nan")
    n = len(corpus.texts)
    row = {"name": name, "seconds": round(seconds, 3), "articles_per_s": round(n / seconds, 1)}
    if name != "floor":
        row |= {
            "candidates": len(found),
            "recall_j50": round(_recall(found, truth, 0.5), 4),
            "recall_j80": round(_recall(found, truth, 0.8), 4),
            "index_bytes_per_article": round(index_bytes / n, 1),
        }
    return row


def _end_to_end(corpus: Corpus, count: int) -> dict[str, Any]:
    articles = [
        Article(
            id=f"a{i:06d}",
            source="bench",
            text=text,
            language="en",
            sentences=tuple(split_sentences(text)),
        )
        for i, text in enumerate(corpus.texts[:count])
    ]
    start, cpu, aligned = time.perf_counter(), time.process_time(), alignment_count()
    relations = find_relations(articles)
    seconds = time.perf_counter() - start
    kinds: dict[str, int] = {}
    for relation in relations:
        kinds[relation.kind] = kinds.get(relation.kind, 0) + 1
    return {
        "articles": count,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
        "alignments": alignment_count() - aligned,
        "relations": len(relations),
        "kinds": kinds,
    }


def run_benchmark(articles: int, end_to_end: int) -> dict[str, Any]:
    """Measure every method on one corpus; return the report."""
    corpus = make_corpus(articles)
    truth = [(i, j, true_jaccard(corpus.texts[i], corpus.texts[j])) for i, j, _ in corpus.planted]
    methods: list[tuple[str, Callable[[], Any]]] = [
        ("floor", lambda: _floor(corpus.texts)),
        ("storytrace", lambda: _ours(corpus.texts)),
        ("datasketch", lambda: _datasketch(corpus.texts)),
    ]
    try:
        import rensa  # noqa: F401

        methods.append(("rensa", lambda: _rensa(corpus.texts)))
    except ImportError:
        pass
    results = [_measure(name, run, corpus, truth) for name, run in methods]
    return {
        "articles": articles,
        "planted_pairs": len(truth),
        "planted_j50": sum(j >= 0.5 for _, _, j in truth),
        "planted_j80": sum(j >= 0.8 for _, _, j in truth),
        "machine": f"{platform.machine()} {platform.python_version()}, one process",
        "results": results,
        "ratios": _ratios(results),
        "end_to_end": _end_to_end(corpus, min(end_to_end, articles)) if end_to_end else None,
    }


def _ratios(results: list[dict[str, Any]]) -> dict[str, float]:
    by = {row["name"]: row for row in results}
    ours, base = by["storytrace"], by["datasketch"]
    return {
        "speed_vs_datasketch": round(ours["articles_per_s"] / base["articles_per_s"], 2),
        "speed_vs_floor": round(ours["articles_per_s"] / by["floor"]["articles_per_s"], 2),
        "index_bytes_vs_datasketch": round(
            ours["index_bytes_per_article"] / base["index_bytes_per_article"], 3
        ),
    }


def format_table(report: dict[str, Any]) -> str:
    """The results as a text table (stdout)."""
    lines = [f"{'method':<12} {'art/s':>10} {'recall@.5':>10} {'recall@.8':>10} {'B/article':>10}"]
    for row in report["results"]:
        nan = float("nan")
        lines.append(
            f"{row['name']:<12} {row['articles_per_s']:>10.0f} "
            f"{row.get('recall_j50', nan):>10.4f} {row.get('recall_j80', nan):>10.4f} "
            f"{row.get('index_bytes_per_article', nan):>10.0f}"
        )
    lines.append(f"ratios: {report['ratios']}")
    lines.append(f"end to end: {report['end_to_end']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: run, print the table, write the JSON report."""
    parser = argparse.ArgumentParser(description="reuse candidate generation benchmark")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--end-to-end", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    report = run_benchmark(args.articles, args.end_to_end)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(format_table(report) + "\n")
    return 0


if __name__ == "__main__":
    np.seterr(over="ignore")
    raise SystemExit(main())
