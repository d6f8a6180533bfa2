"""`make run` shows the overview of the network and the connections the user could make."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.conftest import run


def test_first_run_loads_the_sample_once_and_shows_connections(
        cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_EMBEDDER", "fake")
    code, out = run(cli, "overview", "--sample-if-empty", "--connections", "3", "--json")
    assert code == 0, out
    data = json.loads(out[out.index("{"):])
    assert data["overview"]["people"] >= 30
    assert 1 <= len(data["connections"]) <= 3
    first = data["connections"][0]
    assert first["helper"] != first["requester"] and first["why"]
    code, out = run(cli, "overview", "--sample-if-empty", "--json")
    assert code == 0
    assert json.loads(out)["people"] == data["overview"]["people"]  # not loaded twice


def test_demo_refuses_a_store_with_people(cli: CliRunner) -> None:
    run(cli, "person", "add", "Alice")
    code, out = run(cli, "demo")
    assert code == 2
    assert "empty store" in out
