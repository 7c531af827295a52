"""The store: analyses that outgrow one run, in SQLite (a file) or PostgreSQL (a URL).

Needs the ``store`` extra (SQLAlchemy; psycopg for PostgreSQL).

Example:
    >>> from storytrace.store import Store
    >>> with Store.open("analyses.db") as store:  # doctest: +SKIP
    ...     store.add_analysis(storytrace.analyze("articles/"), inputs=["articles/"])
"""

from storytrace.errors import StoreError
from storytrace.store._store import RunRecord, Store, database_url
from storytrace.store._stories import StoryRecord

__all__ = ["RunRecord", "Store", "StoreError", "StoryRecord", "database_url"]
