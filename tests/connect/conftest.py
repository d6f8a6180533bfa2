"""Fixtures for the connect tests: a small network and a real SMTP server on loopback."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest

from lazos.model import Need, Person
from lazos.services.needs import add_need, add_offer
from lazos.services.people import add_person
from lazos.store import Store


@dataclass
class Net:
    lucia: Person       # Spanish speaker with a need
    bob: Person         # English-speaking plumber
    marta: Person       # Spanish-speaking lawyer
    carla: Person       # no email address
    roof: Need          # Lucía's roof leak (normal)
    visa: Need          # Lucía's immigration need (private)


@pytest.fixture
def net(store: Store) -> Net:
    lucia = add_person(store, name="Lucía Fernández", emails=["lucia@example.es"],
                       phones=["+34 600 111 222"], languages=["es"], company="Panadería Sol",
                       city="Madrid")
    bob = add_person(store, name="Bob Smith", emails=["bob@example.com"], languages=["en"],
                     company="Smith Plumbing", role="Plumber",
                     linkedin_url="https://www.linkedin.com/in/bobsmith")
    marta = add_person(store, name="Marta López", emails=["marta@example.es"], languages=["es"],
                       role="Abogada de extranjería")
    carla = add_person(store, name="Carla Ruiz", languages=["es"], role="Fontanera")
    add_offer(store, person=bob.id, text="Fixes leaking roofs and pipes", lang="en")
    roof = add_need(store, person=lucia.id, text="Arreglar una gotera en el tejado", lang="es")
    visa = add_need(store, person=lucia.id, text="Renovar el permiso de residencia de su madre",
                    lang="es", topic="immigration")
    return Net(lucia, bob, marta, carla, roof, visa)


@dataclass
class Mailbox:
    host: str
    port: int
    received: list[EmailMessage] = field(default_factory=list)
    envelopes: list[Any] = field(default_factory=list)


class _Collector:
    def __init__(self, box: Mailbox) -> None:
        self.box = box

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.box.envelopes.append(envelope)
        parsed = message_from_bytes(envelope.original_content or envelope.content,
                                    policy=policy.default)
        self.box.received.append(parsed)  # type: ignore[arg-type]
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def mailbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Mailbox]:
    """A real aiosmtpd server on 127.0.0.1; LAZOS_SMTP_* point at it."""
    from aiosmtpd.controller import Controller

    box = Mailbox("127.0.0.1", free_port())
    controller = Controller(_Collector(box), hostname=box.host, port=box.port)
    controller.start()
    monkeypatch.setenv("LAZOS_SMTP_HOST", box.host)
    monkeypatch.setenv("LAZOS_SMTP_PORT", str(box.port))
    monkeypatch.setenv("LAZOS_SMTP_TLS", "none")
    monkeypatch.setenv("LAZOS_SMTP_TIMEOUT", "5")
    monkeypatch.setenv("LAZOS_FROM", "ana@example.org")
    monkeypatch.setenv("LAZOS_USER_NAME", "Ana García")
    try:
        yield box
    finally:
        controller.stop()
