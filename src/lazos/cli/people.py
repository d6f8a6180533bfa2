"""``lazos person add/edit/remove``, ``lazos people``, ``lazos show``, ``lazos search``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from lazos.cli.common import console, h, network, plain, print_json, read, say

if TYPE_CHECKING:
    from lazos.model import Person, PersonDetail, SearchHit
    from lazos.store import Store

person_app = typer.Typer(help=h("Add, edit or remove a person.",
                                "Añade, edita o borra una persona."), no_args_is_help=True)

Json = Annotated[bool, typer.Option("--json", help=h("Print JSON.", "Imprime JSON."))]
PersonRef = Annotated[str, typer.Argument(help=h("Id, email or (part of the) name.",
                                                 "Id, correo o (parte del) nombre."))]


@person_app.command("add", help=h("Add a person to your network.", "Añade una persona a tu red."))
def person_add(
    name: Annotated[str, typer.Argument(help=h("Full name.", "Nombre completo."))],
    email: Annotated[list[str] | None, typer.Option("--email", "-e", help=h("Email (repeatable).", "Correo (repetible)."))] = None,
    phone: Annotated[list[str] | None, typer.Option("--phone", "-p", help=h("Phone (repeatable).", "Teléfono (repetible)."))] = None,
    company: Annotated[str | None, typer.Option(help=h("Company.", "Empresa."))] = None,
    role: Annotated[str | None, typer.Option(help=h("Role or job title.", "Cargo o profesión."))] = None,
    city: Annotated[str | None, typer.Option(help=h("City.", "Ciudad."))] = None,
    lang: Annotated[list[str] | None, typer.Option("--lang", help=h("Language: es or en (repeatable, first = preferred).", "Idioma: es o en (repetible, el primero es el preferido)."))] = None,
    linkedin: Annotated[str | None, typer.Option(help=h("LinkedIn profile URL.", "URL del perfil de LinkedIn."))] = None,
    xing: Annotated[str | None, typer.Option(help=h("Xing profile URL.", "URL del perfil de Xing."))] = None,
    met_at: Annotated[str | None, typer.Option("--met-at", help=h("Where you met / event.", "Dónde os conocisteis / evento."))] = None,
    through: Annotated[str | None, typer.Option("--through", help=h("Who introduced you.", "Quién os presentó."))] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help=h("Tag (repeatable or comma-separated).", "Etiqueta (repetible o separada por comas)."))] = None,
    keep_in_touch: Annotated[int | None, typer.Option("--keep-in-touch", help=h("Days between contacts.", "Días entre contactos."))] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help=h(
        "Free text about them: Lazos proposes the needs, offers and promises it notices.",
        "Texto libre sobre la persona: Lazos propone las necesidades, ofertas y compromisos que detecta."))] = None,
    accept: Annotated[bool, typer.Option("--accept", help=h(
        "With --note: accept everything noticed without asking.",
        "Con --note: acepta todo lo detectado sin preguntar."))] = False,
    as_json: Json = False,
) -> None:
    """Add a person to your network."""
    from lazos.services.people import add_person

    with network() as store:
        person = add_person(store, name=name, emails=email or [], phones=phone or [],
                            company=company, role=role, city=city, languages=lang or [],
                            linkedin_url=linkedin, xing_url=xing, met_at=met_at,
                            met_through=through, tags=tag or [], keep_in_touch_days=keep_in_touch)
        if as_json and not note:
            print_json(person)
            return
        if not as_json:
            say("Added {name} (id {id}).", "Añadida/o {name} (id {id}).", name=person.name, id=person.id)
        if note:
            from lazos.cli.proposals import capture_and_review

            # the free text is a first note: the same proposals as ``lazos note``
            capture_and_review(store, person=person.id, text=note, accept=accept, json_out=as_json)


@person_app.command("edit", help=h("Change a person's details (only the options you give).", "Cambia los datos de una persona (solo las opciones que des)."))
def person_edit(
    person: PersonRef,
    name: Annotated[str | None, typer.Option(help=h("New name.", "Nombre nuevo."))] = None,
    email: Annotated[list[str] | None, typer.Option("--email", "-e", help=h("Add an email.", "Añade un correo."))] = None,
    phone: Annotated[list[str] | None, typer.Option("--phone", "-p", help=h("Add a phone.", "Añade un teléfono."))] = None,
    company: Annotated[str | None, typer.Option(help=h("Company.", "Empresa."))] = None,
    role: Annotated[str | None, typer.Option(help=h("Role.", "Cargo."))] = None,
    city: Annotated[str | None, typer.Option(help=h("City.", "Ciudad."))] = None,
    lang: Annotated[list[str] | None, typer.Option("--lang", help=h("Languages (replace).", "Idiomas (reemplaza)."))] = None,
    linkedin: Annotated[str | None, typer.Option(help=h("LinkedIn URL.", "URL de LinkedIn."))] = None,
    xing: Annotated[str | None, typer.Option(help=h("Xing URL.", "URL de Xing."))] = None,
    met_at: Annotated[str | None, typer.Option("--met-at", help=h("Where you met.", "Dónde os conocisteis."))] = None,
    through: Annotated[str | None, typer.Option("--through", help=h("Who introduced you.", "Quién os presentó."))] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help=h("Add a tag.", "Añade una etiqueta."))] = None,
    untag: Annotated[list[str] | None, typer.Option("--untag", help=h("Remove a tag.", "Quita una etiqueta."))] = None,
    keep_in_touch: Annotated[int | None, typer.Option("--keep-in-touch", help=h("Days between contacts (0 = off).", "Días entre contactos (0 = desactivado)."))] = None,
    as_json: Json = False,
) -> None:
    """Change a person's details (only the options you give)."""
    from lazos.services.people import update_person

    with network() as store:
        updated = update_person(store, person, name=name, company=company, role=role, city=city,
                                languages=lang, linkedin_url=linkedin, xing_url=xing,
                                met_at=met_at, met_through=through, add_emails=email or [],
                                add_phones=phone or [], add_tags=tag or [],
                                remove_tags=untag or [], keep_in_touch_days=keep_in_touch)
    if as_json:
        print_json(updated)
    else:
        say("Updated {name} (id {id}).", "Actualizada/o {name} (id {id}).", name=updated.name, id=updated.id)


