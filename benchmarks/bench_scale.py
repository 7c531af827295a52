"""The cost curve of the single-machine path: time and peak memory at 1k, 10k, 100k articles.

Run::

    .venv/bin/python -m benchmarks.bench_scale [--sizes 1000 10000 100000]
        [--pipeline 1000 10000] [--stream 1000 10000] [--ner none] [--timeout 3600]
        [--baseline-src DIR]

On one generated corpus per size (``benchmarks/_reuse_corpus.py``: news-like articles of 10-30
sentences, ~2.5 KB, one in four a planted near copy, light edit, spin or excerpt of an
earlier one), written once as JSON Lines (id, title, date, outlet, text) under ``--work``:

* candidates, in this process, one core: the floor (read the JSON Lines file, lower-case and
  ``re.findall(r"\\w+")`` every text, nothing else), storytrace's word-shingle LSH
  (``candidates.text_keys`` + ``lsh.candidate_pairs``, after the same reading), storytrace's
  full candidate generation (``reuse_candidates``: words, skeleton and topical, bounded),
  datasketch (``MinHashLSH``) and rensa (``RMinHashLSH``) over the same 3-word shingles:
  articles/s, MB/s of text, recall of planted pairs at true shingle Jaccard >= 0.5 and >= 0.8;
* pipeline, in a child process per size: ``storytrace.analyze`` on the file (wall time per
  stage from its progress callback, CPU time, peak RSS from ``wait4``);
* stream, in a child process per size: ``storytrace.stream.analyze_into`` a fresh SQLite store;
* with ``--baseline-src DIR`` (a ``src`` tree of an earlier commit, e.g. from
  ``git archive 97fddcc src | tar -x -C /tmp/base``), every whole run is made a second time
  with that tree first on the path, baseline first, and the ratios of CPU time and peak RSS
  are reported (``baseline``, ``vs_baseline``);
* growth exponents ``log(t2 / t1) / log(n2 / n1)`` between consecutive sizes.

Writes ``benchmarks/results/scale.json``. The machine is shared: CPU seconds are reported
beside wall seconds. Timings never go into tests.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks._reuse_corpus import make_corpus
from benchmarks.bench_reuse import PairSet, _datasketch, _recall, _rensa, true_jaccard
from storytrace.model import Article
from storytrace.reuse.candidates import reuse_candidates, text_keys
from storytrace.reuse.lsh import candidate_pairs

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "scale.json"
WORK = Path("/tmp/storytrace-scale")
_WORD = re.compile(r"\w+")
Truth = list[tuple[int, int, float]]


# -- the corpus ------------------------------------------------------------------------------


def corpus_file(work: Path, n: int) -> tuple[Path, Path]:
    """The JSON Lines corpus of ``n`` articles and its planted pairs (written once, reused)."""
    path, planted = work / f"corpus-{n}.jsonl", work / f"planted-{n}.json"
    if path.exists() and planted.exists():
        return path, planted
    work.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(n)
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(corpus.texts):
            out.write(json.dumps(_record(i, text)) + "\n")
    planted.write_text(json.dumps(corpus.planted), encoding="utf-8")
    return path, planted


def _record(i: int, text: str) -> dict[str, str]:
    first = text.split("\n", 1)[0]
    return {
        "id": f"a{i:06d}",
        "title": " ".join(first.split()[:8]),
        "published": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "outlet": f"outlet{i % 50}",
        "language": "en",
        "text": text.replace("\n", "\n\n"),
    }


def read_texts(path: Path) -> list[str]:
    """The texts of a corpus file, in order (the reading every method pays)."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines]


# -- candidates, in process --------------------------------------------------------------


def _floor(path: Path) -> PairSet:
    for text in read_texts(path):
        _WORD.findall(text.lower())
    return set()


def _word_lsh(path: Path) -> PairSet:
    pairs = candidate_pairs(text_keys(read_texts(path), words=3))
    return {(int(i), int(j)) for i, j in pairs}


def _full_candidates(path: Path) -> PairSet:
    articles = [
        Article(id=f"a{i:06d}", source="bench", text=text, language="en")
        for i, text in enumerate(read_texts(path))
    ]
    return reuse_candidates(articles)


