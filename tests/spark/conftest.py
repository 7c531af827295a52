"""One local Spark session for the whole test run (start-up costs ~25 s), and the inputs.

Spark needs Java: without a ``java`` on the PATH the Spark tests skip and say so (``make
system-deps`` installs Debian's ``openjdk-17-jre-headless``). pyspark itself is part of the
``spark`` extra that ``make test`` installs, so a missing pyspark is a failure, not a skip.
"""

from __future__ import annotations

import json
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from benchmarks._reuse_corpus import make_corpus

from tests.conftest import REPO_ROOT

GENERATED = 48
"""Generated articles beside the demo corpus: planted copies, spins, excerpts (bench_reuse)."""


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("no Java on PATH: Spark needs Java 17 (make system-deps installs it)")
    from storytrace.spark import spark_session

    interrupt = signal.getsignal(signal.SIGINT)
    session = spark_session("local[2]", app="storytrace-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    # pyspark's SIGINT handler cancels jobs of the stopped context (xdist stops workers so)
    signal.signal(signal.SIGINT, interrupt)


@pytest.fixture(scope="session")
def mixed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus (text, HTML, JSONL, WARC) and generated JSONL articles with planted
    derivatives, an exact duplicate, a repeated id and page furniture on one site."""
    root = tmp_path_factory.mktemp("mixed")
    shutil.copytree(REPO_ROOT / "demo" / "corpus", root / "demo")
    corpus = make_corpus(GENERATED, seed=11)
    lines = []
    for number, text in enumerate(corpus.texts):
        furniture = "\nSubscribe to the Harbour Post newsletter\nAll rights reserved"
        lines.append(
            {
                "id": f"g{number:03d}",
                "text": text + (furniture if number % 3 == 0 else ""),
                "title": " ".join(text.split()[:6]),
                "url": f"https://{'harbourpost' if number % 3 == 0 else 'other'}.example/{number}",
                "published": f"2024-03-{1 + number % 20:02d}",
            }
        )
    lines.append({**lines[5], "id": "g-dup-of-005"})  # an exact duplicate text
    lines.append({**lines[7], "text": lines[9]["text"]})  # id g007 again, another text
    _write_jsonl(root / "generated.jsonl", lines)
    return root


@pytest.fixture(scope="session")
def damaged_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good Parquet file, a corrupt one, a WARC cut short, and a JSONL with a broken line."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = tmp_path_factory.mktemp("damaged")
    corpus = make_corpus(6, seed=3)
    rows = {"id": [f"p{i}" for i in range(6)], "text": corpus.texts}
    pq.write_table(pa.table(rows), root / "good.parquet")
    (root / "broken.parquet").write_bytes(b"PAR1" + b"\x00garbage" * 50 + b"PAR1")
    warc = (REPO_ROOT / "demo" / "corpus" / "07-08-independent.warc.gz").read_bytes()
    (root / "cut.warc.gz").write_bytes(warc[: len(warc) // 2])
    _write_jsonl(root / "lines.jsonl", [{"id": "j1", "text": corpus.texts[0][:400]}])
    with (root / "lines.jsonl").open("a", encoding="utf-8") as stream:
        stream.write('{"id": "j2", "text": broken\n')
    return root


def _write_jsonl(path: Path, records: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record) + "\n")
