"""The Spark job in ``local[2]`` against the same stages in one process, on the same pile.

Generates a news-like pile (``_reuse_corpus``: Zipf-weighted English words, names and
numbers, one article in four a planted near copy, light edit, spin or excerpt of an earlier
one), dated over three weeks and split into JSON Lines files, then runs, one after the other:

- ``in-process``: ``storytrace.spark.trace_locally``, the library's read, clean, reuse
  (``same_story=False``) and stories stages in this process (one core);
- ``spark local[2]``: ``run_job`` on a local Spark with two worker slots; the session is
  started before the clock starts (its start-up is reported apart).

A 200-article warm-up runs first (its figures are kept as the cold-start cost). Both results
are compared (articles, relations, stories must be equal). Reports wall time,
articles/s and their ratio, and peak resident memory sampled from /proc every 0.2 s: of
this process for the in-process run, of the whole process tree (driver, JVM, Python
workers) for Spark. Writes
``benchmarks/results/spark.json``. Run: ``.venv/bin/python -m benchmarks.bench_spark
[--sizes 1000 10000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks._reuse_corpus import make_corpus

RESULTS = Path(__file__).resolve().parent / "results" / "spark.json"
FILES = 8
"""JSON Lines files the pile is split into: the job reads one file per task."""
WARM_UP = 200
"""Articles of a first, unmeasured-in-the-ratio run: both sides load their word lists and
models, and Spark starts its Python workers (each imports storytrace once), before the clock
that counts. The warm-up's own figures are kept in the results as the cold-start cost."""
_PAGE = os.sysconf("SC_PAGE_SIZE")


def write_pile(directory: Path, n: int, *, seed: int = 7) -> list[Path]:
    """``n`` generated articles as ``FILES`` JSON Lines files; returns the files."""
    corpus = make_corpus(n, seed=seed)
    paths = [directory / f"part-{k:02d}.jsonl" for k in range(FILES)]
    streams = [path.open("w", encoding="utf-8") for path in paths]
    for number, text in enumerate(corpus.texts):
        record = {
            "id": f"a{number:07d}",
            "title": " ".join(text.split()[:8]),
            "published": f"2024-05-{1 + number % 21:02d}",
            "url": f"https://site{number % 40}.example/{number}",
            "text": text,
        }
        streams[number % FILES].write(json.dumps(record) + "\n")
    for stream in streams:
        stream.close()
    return paths


class PeakMemory:
    """Peak resident memory of this process and all its descendants, sampled from /proc."""

    def __init__(self, every: float = 0.2, *, tree: bool = True) -> None:
        self.peak = 0
        self._every = every
        self._tree = tree
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = _tree_rss(os.getpid()) if self._tree else _own_rss()
            self.peak = max(self.peak, rss)
            self._stop.wait(self._every)


def _own_rss() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * _PAGE


def _tree_rss(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            pages = int((entry / "statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(stat[1]), []).append(int(entry.name))
        rss[int(entry.name)] = pages * _PAGE
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def measure(run: Callable[[], Any], *, tree: bool = True) -> tuple[Any, float, int]:
    """``run()``'s result, wall seconds and peak memory (bytes) of the process tree, or of
    this process alone (``tree=False``: the in-process run, beside an idle JVM child)."""
    with PeakMemory(tree=tree) as memory:
        start = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - start
    return result, seconds, memory.peak


def bench_size(spark: Any, n: int, workdir: Path) -> dict[str, Any]:
    from storytrace.spark import read_output, run_job, trace_locally

    pile = workdir / f"pile-{n}"
    pile.mkdir()
    paths = write_pile(pile, n)
    local_stages: dict[str, float] = {}
    local, local_s, local_mem = measure(
        lambda: trace_locally(paths, seconds=local_stages), tree=False
    )
    out = workdir / f"out-{n}"
    job, spark_s, spark_mem = measure(lambda: run_job(spark, [str(pile / "*.jsonl")], out))
    distributed = read_output(out)
    same = {
        "articles": distributed.articles == local.articles,
        "relations": distributed.relations == local.relations,
        "stories": distributed.stories == local.stories,
    }
    return {
        "articles": n,
        "relations": len(local.relations),
        "stories": len(local.stories),
        "identical": same,
        "in_process": _row(n, local_s, local_mem),
        "spark_local2": _row(n, spark_s, spark_mem),
        "ratio_spark_over_in_process": round(local_s / spark_s, 3),
        "in_process_stage_seconds": local_stages,
        "spark_stage_seconds": job.seconds,
    }


def _row(n: int, seconds: float, peak: int) -> dict[str, float]:
    return {
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 2),
        "peak_memory_mb": round(peak / 2**20, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    from storytrace.spark import spark_session

    start = time.perf_counter()
    spark = spark_session("local[2]", app="bench_spark")
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - start
    runs = []
    with tempfile.TemporaryDirectory() as workdir:
        warm_up = bench_size(spark, WARM_UP, Path(workdir))
        print(json.dumps({"warm_up": warm_up}), flush=True)
        for n in args.sizes:
            runs.append(bench_size(spark, n, Path(workdir)))
            print(json.dumps(runs[-1]), flush=True)
            _write_report(args, startup, warm_up, runs)  # after each size: a long run may be cut
    spark.stop()


def _write_report(
    args: argparse.Namespace, startup: float, warm_up: dict[str, Any], runs: list[dict[str, Any]]
) -> None:
    report = {
        "benchmark": "bench_spark",
        "command": "python -m benchmarks.bench_spark --sizes " + " ".join(map(str, args.sizes)),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average_at_end": os.getloadavg(),
        "spark_startup_seconds": round(startup, 1),
        "warm_up": warm_up,
        "runs": runs,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
