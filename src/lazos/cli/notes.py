"""``lazos note PERSON TEXT``: record what happened with a person."""

from __future__ import annotations

from typing import Annotated

import typer

from lazos.cli.common import h, network

Json = Annotated[bool, typer.Option("--json", help=h("Print JSON.", "Imprime JSON."))]


def note_cmd(
    person: Annotated[str, typer.Argument(help=h("Id, email or (part of the) name.", "Id, correo o (parte del) nombre."))],
    text: Annotated[str | None, typer.Argument(help=h(
        "What happened, what they said. Leave it out to review what is still waiting from earlier notes.",
        "Qué pasó, qué te contó. Sin texto, revisas lo que quedó pendiente de notas anteriores."))] = None,
    kind: Annotated[str, typer.Option(help=h("note, meeting, lunch, dinner, coffee, call, email, event, message.", "note, meeting, lunch, dinner, coffee, call, email, event, message."))] = "note",
    date: Annotated[str | None, typer.Option(help=h("When (YYYY-MM-DD, default today).", "Cuándo (AAAA-MM-DD, por defecto hoy)."))] = None,
    event: Annotated[str | None, typer.Option(help=h("Event this happened at.", "Evento donde ocurrió."))] = None,
    accept: Annotated[bool, typer.Option("--accept", help=h(
        "Accept everything Lazos noticed (needs, offers, follow-ups, people) without asking.",
        "Acepta todo lo que Lazos ha visto (necesidades, ofertas, seguimientos, personas) sin preguntar."))] = False,
    as_json: Json = False,
) -> None:
    """Record a note, show what Lazos noticed in it, and ask accept/edit/reject per item."""
    from lazos.cli import proposals as ui

    with network() as store:
        if text is None:
            ui.pending(store, person, accept=accept, as_json=as_json)
            return
        ui.capture_and_review(store, person=person, text=text, kind=kind, happened_on=date,
                              event=event, accept=accept, json_out=as_json)


def register(app: typer.Typer) -> None:
    app.command("note", help=h(
        "Record a note about a person; Lazos proposes the needs, offers and promises it notices.",
        "Guarda una nota sobre una persona; Lazos propone las necesidades, ofertas y compromisos "
        "que detecta."))(note_cmd)
