"""The store tests' back ends (SQLite, and PostgreSQL under ``make test``) for the web UI too."""

from tests.store.conftest import store_url

__all__ = ["store_url"]
