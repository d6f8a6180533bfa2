"""``lazos note PERSON TEXT``: record what happened with a person."""

from __future__ import annotations

from typing import Annotated

import typer

from lazos.cli.common import h, network, print_json, say

Json = Annotated[bool, typer.Option("--json", help=h("Print JSON.", "Imprime JSON."))]


def note_cmd(
    person: Annotated[str, typer.Argument(help=h("Id, email or (part of the) name.", "Id, correo o (parte del) nombre."))],
    text: Annotated[str, typer.Argument(help=h("What happened, what they said.", "Qué pasó, qué te contó."))],
    kind: Annotated[str, typer.Option(help=h("note, meeting, lunch, dinner, coffee, call, email, event, message.", "note, meeting, lunch, dinner, coffee, call, email, event, message."))] = "note",
    date: Annotated[str | None, typer.Option(help=h("When (YYYY-MM-DD, default today).", "Cuándo (AAAA-MM-DD, por defecto hoy)."))] = None,
    event: Annotated[str | None, typer.Option(help=h("Event this happened at.", "Evento donde ocurrió."))] = None,
    as_json: Json = False,
) -> None:
    from lazos.services.notes import add_note

    with network() as store:
        note = add_note(store, person=person, text=text, kind=kind, happened_on=date, event=event)
    if as_json:
        print_json(note)
    else:
        say("Note #{id} recorded.", "Nota #{id} guardada.", id=note.id)


def register(app: typer.Typer) -> None:
    app.command("note", help=h("Record a note or interaction with a person.",
                               "Guarda una nota o interacción con una persona."))(note_cmd)
