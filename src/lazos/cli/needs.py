"""``lazos need ...`` and ``lazos offer ...``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from lazos.cli.common import console, h, network, plain, print_json, read, say
from lazos.model import Need, NeedStatus

if TYPE_CHECKING:
    from lazos.store import Store

need_app = typer.Typer(help=h("Record and manage needs.", "Anota y gestiona necesidades."),
                       no_args_is_help=True)
offer_app = typer.Typer(help=h("Record and manage offers (what people can solve).",
                               "Anota y gestiona ofertas (lo que cada persona puede resolver)."),
                        no_args_is_help=True)

Json = Annotated[bool, typer.Option("--json", help=h("Print JSON.", "Imprime JSON."))]
PersonRef = Annotated[str, typer.Argument(help=h("Id, email or (part of the) name.",
                                                 "Id, correo o (parte del) nombre."))]
NeedId = Annotated[int, typer.Argument(help=h("Need id.", "Id de la necesidad."))]
Private = Annotated[bool | None, typer.Option("--private/--shareable", help=h(
    "Private needs never appear in messages to others without consent (default: private for "
    "health, legal, money, family, immigration topics).",
    "Las necesidades privadas nunca aparecen en mensajes a otros sin consentimiento (por "
    "defecto: privadas si el tema es salud, legal, dinero, familia o inmigración)."))]
Topic = Annotated[str | None, typer.Option(help=h("Topic, e.g. health, legal, money, family.",
                                                  "Tema, p. ej. health, legal, money, family."))]


def _print_need(need: Need, as_json: bool, en: str, es: str) -> None:
    if as_json:
        print_json(need)
    else:
        say(en, es, id=need.id, text=need.text, status=need.status.value)


@need_app.command("add", help=h("Record a need of a person, in their words.",
                                "Anota una necesidad de una persona, con sus palabras."))
def need_add(person: PersonRef,
             text: Annotated[str, typer.Argument(help=h("The need, in their words.", "La necesidad, con sus palabras."))],
             topic: Topic = None, private: Private = None,
             lang: Annotated[str | None, typer.Option(help=h("es or en (detected if omitted).", "es o en (se detecta si se omite)."))] = None,
             as_json: Json = False) -> None:
    from lazos.services.needs import add_need

    with network() as store:
        need = add_need(store, person=person, text=text, lang=lang, topic=topic, private=private)
    _print_need(need, as_json, "Need #{id} recorded: {text}", "Necesidad #{id} anotada: {text}")


@need_app.command("list", help=h("List needs (open ones unless --status or --all).",
                                 "Lista necesidades (abiertas salvo --status o --all)."))
def need_list(person: Annotated[str | None, typer.Argument(help=h("Only this person's.", "Solo las de esta persona."))] = None,
              status: Annotated[str | None, typer.Option(help="open, in_progress, solved, dropped")] = None,
              all_: Annotated[bool, typer.Option("--all", help=h("Include solved and dropped.", "Incluye resueltas y descartadas."))] = False,
              as_json: Json = False) -> None:
    if status is not None and status not in {s.value for s in NeedStatus}:
        from lazos.errors import field_error

        raise field_error("--status", "{field} must be one of open, in_progress, solved, dropped.",
                          "{field} debe ser open, in_progress, solved o dropped.")

    def orm(store: Store) -> tuple[list[Need], dict[int, str]]:
        from lazos.services.needs import list_needs
        from lazos.services.people import list_people

        return (list_needs(store, person=person, status=status, include_closed=all_),
                {p.id: p.name for p in list_people(store)})

    needs, names = read(lambda reader: (reader.list_needs(person=person, status=status,
                                                          include_closed=all_),
                                        reader.names()), orm)
    if as_json:
        print_json(needs)
        return
    table = Table("#", h("person", "persona"), h("status", "estado"), h("need", "necesidad"), box=None)
    for n in needs:
        lock = "🔒 " if not n.shareable else ""
        table.add_row(str(n.id), plain(names.get(n.person_id)), n.status.value, lock + plain(n.text))
    console.print(table)


@need_app.command("edit", help=h("Change a need's text, topic or privacy.",
                                 "Cambia el texto, el tema o la privacidad de una necesidad."))
def need_edit(need_id: NeedId,
              text: Annotated[str | None, typer.Option(help=h("New text.", "Texto nuevo."))] = None,
              topic: Topic = None, private: Private = None, as_json: Json = False) -> None:
    from lazos.services.needs import update_need

    with network() as store:
        need = update_need(store, need_id, text=text, topic=topic, private=private)
    _print_need(need, as_json, "Need #{id} updated.", "Necesidad #{id} actualizada.")


def _status_command(name: str, status: NeedStatus, en_help: str, es_help: str) -> None:
    @need_app.command(name, help=h(en_help, es_help))
    def change(need_id: NeedId, as_json: Json = False) -> None:
        from lazos.services.needs import set_need_status

        with network() as store:
            need = set_need_status(store, need_id, status)
        _print_need(need, as_json, "Need #{id} is now {status}.", "La necesidad #{id} está ahora {status}.")


_status_command("solve", NeedStatus.SOLVED, "Mark a need as solved.", "Marca una necesidad como resuelta.")
_status_command("drop", NeedStatus.DROPPED, "Drop a need (no longer relevant).", "Descarta una necesidad (ya no aplica).")
_status_command("reopen", NeedStatus.OPEN, "Reopen a solved or dropped need.", "Reabre una necesidad resuelta o descartada.")
_status_command("progress", NeedStatus.IN_PROGRESS, "Mark a need as in progress.", "Marca una necesidad como en curso.")


@need_app.command("consent", help=h("Record that the owner agreed to share this need (dated).",
                                    "Registra (con fecha) que la persona acepta compartir esta necesidad."))
def need_consent(need_id: NeedId,
                 withdraw: Annotated[bool, typer.Option("--withdraw", help=h("Withdraw consent.", "Retira el consentimiento."))] = False,
                 as_json: Json = False) -> None:
    from lazos.services.needs import record_consent

    with network() as store:
        need = record_consent(store, need_id, agreed=not withdraw)
    if withdraw:
        _print_need(need, as_json, "Consent withdrawn for need #{id}.", "Consentimiento retirado para la necesidad #{id}.")
    else:
        _print_need(need, as_json, "Consent recorded for need #{id}.", "Consentimiento registrado para la necesidad #{id}.")


@need_app.command("remove", help=h("Delete a need (asks to confirm).", "Borra una necesidad (pide confirmación)."))
def need_remove(need_id: NeedId,
                yes: Annotated[bool, typer.Option("--yes", "-y", help=h("Do not ask.", "No preguntar."))] = False) -> None:
    from lazos.services.needs import get_need, remove_need

    with network() as store:
        need = get_need(store, need_id)
        if not yes and not typer.confirm(h(f"Delete need #{need.id}: {need.text[:80]}?",
                                           f"¿Borrar la necesidad #{need.id}: {need.text[:80]}?")):
            say("Nothing removed.", "No se ha borrado nada.")
            raise typer.Exit(1)
        remove_need(store, need_id)
    say("Need #{id} deleted.", "Necesidad #{id} borrada.", id=need_id)


@offer_app.command("add", help=h("Record what a person can solve or has (in plain words).",
                                 "Anota lo que una persona puede resolver o tiene (con palabras sencillas)."))
def offer_add(person: PersonRef,
              text: Annotated[str, typer.Argument(help=h("What they offer.", "Lo que ofrece."))],
              as_json: Json = False) -> None:
    from lazos.services.needs import add_offer

    with network() as store:
        offer = add_offer(store, person=person, text=text)
    if as_json:
        print_json(offer)
    else:
        say("Offer #{id} recorded: {text}", "Oferta #{id} anotada: {text}", id=offer.id, text=offer.text)


@offer_app.command("list", help=h("List offers.", "Lista ofertas."))
def offer_list(person: Annotated[str | None, typer.Argument(help=h("Only this person's.", "Solo las de esta persona."))] = None,
               as_json: Json = False) -> None:
    from lazos.services.needs import list_offers
    from lazos.services.people import list_people

    with network() as store:
        offers = list_offers(store, person=person)
        names = {p.id: p.name for p in list_people(store)}
    if as_json:
        print_json(offers)
        return
    table = Table("#", h("person", "persona"), h("offer", "oferta"), box=None)
    for o in offers:
        table.add_row(str(o.id), plain(names.get(o.person_id)), plain(o.text))
    console.print(table)


@offer_app.command("edit", help=h("Change an offer's text.", "Cambia el texto de una oferta."))
def offer_edit(offer_id: Annotated[int, typer.Argument(help=h("Offer id.", "Id de la oferta."))],
               text: Annotated[str, typer.Argument(help=h("New text.", "Texto nuevo."))],
               as_json: Json = False) -> None:
    from lazos.services.needs import update_offer

    with network() as store:
        offer = update_offer(store, offer_id, text=text)
    if as_json:
        print_json(offer)
    else:
        say("Offer #{id} updated.", "Oferta #{id} actualizada.", id=offer.id)


@offer_app.command("remove", help=h("Delete an offer (asks to confirm).", "Borra una oferta (pide confirmación)."))
def offer_remove(offer_id: Annotated[int, typer.Argument(help=h("Offer id.", "Id de la oferta."))],
                 yes: Annotated[bool, typer.Option("--yes", "-y", help=h("Do not ask.", "No preguntar."))] = False) -> None:
    from lazos.services.needs import remove_offer

    if not yes and not typer.confirm(h(f"Delete offer #{offer_id}?", f"¿Borrar la oferta #{offer_id}?")):
        say("Nothing removed.", "No se ha borrado nada.")
        raise typer.Exit(1)
    with network() as store:
        remove_offer(store, offer_id)
    say("Offer #{id} deleted.", "Oferta #{id} borrada.", id=offer_id)


def register(app: typer.Typer) -> None:
    app.add_typer(need_app, name="need")
    app.add_typer(offer_app, name="offer")
