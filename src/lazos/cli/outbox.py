"""``lazos outbox``: every message is a draft until the user sends it (never twice).

Thin: each command calls one function of :mod:`lazos.messages.outbox` and prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from lazos.cli.common import console, h, network, plain, print_json, say

if TYPE_CHECKING:
    from lazos.connect.types import OutboxMessage, SendResult

Json = Annotated[bool, typer.Option("--json", help=h("Print JSON.", "Imprime JSON."))]

outbox_app = typer.Typer(help=h(
    "Messages waiting to be sent: list, show, edit, send, retry.",
    "Mensajes pendientes de enviar: listar, ver, editar, enviar, reintentar."))


def _print_message(m: OutboxMessage) -> None:
    to = ", ".join(m.to) or h("(no address: copy the text, or add one with --to)",
                              "(sin dirección: copia el texto o añade una con --to)")
    console.print(f"[bold]#{m.id}[/] {m.kind} · {m.channel} · {m.lang or ''} · [bold]{m.status}[/]")
    console.print(f"{h('To', 'Para')}: {plain(to)}")
    if m.subject:
        console.print(f"{h('Subject', 'Asunto')}: {plain(m.subject)}")
    if m.error:
        console.print(f"[red]{h('Failed', 'Falló')}:[/] {plain(m.error)}")
    console.print()
    console.print(plain(m.body))
    for a in m.attachments:
        console.print(f"📎 {plain(a.filename)} ({a.content_type.split(';')[0]})")
    if m.link:
        console.print(f"→ {plain(m.link)}")


AllOpt = Annotated[bool, typer.Option("--all", help=h("Include sent and discarded.",
                                                      "Incluye enviados y descartados."))]
StatusOpt = Annotated[str | None, typer.Option(help=h(
    "draft, sending, sent, failed, cancelled.", "draft, sending, sent, failed, cancelled."))]


@outbox_app.callback(invoke_without_command=True)
def outbox_main(ctx: typer.Context, all_: AllOpt = False, status: StatusOpt = None,
                as_json: Json = False) -> None:
    if ctx.invoked_subcommand is None:
        outbox_list(all_=all_, status=status, as_json=as_json)


@outbox_app.command("list", help=h("List messages waiting to be sent (drafts and failed).",
                                   "Lista los mensajes pendientes (borradores y fallidos)."))
def outbox_list(all_: AllOpt = False, status: StatusOpt = None, as_json: Json = False) -> None:
    from lazos.messages.outbox import list_messages

    with network() as store:
        found = list_messages(store, status=status, include_done=all_)
    if as_json:
        print_json(found)
        return
    if not found:
        say("The outbox is empty.", "La bandeja de salida está vacía.")
    for m in found:
        to = ", ".join(m.to) or "—"
        err = f" [red]{plain(m.error)}[/]" if m.error and m.status == "failed" else ""
        console.print(f"#{m.id} {plain('[' + m.status + ']')} {m.channel} {plain(to)}: "
                      f"{plain(m.subject or m.body[:60])}{err}")


MessageId = Annotated[int, typer.Argument(help=h("Message id (see 'lazos outbox').", "Id del mensaje (ver 'lazos outbox')."))]


@outbox_app.command("show", help=h("Show a message; --mailto prints a mailto: link.",
                                   "Muestra un mensaje; --mailto imprime un enlace mailto:."))
def outbox_show(message_id: MessageId,
                mailto: Annotated[bool, typer.Option("--mailto", help=h("Print only the mailto: link.", "Imprime solo el enlace mailto:."))] = False,
                as_json: Json = False) -> None:
    from lazos.messages.outbox import get_message

    with network() as store:
        m = get_message(store, message_id)
    if as_json:
        print_json(m)
    elif mailto:
        if not m.mailto:
            from lazos.errors import field_error

            raise field_error("--mailto", "Message {id} is a {channel} note, not an email, so "
                              "{field} does not apply. Run 'lazos outbox show {id}', copy the text and "
                              "paste it at {link}.",
                              "El mensaje {id} es una nota de {channel}, no un correo, "
                              "así que {field} no sirve. Ejecuta 'lazos outbox show {id}', copia el texto y "
                              "pégalo en {link}.", id=m.id, channel=m.channel, link=m.link or "-")
        print(m.mailto)
    else:
        _print_message(m)
        if m.mailto:
            console.print(f"\n{h('mailto: link', 'enlace mailto:')}: lazos outbox show {m.id} --mailto")


@outbox_app.command("edit", help=h("Change a draft (no options: open it in your editor).",
                                   "Cambia un borrador (sin opciones: lo abre en tu editor)."))
def outbox_edit(message_id: MessageId,
                subject: Annotated[str | None, typer.Option(help=h("New subject.", "Nuevo asunto."))] = None,
                body: Annotated[str | None, typer.Option(help=h("New text.", "Nuevo texto."))] = None,
                to: Annotated[list[str] | None, typer.Option(help=h("Recipient address (repeat for several).", "Dirección de destino (repite para varias)."))] = None,
                as_json: Json = False) -> None:
    from lazos.messages.outbox import edit_message, get_message

    with network() as store:
        if subject is None and body is None and not to:
            current = get_message(store, message_id)
            import click

            edited = click.edit(current.body)
            if edited is None:
                say("Unchanged.", "Sin cambios.")
                return
            body = edited
        m = edit_message(store, message_id, subject=subject, body=body, to=to or None)
    if as_json:
        print_json(m)
    else:
        say("Message #{id} updated.", "Mensaje #{id} actualizado.", id=m.id)


def _print_results(results: list[SendResult]) -> int:
    failed = 0
    for r in results:
        if r.status == "sent":
            say("#{id} sent to {to}.", "#{id} enviado a {to}.", id=r.message_id, to=r.detail)
        elif r.status == "already_sent":
            say("#{id} was already sent ({when}): not sent again.",
                "#{id} ya se envió ({when}): no se envía otra vez.", id=r.message_id, when=r.detail)
        else:
            failed += 1
            console.print(f"[red]#{r.message_id} {r.status}:[/] {plain(r.detail)}")
    if failed:
        say("{n} message(s) not sent: they stay in the outbox; retry with 'lazos outbox retry ID'.",
            "{n} mensaje(s) sin enviar: siguen en la bandeja; reintenta con 'lazos outbox retry ID'.",
            n=failed)
    return failed


@outbox_app.command("send", help=h("Send messages by SMTP (never twice).",
                                   "Envía mensajes por SMTP (nunca dos veces)."))
def outbox_send(ids: Annotated[list[int] | None, typer.Argument(help=h("Message ids (none: all drafts).", "Ids de mensajes (ninguno: todos los borradores)."))] = None,
                resend: Annotated[bool, typer.Option("--resend", help=h(
                    "Send again a message whose earlier send was interrupted.",
                    "Vuelve a enviar un mensaje cuyo envío anterior se interrumpió."))] = False,
                as_json: Json = False) -> None:
    from lazos.messages.smtp import send_all, send_message

    with network() as store:
        results = ([send_message(store, i, resend=resend) for i in ids] if ids
                   else send_all(store))
    if as_json:
        print_json(results)
        bad = sum(r.status not in ("sent", "already_sent") for r in results)
    else:
        if not results:
            say("Nothing to send.", "Nada que enviar.")
        bad = _print_results(results)
    if bad:
        raise typer.Exit(1)


@outbox_app.command("retry", help=h("Retry failed messages.", "Reintenta mensajes fallidos."))
def outbox_retry(ids: Annotated[list[int] | None, typer.Argument(help=h("Message ids (none: all failed).", "Ids (ninguno: todos los fallidos)."))] = None) -> None:
    from lazos.messages.outbox import list_messages
    from lazos.messages.smtp import send_message

    with network() as store:
        targets = ids or [m.id for m in list_messages(store, status="failed")]
        results = [send_message(store, i) for i in targets]
    if not results:
        say("Nothing to retry.", "Nada que reintentar.")
    if _print_results(results):
        raise typer.Exit(1)


@outbox_app.command("done", help=h(
    "Mark a message as sent by you (mailto, LinkedIn, Xing); logs it on the people.",
    "Marca un mensaje como enviado por ti (mailto, LinkedIn, Xing); lo anota en las personas."))
def outbox_done(message_id: MessageId,
                force: Annotated[bool, typer.Option("--force", help=h("Also for an interrupted send.", "También para un envío interrumpido."))] = False) -> None:
    from lazos.messages.outbox import mark_sent

    with network() as store:
        m = mark_sent(store, message_id, force=force)
    say("#{id} marked as sent.", "#{id} marcado como enviado.", id=m.id)


@outbox_app.command("discard", help=h("Discard a draft.", "Descarta un borrador."))
def outbox_discard(message_id: MessageId) -> None:
    from lazos.messages.outbox import discard_message

    with network() as store:
        m = discard_message(store, message_id)
    say("#{id} discarded.", "#{id} descartado.", id=m.id)


def register(app: typer.Typer) -> None:
    app.add_typer(outbox_app, name="outbox")
