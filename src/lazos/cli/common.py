"""What every CLI command shares: opening the store, printing, JSON output, bilingual help."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from rich.console import Console

from lazos.i18n import pick

if TYPE_CHECKING:
    from lazos.store import Store
    from lazos.store.fastread import Reader

T = TypeVar("T")

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def h(en: str, es: str) -> str:
    """Help text in the reader's language (chosen when the CLI starts)."""
    return pick(None, en, es)


def say(en: str, es: str, **params: Any) -> None:
    """Print a bilingual line (markup-escaped: user text is never interpreted as markup)."""
    from rich.markup import escape

    text = pick(None, en, es).format(**{k: escape(str(v)) for k, v in params.items()})
    console.print(text)


@contextmanager
def network() -> Iterator[Store]:
    """Open the configured store for one command, and close it afterwards."""
    from lazos.store import open_store

    store = open_store()
    try:
        yield store
    finally:
        store.close()


def read(fast: Callable[[Reader], T], orm: Callable[[Store], T]) -> T:
    """A read-only answer: ``fast`` straight from the SQLite file when it can answer (no
    SQLAlchemy to load, see :mod:`lazos.store.fastread`), else ``orm`` with the services.

    Both must return the same thing: the CLI formats it the same way either way.
    """
    from lazos.store.fastread import read_fast

    answer = read_fast(fast)
    if answer is not None:
        return answer
    with network() as store:
        return orm(store)


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    raise TypeError(type(value).__name__)


def to_dict(obj: Any) -> Any:
    """A dataclass (or list of them) as plain JSON-ready data, derived properties included."""
    if isinstance(obj, list):
        return [to_dict(x) for x in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        for name in ("shareable", "is_open"):
            if hasattr(type(obj), name):
                out[name] = getattr(obj, name)
        return {k: to_dict(v) if isinstance(v, list) or dataclasses.is_dataclass(v) else v
                for k, v in out.items()}
    return obj


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(to_dict(obj), default=_default, ensure_ascii=False, indent=2) + "\n")


def plain(value: object) -> str:
    """User text for a Rich table cell, with markup characters escaped."""
    from rich.markup import escape

    return escape("" if value is None else str(value))
