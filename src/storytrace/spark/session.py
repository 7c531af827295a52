"""A Spark session configured for storytrace's Python workers.

Workers must run the interpreter the driver runs (``PYSPARK_PYTHON``), or they would not
find storytrace and its dependencies; a local master binds to the loopback address
(``SPARK_LOCAL_IP``) so that a machine without a resolvable host name still works.
"""

from __future__ import annotations

import os
import sys
from typing import Any

__all__ = ["spark_session"]

LOCAL_SHUFFLE_PARTITIONS = 4
"""Shuffle partitions on a local master: Spark's default of 200 costs more in task start-up
than it gains on one machine (bench_spark: 8 partitions, 1k articles, 121 s warm)."""


def spark_session(master: str = "local[2]", *, app: str = "storytrace", **conf: str) -> Any:
    """A Spark session (started, or the running one) on ``master``.

    Args:
        master: ``local[N]``, ``spark://host:port``, ``yarn``, ...
        app: the application name Spark shows.
        **conf: extra Spark settings, names with ``_`` for ``.`` (``sql_shuffle_partitions``).

    Raises:
        ImportError: pyspark is not installed (install the ``spark`` extra).
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise ImportError(
            "the Spark job needs pyspark: pip install 'storytrace[spark]' (and Java 17)"
        ) from error
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.python.worker.reuse", "true")
    )
    if master.startswith("local"):
        builder = builder.config("spark.sql.shuffle.partitions", str(LOCAL_SHUFFLE_PARTITIONS))
    for key, value in conf.items():
        builder = builder.config("spark." + key.replace("_", "."), value)
    return builder.getOrCreate()
