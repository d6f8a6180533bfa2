"""Who gave and who received help, derived from introductions and their outcomes.

Given: introductions where the person was the helper and the two were put in touch
(introduced, met, solved), plus people they brought into the user's network (a person's
"met through"). Received: the same introductions, for that person's needs. A relationship is
flagged one-way when someone has received help at least twice and never given any
("takes"), or given at least twice and never received any ("gives": time to help them).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from lazos.connect.states import CONNECTED, IntroState
from lazos.connect.types import LedgerLine
from lazos.store import Store
from lazos.store.lookup import resolve_person
from lazos.store.schema import IntroductionRow, NeedRow, PersonRow
from lazos.text.fold import fold

ONE_WAY_AFTER = 2


def ledger(store: Store, *, person: str | int | None = None) -> list[LedgerLine]:
    """Per person help given and received, most active first."""
    counts: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    with store.read() as session:
        only = resolve_person(session, person).id if person is not None else None
        names = dict(session.execute(select(PersonRow.id, PersonRow.name)).all())
        rows = session.execute(select(IntroductionRow, NeedRow.person_id)
                               .join(NeedRow, NeedRow.id == IntroductionRow.need_id))
        for intro, requester in rows:
            state = IntroState(intro.state)
            if state not in CONNECTED:
                continue
            solved = state == IntroState.SOLVED
            helper = counts[intro.helper_id]
            taker = counts[requester]
            helper["given"] += 1
            taker["received"] += 1
            helper["solved_given"] += solved
            taker["solved_received"] += solved
            helper["value_given"] += intro.value or 0
            taker["value_received"] += intro.value or 0
            taker["thanks"] += bool(intro.thanks)
        by_name = {fold(n): pid for pid, n in names.items()}
        for through in session.scalars(select(PersonRow.met_through)
                                       .where(PersonRow.met_through.is_not(None))):
            pid = by_name.get(fold(through or ""))
            if pid is not None:
                counts[pid]["brought"] += 1
    lines = []
    for pid, c in counts.items():
        if only is not None and pid != only:
            continue
        given, received, brought = int(c["given"]), int(c["received"]), int(c["brought"])
        one_way = ("takes" if received >= ONE_WAY_AFTER and given + brought == 0 else
                   "gives" if given + brought >= ONE_WAY_AFTER and received == 0 else None)
        lines.append(LedgerLine(pid, names.get(pid, "?"), given, received,
                                int(c["solved_given"]), int(c["solved_received"]),
                                c["value_given"], c["value_received"], int(c["thanks"]), one_way,
                                brought))
    lines.sort(key=lambda x: (-(x.given + x.received + x.brought), x.name))
    return lines
