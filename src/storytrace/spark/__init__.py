"""The reuse and story stages as a Spark job, for piles beyond one machine.

``run_job`` reads JSONL / Parquet / WARC (paths or globs), cleans, finds and classifies
reused pairs and clusters stories with the library's own functions running on Spark
workers, and writes Parquet tables (``job``); ``load_output`` puts them into a store.
Needs the ``spark`` extra (pyspark) and Java 17.

Example:
    >>> from storytrace.spark import run_job, spark_session
    >>> run_job(spark_session("local[2]"), ["crawl/*.jsonl"], "out")  # doctest: +SKIP
"""

from __future__ import annotations

from storytrace.spark.job import TABLES, JobResult, run_job
from storytrace.spark.load import load_output, read_output
from storytrace.spark.reference import trace_locally
from storytrace.spark.session import spark_session

__all__ = [
    "TABLES",
    "JobResult",
    "load_output",
    "read_output",
    "run_job",
    "spark_session",
    "trace_locally",
]
