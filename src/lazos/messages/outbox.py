"""The outbox: every message is a draft here until the user sends it.

A message's life: draft → sending → sent, or → failed (with the reason; retryable), or
cancelled. ``sending`` is written (and committed) *before* talking to the SMTP server, so a
crash mid-send leaves a visible trace instead of a silent duplicate later (see
:mod:`lazos.messages.smtp`). The Message-ID is fixed when the draft is made, so even a
deliberate re-send is recognisable as the same message by mail clients.
"""

from __future__ import annotations

from collections.abc import Sequence
from email.utils import make_msgid
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from lazos import validate
from lazos.clock import today, utcnow
from lazos.connect.types import Attachment, OutboxMessage
from lazos.errors import ConflictError, field_error
from lazos.i18n import msg
from lazos.store import Store
from lazos.store.lookup import get_row
from lazos.store.schema import MessageRow, NoteRow

STATUSES = ("draft", "sending", "sent", "failed", "cancelled")
EDITABLE = ("draft", "failed")
CHANNELS = ("email", "linkedin", "xing")


def _domain() -> str:
    from lazos.config import load_settings

    sender = load_settings().sender or ""
    return sender.rsplit("@", 1)[1] if "@" in sender else "lazos.invalid"


def split_addresses(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split(",") if a.strip()]


def mailto_link(to: Sequence[str], subject: str, body: str) -> str:
    """A ``mailto:`` link that opens the user's mail program with the message filled in."""
    addresses = ",".join(quote(a, safe="@") for a in to)
    return f"mailto:{addresses}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def error_text(raw: str | None) -> str | None:
    """A stored failure reason in the reader's language (stored in both)."""
    from lazos.messages.render import read_text

    return read_text(raw, None)


def to_message(row: MessageRow) -> OutboxMessage:
    to = split_addresses(row.to_address)
    attachments = [Attachment(a["filename"], a["content_type"], a["content"])
                   for a in (row.attachments or [])]
    return OutboxMessage(
        id=row.id, kind=row.kind, channel=row.channel, lang=row.lang, to=to,
        subject=row.subject, body=row.body, attachments=attachments,
        person_ids=list(row.person_ids or []), introduction_id=row.introduction_id,
        status=row.status, message_id=row.message_id, error=error_text(row.error), attempts=row.attempts,
        created_at=row.created_at, sent_at=row.sent_at,
        mailto=mailto_link(to, row.subject, row.body) if row.channel == "email" else "",
        link=to[0] if row.channel != "email" and to else None)


def add_draft(session: Session, *, kind: str, lang: str, to: Sequence[str], subject: str,
              body: str, person_ids: Sequence[int], channel: str = "email",
              attachments: Sequence[Attachment] = (),
              introduction_id: int | None = None) -> MessageRow:
    """Put a new draft in the outbox (inside an open session) with its stable Message-ID."""
    now = utcnow()
    row = MessageRow(
        kind=kind, channel=channel, lang=lang, to_address=",".join(to) or None,
        subject=subject, body=body,
        attachments=[{"filename": a.filename, "content_type": a.content_type,
                      "content": a.content} for a in attachments],
        person_ids=list(person_ids), introduction_id=introduction_id, status="draft",
        message_id=make_msgid(idstring="lazos", domain=_domain()), attempts=0,
        created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    return row


def list_messages(store: Store, *, status: str | None = None,
                  include_done: bool = False) -> list[OutboxMessage]:
    """Messages, oldest first; drafts, failed and interrupted ones unless told otherwise."""
    if status is not None and status not in STATUSES:
        raise field_error("status", "{field} {value!r} is not a message state: use one of {ok}.",
                          "{field} {value!r} no es un estado de mensaje: usa uno de {ok}.",
                          value=status, ok=", ".join(STATUSES))
    with store.read() as session:
        query = select(MessageRow)
        if status:
            query = query.where(MessageRow.status == status)
        elif not include_done:
            query = query.where(MessageRow.status.in_(("draft", "sending", "failed")))
        return [to_message(r) for r in session.scalars(query.order_by(MessageRow.id)).all()]


def get_message(store: Store, message_id: int) -> OutboxMessage:
    with store.read() as session:
        return to_message(get_row(session, MessageRow, message_id, label="message"))


def _editable(row: MessageRow) -> None:
    if row.status not in EDITABLE:
        raise ConflictError(msg(
            "Message {id} is {status}: only drafts and failed messages can be changed.",
            "El mensaje {id} está {status}: solo se pueden cambiar borradores y mensajes "
            "fallidos.", id=row.id, status=row.status), field="message")


def edit_message(store: Store, message_id: int, *, subject: str | None = None,
                 body: str | None = None, to: Sequence[str] | None = None) -> OutboxMessage:
    """Change a draft (or a failed message) before sending it."""
    with store.transaction() as session:
        row = get_row(session, MessageRow, message_id, label="message")
        _editable(row)
        if subject is not None:
            row.subject = validate.text(subject, field="subject", limit=500)
        if body is not None:
            row.body = validate.text(body, field="body", limit=50_000)
        if to is not None:
            row.to_address = ",".join(validate.email(a, field="to") for a in to) or None
        row.updated_at = utcnow()
        return to_message(row)


def discard_message(store: Store, message_id: int) -> OutboxMessage:
    """Cancel a draft: it stays listed (``--all``) but is never sent."""
    with store.transaction() as session:
        row = get_row(session, MessageRow, message_id, label="message")
        _editable(row)
        row.status = "cancelled"
        row.updated_at = utcnow()
        return to_message(row)


def log_on_people(session: Session, row: MessageRow) -> None:
    """Record the sent message as an interaction on each person it concerns (this also
    resets their keep-in-touch clock)."""
    kind = "email" if row.channel == "email" else "message"
    label = {"email": "Email", "linkedin": "LinkedIn", "xing": "Xing"}.get(row.channel, row.channel)
    text = f"{label}: {row.subject}" if row.subject else f"{label}: {row.body[:200]}"
    for pid in row.person_ids or []:
        session.add(NoteRow(person_id=pid, text=text, kind=kind, lang=row.lang,
                            happened_on=today(), created_at=utcnow()))


def mark_sent(store: Store, message_id: int, *, force: bool = False) -> OutboxMessage:
    """Record that the user sent this message themselves (mailto, LinkedIn, Xing), or
    that an interrupted send did go out (``force`` for a ``sending`` message)."""
    with store.transaction() as session:
        row = get_row(session, MessageRow, message_id, label="message")
        if row.status == "sent":
            return to_message(row)
        if row.status == "cancelled" or (row.status == "sending" and not force):
            raise ConflictError(msg(
                "Message {id} is {status}; it cannot be marked as sent{hint}.",
                "El mensaje {id} está {status}; no se puede marcar como enviado{hint_es}.",
                id=row.id, status=row.status,
                hint=" without --force" if row.status == "sending" else "",
                hint_es=" sin --force" if row.status == "sending" else ""), field="message")
        row.status = "sent"
        row.sent_at = utcnow()
        row.error = None
        row.updated_at = utcnow()
        log_on_people(session, row)
        return to_message(row)
