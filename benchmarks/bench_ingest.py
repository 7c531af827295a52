"""Ingest throughput: storytrace's full ingest against trafilatura alone, same pages.

Run::

    .venv/bin/python -m benchmarks.bench_ingest [--articles N]

Measures, in one process on one generated corpus (``benchmarks/corpus.py``):

* baseline: ``trafilatura.extract`` on each page's HTML (read and decoded once, untimed);
* storytrace HTML: ``read_articles(html_dir)``, the ingest half of ``storytrace.analyze``:
  read, sniff, decode, extract (trafilatura with metadata), clean lines, metadata, language
  and sentences (the claims and reuse stages have benchmarks of their own);
* storytrace text: ``read_articles(text_dir)`` on the same kind of articles as ``.txt``.

Prints a table and writes ``benchmarks/results/ingest.json``. Timings never go into tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import trafilatura

from benchmarks.corpus import write_corpus
from storytrace.pipeline import read_articles

RESULTS = Path(__file__).resolve().parent / "results" / "ingest.json"


@dataclass(frozen=True, slots=True)
class Measure:
    """One timed run."""

    name: str
    articles: int
    megabytes: float
    seconds: float
    output_articles: int

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else 0.0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def _timed(name: str, paths: Sequence[Path], run: Callable[[], int]) -> Measure:
    size = sum(path.stat().st_size for path in paths) / 2**20
    start = time.perf_counter()
    produced = run()
    seconds = time.perf_counter() - start
    return Measure(name, len(paths), size, seconds, produced)


def baseline(pages: Sequence[str]) -> int:
    """trafilatura alone: how many pages gave text."""
    return sum(1 for html in pages if trafilatura.extract(html))


def run_benchmark(articles: int, workdir: Path) -> dict[str, object]:
    """Generate the corpus under ``workdir``, time every contender, return the report."""
    html_paths = write_corpus(workdir, articles)
    text_paths = sorted((workdir / "text").iterdir())
    pages = [path.read_text(encoding="utf-8") for path in html_paths]
    # Warm up: first calls load language and date models; time steady-state work only.
    read_articles([*html_paths[:3], *text_paths[:3]])
    measures = [
        _timed("trafilatura.extract (baseline)", html_paths, lambda: baseline(pages)),
        _timed(
            "storytrace ingest, HTML",
            html_paths,
            lambda: len(read_articles(workdir / "html")[0]),
        ),
        _timed(
            "storytrace ingest, plain text",
            text_paths,
            lambda: len(read_articles(workdir / "text")[0]),
        ),
    ]
    return {
        "command": " ".join(
            [Path(sys.executable).name, "-m", "benchmarks.bench_ingest", *sys.argv[1:]]
        ),
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "articles": articles,
        "results": [
            asdict(m) | {"mb_per_s": m.mb_per_s, "articles_per_s": m.articles_per_s}
            for m in measures
        ],
        "storytrace_html_time_over_baseline": measures[1].seconds / measures[0].seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def format_table(report: dict[str, object]) -> str:
    """The report as a plain-text table."""
    rows = [f"{'run':34} {'articles':>8} {'MB':>7} {'s':>7} {'MB/s':>7} {'art/s':>8} {'out':>6}"]
    for item in report["results"]:  # type: ignore[attr-defined]
        rows.append(
            f"{item['name']:34} {item['articles']:8d} {item['megabytes']:7.2f} "
            f"{item['seconds']:7.2f} {item['mb_per_s']:7.2f} {item['articles_per_s']:8.1f} "
            f"{item['output_articles']:6d}"
        )
    slowdown = report["storytrace_html_time_over_baseline"]
    rows.append(f"storytrace HTML ingest takes {slowdown:.2f}x the baseline's time")
    rows.append(f"peak RSS: {report['peak_rss_mb']:.0f} MB; machine: {report['machine']}")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=2000, help="pages to generate (2000)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="storytrace-bench-") as tmp:
        report = run_benchmark(options.articles, Path(tmp))
    print(format_table(report))
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
