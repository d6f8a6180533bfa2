"""The life of an introduction, as a table of allowed moves.

::

    suggested ──► asked_requester ──► asked_helper ──► introduced ──► met ──► solved
        │  └──────────(direct)──────────────────────────►┘ │            └──────►┘
        └──► declined ◄── (either person says no)          └──► stalled (no answer)

Why a table and not methods: every refusal can then say what *is* possible from here,
in both languages, and the CLI, web and API share one rule.
"""

from __future__ import annotations

from enum import StrEnum

from lazos.errors import ConflictError
from lazos.i18n import msg


class IntroState(StrEnum):
    SUGGESTED = "suggested"
    ASKED_REQUESTER = "asked_requester"
    ASKED_HELPER = "asked_helper"
    INTRODUCED = "introduced"
    MET = "met"
    SOLVED = "solved"
    DECLINED = "declined"
    STALLED = "stalled"


S = IntroState

ALLOWED: dict[IntroState, frozenset[IntroState]] = {
    S.SUGGESTED: frozenset({S.ASKED_REQUESTER, S.INTRODUCED, S.DECLINED}),
    S.ASKED_REQUESTER: frozenset({S.ASKED_HELPER, S.INTRODUCED, S.DECLINED, S.STALLED}),
    S.ASKED_HELPER: frozenset({S.INTRODUCED, S.DECLINED, S.STALLED}),
    S.INTRODUCED: frozenset({S.MET, S.SOLVED, S.STALLED}),
    S.MET: frozenset({S.SOLVED, S.STALLED}),
    S.STALLED: frozenset({S.ASKED_REQUESTER, S.ASKED_HELPER, S.INTRODUCED, S.MET, S.SOLVED,
                          S.DECLINED}),
    S.SOLVED: frozenset(),
    S.DECLINED: frozenset(),
}

# States where the two people already have each other's details.
CONNECTED = frozenset({S.INTRODUCED, S.MET, S.SOLVED})
# States where Lazos waits for someone's answer.
WAITING = frozenset({S.ASKED_REQUESTER, S.ASKED_HELPER})

LABELS: dict[IntroState, tuple[str, str]] = {
    S.SUGGESTED: ("suggested", "sugerida"),
    S.ASKED_REQUESTER: ("asked the person with the need", "preguntado a quien lo necesita"),
    S.ASKED_HELPER: ("asked the helper", "preguntado a quien puede ayudar"),
    S.INTRODUCED: ("introduced", "presentados"),
    S.MET: ("met", "se han visto"),
    S.SOLVED: ("solved", "resuelto"),
    S.DECLINED: ("declined", "rechazada"),
    S.STALLED: ("no answer (stalled)", "sin respuesta (parada)"),
}


def label(state: IntroState, lang: str | None = None) -> str:
    from lazos.i18n import pick

    en, es = LABELS[state]
    return pick(lang, en, es)


def check_move(intro_id: int, current: IntroState, target: IntroState) -> None:
    """Raise ConflictError unless ``current → target`` is allowed, listing what is."""
    if target in ALLOWED[current]:
        return
    options = sorted(ALLOWED[current], key=list(IntroState).index)
    if options:
        en_next = ", ".join(LABELS[o][0] for o in options)
        es_next = ", ".join(LABELS[o][1] for o in options)
    else:
        en_next = es_next = ""
    if not options:
        raise ConflictError(msg(
            "Introduction {id} is {cur_en}: that is final, it cannot become {to_en}.",
            "La presentación {id} está {cur_es}: es definitivo, no puede pasar a {to_es}.",
            id=intro_id, cur_en=LABELS[current][0], cur_es=LABELS[current][1],
            to_en=LABELS[target][0], to_es=LABELS[target][1]), field="state")
    raise ConflictError(msg(
        "Introduction {id} is {cur_en}; it cannot become {to_en}. From here it can become: "
        "{next_en}.",
        "La presentación {id} está {cur_es}; no puede pasar a {to_es}. Desde aquí puede pasar "
        "a: {next_es}.",
        id=intro_id, cur_en=LABELS[current][0], cur_es=LABELS[current][1],
        to_en=LABELS[target][0], to_es=LABELS[target][1], next_en=en_next, next_es=es_next),
        field="state")
