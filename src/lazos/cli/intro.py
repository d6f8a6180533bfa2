"""``lazos intro``: two-way introductions (suggest, ask, accept, introduce, met, solved),
and how a move's drafts are printed (shared with :mod:`lazos.cli.connect`).

Thin: each command parses, calls one function of :mod:`lazos.connect.introductions`, and
prints. Nothing is ever sent without ``lazos outbox send``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from lazos.cli.common import console, h, network, plain, print_json, say

if TYPE_CHECKING:
    from lazos.connect.types import Drafts, Introduction

Json = Annotated[bool, typer.Option("--json", help=h("Print JSON.", "Imprime JSON."))]
IntroId = Annotated[int, typer.Argument(help=h("Introduction id (see 'lazos intro list').",
                                               "Id de la presentación (ver 'lazos intro list')."))]
Ref = Annotated[int, typer.Argument(help=h(
    "An introduction id; or, with HELPER, the id of the need.",
    "Un id de presentación; o, con HELPER, el id de la necesidad."))]
Helper = Annotated[str | None, typer.Argument(help=h(
    "Who can help (id, email or name): REF is then a need id.",
    "Quién puede ayudar (id, correo o nombre): REF es entonces un id de necesidad."))]
Reason = Annotated[str | None, typer.Option(help=h("One line on why they should talk.",
                                                   "Una línea sobre por qué deberían hablar."))]

intro_app = typer.Typer(help=h(
    "Two-way introductions: suggest, ask, accept, introduce, met, solved.",
    "Presentaciones en ambos sentidos: sugerir, preguntar, aceptar, presentar, se vieron, "
    "resuelto."), no_args_is_help=True)

# ------------------------------------------------------------------ printing

def intro_line(i: Introduction) -> str:
    from lazos.connect.states import label

    return (f"#{i.id} {plain('[' + label(i.state) + ']')} {plain(i.requester_name)} ⇄ {plain(i.helper_name)} — "
            f"{plain(i.need_text)}")


def print_drafts(d: Drafts, as_json: bool) -> None:
    if as_json:
        print_json(d)
        return
    if d.introduction:
        console.print(intro_line(d.introduction))
    for m in d.messages:
        to = ", ".join(m.to) or h("(no address)", "(sin dirección)")
        say("Draft #{id} ({lang}) to {to}: {subject}", "Borrador #{id} ({lang}) para {to}: {subject}",
            id=m.id, lang=m.lang or "", to=to, subject=m.subject or m.body[:60])
    for note in d.notes:
        console.print(f"[yellow]![/] {plain(note)}")
    if d.messages:
        say("Review with 'lazos outbox show ID'; nothing is sent until 'lazos outbox send'.",
            "Revísalo con 'lazos outbox show ID'; no se envía nada hasta 'lazos outbox send'.")


def print_intro(i: Introduction, as_json: bool) -> None:
    if as_json:
        print_json(i)
    else:
        console.print(intro_line(i))


# ------------------------------------------------------------------ intro

@intro_app.command("suggest", help=h(
    "List introductions the matcher suggests (or record one: NEED_ID HELPER).",
    "Lista las presentaciones que sugiere el buscador (o anota una: ID_NECESIDAD QUIÉN)."))
def intro_suggest(
    need_id: Annotated[int | None, typer.Argument(help=h("Need id.", "Id de la necesidad."))] = None,
    helper: Annotated[str | None, typer.Argument(help=h("Who can help.", "Quién puede ayudar."))] = None,
    limit: Annotated[int, typer.Option(help=h("Helpers per need.", "Personas por necesidad."))] = 3,
    save: Annotated[bool, typer.Option("--save", help=h("Record the suggestions.", "Guarda las sugerencias."))] = False,
    reason: Reason = None, as_json: Json = False,
) -> None:
    from lazos.connect import introductions as intros
    from lazos.connect.matching import candidates, match_all
    from lazos.errors import field_error

    with network() as store:
        if need_id is not None:
            if helper is None:
                raise field_error("helper", "{field} is missing: to record a suggestion give the "
                                  "need id and who can help, e.g. lazos intro suggest 3 Bob.",
                                  "Falta {field}: para anotar una sugerencia da el id de la "
                                  "necesidad y quién puede ayudar, p. ej. lazos intro suggest 3 "
                                  "Bob.")
            print_intro(intros.suggest(store, need_id=need_id, helper=helper, reason=reason), as_json)
            return
        found = candidates(store, match_all(store, limit=limit))
        if save:
            for c in found:
                # the matcher's explanation is for the user, not for the email: not kept
                intros.suggest(store, need_id=c.need_id, helper=c.helper_id)
    if as_json:
        print_json(found)
        return
    if not found:
        say("No new introductions to suggest.", "No hay presentaciones nuevas que sugerir.")
    for c in found:
        private = h(" (private)", " (privada)") if c.private else ""
        console.print(f"need #{c.need_id}{private} {plain(c.requester_name)} ⇐ "
                      f"{plain(c.helper_name)} ({c.score:.2f}): {plain(c.reason or '')}")
    if found and not save:
        say("Start one with: lazos intro ask NEED_ID HELPER", "Empieza una con: lazos intro ask ID_NECESIDAD QUIÉN")


@intro_app.command("ask", help=h(
    "Double opt-in: draft a message asking the person with the need.",
    "Doble confirmación: prepara un mensaje preguntando a quien tiene la necesidad."))
def intro_ask(ref: Ref, helper: Helper = None, reason: Reason = None, as_json: Json = False) -> None:
    from lazos.connect.introductions import ask

    with network() as store:
        if helper is None:
            drafts = ask(store, intro_id=ref, reason=reason)
        else:
            drafts = ask(store, need_id=ref, helper=helper, reason=reason)
    print_drafts(drafts, as_json)


@intro_app.command("accept", help=h(
    "The person asked said yes: ask the helper next, or introduce them.",
    "La persona preguntada dijo que sí: se pregunta a quien ayuda, o se les presenta."))
def intro_accept(intro_id: IntroId, as_json: Json = False) -> None:
    from lazos.connect.introductions import accept

    with network() as store:
        print_drafts(accept(store, intro_id), as_json)


@intro_app.command("decline", help=h("Someone said no: never suggested again.",
                                     "Alguien dijo que no: no se vuelve a sugerir."))
def intro_decline(intro_id: IntroId,
                  by: Annotated[str | None, typer.Option(help=h("requester or helper.", "requester o helper."))] = None,
                  as_json: Json = False) -> None:
    from lazos.connect.introductions import decline

    with network() as store:
        print_intro(decline(store, intro_id, by=by), as_json)


@intro_app.command("stalled", help=h("Nobody answered: park the introduction.",
                                     "Nadie contestó: aparca la presentación."))
def intro_stalled(intro_id: IntroId, as_json: Json = False) -> None:
    from lazos.connect.introductions import stall

    with network() as store:
        print_intro(stall(store, intro_id), as_json)


@intro_app.command("introduce", help=h(
    "Draft the two-way introduction email (vCards attached). --direct skips asking first.",
    "Prepara el correo de presentación en ambos sentidos (con vCards). --direct no pregunta antes."))
def intro_introduce(ref: Ref, helper: Helper = None,
                    direct: Annotated[bool, typer.Option("--direct", help=h(
                        "Introduce without asking both first.",
                        "Presenta sin preguntar antes a los dos."))] = False,
                    reason: Reason = None, as_json: Json = False) -> None:
    from lazos.connect.introductions import introduce

    with network() as store:
        if helper is None:
            drafts = introduce(store, intro_id=ref, direct=direct, reason=reason)
        else:
            drafts = introduce(store, need_id=ref, helper=helper, direct=direct, reason=reason)
    print_drafts(drafts, as_json)


@intro_app.command("met", help=h("They met.", "Se han visto."))
def intro_met(intro_id: IntroId, as_json: Json = False) -> None:
    from lazos.connect.introductions import record_outcome

    with network() as store:
        print_intro(record_outcome(store, intro_id, met=True), as_json)


Value = Annotated[float | None, typer.Option(help=h("How much it helped, 0-10.", "Cuánto ayudó, 0-10."))]
Thanks = Annotated[str | None, typer.Option(help=h("A thank-you they sent.", "Un agradecimiento recibido."))]


@intro_app.command("solved", help=h("The need is solved thanks to this introduction.",
                                    "La necesidad quedó resuelta gracias a esta presentación."))
def intro_solved(intro_id: IntroId, value: Value = None, thanks: Thanks = None,
                 as_json: Json = False) -> None:
    from lazos.connect.introductions import record_outcome

    with network() as store:
        print_intro(record_outcome(store, intro_id, solved=True, value=value, thanks=thanks), as_json)


@intro_app.command("list", help=h("List introductions.", "Lista las presentaciones."))
def intro_list(state: Annotated[str | None, typer.Option(help=h("Only this state.", "Solo este estado."))] = None,
               person: Annotated[str | None, typer.Option(help=h("Only this person's.", "Solo las de esta persona."))] = None,
               as_json: Json = False) -> None:
    from lazos.connect.introductions import list_introductions

    with network() as store:
        found = list_introductions(store, state=state, person=person)
    if as_json:
        print_json(found)
        return
    if not found:
        say("No introductions yet.", "Aún no hay presentaciones.")
    for i in found:
        console.print(intro_line(i))


@intro_app.command("show", help=h("An introduction with its dated history.",
                                  "Una presentación con su historial fechado."))
def intro_show(intro_id: IntroId, as_json: Json = False) -> None:
    from lazos.connect.introductions import get_introduction
    from lazos.connect.states import IntroState, label

    with network() as store:
        i = get_introduction(store, intro_id)
    if as_json:
        print_json(i)
        return
    console.print(intro_line(i))
    for entry in i.history:
        console.print(f"  {entry.at}  {label(IntroState(entry.state))} {plain(entry.note)}")
    for name, value in (("value", i.value), ("thanks", i.thanks), ("outcome", i.outcome)):
        if value:
            console.print(f"  {name}: {plain(value)}")
