"""Keep in touch: a cadence (days) per person or per tag; any interaction resets it.

"Interaction" is anything dated with the person: a note (meeting, lunch, call, email —
sent messages are logged as notes), an event both attended. The clock is derived, never
stored, so there is nothing to reset by hand and nothing to get out of date.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lazos.clock import today
from lazos.connect.types import DueItem
from lazos.errors import field_error
from lazos.i18n import pick
from lazos.store import Store
from lazos.store.lookup import resolve_person
from lazos.store.schema import AttendanceRow, EventRow, KeepInTouchTagRow, NoteRow, PersonRow


def last_contacts(session: Session) -> dict[int, date]:
    """Each person's last dated interaction."""
    last: dict[int, date] = {}
    for pid, when in session.execute(select(NoteRow.person_id, func.max(NoteRow.happened_on))
                                     .group_by(NoteRow.person_id)):
        if when:
            last[pid] = when
    for pid, when in session.execute(
            select(AttendanceRow.person_id, func.max(EventRow.happened_on))
            .join(EventRow, EventRow.id == AttendanceRow.event_id)
            .group_by(AttendanceRow.person_id)):
        if when and (pid not in last or when > last[pid]):
            last[pid] = when
    return last


def _days(days: int) -> int:
    if not 0 <= days <= 3650:
        raise field_error("every", "{field} must be between 1 and 3650 days (0 turns it off).",
                          "{field} debe estar entre 1 y 3650 días (0 lo desactiva).")
    return days


def set_person_cadence(store: Store, *, person: str | int, days: int) -> int | None:
    """Keep in touch with ``person`` every ``days`` days (0: no personal cadence)."""
    with store.transaction() as session:
        row = resolve_person(session, person)
        row.keep_in_touch_days = _days(days) or None
        return row.keep_in_touch_days


def set_tag_cadence(store: Store, *, tag: str, days: int) -> None:
    """Keep in touch with everyone tagged ``tag`` every ``days`` days (0 removes it)."""
    clean = tag.strip().lower()
    if not clean:
        raise field_error("tag", "{field} is empty: give a tag, e.g. vip.",
                          "{field} está vacía: da una etiqueta, p. ej. vip.")
    with store.transaction() as session:
        row = session.get(KeepInTouchTagRow, clean)
        if _days(days) == 0:
            if row is not None:
                session.delete(row)
            return
        if row is None:
            session.add(KeepInTouchTagRow(tag=clean, days=days))
        else:
            row.days = days


def due_keep_in_touch(session: Session, day: date | None = None) -> list[DueItem]:
    """People whose cadence has run out since the last interaction (oldest first)."""
    day = day or today()
    tags = {r.tag: r.days for r in session.scalars(select(KeepInTouchTagRow))}
    last = last_contacts(session)
    out: list[tuple[date, DueItem]] = []
    for p in session.scalars(select(PersonRow)):
        cadences = [tags[t.lower()] for t in (p.tags or []) if t.lower() in tags]
        every = p.keep_in_touch_days or (min(cadences) if cadences else None)
        if not every:
            continue
        since = last.get(p.id) or p.created_at.date()
        due = since + timedelta(days=every)
        if due <= day:
            text = pick(None, "keep in touch every {n} days; last contact {d}",
                        "mantener el contacto cada {n} días; último contacto {d}").format(
                n=every, d=since.isoformat())
            out.append((due, DueItem("keep_in_touch", p.id, p.name, text, due, f"person:{p.id}")))
    return [item for _, item in sorted(out, key=lambda x: (x[0], x[1].name))]
