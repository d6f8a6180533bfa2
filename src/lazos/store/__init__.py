"""The store: where the network lives (SQLite by default, PostgreSQL by URL).

Everything that speaks SQL is in this package; services use :class:`Store` sessions.
``Store`` and ``open_store`` load SQLAlchemy, so they are imported on first use (PEP 562):
:mod:`lazos.store.fastread` (read-only listings without SQLAlchemy) lives here too.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lazos.store.engine import Store, open_store

__all__ = ["Store", "open_store"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from lazos.store import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
