"""``lazos followup|invite|checkin|keep|today|ledger``: connecting people (``lazos intro``
lives in :mod:`lazos.cli.intro`; :func:`register` adds both).

Thin: each command parses, calls one function of :mod:`lazos.connect` or
:mod:`lazos.messages`, and prints. Nothing is ever sent without ``lazos outbox send``.
"""

from __future__ import annotations

from typing import Annotated

import typer

from lazos.cli.common import console, h, network, plain, print_json, say
from lazos.cli.intro import IntroId, Json, Thanks, Value, intro_app, print_drafts, print_intro

# ------------------------------------------------------------------ follow-ups, invitations

def followup_cmd(
    target: Annotated[str | None, typer.Argument(help=h(
        "A person or an event (id or name); none: everyone met today.",
        "Una persona o un evento (id o nombre); ninguno: todas las personas de hoy."))] = None,
    event: Annotated[bool, typer.Option("--event", help=h("TARGET is an event.", "TARGET es un evento."))] = False,
    invite: Annotated[str | None, typer.Option(help=h("Offer a meal in the email: lunch, dinner, coffee or breakfast.", "Propón una comida en el correo: lunch, dinner, coffee o breakfast."))] = None,
    as_json: Json = False,
) -> None:
    from lazos.connect.followups import followup_pack
    from lazos.errors import NotFoundError
    from lazos.i18n import msg

    with network() as store:
        if target is None:
            drafts = followup_pack(store, invite=invite)
        elif event:
            drafts = followup_pack(store, event=target, invite=invite)
        else:
            try:
                drafts = followup_pack(store, person=target, invite=invite)
            except NotFoundError as exc:
                if exc.field != "person":
                    raise
                try:
                    drafts = followup_pack(store, event=target, invite=invite)
                except NotFoundError as not_event:
                    if not_event.field != "event":
                        raise
                    raise NotFoundError(msg(
                        "Neither a person nor an event matches {ref!r}: check the spelling, or "
                        "list them with 'lazos people' and 'lazos event list'.",
                        "Ni una persona ni un evento coinciden con {ref!r}: revisa cómo se "
                        "escribe, o míralos con 'lazos people' y 'lazos event list'.",
                        ref=target), field="target") from None
    print_drafts(drafts, as_json)
    if not as_json:
        for m in drafts.messages:
            if m.link:
                console.print(f"  #{m.id} {m.channel}: {plain(m.link)}")


def invite_cmd(
    person: Annotated[str, typer.Argument(help=h(
        "Whom to invite (id, email or name), or 'suggest' to rank who to invite.",
        "A quién invitar (id, correo o nombre), o 'suggest' para ver a quién invitar."))],
    at: Annotated[str | None, typer.Option(help=h("When: YYYY-MM-DD HH:MM.", "Cuándo: AAAA-MM-DD HH:MM."))] = None,
    place: Annotated[str | None, typer.Option(help=h("Where.", "Dónde."))] = None,
    meal: Annotated[str, typer.Option(help=h("lunch, dinner, coffee or breakfast.", "lunch, dinner, coffee o breakfast."))] = "lunch",
    minutes: Annotated[int, typer.Option(help=h("How long, in minutes.", "Duración en minutos."))] = 90,
    tz: Annotated[str | None, typer.Option(help=h("Time zone, e.g. Europe/Madrid (default: LAZOS_TZ, else this computer's).", "Zona horaria, p. ej. Europe/Madrid (por defecto LAZOS_TZ, si no la del ordenador)."))] = None,
    topic: Annotated[str | None, typer.Option(help=h("What to talk about.", "De qué hablar."))] = None,
    limit: Annotated[int, typer.Option(help=h("How many suggestions.", "Cuántas sugerencias."))] = 10,
    update: Annotated[int | None, typer.Option(help=h(
        "Reschedule the invitation in this outbox message (same event, new time).",
        "Cambia la invitación de este mensaje (mismo evento, nueva hora)."))] = None,
    as_json: Json = False,
) -> None:
    from lazos.errors import field_error

    if person.strip().lower() == "suggest":
        from lazos.connect.invitations import suggest_invites

        with network() as store:
            found = suggest_invites(store, limit=limit)
        if as_json:
            print_json(found)
            return
        if not found:
            say("Nobody stands out yet: add needs and offers first.",
                "Nadie destaca aún: añade antes necesidades y ofertas.")
        for s in found:
            console.print(f"{s.score:5.1f}  #{s.person_id} {plain(s.name)}: {plain('; '.join(s.reasons))}")
        return
    if not at:
        raise field_error("--at", "{field} is missing: say when, e.g. --at '2026-12-04 14:00'.",
                          "Falta {field}: di cuándo, p. ej. --at '2026-12-04 14:00'.")
    from lazos.connect.invitations import invite

    with network() as store:
        drafts = invite(store, person=person, at=at, place=place or "", meal=meal,
                        minutes=minutes, tz=tz, topic=topic, update=update)
    print_drafts(drafts, as_json)


