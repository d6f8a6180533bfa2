"""``lazos event add/attend/list/show``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from lazos.cli.common import console, h, network, plain, print_json, say

event_app = typer.Typer(help=h("Networking events and who attended.",
                               "Eventos de networking y quién asistió."), no_args_is_help=True)

Json = Annotated[bool, typer.Option("--json", help=h("Print JSON.", "Imprime JSON."))]
EventRef = Annotated[str, typer.Argument(help=h("Event id or name.", "Id o nombre del evento."))]


@event_app.command("add", help=h("Record an event.", "Anota un evento."))
def event_add(name: Annotated[str, typer.Argument(help=h("Event name.", "Nombre del evento."))],
              date: Annotated[str | None, typer.Option(help=h("YYYY-MM-DD (default today).", "AAAA-MM-DD (por defecto hoy)."))] = None,
              place: Annotated[str | None, typer.Option(help=h("Where.", "Dónde."))] = None,
              kind: Annotated[str | None, typer.Option(help=h("mixer, referral group, meetup...", "afterwork, grupo de referidos, meetup..."))] = None,
              as_json: Json = False) -> None:
    from lazos.services.notes import add_event

    with network() as store:
        ev = add_event(store, name=name, happened_on=date, place=place, kind=kind)
    if as_json:
        print_json(ev)
    else:
        say("Event #{id} recorded: {name}", "Evento #{id} anotado: {name}", id=ev.id, name=ev.name)


@event_app.command("attend", help=h("Mark people as attendees of an event.", "Marca personas como asistentes de un evento."))
def event_attend(event: EventRef,
                 people: Annotated[list[str], typer.Argument(help=h("People (id, email or name).", "Personas (id, correo o nombre)."))],
                 as_json: Json = False) -> None:
    from lazos.services.notes import attend

    with network() as store:
        ev = attend(store, event=event, people=list(people))
    if as_json:
        print_json(ev)
    else:
        say("{name}: {n} attendees.", "{name}: {n} asistentes.", name=ev.name, n=len(ev.attendee_ids))


@event_app.command("list", help=h("List events.", "Lista los eventos."))
def event_list(as_json: Json = False) -> None:
    from lazos.services.notes import list_events

    with network() as store:
        events = list_events(store)
    if as_json:
        print_json(events)
        return
    table = Table("#", h("date", "fecha"), h("event", "evento"), h("place", "lugar"),
                  h("attendees", "asistentes"), box=None)
    for e in events:
        table.add_row(str(e.id), str(e.happened_on or ""), plain(e.name), plain(e.place),
                      str(len(e.attendee_ids)))
    console.print(table)


@event_app.command("show", help=h("An event and its attendees.", "Un evento y sus asistentes."))
def event_show(event: EventRef, as_json: Json = False) -> None:
    from lazos.services.notes import get_event
    from lazos.services.people import list_people

    with network() as store:
        ev = get_event(store, event)
        people = list_people(store, event=str(ev.id))
    if as_json:
        print_json({"event": ev, "attendees": people})
        return
    console.print(f"[bold]{plain(ev.name)}[/] #{ev.id} {ev.happened_on or ''} {plain(ev.place or '')}")
    for p in people:
        console.print(f"  {p.id}: {plain(p.name)}" + (f" ({plain(p.company)})" if p.company else ""))


def register(app: typer.Typer) -> None:
    app.add_typer(event_app, name="event")
