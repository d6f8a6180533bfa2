"""``lazos demo`` and ``lazos overview``: a first look at a network."""

from __future__ import annotations

from typing import Annotated

import typer

from lazos.cli.common import console, h, network, plain, print_json, say


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
    from lazos.services.connections import best_connections
    from lazos.services.sample import is_empty, load_sample
    from lazos.services.show import overview

    with network() as store:
        if load_sample_if_empty and is_empty(store):
            n = load_sample(store)
            say("Your network was empty: loaded the sample network ({n} people).",
                "Tu red estaba vacía: cargada la red de ejemplo ({n} personas).", n=n)
        view = overview(store)
        best = best_connections(store, count=connections) if connections > 0 else []
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
            lock = "🔒 " if c.private else ""
            console.print(f"  {plain(c.helper)} → {plain(c.requester)}: {lock}{plain(c.need[:90])}")
            console.print(f"    [dim]{plain(c.why)}[/]  lazos intro ask {c.need_id} {c.helper_id}")


def register(app: typer.Typer) -> None:
    app.command("demo", help=h("Load the bundled bilingual sample network into an empty store.",
                               "Carga la red de ejemplo bilingüe en un almacén vacío."))(demo)
    app.command("overview", help=h("Today's overview of your network.",
                                   "Resumen de hoy de tu red."))(overview_cmd)
