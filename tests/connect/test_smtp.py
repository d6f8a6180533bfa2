"""Sending the outbox through a real SMTP server on loopback, and every way it can fail."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import vobject

from lazos.connect import introductions as intros
from lazos.messages import smtp
from lazos.messages.outbox import get_message, list_messages, mark_sent
from lazos.services.notes import list_notes
from lazos.store import Store
from tests.connect.conftest import Mailbox, Net, free_port


def _intro_email(store: Store, net: Net) -> int:
    drafts = intros.introduce(store, need_id=net.roof.id, helper="Bob", direct=True)
    return next(m.id for m in drafts.messages if m.lang == "en")


def test_alice_sends_an_introduction_and_it_arrives_once(store: Store, net: Net,
                                                          mailbox: Mailbox) -> None:
    mid = _intro_email(store, net)
    result = smtp.send_message(store, mid)
    assert result.status == "sent", result.detail
    [got] = mailbox.received
    stored = get_message(store, mid)
    assert got["Message-ID"] == stored.message_id
    assert got["To"] == "bob@example.com" and "Ana García" in got["From"]
    assert got["Subject"] == "Introduction: Lucía Fernández <> Bob Smith"
    body = got.get_body(("plain",))
    assert body is not None and "lucia@example.es" in body.get_content()
    cards = [vobject.readOne(part.get_content()) for part in got.iter_attachments()]
    assert sorted(c.fn.value for c in cards) == ["Bob Smith", "Lucía Fernández"]
    assert stored.status == "sent" and stored.sent_at is not None

    assert smtp.send_message(store, mid).status == "already_sent"
    assert len(mailbox.received) == 1
    # logged on both people as an email interaction
    for person in (net.bob.id, net.lucia.id):
        assert any(n.kind == "email" and "Introduction" in n.text for n in list_notes(store, person=person))


def test_server_down_leaves_it_failed_then_retry_sends_once(store: Store, net: Net,
                                                            mailbox: Mailbox,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    mid = _intro_email(store, net)
    monkeypatch.setenv("LAZOS_SMTP_PORT", str(free_port()))     # nothing listens there
    result = smtp.send_message(store, mid)
    assert result.status == "failed" and "Cannot reach the SMTP server" in result.detail
    failed = get_message(store, mid)
    assert failed.status == "failed" and failed.attempts == 1 and failed.error
    assert [m.id for m in list_messages(store, status="failed")] == [mid]

    monkeypatch.setenv("LAZOS_SMTP_PORT", str(mailbox.port))
    assert smtp.send_message(store, mid).status == "sent"
    assert smtp.send_message(store, mid).status == "already_sent"
    assert len(mailbox.received) == 1
    assert get_message(store, mid).error is None


def test_refused_login_is_recorded_with_the_settings_to_check(store: Store, net: Net,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    class Handler:
        received = 0

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            Handler.received += 1
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, auth_require_tls=False,
                            authenticator=lambda *a: AuthResult(success=False, handled=False))
    controller.start()
    try:
        monkeypatch.setenv("LAZOS_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("LAZOS_SMTP_PORT", str(port))
        monkeypatch.setenv("LAZOS_SMTP_TLS", "none")
        monkeypatch.setenv("LAZOS_SMTP_USER", "ana")
        monkeypatch.setenv("LAZOS_SMTP_PASSWORD", "wrong")
        monkeypatch.setenv("LAZOS_FROM", "ana@example.org")
        mid = _intro_email(store, net)
        result = smtp.send_message(store, mid)
    finally:
        controller.stop()
    assert result.status == "failed"
    assert "refused the login" in result.detail and "LAZOS_SMTP_PASSWORD" in result.detail
    assert Handler.received == 0
    assert get_message(store, mid).status == "failed"


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP server that accepts connections and never says a word."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(5)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(sock.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield int(sock.getsockname()[1])
    finally:
        stop.set()
        thread.join()
        for c in held:
            c.close()
        sock.close()


def test_timeout_leaves_it_failed_and_retryable(store: Store, net: Net, mailbox: Mailbox,
                                                silent_server: int,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    mid = _intro_email(store, net)
    monkeypatch.setenv("LAZOS_SMTP_PORT", str(silent_server))
    monkeypatch.setenv("LAZOS_SMTP_TIMEOUT", "1")
    result = smtp.send_message(store, mid)
    assert result.status == "failed" and "did not answer within 1 s" in result.detail
    monkeypatch.setenv("LAZOS_SMTP_PORT", str(mailbox.port))
    results = smtp.send_all(store)          # the retry, and Lucía's Spanish copy
    assert [r.status for r in results] == ["sent", "sent"] and mid in [r.message_id for r in results]
    assert sorted(m["To"] for m in mailbox.received) == ["bob@example.com", "lucia@example.es"]
    assert smtp.send_all(store) == []


def test_crash_after_delivery_never_sends_twice_on_its_own(store: Store, net: Net,
                                                           mailbox: Mailbox,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    mid = _intro_email(store, net)

    def crash(*args: Any) -> None:
        raise KeyboardInterrupt   # killed right after the server accepted the message

    monkeypatch.setattr(smtp, "log_on_people", crash)
    with pytest.raises(KeyboardInterrupt):
        smtp.send_message(store, mid)
    monkeypatch.undo()
    monkeypatch.setenv("LAZOS_SMTP_HOST", mailbox.host)
    monkeypatch.setenv("LAZOS_SMTP_PORT", str(mailbox.port))
    monkeypatch.setenv("LAZOS_SMTP_TLS", "none")
    monkeypatch.setenv("LAZOS_FROM", "ana@example.org")
    assert len(mailbox.received) == 1
    assert get_message(store, mid).status == "sending"

    again = smtp.send_message(store, mid)
    assert again.status == "uncertain" and "--resend" in again.detail
    assert [r.status for r in smtp.send_all(store) if r.message_id == mid] == ["uncertain"]
    to_bob = lambda: [m for m in mailbox.received if m["To"] == "bob@example.com"]  # noqa: E731
    assert len(to_bob()) == 1

    assert smtp.send_message(store, mid, resend=True).status == "sent"
    assert len(to_bob()) == 2
    assert to_bob()[0]["Message-ID"] == to_bob()[1]["Message-ID"]


def test_interrupted_send_can_be_marked_sent_by_hand(store: Store, net: Net, mailbox: Mailbox,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    mid = _intro_email(store, net)
    monkeypatch.setattr(smtp, "deliver", lambda *a: (_ for _ in ()).throw(SystemExit(1)))
    with pytest.raises(SystemExit):
        smtp.send_message(store, mid)
    from lazos.errors import ConflictError

    with pytest.raises(ConflictError, match="--force"):
        mark_sent(store, mid)
    assert mark_sent(store, mid, force=True).status == "sent"
    monkeypatch.undo()
    assert mailbox.received == []
