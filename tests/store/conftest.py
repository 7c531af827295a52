"""Store tests run against SQLite and, when ``make test`` started one, a real PostgreSQL.

``tests/store/with_postgres.sh`` exports ``STORYTRACE_TEST_POSTGRES_URL``; each test gets a
fresh database created from it, so tests (and xdist workers) never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

POSTGRES_ENV = "STORYTRACE_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL (or path) of an empty store, for each back end."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(
            f"{POSTGRES_ENV} is not set: run under tests/store/with_postgres.sh (make test)"
        )
    yield from _fresh_postgres_database(base)


def _fresh_postgres_database(base: str) -> Iterator[str]:
    import psycopg

    name = f"st_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield base.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def normalised(data: dict[str, Any]) -> dict[str, Any]:
    """An analysis dict with every record list sorted, for order-free comparison."""
    keys = {
        "articles": "id",
        "entities": "id",
        "quotes": "id",
        "claims": "id",
        "stories": "id",
        "facts": "id",
    }
    result = dict(data)
    for key, field in keys.items():
        result[key] = sorted(data[key], key=lambda item: item[field])
    result["relations"] = sorted(data["relations"], key=lambda r: (r["a"], r["b"]))
    result["skipped"] = sorted(data["skipped"], key=lambda s: (s["source"], s["stage"]))
    return result
