"""Alice drives introductions and the outbox from the command line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.conftest import run
from tests.connect.conftest import Mailbox, free_port


def _network(cli: CliRunner) -> None:
    assert run(cli, "person", "add", "Lucía Fernández", "--email", "lucia@example.es",
               "--lang", "es")[0] == 0
    assert run(cli, "person", "add", "Bob Smith", "--email", "bob@example.com", "--lang", "en")[0] == 0
    assert run(cli, "person", "add", "Carla Ruiz", "--lang", "es")[0] == 0
    assert run(cli, "need", "add", "Lucía", "Arreglar una gotera", "--lang", "es")[0] == 0


def test_double_opt_in_from_the_cli_then_send(cli: CliRunner, mailbox: Mailbox) -> None:
    _network(cli)
    code, out = run(cli, "intro", "ask", "1", "Bob")
    assert code == 0, out
    assert "Draft #1 (es) to lucia@example.es" in out
    code, out = run(cli, "intro", "introduce", "1")
    assert code == 2 and "--direct" in out
    assert run(cli, "intro", "accept", "1")[0] == 0
    code, out = run(cli, "intro", "accept", "1")
    assert code == 0 and "introduced" in out
    code, out = run(cli, "intro", "list", "--json")
    assert json.loads(out)[0]["state"] == "introduced"

    code, out = run(cli, "outbox", "--json")
    drafts = json.loads(out)
    assert [m["kind"] for m in drafts] == ["ask_requester", "ask_helper", "introduction", "introduction"]
    code, out = run(cli, "outbox", "send")
    assert code == 0, out
    assert out.count(" sent to ") == 4
    assert len(mailbox.received) == 4
    code, out = run(cli, "outbox", "send", "1")
    assert code == 0 and "already sent" in out
    assert len(mailbox.received) == 4
    code, out = run(cli, "intro", "met", "1")
    assert code == 0 and "met" in out


def test_failed_send_exits_nonzero_and_retry_works(cli: CliRunner, mailbox: Mailbox,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _network(cli)
    run(cli, "intro", "ask", "1", "Bob")
    monkeypatch.setenv("LAZOS_SMTP_PORT", str(free_port()))
    code, out = run(cli, "outbox", "send", "1")
    assert code == 1 and "Cannot reach the SMTP server" in out and "retry" in out
    code, out = run(cli, "outbox")
    assert "[failed]" in out
    monkeypatch.setenv("LAZOS_SMTP_PORT", str(mailbox.port))
    code, out = run(cli, "outbox", "retry")
    assert code == 0 and "#1 sent" in out
    assert len(mailbox.received) == 1


def test_person_without_email_gets_a_draft_and_a_mailto_path(cli: CliRunner) -> None:
    _network(cli)
    run(cli, "need", "add", "Carla", "Busca local para su taller", "--lang", "es")
    code, out = run(cli, "intro", "ask", "2", "Bob")
    assert code == 0
    assert "Carla Ruiz has no email address" in out and "(no address)" in out
    code, out = run(cli, "outbox", "send", "1")
    assert code == 2 and "no recipient address" in out and "outbox edit 1 --to" in out
    code, out = run(cli, "outbox", "show", "1", "--mailto")
    assert out.startswith("mailto:?subject=")
    code, out = run(cli, "outbox", "edit", "1", "--to", "carla@example.es")
    assert code == 0
    code, out = run(cli, "outbox", "show", "1", "--mailto")
    assert out.startswith("mailto:carla@example.es?subject=")


def test_without_smtp_settings_sending_explains_the_mailto_path(cli: CliRunner) -> None:
    _network(cli)
    run(cli, "intro", "ask", "1", "Bob")
    code, out = run(cli, "outbox", "send", "1")
    assert code == 2 and "LAZOS_SMTP_HOST" in out and "mailto" in out
    code, out = run(cli, "outbox", "done", "1")
    assert code == 0
    code, out = run(cli, "show", "Lucía", "--json")
    assert any(n["kind"] == "email" for n in json.loads(out)["notes"])
