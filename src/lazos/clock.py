"""The one place Lazos asks what time it is (naive UTC), so tests can pin it."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def utcnow() -> datetime:
    """Now, naive UTC. ``LAZOS_NOW`` (ISO) pins it for tests and demos."""
    pinned = os.environ.get("LAZOS_NOW")
    if pinned:
        return datetime.fromisoformat(pinned).replace(tzinfo=None)
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def today() -> date:
    return utcnow().date()
