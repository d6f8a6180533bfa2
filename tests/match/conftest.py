"""Matching tests about rules and plumbing use the fake embedder (quality tests do not)."""

from __future__ import annotations

import pytest


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_EMBEDDER", "fake")
