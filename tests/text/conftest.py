"""Extraction tests about rules use no sentence model; the slow tests load the real one."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_model(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("slow") is None:
        monkeypatch.setenv("LAZOS_EMBEDDER", "fake")
