"""The rest of the connect commands, end to end through the real entry point."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.conftest import run


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_EMBEDDER", "fake")
    monkeypatch.setenv("LAZOS_NOW", "2026-11-27T18:00:00")
    monkeypatch.setenv("LAZOS_FROM", "ana@example.org")
    monkeypatch.setenv("LAZOS_USER_NAME", "Ana García")


def _network(cli: CliRunner) -> None:
    for args in (("person", "add", "Lucía Fernández", "--email", "lucia@example.es", "--lang", "es"),
                 ("person", "add", "Bob Smith", "--email", "bob@example.com", "--lang", "en"),
                 ("need", "add", "Lucía", "Arreglar una gotera en el tejado", "--lang", "es"),
                 ("offer", "add", "Bob", "Roofer: fixes leaking roofs"),
                 ("event", "add", "Mixer", "--date", "2026-11-27"),
                 ("event", "attend", "Mixer", "Lucía", "Bob")):
        code, out = run(cli, *args)
        assert code == 0, (args, out)


def test_followup_event_then_today_then_invite(cli: CliRunner) -> None:
    _network(cli)
    code, out = run(cli, "today", "--json")
    assert code == 0, out
    assert {i["name"] for i in json.loads(out)["items"] if i["kind"] == "same_day"} == {
        "Lucía Fernández", "Bob Smith"}
    code, out = run(cli, "followup", "Mixer")
    assert code == 0, out
    assert out.count("Draft #") == 6 and "linkedin" in out
    code, out = run(cli, "today", "--no-matches")
    assert "Same-day follow-up" not in out

    code, out = run(cli, "invite", "Bob", "--at", "2026-12-04 14:00", "--place", "Casa Pepe",
                    "--tz", "Europe/Madrid")
    assert code == 0, out
    assert "Invitation: lunch on Friday 4 December 2026, 14:00" in " ".join(out.split())
    code, out = run(cli, "invite", "Bob", "--at", "yesterday", "--place", "Casa Pepe")
    assert code == 2 and "YYYY-MM-DD HH:MM" in out
    code, out = run(cli, "invite", "Bob", "--at", "2026-11-01 14:00", "--place", "Casa Pepe")
    assert code == 2 and "in the past" in out
    code, out = run(cli, "invite", "suggest", "--json")
    assert code == 0, out
    assert all(s["reasons"] for s in json.loads(out))


def test_checkin_and_ledger_from_the_cli(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    _network(cli)
    code, out = run(cli, "intro", "introduce", "1", "Bob", "--direct")
    assert code == 0, out
    monkeypatch.setenv("LAZOS_NOW", "2026-12-05T09:00:00")
    code, out = run(cli, "checkin")
    assert "¿Cómo te fue con Bob?" in out
    code, out = run(cli, "checkin", "record", "1")
    assert code == 2 and "--solved" in out
    code, out = run(cli, "checkin", "record", "1", "--solved", "--value", "8", "--thanks", "¡Genial!")
    assert code == 0 and "solved" in out
    code, out = run(cli, "need", "list", "--all", "--json")
    assert json.loads(out)[0]["status"] == "solved"
    code, out = run(cli, "ledger")
    assert "Bob Smith: gave 1 (1 solved), received 0" in out
    code, out = run(cli, "intro", "show", "1")
    assert "direct" in out and "solved" in out
    code, out = run(cli, "intro", "met", "1")
    assert code == 2 and "final" in out


def test_keep_in_touch_from_the_cli(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    _network(cli)
    assert run(cli, "keep", "Bob", "--every", "7")[0] == 0
    monkeypatch.setenv("LAZOS_NOW", "2026-12-10T09:00:00")
    code, out = run(cli, "keep")
    assert "Bob Smith" in out and "every 7 days" in out and "Lucía" not in out
    code, out = run(cli, "keep", "Bob", "--every", "-3")
    assert code == 2 and "between 1 and 3650" in out


def test_every_connect_command_has_help_in_both_languages(cli: CliRunner,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    for lang, word in (("en", "Usage"), ("es", "Usage")):
        monkeypatch.setenv("LAZOS_LANG", lang)
        for cmd in (["intro", "ask"], ["outbox", "send"], ["followup"], ["invite"], ["checkin", "record"],
                    ["keep"], ["today"], ["ledger"]):
            code, out = run(cli, *cmd, "--help")
            assert code == 0 and word in out, (cmd, out)


def test_intro_suggest_save_records_each_pair_once(cli: CliRunner) -> None:
    _network(cli)
    run(cli, "person", "add", "Carla Ruiz", "--lang", "es")
    run(cli, "offer", "add", "Carla", "Fontanera y tejados: arregla goteras")
    code, out = run(cli, "intro", "suggest", "--json")
    assert code == 0, out
    found = json.loads(out)
    assert found and all(c["requester_name"] == "Lucía Fernández" for c in found)
    code, out = run(cli, "intro", "suggest", "--save")
    assert code == 0, out
    code, out = run(cli, "intro", "list", "--json")
    saved = json.loads(out)
    assert len(saved) == len(found) and all(i["state"] == "suggested" for i in saved)
    code, out = run(cli, "intro", "suggest", "--json")
    assert json.loads(out) == []
