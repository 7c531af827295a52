"""Load test of ``storytrace serve`` on loopback: requests/s and p95 latency per page.

Run::

    .venv/bin/python -m benchmarks.bench_serve [--articles 10000] [--requests 400] [--seconds 30]

Fills a SQLite store with generated articles (groups of five, each group a story: an origin, a
copy, a spun copy, an excerpt, an independent report, with relations, a claim each, a fact per
story (every third a conflict), an event and a cited brief), serves it with uvicorn
on 127.0.0.1 only, and requests each page from ``--clients`` threads until ``--requests``
requests were made or ``--seconds`` passed, whichever comes first. The article page's JSON
twin runs beside it as the baseline: the same queries and view model, no template rendering;
likewise the story page's JSON twin beside the story page.
Writes ``benchmarks/results/serve.json``. Timings never go into tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from storytrace.model import Analysis, Article, Brief, Cited, Claim, Event, Fact, Relation, Story
from storytrace.serve import create_app
from storytrace.store import Store

RESULTS = Path(__file__).resolve().parent / "results" / "serve.json"
HOST = "127.0.0.1"  # loopback only: this benchmark never sends traffic anywhere else
KINDS = ("copy", "spun", "excerpt", "independent")
OUTLETS = ("Northwire", "Sarn Valley", "Meridian", "NewsBuzz", "Gazette", "Harbor Post")


def generated_analysis(count: int) -> Analysis:
    """``count`` articles in groups of five, with a relation to each group's origin and a claim."""
    articles, relations, claims = [], [], []
    for index in range(count):
        group, member = divmod(index, 5)
        text = (
            f"Story {group}: officials said {100 + group % 50} people were killed in district "
            f"{group}. Witnesses described the scene in detail. Report number {index}.\n" * 4
        )
        article_id = f"g{group:05d}-{member}"
        articles.append(
            Article(
                id=article_id,
                source=f"{article_id}.txt",
                text=text,
                outlet=OUTLETS[index % len(OUTLETS)],
                title=f"Story {group}, version {member}",
                published=f"2022-01-{1 + group % 28:02d}T{member:02d}:00:00",
                language="en",
            )
        )
        claims.append(
            Claim(
                id=f"k{index}",
                article=article_id,
                span=(0, 20),
                text=text[:20],
                measure="killed",
                subject=f"district {group}",
                low=100 + group % 50 + member % 2,
                high=100 + group % 50 + member % 2,
            )
        )
        if member:
            relations.append(
                Relation(
                    a=f"g{group:05d}-0",
                    b=article_id,
                    kind=KINDS[member - 1],
                    origin=None if member == 4 else f"g{group:05d}-0",
                    score=0.9,
                    coverage_a=0.8,
                    coverage_b=0.8,
                )
            )
    return Analysis(
        articles=tuple(articles),
        relations=tuple(relations),
        claims=tuple(claims),
        **_stories(count),
    )


def _stories(count: int) -> dict[str, Any]:
    """A story per group of five, with one event, one fact and a one-sentence brief."""
    stories, facts, briefs = [], [], {}
    for group in range(-(-count // 5)):
        members = tuple(f"g{group:05d}-{m}" for m in range(min(5, count - 5 * group)))
        story_id = f"s{group:05d}"
        date = f"2022-01-{1 + group % 28:02d}"
        stories.append(
            Story(
                id=story_id,
                title=f"Story {group}",
                articles=members,
                events=(
                    Event(id=f"{story_id}/e1", date=date, title=f"Story {group}", articles=members),
                ),
            )
        )
        conflict = group % 3 == 0
        facts.append(
            Fact(
                id=f"{story_id}/f1",
                story=story_id,
                measure="killed",
                subject=f"district {group}",
                status="conflict" if conflict else "agreed",
                low=100 + group % 50,
                high=100 + group % 50 + (0 if conflict else 1),
                claims=tuple(f"k{5 * group + m}" for m in range(len(members))),
                independent_sources=2,
                reason="generated",
            )
        )
        briefs[story_id] = Brief(
            summary=(Cited(text=f"Story {group}: {100 + group % 50} killed.", articles=members),)
        )
    return {"stories": tuple(stories), "facts": tuple(facts), "briefs": briefs}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class _Server:
    """uvicorn in a thread, on a free loopback port, stopped on exit."""

    def __init__(self, store: Store) -> None:
        self.port = _free_port()
        config = uvicorn.Config(create_app(store), host=HOST, port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> str:
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start within 30 s")
            time.sleep(0.05)
        return f"http://{HOST}:{self.port}"

    def __exit__(self, *_: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=30)


def measure(base: str, path: str, *, requests: int, seconds: float, clients: int) -> dict[str, Any]:
    """Request ``path`` until ``requests`` were made or ``seconds`` passed; latency statistics."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    failures = issued = 0

    def worker() -> None:
        nonlocal failures, issued
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < stop_at:
                with lock:  # take a slot before sending: never more than ``requests``
                    if issued >= requests:
                        return
                    issued += 1
                start = time.perf_counter()
                ok = client.get(path).status_code == 200
                elapsed = time.perf_counter() - start
                with lock:
                    if ok:
                        latencies.append(elapsed)
                    else:
                        failures += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for _ in range(clients):
            pool.submit(worker)
    wall = time.perf_counter() - started
    return _stats(path, latencies, failures, wall)


def _stats(path: str, latencies: list[float], failures: int, wall: float) -> dict[str, Any]:
    ordered = sorted(latencies)

    def percentile(share: float) -> float:
        if not ordered:
            return 0.0
        return round(1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))], 2)

    return {
        "path": path,
        "requests": len(latencies),
        "failures": failures,
        "seconds": round(wall, 2),
        "requests_per_s": round(len(latencies) / wall, 1) if wall else 0.0,
        "p50_ms": percentile(0.50),
        "p95_ms": percentile(0.95),
    }


def run_benchmark(
    articles: int, folder: Path, *, requests: int, seconds: float, clients: int
) -> dict[str, Any]:
    """Fill a store, serve it, measure each page; the report as a dict."""
    started = time.perf_counter()
    with Store.open(folder / "bench.db") as store:
        store.add_analysis(generated_analysis(articles), inputs=["generated"])
        fill_seconds = time.perf_counter() - started
        middle = f"g{articles // 10:05d}-1"
        story = f"s{articles // 10:05d}"
        paths = [
            "/",
            f"/stories/{story}",
            f"/stories/{story}/json",
            f"/articles/{middle}",
            f"/articles/{middle}/json",
            f"/relations/g{articles // 10:05d}-0/{middle}",
        ]
        with _Server(store) as base:
            results = [
                measure(base, p, requests=requests, seconds=seconds, clients=clients) for p in paths
            ]
    return {
        "articles": articles,
        "fill_seconds": round(fill_seconds, 2),
        "clients": clients,
        "limits": {"requests": requests, "seconds": seconds},
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "results": results,
    }


def format_table(report: dict[str, Any]) -> str:
    """The results as a text table."""
    lines = [
        f"{report['articles']} articles, {report['clients']} clients",
        f"{'page':44} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}",
    ]
    for item in report["results"]:
        lines.append(
            f"{item['path']:44} {item['requests_per_s']:8} {item['p50_ms']:8} {item['p95_ms']:8}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the load test and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400, help="per page, at most")
    parser.add_argument("--seconds", type=float, default=30.0, help="per page, at most")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="storytrace-bench-") as folder:
        report = run_benchmark(
            args.articles,
            Path(folder),
            requests=args.requests,
            seconds=args.seconds,
            clients=args.clients,
        )
    print(format_table(report))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
