"""Alice mistypes connect commands: each mistake is a bilingual error (exit 2) that names the
option and the fix, and nothing is drafted or recorded."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import run


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_EMBEDDER", "fake")
    monkeypatch.setenv("LAZOS_NOW", "2026-11-27T18:00:00")
    monkeypatch.setenv("LAZOS_FROM", "ana@example.org")


@pytest.fixture
def network(cli: CliRunner) -> CliRunner:
    for args in (("person", "add", "Lucía Fernández", "--email", "lucia@example.es", "--lang", "es"),
                 ("person", "add", "Bob Smith", "--email", "bob@example.com", "--lang", "en",
                  "--linkedin", "https://www.linkedin.com/in/bobsmith"),
                 ("need", "add", "Lucía", "Arreglar una gotera en el tejado", "--lang", "es"),
                 ("offer", "add", "Bob", "Roofer: fixes leaking roofs")):
        code, out = run(cli, *args)
        assert code == 0, (args, out)
    return cli


def _outbox(cli: CliRunner) -> list[dict[str, Any]]:
    code, out = run(cli, "outbox", "--all", "--json")
    assert code == 0, out
    found: list[dict[str, Any]] = json.loads(out)
    return found


def test_recording_a_suggestion_without_the_helper_says_what_to_add(network: CliRunner) -> None:
    code, out = run(network, "intro", "suggest", "1")
    assert code == 2 and "helper is missing" in out and "lazos intro suggest 3 Bob" in out
    code, out = run(network, "intro", "list", "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize("cmd", [("intro", "suggest"), ("invite", "suggest")])
def test_a_limit_under_one_is_refused(network: CliRunner, cmd: tuple[str, str]) -> None:
    for bad in ("0", "-1"):
        code, out = run(network, *cmd, "--limit", bad, "--json")
        assert code == 2 and "limit must be 1 or more" in out, out


def test_decline_by_someone_else_is_refused(network: CliRunner,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(network, "intro", "suggest", "1", "Bob")[0] == 0
    code, out = run(network, "intro", "decline", "1", "--by", "martian")
    assert code == 2 and "use requester" in out
    monkeypatch.setenv("LAZOS_LANG", "es")
    code, out = run(network, "intro", "decline", "1", "--by", "martian")
    assert code == 2 and "usa requester" in out
    code, out = run(network, "intro", "show", "1", "--json")
    assert json.loads(out)["state"] == "suggested"
    code, out = run(network, "intro", "decline", "1", "--by", "Helper")
    assert code == 0 and json.loads(run(network, "intro", "show", "1", "--json")[1])[
        "history"][-1]["note"] == "declined by helper"


def test_followup_for_nobody_known_names_people_and_events(network: CliRunner) -> None:
    code, out = run(network, "followup", "Zoltan")
    assert code == 2 and "Neither a person nor an event matches 'Zoltan'" in out
    assert "lazos event list" in out
    assert _outbox(network) == []


def test_followup_with_an_unknown_meal_drafts_nothing(network: CliRunner) -> None:
    code, out = run(network, "followup", "Bob", "--invite", "brunch")
    assert code == 2 and "invite 'brunch'" in out and "lunch, dinner" in out
    assert _outbox(network) == []
    code, out = run(network, "followup", "Bob", "--invite", "Dinner")
    assert code == 0, out
    thanks = next(m for m in _outbox(network) if m["kind"] == "thank_you")
    assert "dinner" in thanks["body"]


def test_keep_every_without_whom_is_refused(network: CliRunner) -> None:
    code, out = run(network, "keep", "--every", "30")
    assert code == 2 and "--every needs whom it is for" in out and "--tag" in out


def test_mailto_of_a_linkedin_note_points_to_the_profile(network: CliRunner) -> None:
    assert run(network, "followup", "Bob")[0] == 0
    linkedin = next(m for m in _outbox(network) if m["channel"] == "linkedin")
    code, out = run(network, "outbox", "show", str(linkedin["id"]), "--mailto")
    assert code == 2 and "not an email" in out
    assert "https://www.linkedin.com/in/bobsmith" in " ".join(out.split())


@pytest.mark.parametrize(("var", "value", "said"), [
    ("LAZOS_FROM", "ana-at-example", "LAZOS_FROM 'ana-at-example' is not an email address"),
    ("LAZOS_SMTP_TIMEOUT", "0", "LAZOS_SMTP_TIMEOUT must be a number of seconds above 0"),
])
def test_a_broken_sending_setting_is_named_and_the_draft_stays(
        network: CliRunner, monkeypatch: pytest.MonkeyPatch, var: str, value: str,
        said: str) -> None:
    assert run(network, "intro", "ask", "1", "Bob")[0] == 0
    monkeypatch.setenv("LAZOS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv(var, value)
    code, out = run(network, "outbox", "send", "1")
    assert code == 2 and said in " ".join(out.split()), out
    # a bad setting fails every command at start-up; fixed, the draft is still there, untouched
    monkeypatch.delenv(var)
    assert [(m["status"], m["attempts"]) for m in _outbox(network)] == [("draft", 0)]
