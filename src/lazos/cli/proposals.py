"""Showing what Lazos noticed in a note, and asking accept / edit / reject for each item.

Used by ``lazos note``. Everything the user typed is printed escaped (never as markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from lazos.cli.common import console, plain, print_json, say, to_dict
from lazos.i18n import pick

if TYPE_CHECKING:
    from lazos.services.capture import Capture, Proposal
    from lazos.store import Store

_LABELS = {"need": ("need", "necesidad"), "offer": ("offer", "oferta"),
           "followup": ("follow-up", "seguimiento"), "mention": ("person", "persona")}


def describe(p: Proposal) -> str:
    """One line for a proposal, markup-escaped, in the reader's language."""
    label = pick(None, *_LABELS.get(p.kind, (p.kind, p.kind)))
    extra = ""
    if p.kind == "need" and p.private:
        extra = pick(None, f" [private: {p.topic}]", f" [privada: {p.topic}]")
    elif p.kind == "followup" and p.due_on is not None:
        extra = f" {p.due_on.isoformat()}"
    elif p.date_unresolved:
        extra = pick(None, f" (date “{p.date_text}” not understood: kept as text)",
                     f" (fecha «{p.date_text}» no entendida: se guarda como texto)")
    elif p.kind == "mention":
        extra = (pick(None, f" (#{p.mentioned_id} in your network)", f" (#{p.mentioned_id} de tu red)")
                 if p.mentioned_id else pick(None, " (not in your network)", " (no está en tu red)"))
    return f"[bold]{plain(label)}[/]{plain(extra)}: {plain(p.text)}  [dim]— {plain(p.why.render())}[/]"


def _proposal_dict(p: Proposal) -> dict[str, Any]:
    """A proposal as JSON data, with its reason rendered in the reader's language."""
    return dict(to_dict(p), why=p.why.render(), date_unresolved=p.date_unresolved)


def as_json(capture: Capture) -> None:
    """The note (its fields at the top level, as before) with its proposals."""
    data: dict[str, Any] = to_dict(capture.note)
    data["proposals"] = [_proposal_dict(p) for p in capture.proposals]
    data["new_proposals"] = capture.new
    print_json(data)


def show(capture: Capture) -> None:
    say("Note #{id} recorded.", "Nota #{id} guardada.", id=capture.note.id)
    if not capture.proposals:
        say("Nothing to propose from this note; it is kept as written.",
            "Nada que proponer de esta nota; se guarda tal cual.")
        return
    say("Lazos noticed {n} thing(s):", "Lazos ha visto {n} cosa(s):", n=len(capture.proposals))
    for i, p in enumerate(capture.proposals, 1):
        console.print(f"  {i}. {describe(p)}")


def review(store: Store, proposals: list[Proposal], *, person: str) -> None:
    """Ask accept / edit / reject / skip for each pending proposal (Enter accepts).

    When there is nobody to answer (end of input), the rest stay pending for later.
    """
    from lazos.services.capture import PROPOSED, decide

    accepted = rejected = left = 0
    pending = [p for p in proposals if p.status == PROPOSED]
    question = pick(None, "  {n}. [a]ccept, [e]dit, [r]eject, [s]kip", "  {n}. [a]ceptar, "
                    "[e]ditar, [r]echazar, [s]altar")
    for i, p in enumerate(pending):
        try:
            answer = typer.prompt(question.format(n=proposals.index(p) + 1),
                                  default="a", show_default=True).strip().lower()[:1]
            if answer == "e":
                text = typer.prompt(pick(None, "  New text", "  Texto nuevo"), default=p.text)
                decide(store, p.id, accept=True, text=text)
                accepted += 1
            elif answer == "r":
                decide(store, p.id, accept=False)
                rejected += 1
            elif answer == "s":
                left += 1
            else:
                decide(store, p.id, accept=True)
                accepted += 1
        except (typer.Abort, EOFError):
            left += len(pending) - i
            break
    say("Accepted {a}, rejected {r}, left for later {l}.",
        "Aceptadas {a}, rechazadas {r}, pendientes {l}.", a=accepted, r=rejected, l=left)
    if left:
        say("Review them later with: lazos note {person!r}",
            "Revísalas más tarde con: lazos note {person!r}", person=person)


def pending(store: Store, person: str, *, accept: bool, as_json: bool) -> None:
    """Proposals still waiting from earlier notes about ``person``: review or accept them."""
    from lazos.services.capture import decide, list_proposals

    waiting = list_proposals(store, person=person)
    if accept:
        waiting = [decide(store, p.id, accept=True) for p in waiting]
    if as_json:
        print_json([_proposal_dict(p) for p in waiting])
        return
    if not waiting:
        say("Nothing waiting for review: write the note as the second argument, e.g. "
            "lazos note {person!r} \"busca fontanero\".",
            "No hay nada pendiente de revisar: escribe la nota como segundo argumento, p. ej. "
            "lazos note {person!r} \"busca fontanero\".", person=person)
        return
    say("{n} proposal(s) waiting from earlier notes:", "{n} propuesta(s) pendientes de notas "
        "anteriores:", n=len(waiting))
    for i, p in enumerate(waiting, 1):
        console.print(f"  {i}. {describe(p)}")
    if accept:
        say("All accepted.", "Todo aceptado.")
    else:
        review(store, waiting, person=person)


def capture_and_review(store: Store, *, person: str | int, text: str, kind: str = "note",
                       happened_on: str | None = None, event: str | None = None,
                       accept: bool = False, json_out: bool = False) -> None:
    """Record a note, then show what Lazos noticed and accept it all or ask item by item.

    Shared by ``lazos note`` and the free text of ``lazos person add --note``.
    """
    from dataclasses import replace

    from lazos.services.capture import capture_note, decide_all

    capture = capture_note(store, person=person, text=text, kind=kind, happened_on=happened_on,
                           event=event)
    if accept and capture.proposals:
        capture = replace(decide_all(store, capture.note.id), new=capture.new)
    if json_out:
        as_json(capture)
        return
    show(capture)
    if accept:
        say("All accepted.", "Todo aceptado.")
    elif capture.proposals:
        review(store, capture.proposals, person=str(person))

