"""The store: where the network lives (SQLite by default, PostgreSQL by URL).

Everything that speaks SQL is in this package; services use :class:`Store` sessions.
"""

from lazos.store.engine import Store, open_store

__all__ = ["Store", "open_store"]
