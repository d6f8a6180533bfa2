"""``lazos demo`` and ``lazos overview``: a first look at a network."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from lazos.cli.common import console, h, network, plain, print_json, say

if TYPE_CHECKING:
    from lazos.store import Store


def demo() -> None:
    from lazos.services.sample import load_sample

    with network() as store:
        count = load_sample(store)
    say("Loaded the sample network: {n} people. Try: lazos overview, lazos people, lazos show Lucía",
        "Cargada la red de ejemplo: {n} personas. Prueba: lazos overview, lazos people, lazos show Lucía",
        n=count)


def overview_cmd(
    load_sample_if_empty: Annotated[bool, typer.Option("--sample-if-empty", help=h(
        "Load the bundled sample network first when the store is empty.",
        "Carga antes la red de ejemplo si el almacén está vacío."))] = False,
    connections: Annotated[int, typer.Option("--connections", help=h(
        "Also show this many connections you could make (runs the matcher; 0 = none).",
        "Muestra también tantas conexiones posibles (usa el buscador; 0 = ninguna)."))] = 0,
    as_json: Annotated[bool, typer.Option("--json", help=h("Print JSON.", "Imprime JSON."))] = False,
) -> None:
    from lazos.services.sample import is_empty, load_sample
    from lazos.services.show import overview

    with network() as store:
        if load_sample_if_empty and is_empty(store):
            n = load_sample(store)
            say("Your network was empty: loaded the sample network ({n} people).",
                "Tu red estaba vacía: cargada la red de ejemplo ({n} personas).", n=n)
        view = overview(store)
        best = _best_connections(store, connections) if connections > 0 else []
    if as_json:
        print_json({"overview": view, "connections": best} if connections > 0 else view)
        return
    console.print(h(f"[bold]Lazos — {view.day}[/]", f"[bold]Lazos — {view.day}[/]"))
    say("{people} people · {needs} open needs · {offers} offers · {events} events",
        "{people} personas · {needs} necesidades abiertas · {offers} ofertas · {events} eventos",
        people=view.people, needs=view.open_needs, offers=view.offers, events=view.events)
    if view.due_followups:
        console.print(h("[bold]Due[/]", "[bold]Pendiente[/]"))
        for who, text, due in view.due_followups:
            console.print(f"  {due or ''}  {plain(who)}: {plain(text)}")
    if view.recent_needs:
        console.print(h("[bold]Latest open needs[/]", "[bold]Últimas necesidades abiertas[/]"))
        for who, text in view.recent_needs:
            console.print(f"  {plain(who)}: {plain(text)}")
    if best:
        console.print(h("[bold]Connections you could make[/] (lazos match for all)",
                        "[bold]Conexiones que podrías hacer[/] (lazos match para verlas todas)"))
        for c in best:
            console.print(f"  {plain(c['helper'])} → {plain(c['requester'])}: {plain(c['need'][:90])}")
            console.print(f"    [dim]{plain(c['why'])}[/]  lazos intro ask {c['need_id']} {c['helper_id']}")


def _best_connections(store: Store, count: int) -> list[dict[str, object]]:
    """The strongest suggested (need, helper) pairs in the network, one per need."""
    from lazos.match.service import match_all
    from lazos.services.needs import list_needs
    from lazos.services.people import list_people

    names = {p.id: p.name for p in list_people(store)}
    needs = {n.id: n for n in list_needs(store)}
    pairs = []
    for result in match_all(store, limit=1):
        if result.suggest and result.matches and result.need_id in needs:
            m = result.matches[0]
            need = needs[result.need_id]
            pairs.append({"need_id": need.id, "need": ("🔒 " if not need.shareable else "") + need.text,
                          "requester": names.get(need.person_id, "?"), "helper_id": m.person_id,
                          "helper": names.get(m.person_id, "?"), "score": m.score,
                          "why": m.reason.render()})
    pairs.sort(key=lambda p: -float(p["score"]))  # type: ignore[arg-type]
    return pairs[:count]


def register(app: typer.Typer) -> None:
    app.command("demo", help=h("Load the bundled bilingual sample network into an empty store.",
                               "Carga la red de ejemplo bilingüe en un almacén vacío."))(demo)
    app.command("overview", help=h("Today's overview of your network.",
                                   "Resumen de hoy de tu red."))(overview_cmd)