@person_app.command("remove", help=h("Remove a person and everything about them (asks to confirm).", "Borra a una persona y todo lo suyo (pide confirmación)."))
def person_remove(
    person: PersonRef,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=h("Do not ask to confirm.", "No pedir confirmación."))] = False,
) -> None:
    """Remove a person and everything recorded about them (asks to confirm)."""
    from lazos.services.people import get_person, remove_person

    with network() as store:
        found = get_person(store, person)
        if not yes and not typer.confirm(h(f"Remove {found.name} (id {found.id}) and all their needs, offers and notes?",
                                           f"¿Borrar a {found.name} (id {found.id}) con todas sus necesidades, ofertas y notas?")):
            say("Nothing removed.", "No se ha borrado nada.")
            raise typer.Exit(1)
        remove_person(store, found.id)
    say("Removed {name}.", "Borrada/o {name}.", name=found.name)


def people_list(
    tag: Annotated[str | None, typer.Option(help=h("Only people with this tag.", "Solo con esta etiqueta."))] = None,
    city: Annotated[str | None, typer.Option(help=h("Only people in this city.", "Solo de esta ciudad."))] = None,
    company: Annotated[str | None, typer.Option(help=h("Only people at this company.", "Solo de esta empresa."))] = None,
    event: Annotated[str | None, typer.Option(help=h("Only attendees of this event.", "Solo asistentes a este evento."))] = None,
    open_needs: Annotated[bool, typer.Option("--open-needs", help=h("Only people with open needs.", "Solo con necesidades abiertas."))] = False,
    name: Annotated[str | None, typer.Option(help=h("Name contains.", "El nombre contiene."))] = None,
    as_json: Json = False,
) -> None:
    """List the people in your network, optionally filtered."""
    filters: dict[str, Any] = {"tag": tag, "city": city, "company": company, "event": event,
                               "with_open_needs": open_needs, "text": name}

    def orm(store: Store) -> list[Person]:
        from lazos.services.people import list_people

        return list_people(store, **filters)

    found = read(lambda reader: reader.list_people(**filters), orm)
    if as_json:
        print_json(found)
        return
    table = Table(h("id", "id"), h("name", "nombre"), h("company", "empresa"), h("role", "cargo"),
                  h("city", "ciudad"), h("tags", "etiquetas"), box=None)
    for p in found:
        table.add_row(str(p.id), plain(p.name), plain(p.company), plain(p.role), plain(p.city),
                      plain(", ".join(p.tags)))
    console.print(table)
    say("{n} people.", "{n} personas.", n=len(found))


