"""Claims extraction throughput (sentences/s), rules only and with spaCy NER, against a baseline.

Run::

    .venv/bin/python -m benchmarks.bench_claims [--baseline main] [--repeat 3]

Two corpora: a generated English news corpus (our own fiction: counts with hedges,
quotes with speakers, names in several spellings; ``--articles``) and, when
``../shared/eval/gva`` is present, the first ``--gva-articles`` documents of the GVA
set (real scraped local news). Each is extracted with ``ner=None`` (rule-based names)
and with ``ner="en_core_web_sm"`` (on ``--ner-articles`` of the generated articles,
the model being ~30x slower), by this checkout's code and by the code of the git ref
``--baseline`` (exported with ``git archive`` to a temporary folder), each run in a fresh
process, alternating baseline and current ``--repeat`` times; the best wall and CPU
times count (the machine is shared, so CPU seconds are the steadier figure). Ratios are
current speed over baseline speed. Model loading is timed apart from extraction.
Writes ``benchmarks/results/claims.json``; timings never go into tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

from storytrace.model import Article
from storytrace.text.sentences import split_sentences

RESULTS = Path(__file__).resolve().parent / "results" / "claims.json"
ROOT = Path(__file__).resolve().parent.parent
GVA = ROOT.parent / "shared" / "eval" / "gva" / "documents.jsonl"
NER = "en_core_web_sm"

_PEOPLE = ["Arvo Kelemet", "Dana Ilves", "Timur Oskarov", "Mira Talbek", "Piet Varga"]
_ORGS = [
    ("Baltic River Council", "BRC"),
    ("Northern Relief Agency", "NRA"),
    ("Coastal Defence Alliance", "CDA"),
]
_PLACES = ["Orsk", "Velin", "Tarsk", "Belozar", "Kerva"]
_HEDGES = ["at least", "more than", "nearly", "about", "just over", ""]
_MEASURES = ["people were killed", "were injured", "people were arrested", "troops arrived"]
_DAYS = ["on Monday", "last week", "on Sunday", "as of midday Thursday", ""]


def _sentence(rng: random.Random) -> str:
    person = rng.choice(_PEOPLE)
    org, acronym = rng.choice(_ORGS)
    place = rng.choice(_PLACES)
    number = f"{rng.randint(2, 9000):,}"
    kinds = [
        f"{rng.choice(_HEDGES)} {number} {rng.choice(_MEASURES)} in {place} {rng.choice(_DAYS)}, "
        f"officials said.",
        f"“We will rebuild {place},” {person} told reporters {rng.choice(_DAYS)}.",
        f"The {org} ({acronym}) sent {number} engineers to {place}, according to the {acronym}.",
        f"{person.split()[-1]} said the situation in {place} was “under control”.",
        f"Dozens of residents gathered outside the town hall in {place}.",
    ]
    return " ".join(rng.choice(kinds).split())


def generate(articles: int, *, seed: int = 20261124) -> list[Article]:
    """A deterministic corpus of ``articles`` articles of 8-20 sentences each."""
    rng = random.Random(seed)
    texts = []
    for _ in range(articles):
        texts.append("\n\n".join(_sentence(rng) for _ in range(rng.randint(8, 20))))
    return _articles(texts, "bench")


def gva_articles(articles: int, path: Path = GVA) -> list[Article]:
    """The first ``articles`` non-empty GVA documents (real scraped news), or [] when absent."""
    if not path.is_file():
        return []
    texts: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if len(texts) >= articles:
                break
            content = json.loads(line).get("content") or ""
            if content.strip():
                texts.append(content)
    return _articles(texts, "gva")


def _articles(texts: Sequence[str], prefix: str) -> list[Article]:
    return [
        Article(
            id=f"{prefix}{index:05d}",
            source=prefix,
            text=text,
            sentences=tuple(split_sentences(text)),
        )
        for index, text in enumerate(texts)
    ]


def measure(corpus: str, articles: int, ner: str | None) -> dict[str, Any]:
    """One extraction run in this process (the worker's job): times and what was found."""
    from storytrace.claims import extract
    from storytrace.claims._ner import load_pipeline

    pile = generate(articles) if corpus == "generated" else gva_articles(articles)
    load_seconds = 0.0
    if ner is not None:
        started = time.perf_counter()
        if load_pipeline(ner) is None:
            return {"available": False}
        load_seconds = time.perf_counter() - started
    wall, cpu = time.perf_counter(), time.process_time()
    result = extract(pile, ner=ner)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "available": True,
        "articles": len(pile),
        "sentences": sum(len(article.sentences) for article in pile),
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "load_seconds": round(load_seconds, 3),
        "claims": len(result.claims),
        "quotes": len(result.quotes),
        "entities": len(result.entities),
    }


