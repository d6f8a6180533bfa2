"""Capturing people from the command line, as a networker does after an event."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.conftest import run


def test_alice_adds_bob_and_finds_him_by_partial_accentless_name(cli: CliRunner) -> None:
    code, out = run(cli, "person", "add", "Bob Núñez", "--email", "Bob@Example.com",
                    "--company", "Núñez Fontanería", "--city", "Madrid", "--tag", "plumber,vip")
    assert code == 0, out
    code, out = run(cli, "show", "nunez", "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["person"]["name"] == "Bob Núñez"
    assert data["person"]["emails"] == ["bob@example.com"]
    assert data["person"]["tags"] == ["plumber", "vip"]


def test_ambiguous_name_lists_candidates_and_never_picks_one(cli: CliRunner) -> None:
    run(cli, "person", "add", "Marta López")
    run(cli, "person", "add", "Marta Ruiz")
    code, out = run(cli, "need", "add", "marta", "Necesita un fontanero")
    assert code == 2
    assert "Marta López" in out and "Marta Ruiz" in out
    code, out = run(cli, "need", "list", "--json")
    assert json.loads(out) == []


def test_bad_email_names_the_field_and_stores_nothing(cli: CliRunner) -> None:
    code, out = run(cli, "person", "add", "Carla", "--email", "carla-at-example")
    assert code == 2
    assert "email" in out and "name@example.com" in out
    code, out = run(cli, "people", "--json")
    assert json.loads(out) == []


def test_unknown_person_is_exit_2_with_a_hint(cli: CliRunner) -> None:
    code, out = run(cli, "show", "nobody-here")
    assert code == 2
    assert "lazos people" in out


def test_remove_asks_to_confirm(cli: CliRunner) -> None:
    run(cli, "person", "add", "Dora")
    code, _ = run(cli, "person", "remove", "Dora", input="n\n")
    assert code == 1
    assert json.loads(run(cli, "people", "--json")[1])[0]["name"] == "Dora"
    code, _ = run(cli, "person", "remove", "Dora", input="y\n")
    assert code == 0
    assert json.loads(run(cli, "people", "--json")[1]) == []


def test_spanish_output_by_lazos_lang(cli: CliRunner, monkeypatch) -> None:
    monkeypatch.setenv("LAZOS_LANG", "es")
    code, out = run(cli, "show", "nadie")
    assert code == 2
    assert "Nadie en tu red" in out
