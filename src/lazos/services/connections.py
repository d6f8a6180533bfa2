"""The strongest connections the user could make today (one per need), for the overview.

Lives apart from :mod:`lazos.services.show` because it runs the matcher (models, numpy):
the plain overview must stay fast.
"""

from __future__ import annotations

from dataclasses import dataclass

from lazos.store import Store


@dataclass(frozen=True)
class Connection:
    need_id: int
    need: str            # the need's text, as the user recorded it (their own screen)
    private: bool
    requester: str
    helper_id: int
    helper: str
    score: float
    why: str


def best_connections(store: Store, *, count: int = 5) -> list[Connection]:
    """The ``count`` best suggested (need, helper) pairs, one per need, strongest first.

    Needs the matcher would not answer (``suggest`` False) are left out.
    """
    from lazos.match.abstain import CONVINCE_TOP
    from lazos.match.service import match_all
    from lazos.services.needs import list_needs
    from lazos.services.people import list_people

    names = {p.id: p.name for p in list_people(store)}
    needs = {n.id: n for n in list_needs(store)}
    found: list[Connection] = []
    for result in match_all(store, limit=CONVINCE_TOP):
        need = needs.get(result.need_id) if result.need_id is not None else None
        if need is None or not result.suggest or not result.matches:
            continue
        # the first of the best two who convinces (the best by score may not)
        m = next((c for c in result.matches if c.convincing), result.matches[0])
        found.append(Connection(need_id=need.id, need=need.text, private=not need.shareable,
                                requester=names.get(need.person_id, "?"), helper_id=m.person_id,
                                helper=names.get(m.person_id, "?"), score=m.score,
                                why=m.reason.render()))
    found.sort(key=lambda c: -c.score)
    return found[:count]