def export_baseline(ref: str, into: Path) -> str:
    """Write the ``src`` tree of git ref ``ref`` under ``into``; return the commit id."""
    commit = _git("rev-parse", "--verify", f"{ref}^{{commit}}").decode().strip()
    archive = _git("archive", "--format=tar", commit, "src")
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return commit


def _git(*args: str) -> bytes:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True).stdout


def _in_process(src: Path, corpus: str, articles: int, ner: str | None) -> dict[str, Any]:
    """``measure`` in a fresh interpreter whose ``storytrace`` comes from ``src``."""
    job = json.dumps({"corpus": corpus, "articles": articles, "ner": ner})
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_claims", "--worker", job],
        check=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _best(runs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    best = dict(runs[0])
    for key in ("seconds", "cpu_seconds", "load_seconds"):
        best[key] = min(run[key] for run in runs)
    best["sentences_per_second"] = round(best["sentences"] / best["seconds"], 1)
    best["sentences_per_cpu_second"] = round(best["sentences"] / best["cpu_seconds"], 1)
    return best


def _case(
    versions: dict[str, Path], corpus: str, articles: int, ner: str | None, repeat: int
) -> dict[str, Any]:
    """One corpus and NER setting, every version, alternating runs."""
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in versions}
    for _ in range(repeat):
        for name, src in versions.items():
            runs[name].append(_in_process(src, corpus, articles, ner))
    case: dict[str, Any] = {
        "name": f"{corpus}, " + ("rules only (ner=None)" if ner is None else f"spaCy NER ({ner})")
    }
    for name, own in runs.items():
        case[name] = _best(own) if own[0].get("available") else {"available": False}
    if "baseline" in case and case["baseline"].get("available") and case["current"]["available"]:
        for key in ("sentences_per_second", "sentences_per_cpu_second"):
            ratio = case["current"][key] / case["baseline"][key]
            case[f"ratio_{key}"] = round(ratio, 2)
    return case


def run_benchmark(
    *, articles: int, ner_articles: int, gva: int, baseline: str | None, repeat: int
) -> dict[str, Any]:
    """Every case, current checkout against ``baseline`` (a git ref, or None for none)."""
    with tempfile.TemporaryDirectory() as folder:
        versions = {"current": ROOT / "src"}
        commit = None
        if baseline:
            commit = export_baseline(baseline, Path(folder))
            versions = {"baseline": Path(folder) / "src", **versions}
        cases = [("generated", articles, None), ("generated", ner_articles, NER)]
        if gva and GVA.is_file():
            cases += [("gva", gva, None), ("gva", gva, NER)]
        results = [_case(versions, *case, repeat) for case in cases]
    return {
        "benchmark": "claims",
        "baseline": {"ref": baseline, "commit": commit} if baseline else None,
        "repeat": repeat,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared), "
        f"{platform.python_implementation()} {platform.python_version()}",
        "results": results,
    }


def format_table(report: dict[str, Any]) -> str:
    """The results as a small text table."""
    lines = [
        f"{'case':<38}{'version':<10}{'sent/s':>9}{'sent/CPU-s':>12}{'claims':>8}"
        f"{'quotes':>8}{'entities':>9}"
    ]
    for case in report["results"]:
        for version in ("baseline", "current"):
            item = case.get(version)
            if item is None:
                continue
            if not item.get("available"):
                lines.append(f"{case['name']:<38}{version:<10}(not installed)")
                continue
            lines.append(
                f"{case['name']:<38}{version:<10}{item['sentences_per_second']:>9}"
                f"{item['sentences_per_cpu_second']:>12}{item['claims']:>8}"
                f"{item['quotes']:>8}{item['entities']:>9}"
            )
        if "ratio_sentences_per_cpu_second" in case:
            lines.append(
                f"{'':<38}{'ratio':<10}{case['ratio_sentences_per_second']:>9}"
                f"{case['ratio_sentences_per_cpu_second']:>12}"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and write the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--ner-articles", type=int, default=100)
    parser.add_argument("--gva-articles", type=int, default=150)
    parser.add_argument("--baseline", default="main", help="git ref, or 'none'")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        job = json.loads(args.worker)
        print(json.dumps(measure(job["corpus"], job["articles"], job["ner"])))
        return 0
    report = run_benchmark(
        articles=args.articles,
        ner_articles=args.ner_articles,
        gva=args.gva_articles,
        baseline=None if args.baseline.lower() == "none" else args.baseline,
        repeat=args.repeat,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(format_table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
