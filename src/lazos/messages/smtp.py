"""Sending an outbox message by SMTP, exactly once.

Why the dance with states (see :mod:`lazos.messages.outbox`): a message must never reach
someone twice, even when Lazos is killed halfway. So:

1. Claim the message: ``draft|failed → sending`` in its own committed transaction, with a
   conditional UPDATE, so two senders can never both claim it.
2. Talk to the server. Any refusal (server down, login refused, timeout, recipients
   refused) moves it to ``failed`` with the reason; it can be retried.
3. On success move it to ``sent`` and log it on the people it concerns.

If the process dies between 1 and 3 the message stays ``sending``: Lazos will not send it
again on its own (it may have gone out). The user checks their Sent folder and either
marks it sent or re-sends it on purpose (``--resend``), with the same Message-ID so that
mail programs treat both copies as one message.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from sqlalchemy import update

from lazos import validate
from lazos.clock import utcnow
from lazos.config import Settings, SmtpSettings, load_settings
from lazos.connect.types import OutboxMessage, SendResult
from lazos.errors import ConflictError, ValidationError, field_error
from lazos.i18n import Msg, msg
from lazos.messages.outbox import log_on_people, split_addresses, to_message
from lazos.store import Store
from lazos.store.lookup import get_row
from lazos.store.schema import MessageRow


def build_email(m: OutboxMessage, *, sender: str, sender_name: str = "") -> EmailMessage:
    """The MIME message for ``m``: plain text, then its attachments (vCards, invitation)."""
    email = EmailMessage()
    email["From"] = formataddr((sender_name, sender)) if sender_name else sender
    email["To"] = ", ".join(m.to)
    email["Subject"] = m.subject
    email["Message-ID"] = m.message_id or ""
    from datetime import UTC

    email["Date"] = format_datetime(utcnow().replace(tzinfo=UTC))
    if m.lang:
        email["Content-Language"] = m.lang
    email.set_content(m.body)
    for a in m.attachments:
        maintype, _, rest = a.content_type.partition("/")
        subtype, *params = [x.strip() for x in rest.split(";")]
        extra = dict(p.split("=", 1) for p in params if "=" in p)
        email.add_attachment(a.content, subtype=subtype, filename=a.filename, params=extra)
    return email


def _reason(exc: BaseException, smtp: SmtpSettings) -> Msg:
    where = f"{smtp.host}:{smtp.port}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return msg("The SMTP server {where} refused the login for {user!r} ({code}): check "
                   "LAZOS_SMTP_USER and LAZOS_SMTP_PASSWORD.",
                   "El servidor SMTP {where} rechazó el acceso de {user!r} ({code}): revisa "
                   "LAZOS_SMTP_USER y LAZOS_SMTP_PASSWORD.",
                   where=where, user=smtp.user or "", code=exc.smtp_code)
    timed_out = isinstance(exc, smtplib.SMTPServerDisconnected) and "timed out" in str(exc)
    if timed_out or isinstance(exc, TimeoutError | socket.timeout):
        return msg("The SMTP server {where} did not answer within {s:g} s: try again later or "
                   "raise LAZOS_SMTP_TIMEOUT.",
                   "El servidor SMTP {where} no respondió en {s:g} s: vuelve a intentarlo más "
                   "tarde o sube LAZOS_SMTP_TIMEOUT.", where=where, s=smtp.timeout)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        refused = ", ".join(exc.recipients)
        return msg("The SMTP server refused the recipients {who}: check the addresses "
                   "(lazos outbox edit ID --to ...).",
                   "El servidor SMTP rechazó a los destinatarios {who}: revisa las direcciones "
                   "(lazos outbox edit ID --to ...).", who=refused)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return msg("The SMTP server {where} does not support what LAZOS_SMTP_TLS/LAZOS_SMTP_USER "
                   "ask for ({detail}): check those settings.",
                   "El servidor SMTP {where} no admite lo que piden LAZOS_SMTP_TLS/LAZOS_SMTP_USER "
                   "({detail}): revisa esos ajustes.", where=where, detail=str(exc))
    if isinstance(exc, smtplib.SMTPException):
        return msg("The SMTP server {where} refused the message: {detail}",
                   "El servidor SMTP {where} rechazó el mensaje: {detail}",
                   where=where, detail=str(exc) or type(exc).__name__)
    if isinstance(exc, OSError):
        return msg("Cannot reach the SMTP server {where} ({detail}): is it running, and are "
                   "LAZOS_SMTP_HOST and LAZOS_SMTP_PORT right?",
                   "No se puede contactar con el servidor SMTP {where} ({detail}): ¿está en "
                   "marcha, y son correctos LAZOS_SMTP_HOST y LAZOS_SMTP_PORT?",
                   where=where, detail=exc.strerror or str(exc) or type(exc).__name__)
    return msg("Sending failed: {detail}", "El envío falló: {detail}",
               detail=f"{type(exc).__name__}: {exc}")


def encode_error(m: Msg) -> str:
    from lazos.messages.render import store_text

    return store_text(m) or ""


def deliver(email: EmailMessage, smtp: SmtpSettings) -> dict[str, tuple[int, bytes]]:
    """Hand ``email`` to the SMTP server; returns the recipients it refused (if some got it)."""
    client: smtplib.SMTP
    if smtp.tls == "ssl":
        client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout,
                                  context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    with client:
        if smtp.tls == "starttls":
            client.starttls(context=ssl.create_default_context())
        if smtp.user:
            client.login(smtp.user, smtp.password or "")
        return client.send_message(email)


def _check_sendable(row: MessageRow, settings: Settings) -> None:
    if row.status == "cancelled":
        raise ConflictError(msg("Message {id} was discarded; it will not be sent.",
                                "El mensaje {id} se descartó; no se enviará.", id=row.id),
                            field="message")
    if row.channel != "email":
        raise ConflictError(msg(
            "Message {id} is a {channel} note: copy it into {channel} yourself, then run "
            "'lazos outbox done {id}'.",
            "El mensaje {id} es una nota de {channel}: cópiala tú en {channel} y luego ejecuta "
            "'lazos outbox done {id}'.", id=row.id, channel=row.channel), field="message")
    if not split_addresses(row.to_address):
        raise ConflictError(msg(
            "Message {id} has no recipient address: add one (lazos outbox edit {id} --to "
            "name@example.com), or copy the text (lazos outbox show {id}) and send it yourself.",
            "El mensaje {id} no tiene dirección de destino: añade una (lazos outbox edit {id} "
            "--to nombre@ejemplo.com), o copia el texto (lazos outbox show {id}) y envíalo tú.",
            id=row.id), field="to")
    if settings.smtp is None:
        raise ValidationError(msg(
            "Sending needs an SMTP server: set LAZOS_SMTP_HOST (and LAZOS_SMTP_PORT, "
            "LAZOS_SMTP_USER, LAZOS_SMTP_PASSWORD, LAZOS_FROM). Without one, open the mailto: "
            "link from 'lazos outbox show {id}' and then run 'lazos outbox done {id}'.",
            "Para enviar hace falta un servidor SMTP: define LAZOS_SMTP_HOST (y LAZOS_SMTP_PORT, "
            "LAZOS_SMTP_USER, LAZOS_SMTP_PASSWORD, LAZOS_FROM). Sin él, abre el enlace mailto: "
            "de 'lazos outbox show {id}' y luego ejecuta 'lazos outbox done {id}'.", id=row.id),
            field="LAZOS_SMTP_HOST")
    if not settings.sender:
        raise ValidationError(msg(
            "Set LAZOS_FROM to your own email address: messages are sent from it.",
            "Define LAZOS_FROM con tu dirección de correo: los mensajes salen de ella."),
            field="LAZOS_FROM")
    validate.email(settings.sender, field="LAZOS_FROM")
    if not settings.smtp.timeout > 0:
        raise field_error("LAZOS_SMTP_TIMEOUT", "{field} must be a number of seconds above 0 "
                          "(got {value:g}), e.g. 20.",
                          "{field} debe ser un número de segundos mayor que 0 (recibido "
                          "{value:g}), p. ej. 20.", value=settings.smtp.timeout)


def send_message(store: Store, message_id: int, *, resend: bool = False,
                 settings: Settings | None = None) -> SendResult:
    """Send one outbox message by SMTP, at most once (see the module docstring).

    Returns a SendResult: ``sent``, ``failed`` (reason in ``detail``; retry later),
    ``already_sent`` or ``uncertain`` (an earlier send was interrupted: use ``resend``).
    Raises ConflictError/ValidationError when the message cannot be sent at all (a LinkedIn
    note, no address, no SMTP settings).
    """
    settings = settings or load_settings()
    with store.transaction() as session:
        row = get_row(session, MessageRow, message_id, label="message")
        if row.status == "sent":
            return SendResult(row.id, "already_sent", str(row.sent_at or ""))
        _check_sendable(row, settings)
        if row.status == "sending" and not resend:
            return SendResult(row.id, "uncertain", msg(
                "An earlier send of message {id} was interrupted: it may have gone out. Check "
                "your Sent folder, then run 'lazos outbox done {id} --force' if it did, or "
                "'lazos outbox send {id} --resend' to send it again.",
                "Un envío anterior del mensaje {id} se interrumpió: puede que saliera. Mira tu "
                "carpeta de enviados y ejecuta 'lazos outbox done {id} --force' si salió, o "
                "'lazos outbox send {id} --resend' para enviarlo otra vez.", id=row.id).render())
        claimable = ("draft", "failed", "sending") if resend else ("draft", "failed")
        claimed = session.execute(
            update(MessageRow).where(MessageRow.id == row.id, MessageRow.status.in_(claimable))
            .values(status="sending", attempts=MessageRow.attempts + 1, updated_at=utcnow())
            .execution_options(synchronize_session=False))
        if getattr(claimed, "rowcount", 1) != 1:
            return SendResult(row.id, "skipped", "claimed by another sender")
        session.refresh(row)
        outgoing = to_message(row)
    assert settings.smtp is not None and settings.sender is not None
    email = build_email(outgoing, sender=settings.sender, sender_name=settings.user_name)
    try:
        refused = deliver(email, settings.smtp)
    except Exception as exc:  # noqa: BLE001 - every failure is recorded and retryable
        reason = _reason(exc, settings.smtp)
        with store.transaction() as session:
            row = get_row(session, MessageRow, message_id, label="message")
            row.status = "failed"
            row.error = encode_error(reason)
            row.updated_at = utcnow()
        return SendResult(message_id, "failed", reason.render())
    with store.transaction() as session:
        row = get_row(session, MessageRow, message_id, label="message")
        row.status = "sent"
        row.sent_at = utcnow()
        row.updated_at = utcnow()
        row.error = encode_error(msg("Refused recipients: {who}", "Destinatarios rechazados: {who}",
                                     who=", ".join(refused))) if refused else None
        log_on_people(session, row)
    return SendResult(message_id, "sent", ", ".join(outgoing.to))


def send_all(store: Store, *, settings: Settings | None = None) -> list[SendResult]:
    """Send every email draft (and retry failed ones) that has an address."""
    from lazos.messages.outbox import list_messages

    results = []
    for m in list_messages(store):
        if m.channel != "email" or not m.to:
            continue
        results.append(send_message(store, m.id, settings=settings))
    return results
