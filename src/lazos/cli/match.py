"""``lazos match`` (open needs with their best helpers) and ``lazos who-can "TEXT"``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from lazos.cli.common import console, err_console, h, network, plain, print_json, say

if TYPE_CHECKING:
    from lazos.match.service import MatchResult

Json = Annotated[bool, typer.Option("--json", help=h("Print JSON.", "Imprime JSON."))]
Limit = Annotated[int, typer.Option("--limit", min=1, max=50,
                                    help=h("Helpers per need.", "Personas por necesidad."))]


def _as_data(result: MatchResult, names: dict[int, str]) -> dict[str, Any]:
    return {"need_id": result.need_id, "suggest": result.suggest,
            "look_for": result.look_for.render() if result.look_for else None,
            "matches": [{"person_id": m.person_id, "name": names.get(m.person_id),
                         "score": m.score, "convincing": m.convincing,
                         "reason": m.reason.render()} for m in result.matches]}


def _show(result: MatchResult, header: str) -> None:
    """The helpers who convince first (→), then the others who came close (·)."""
    console.print(f"[bold]{plain(header)}[/]")
    if not result.suggest:
        if result.look_for is not None:
            console.print("  " + plain(result.look_for.render()))
        if result.matches:
            console.print("  " + plain(h("Closest, but not convincing:", "Lo más cercano, sin convencer:")))
        for m in result.matches[:2]:
            console.print(f"  · {plain(m.reason.render())}  [dim]({m.score:.2f})[/]")
        return
    close = [m for m in result.matches if not m.convincing][:3]
    for m in (m for m in result.matches if m.convincing):
        console.print(f"  → {plain(m.reason.render())}  [dim]({m.score:.2f})[/]")
    if close:
        console.print("  " + plain(h("Also close:", "También cerca:")))
    for m in close:
        console.print(f"    · {plain(m.reason.render())}  [dim]({m.score:.2f})[/]")


def _progress(done: int, total: int) -> None:
    if total >= 500:
        err_console.print(h(f"  working… {done}/{total}", f"  trabajando… {done}/{total}"),
                          end="\r" if done < total else "\n")


def match_cmd(need: Annotated[int | None, typer.Option("--need", help=h(
                  "Only this need (id).", "Solo esta necesidad (id)."))] = None,
              limit: Limit = 3, as_json: Json = False,
              complete: Annotated[bool, typer.Option("--complete", help=h(
                  "First embed every offer and need with the second model (after a big "
                  "import: ~3 min per 15,000 texts on 2 cores), then match with both.",
                  "Primero calcula con el segundo modelo cada oferta y necesidad (tras una "
                  "importación grande: ~3 min por 15.000 textos con 2 núcleos) y luego empareja con "
                  "ambos."))] = False) -> None:
    from lazos.match.backfill import complete_vectors, pending
    from lazos.match.service import INLINE_TEXTS, match_all, match_need
    from lazos.services.needs import get_need
    from lazos.services.people import list_people

    with network() as store:
        if complete:
            complete_vectors(store, progress=_progress)
        else:
            waiting = pending(store)
            if waiting > INLINE_TEXTS:
                err_console.print(h(
                    f"{waiting} texts are not yet embedded with the second model: these matches "
                    "use the first model alone. Run `lazos match --complete` to embed them.",
                    f"{waiting} textos aún no tienen vector del segundo modelo: estas "
                    "sugerencias usan solo el primero. Ejecuta `lazos match --complete` "
                    "para calcularlos."))
        if need is not None:
            results = [match_need(store, need, limit=limit)]
        else:
            results = match_all(store, limit=limit, progress=_progress)
        names = {p.id: p.name for p in list_people(store)}
        texts = {r.need_id: get_need(store, r.need_id) for r in results if r.need_id is not None}
    if as_json:
        print_json([_as_data(r, names) for r in results])
        return
    if not results:
        say("No open needs. Record one with: lazos need add PERSON \"TEXT\"",
            "No hay necesidades abiertas. Anota una con: lazos need add PERSONA \"TEXTO\"")
    for r in results:
        n = texts[r.need_id] if r.need_id is not None else None
        if n is not None and not n.is_open:
            say("Need #{id} is {status}: nothing to match.",
                "La necesidad #{id} está {status}: nada que emparejar.", id=n.id, status=n.status.value)
            continue
        header = f"#{r.need_id} {names.get(n.person_id, '') if n else ''}: {n.text if n else ''}"
        _show(r, header)


def who_can_cmd(text: Annotated[str, typer.Argument(help=h(
                    "The problem, in any words (Spanish or English).",
                    "El problema, con cualquier palabra (español o inglés)."))],
                limit: Limit = 5, as_json: Json = False) -> None:
    from lazos.match.service import who_can
    from lazos.services.people import list_people

    with network() as store:
        result = who_can(store, text, limit=limit)
        names = {p.id: p.name for p in list_people(store)}
    if as_json:
        print_json(_as_data(result, names))
        return
    _show(result, h(f"Who can help with: {text}", f"Quién puede ayudar con: {text}"))


def register(app: typer.Typer) -> None:
    app.command("match", help=h("Open needs with the people who can solve them (and why).",
                                "Necesidades abiertas con quién puede resolverlas (y por qué)."))(match_cmd)
    app.command("who-can", help=h("Who in your network can help with this? (nothing is stored)",
                                  "¿Quién de tu red puede ayudar con esto? (no se guarda nada)"))(who_can_cmd)