# ------------------------------------------------------------------ check-ins, keep, today, ledger

checkin_app = typer.Typer(help=h(
    "After an introduction: ask how it went and record the outcome.",
    "Tras una presentación: pregunta cómo fue y anota el resultado."))


@checkin_app.callback(invoke_without_command=True)
def checkin_main(ctx: typer.Context, as_json: Json = False) -> None:
    if ctx.invoked_subcommand is None:
        checkin_list(as_json=as_json)


@checkin_app.command("list", help=h("Check-ins due.", "Seguimientos pendientes."))
def checkin_list(as_json: Json = False) -> None:
    from lazos.connect.checkins import due_check_ins

    with network() as store:
        due = due_check_ins(store)
    if as_json:
        print_json(due)
        return
    if not due:
        say("No check-ins due.", "No hay seguimientos pendientes.")
    for d in due:
        console.print(f"{d.due_on}  {plain(d.name)}: {plain(d.text)} ({d.ref})")


@checkin_app.command("ask", help=h("Draft the 'how did it go?' email.", "Prepara el correo '¿cómo te fue?'."))
def checkin_ask(intro_id: IntroId, as_json: Json = False) -> None:
    from lazos.connect.checkins import draft_check_in

    with network() as store:
        print_drafts(draft_check_in(store, intro_id), as_json)


@checkin_app.command("record", help=h(
    "Record the outcome: met, solved (marks the need solved), value, a thank-you.",
    "Anota el resultado: se vieron, resuelto (marca la necesidad resuelta), valor, un gracias."))
def checkin_record(intro_id: IntroId,
                   met: Annotated[bool, typer.Option("--met", help=h("They met.", "Se vieron."))] = False,
                   solved: Annotated[bool, typer.Option("--solved", help=h("The need is solved.", "La necesidad está resuelta."))] = False,
                   value: Value = None, thanks: Thanks = None,
                   note: Annotated[str | None, typer.Option(help=h("What happened.", "Qué pasó."))] = None,
                   as_json: Json = False) -> None:
    from lazos.connect.introductions import record_outcome

    with network() as store:
        i = record_outcome(store, intro_id, met=met, solved=solved, value=value, thanks=thanks,
                           outcome=note)
    print_intro(i, as_json)


def keep_cmd(
    person: Annotated[str | None, typer.Argument(help=h("A person (id, email or name).", "Una persona (id, correo o nombre)."))] = None,
    every: Annotated[int | None, typer.Option(help=h("Days between contacts (0: off).", "Días entre contactos (0: desactivar)."))] = None,
    tag: Annotated[str | None, typer.Option(help=h("Set the cadence for everyone with this tag.", "Fija la cadencia para todos con esta etiqueta."))] = None,
    as_json: Json = False,
) -> None:
    from lazos.connect.keep import due_keep_in_touch, set_person_cadence, set_tag_cadence
    from lazos.errors import field_error

    with network() as store:
        if every is not None and tag:
            set_tag_cadence(store, tag=tag, days=every)
            say("Keep in touch with everyone tagged {tag} every {n} days.",
                "Mantener contacto con todos los de {tag} cada {n} días.", tag=tag, n=every)
            return
        if every is not None and person:
            set_person_cadence(store, person=person, days=every)
            say("Keep in touch with {who} every {n} days.", "Mantener contacto con {who} cada {n} días.",
                who=person, n=every)
            return
        if every is not None:
            raise field_error("--every", "{field} needs whom it is for: a PERSON (lazos keep Bob "
                              "--every 30) or --tag (lazos keep --tag vip --every 30).",
                              "{field} necesita a quién se aplica: una PERSONA (lazos keep Bob "
                              "--every 30) o --tag (lazos keep --tag vip --every 30).")
        with store.read() as session:
            due = due_keep_in_touch(session)
    if as_json:
        print_json(due)
        return
    if not due:
        say("Nobody is due for a keep-in-touch.", "No toca contactar a nadie.")
    for d in due:
        console.print(f"{d.due_on}  {plain(d.name)}: {plain(d.text)}")