def show(person: PersonRef, as_json: Json = False) -> None:
    """Everything about a person: details, needs, offers, notes, events and a timeline."""
    def orm(store: Store) -> PersonDetail:
        from lazos.services.show import show_person

        return show_person(store, person)

    detail = read(lambda reader: reader.show_person(person), orm)
    if as_json:
        print_json(detail)
        return
    p = detail.person
    console.print(f"[bold]{plain(p.name)}[/] (id {p.id})")
    for label_en, label_es, value in (
            ("Company", "Empresa", p.company), ("Role", "Cargo", p.role), ("City", "Ciudad", p.city),
            ("Emails", "Correos", ", ".join(p.emails)), ("Phones", "Teléfonos", ", ".join(p.phones)),
            ("Languages", "Idiomas", ", ".join(p.languages)), ("LinkedIn", "LinkedIn", p.linkedin_url),
            ("Xing", "Xing", p.xing_url), ("Met at", "Conocida/o en", p.met_at),
            ("Through", "A través de", p.met_through), ("Tags", "Etiquetas", ", ".join(p.tags))):
        if value:
            console.print(f"  {h(label_en, label_es)}: {plain(value)}")
    if detail.needs:
        console.print(h("[bold]Needs[/]", "[bold]Necesidades[/]"))
        for n in detail.needs:
            lock = " 🔒" if not n.shareable else ""
            console.print(f"  #{n.id} [{n.status.value}]{lock} {plain(n.text)}")
    if detail.offers:
        console.print(h("[bold]Offers[/]", "[bold]Ofrece[/]"))
        for o in detail.offers:
            console.print(f"  #{o.id} {plain(o.text)}")
    if detail.followups:
        console.print(h("[bold]Follow-ups[/]", "[bold]Seguimientos[/]"))
        for f in detail.followups:
            due = f.due_on.isoformat() if f.due_on else (f.date_text or "?")
            console.print(f"  #{f.id} {due} [{f.status.value}] {plain(f.text)}")
    if detail.timeline:
        console.print(h("[bold]Timeline[/]", "[bold]Historia[/]"))
        for item in detail.timeline:
            console.print(f"  {item.when.date().isoformat()}  {item.kind:<12} {plain(item.text[:100])}")


def search_cmd(
    text: Annotated[str, typer.Argument(help=h("Words to find (accents and case ignored).", "Palabras a buscar (sin importar tildes ni mayúsculas)."))],
    as_json: Json = False,
) -> None:
    """Search names, needs, offers and notes: "who mentioned jardinería?"."""
    def orm(store: Store) -> list[SearchHit]:
        from lazos.services.show import search

        return search(store, text)

    hits = read(lambda fast: fast.search(text), orm)
    if as_json:
        print_json(hits)
        return
    for hit in hits:
        console.print(f"{plain(hit.person_name)} (id {hit.person_id}) · {hit.kind}: {plain(hit.text[:120])}")
    say("{n} results.", "{n} resultados.", n=len(hits))


def register(app: typer.Typer) -> None:
    app.add_typer(person_app, name="person")
    app.command("people", help=h("List the people in your network, optionally filtered.",
                                 "Lista las personas de tu red, con filtros opcionales."))(people_list)
    app.command("show", help=h("Everything about a person, with a timeline.",
                               "Todo sobre una persona, con su historia."))(show)
    app.command("search", help=h("Search names, needs, offers and notes (accent-insensitive).",
                                 "Busca en nombres, necesidades, ofertas y notas (sin importar tildes)."))(search_cmd)