def _candidate_rows(path: Path, truth: Truth, baselines: bool) -> list[dict[str, Any]]:
    methods: list[tuple[str, Callable[[], PairSet]]] = [
        ("floor", lambda: _floor(path)),
        ("storytrace-words", lambda: _word_lsh(path)),
        ("storytrace-all", lambda: _full_candidates(path)),
    ]
    if baselines:
        methods.append(("datasketch", lambda: _datasketch(read_texts(path))))
        methods.append(("rensa", lambda: _rensa(read_texts(path))))
    text_mb = sum(len(t.encode()) for t in read_texts(path)) / 1e6
    n = sum(1 for _ in path.open(encoding="utf-8"))
    rows = []
    for name, run in methods:
        start, cpu = time.perf_counter(), time.process_time()
        found = run()
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
        row: dict[str, Any] = {
            "name": name,
            "seconds": round(seconds, 3),
            "cpu_seconds": round(cpu_seconds, 3),
            "articles_per_s": round(n / cpu_seconds, 1),
            "mb_per_s": round(text_mb / cpu_seconds, 2),
        }
        if name != "floor":
            row |= {
                "candidates": len(found),
                "recall_j50": round(_recall(found, truth, 0.5), 4),
                "recall_j80": round(_recall(found, truth, 0.8), 4),
            }
        rows.append(row)
    return rows


# -- whole runs, in child processes --------------------------------------------------------


def _child(mode: str, path: Path, ner: str | None, store: Path | None) -> dict[str, Any]:
    """One whole run in this (child) process; stage times from the progress callback."""
    start, cpu_start = time.perf_counter(), time.process_time()
    last: dict[str, float] = {}
    last_cpu: dict[str, float] = {}

    def progress(stage: str, done: int, total: int | None) -> None:
        last[stage] = time.perf_counter() - start
        last_cpu[stage] = time.process_time() - cpu_start

    if mode == "pipeline":
        import storytrace

        result = storytrace.analyze(path, ner=ner, progress=progress)
        counts = {"articles": len(result.articles), "relations": len(result.relations),
                  "stories": len(result.stories), "claims": len(result.claims)}  # fmt: skip
    else:
        from storytrace.store import Store
        from storytrace.stream import analyze_into

        assert store is not None
        store.unlink(missing_ok=True)
        with Store.open(store) as opened:
            run = analyze_into(opened, path, ner=ner, progress=progress)
            counts = {"articles": len(run.articles), "verified": run.verified,
                      "stories": len(run.stories)} | opened.counts()  # fmt: skip
    seconds = time.perf_counter() - start
    return {
        "seconds": round(seconds, 2),
        "stages": _stage_seconds(last),
        "stage_cpu_seconds": _stage_seconds(last_cpu),
        **counts,
    }


def _stage_seconds(last: dict[str, float]) -> dict[str, float]:
    """Seconds per stage: from the previous stage's last report to this one's."""
    out, previous = {}, 0.0
    for stage, at in sorted(last.items(), key=lambda item: item[1]):
        out[stage] = round(at - previous, 2)
        previous = at
    return out