_KINDS = {"same_day": ("Same-day follow-up", "Seguimiento del día"),
          "check_in": ("Check-in", "¿Cómo fue?"), "invite": ("Invitation", "Invitación"),
          "follow_up": ("Follow-up", "Pendiente"),
          "intro_waiting": ("Waiting for an answer", "Esperando respuesta"),
          "keep_in_touch": ("Keep in touch", "Mantener contacto"),
          "match": ("New match", "Nueva coincidencia")}


def today_cmd(
    matches: Annotated[bool, typer.Option("--matches/--no-matches", help=h(
        "Look for new matches since yesterday (loads the matcher).",
        "Busca coincidencias nuevas desde ayer (carga el buscador)."))] = True,
    as_json: Json = False,
) -> None:
    from lazos.connect.today import today_view

    with network() as store:
        results = None
        if matches:
            from lazos.connect.matching import match_all

            results = match_all(store, limit=3)
        view = today_view(store, results=results)
    if as_json:
        print_json(view)
        return
    console.print(f"[bold]{h('Today', 'Hoy')} — {view.day}[/]")
    if not view.items:
        say("Nothing due today.", "Nada pendiente hoy.")
    for kind, (en, es) in _KINDS.items():
        items = [i for i in view.items if i.kind == kind]
        if items:
            console.print(f"[bold]{h(en, es)}[/]")
            for i in items:
                console.print(f"  {plain(i.name)}: {plain(i.text)}"
                              + (f"  [dim]{plain(i.ref)}[/]" if kind == "match" else ""))


def ledger_cmd(
    person: Annotated[str | None, typer.Argument(help=h("Only this person.", "Solo esta persona."))] = None,
    as_json: Json = False,
) -> None:
    from lazos.connect.ledger import ledger

    with network() as store:
        lines = ledger(store, person=person)
    if as_json:
        print_json(lines)
        return
    if not lines:
        say("No help exchanged yet: the ledger fills as introductions happen.",
            "Aún no hay ayuda intercambiada: el balance se llena con las presentaciones.")
    flags = {"takes": h("one-way: only receives", "en un sentido: solo recibe"),
             "gives": h("one-way: only gives — help them back", "en un sentido: solo da — ayúdale tú")}
    for x in lines:
        flag = f"  [yellow]{flags[x.one_way]}[/]" if x.one_way else ""
        console.print(f"#{x.person_id} {plain(x.name)}: "
                      + h(f"gave {x.given} ({x.solved_given} solved), received {x.received} "
                          f"({x.solved_received} solved), thanks {x.thanks}, brought {x.brought}",
                          f"dio {x.given} ({x.solved_given} resueltas), recibió {x.received} "
                          f"({x.solved_received} resueltas), agradecimientos {x.thanks}, "
                          f"te presentó a {x.brought}") + flag)


def register(app: typer.Typer) -> None:
    app.add_typer(intro_app, name="intro")
    app.command("followup", help=h(
        "Same-day follow-up pack: thank-you email, LinkedIn and Xing notes.",
        "Seguimiento del mismo día: correo de agradecimiento, notas de LinkedIn y Xing."))(followup_cmd)
    app.command("invite", help=h(
        "Invite someone to a meal (.ics attached), or 'invite suggest' to rank whom.",
        "Invita a alguien a comer (.ics adjunto), o 'invite suggest' para ver a quién."))(invite_cmd)
    app.add_typer(checkin_app, name="checkin")
    app.command("keep", help=h("Keep-in-touch cadences, and who is due.",
                               "Cadencias para mantener el contacto, y a quién toca."))(keep_cmd)
    app.command("today", help=h("What is due today.", "Lo que toca hoy."))(today_cmd)
    app.command("ledger", help=h("Help given and received, per person.",
                                 "Ayuda dada y recibida, por persona."))(ledger_cmd)
