"""Paths for the io tests: the shared real-world corpus and our own fixtures."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SHARED

REALWORLD = SHARED / "realworld"
FIXTURES = Path(__file__).parent / "fixtures"