def run_child(
    mode: str, path: Path, ner: str, timeout: float, work: Path, src: Path = ROOT / "src"
) -> dict[str, Any] | None:
    """Run one whole run in a child process, storytrace from ``src``; its peak RSS and CPU
    time from ``wait4``."""
    tag = "" if src == ROOT / "src" else "-baseline"
    store = work / f"store-{path.stem}{tag}.db"
    command = [sys.executable, "-m", "benchmarks.bench_scale", "--child", mode,
               "--input", str(path), "--ner", ner, "--store", str(store)]  # fmt: skip
    paths = [str(src), str(ROOT), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, paths))}
    out = (work / f"{mode}-{path.stem}{tag}.out").open("w+", encoding="utf-8")
    child = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    started = time.perf_counter()
    while (waited := os.wait4(child.pid, os.WNOHANG))[0] == 0:
        if time.perf_counter() - started > timeout:
            child.kill()
            os.wait4(child.pid, 0)
            return {"timed_out_after_s": timeout}
        time.sleep(0.5)
    _, status, usage = waited
    out.seek(0)
    text = out.read().strip().splitlines()
    if status != 0 or not text:
        return {"failed": status}
    result: dict[str, Any] = json.loads(text[-1])
    result["cpu_seconds"] = round(usage.ru_utime + usage.ru_stime, 2)
    result["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
    return result


# -- the report ------------------------------------------------------------------------------


def exponent(small: tuple[int, float], large: tuple[int, float]) -> float | None:
    """``k`` in ``t ~ n**k`` between two sizes (None when a time is missing)."""
    (n1, t1), (n2, t2) = small, large
    if not t1 or not t2 or n1 == n2:
        return None
    return round(math.log(t2 / t1) / math.log(n2 / n1), 3)


def growth(points: Sequence[tuple[int, float | None]]) -> dict[str, float | None]:
    """Growth exponents between consecutive sizes and from the first to the last."""
    usable = [(n, float(t)) for n, t in points if t]
    out = {f"{a[0]}->{b[0]}": exponent(a, b) for a, b in pairwise(usable)}
    if len(usable) > 2:
        out[f"{usable[0][0]}->{usable[-1][0]}"] = exponent(usable[0], usable[-1])
    return out


def run_benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """Every section over every size; returns the report."""
    report: dict[str, Any] = {
        "machine": f"{platform.machine()} {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at the start; candidates one process, whole "
        "runs one child each",
        "ner": args.ner,
        "candidates": {},
        "pipeline": {},
        "stream": {},
    }
    if args.baseline_src:
        report["baseline"] = {"src": str(args.baseline_src), "pipeline": {}, "stream": {}}
    for n in sorted(set(args.sizes) | set(args.pipeline) | set(args.stream)):
        path, planted_path = corpus_file(args.work, n)
        if n in args.sizes:
            texts = read_texts(path)
            planted = json.loads(planted_path.read_text(encoding="utf-8"))
            truth = [(i, j, true_jaccard(texts[i], texts[j])) for i, j, _ in planted]
            del texts
            rows = _candidate_rows(path, truth, baselines=n <= args.baselines_up_to)
            report["candidates"][n] = {"planted": len(truth), "rows": rows}
            _say(f"candidates {n}: {rows}")
        for mode in ("pipeline", "stream"):
            if n not in getattr(args, mode):
                continue
            if args.baseline_src:
                base = run_child(mode, path, args.ner, args.timeout, args.work, args.baseline_src)
                report["baseline"][mode][n] = base
                _say(f"baseline {mode} {n}: {base}")
            report[mode][n] = run_child(mode, path, args.ner, args.timeout, args.work)
            _say(f"{mode} {n}: {report[mode][n]}")
    if args.baseline_src:
        report["vs_baseline"] = _vs_baseline(report)
    report["growth"] = _growths(report)
    report["ratios"] = _ratios(report)
    return report


def _vs_baseline(report: dict[str, Any]) -> dict[str, Any]:
    """Baseline over this tree, per whole run: CPU seconds and peak RSS (> 1: this tree wins)."""
    out: dict[str, Any] = {}
    for mode in ("pipeline", "stream"):
        for n, run in report[mode].items():
            base = report["baseline"][mode].get(n) or {}
            out[f"{mode} {n}"] = {
                key: round(base[key] / run[key], 3)
                for key in ("cpu_seconds", "peak_rss_mb")
                if run and base.get(key) and run.get(key)
            }
    return out


def merge(paths: Sequence[Path]) -> dict[str, Any]:
    """One report from several (sections by size; a later report wins a size both hold)."""
    report: dict[str, Any] = {"candidates": {}, "pipeline": {}, "stream": {}}
    for path in paths:
        part = json.loads(path.read_text(encoding="utf-8"))
        for key, value in part.items():
            if key in ("candidates", "pipeline", "stream"):
                report[key].update(value)
            elif key not in ("growth", "ratios"):
                report.setdefault(key, value)
    report["growth"] = _growths(report)
    report["ratios"] = _ratios(report)
    return report


def _growths(report: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    names = {row["name"] for v in report["candidates"].values() for row in v["rows"]}
    for name in sorted(names):
        points = [
            (int(n), row["cpu_seconds"])
            for n, v in sorted(report["candidates"].items(), key=lambda i: int(i[0]))
            for row in v["rows"]
            if row["name"] == name
        ]
        out[f"candidates/{name}"] = growth(points)
    for mode in ("pipeline", "stream"):
        runs = sorted(report[mode].items(), key=lambda i: int(i[0]))
        for what in ("seconds", "cpu_seconds", "peak_rss_mb"):
            out[f"{mode}/{what}"] = growth([(int(n), (r or {}).get(what)) for n, r in runs])
    return out


def _ratios(report: dict[str, Any]) -> dict[str, Any]:
    """Throughput of storytrace's word LSH against the floor, datasketch and rensa."""
    out = {}
    for n, value in report["candidates"].items():
        by = {row["name"]: row["articles_per_s"] for row in value["rows"]}
        ours = by["storytrace-words"]
        out[n] = {
            f"words_vs_{name}": round(ours / speed, 2)
            for name, speed in by.items()
            if name != "storytrace-words"
        }
    return out


def format_tables(report: dict[str, Any]) -> str:
    """The report as Markdown tables (the README's)."""
    lines = ["| articles | method | articles/s (CPU) | MB/s | recall J>=0.5 / 0.8 | vs floor |",
             "| ---: | --- | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for n, value in sorted(report["candidates"].items(), key=lambda item: int(item[0])):
        floor = next(r["articles_per_s"] for r in value["rows"] if r["name"] == "floor")
        for row in value["rows"]:
            recall = (
                f"{row['recall_j50']:.3f} / {row['recall_j80']:.3f}" if "recall_j50" in row else ""
            )
            lines.append(
                f"| {int(n):,} | {row['name']} | {row['articles_per_s']:,.0f} | "
                f"{row['mb_per_s']:.1f} | {recall} | {row['articles_per_s'] / floor:.2f} |"
            )
    lines += ["", "| run | articles | CPU s | wall s | peak RSS MB | CPU s per stage |",
              "| --- | ---: | ---: | ---: | ---: | --- |"]  # fmt: skip
    for mode in ("pipeline", "stream"):
        for n, run in sorted(report[mode].items(), key=lambda item: int(item[0])):
            if not run or "cpu_seconds" not in run:
                lines.append(f"| {mode} | {int(n):,} | {run} | | | |")
                continue
            stages = ", ".join(f"{k} {v}" for k, v in run["stage_cpu_seconds"].items())
            lines.append(
                f"| {mode} | {int(n):,} | {run['cpu_seconds']} | {run['seconds']} | "
                f"{run['peak_rss_mb']} | {stages} |"
            )
    return "\n".join(lines)


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: run, write the JSON report, print it."""
    parser = argparse.ArgumentParser(description="single-machine cost curve")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--pipeline", type=int, nargs="*", default=[1_000, 10_000])
    parser.add_argument("--stream", type=int, nargs="*", default=[1_000, 10_000])
    parser.add_argument("--baselines-up-to", type=int, default=100_000)
    parser.add_argument("--ner", default="en_core_web_sm", help="spaCy pipeline, or 'none'")
    parser.add_argument("--timeout", type=float, default=3600.0, help="per whole run, seconds")
    parser.add_argument("--work", type=Path, default=WORK)
    parser.add_argument(
        "--baseline-src", type=Path, help="an earlier src tree: every whole run again with it"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--merge", type=Path, nargs="*", help="combine these reports (runs done apart) into --out"
    )
    parser.add_argument("--child", choices=["pipeline", "stream"], help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        ner = None if args.ner == "none" else args.ner
        sys.stdout.write(json.dumps(_child(args.child, args.input, ner, args.store)) + "\n")
        return 0
    report = merge(args.merge) if args.merge else run_benchmark(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(format_tables(report) + "\n" + json.dumps(report["growth"], indent=1) + "\n")
    return 0


if __name__ == "__main__":
    np.seterr(over="ignore")
    raise SystemExit(main())
