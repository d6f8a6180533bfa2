"""Reading the matcher's results (``lazos.match.service``, owned by the match area).

The matcher is imported lazily, inside functions: it loads models, and commands that do
not match must start fast. Callers (and tests) may pass results they already have.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select

from lazos.connect.states import IntroState
from lazos.errors import field_error
from lazos.i18n import Msg
from lazos.store import Store, convert
from lazos.store.schema import IntroductionRow, NeedRow, PersonRow


class ResultLike(Protocol):
    """What Lazos reads of a ``MatchResult`` (frozen dataclass: read-only here too)."""

    @property
    def need_id(self) -> int | None: ...

    @property
    def matches(self) -> Sequence[Any]: ...


def check_limit(limit: int, *, field: str = "limit") -> int:
    """``limit`` when it is 1 or more; else a ValidationError naming ``field``."""
    if limit < 1:
        raise field_error(field, "{field} must be 1 or more (got {value}): it is how many to "
                          "show, e.g. --limit 5.",
                          "{field} debe ser 1 o más (recibido {value}): es cuántos mostrar, "
                          "p. ej. --limit 5.", value=limit)
    return limit


def match_all(store: Store, *, limit: int = 3) -> list[ResultLike]:
    """All open needs' best helpers (``limit`` per need), from the matcher.

    Raises ValidationError for a ``limit`` under 1."""
    check_limit(limit)
    from lazos.match.service import match_all as run  # type: ignore[import-not-found,unused-ignore]

    return list(run(store, limit=limit))


def match_need(store: Store, need_id: int, *, limit: int = 5) -> ResultLike:
    from lazos.match.service import match_need as run  # type: ignore[import-not-found,unused-ignore]

    result: ResultLike = run(store, need_id, limit=limit)
    return result


@dataclass(frozen=True)
class Candidate:
    need_id: int
    need_text: str
    private: bool
    requester_id: int
    requester_name: str
    helper_id: int
    helper_name: str
    score: float
    reason: Msg | str | None


def candidates(store: Store, results: Sequence[ResultLike]) -> list[Candidate]:
    """Matches not yet turned into introductions, best first. A pair that declined (for any
    need) is never suggested again."""
    with store.read() as session:
        existing = {(r.need_id, r.helper_id) for r in session.scalars(select(IntroductionRow))}
        declined = set()
        for intro, owner in session.execute(
                select(IntroductionRow, NeedRow.person_id)
                .join(NeedRow, NeedRow.id == IntroductionRow.need_id)
                .where(IntroductionRow.state == IntroState.DECLINED.value)):
            declined.add(frozenset((owner, intro.helper_id)))
        needs = {n.id: convert.need(n) for n in session.scalars(select(NeedRow))}
        names = dict(session.execute(select(PersonRow.id, PersonRow.name)).all())
    out: list[Candidate] = []
    for result in results:
        for m in result.matches:
            need_id = m.need_id if m.need_id is not None else result.need_id
            need = needs.get(need_id) if need_id is not None else None
            if need is None or not need.is_open:
                continue
            if m.person_id == need.person_id or (need.id, m.person_id) in existing:
                continue
            if frozenset((need.person_id, m.person_id)) in declined:
                continue
            out.append(Candidate(need.id, need.text, not need.shareable, need.person_id,
                                 names.get(need.person_id, "?"), m.person_id,
                                 names.get(m.person_id, "?"), float(m.score), m.reason))
    out.sort(key=lambda c: -c.score)
    return out
