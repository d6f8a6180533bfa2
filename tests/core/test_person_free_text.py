"""Free text on `lazos person add` is read like a note: needs, offers and promises proposed."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.conftest import run


def test_person_add_with_a_note_proposes_and_accepts_a_need(cli: CliRunner,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_EMBEDDER", "fake")
    monkeypatch.setenv("LAZOS_NOW", "2026-11-27T10:00:00")
    code, out = run(cli, "person", "add", "Elena Vargas", "--note",
                    "Tiene una boutique. Le entraron a robar el martes y quiere poner cámaras. "
                    "Llamarla el lunes.", "--accept")
    assert code == 0, out
    needs = json.loads(run(cli, "need", "list", "elena", "--json")[1])
    assert any("robar" in n["text"] or "cámaras" in n["text"] for n in needs), needs
    detail = json.loads(run(cli, "show", "elena", "--json")[1])
    assert [f["due_on"] for f in detail["followups"]] == ["2026-11-30"]
    assert detail["notes"][0]["text"].startswith("Tiene una boutique")


def test_person_add_without_a_note_proposes_nothing(cli: CliRunner) -> None:
    code, out = run(cli, "person", "add", "Pablo", "--json")
    assert code == 0
    assert json.loads(out)["name"] == "Pablo"
    assert json.loads(run(cli, "need", "list", "--json")[1]) == []
