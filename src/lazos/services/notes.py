"""Use cases about notes/interactions, events and follow-ups."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lazos import validate
from lazos.clock import today, utcnow
from lazos.errors import field_error
from lazos.model import Event, FollowUp, FollowUpKind, FollowUpStatus, Note
from lazos.store import Store, convert
from lazos.store.lookup import get_row, resolve_event, resolve_person
from lazos.store.schema import AttendanceRow, EventRow, FollowUpRow, NoteRow
from lazos.text.language import detect

NOTE_KINDS = ("note", "meeting", "lunch", "dinner", "coffee", "call", "email", "event", "message")


def _kind(kind: str) -> str:
    cleaned = kind.strip().lower()
    if cleaned not in NOTE_KINDS:
        raise field_error("kind", "{field} {value!r} is not a kind of interaction: use one of {kinds}.",
                          "{field} {value!r} no es un tipo de interacción: usa uno de {kinds}.",
                          value=kind, kinds=", ".join(NOTE_KINDS))
    return cleaned


def add_note_row(session: Session, *, person_id: int, text: str, kind: str = "note",
                 happened_on: date | str | None = None, event_id: int | None = None) -> NoteRow:
    clean = validate.text(text, field="note")
    row = NoteRow(person_id=person_id, text=clean, kind=_kind(kind), lang=detect(clean),
                  happened_on=validate.iso_date(happened_on, field="date") or today(),
                  event_id=event_id, created_at=utcnow())
    session.add(row)
    session.flush()
    return row


def add_note(store: Store, *, person: str | int, text: str, kind: str = "note",
             happened_on: date | str | None = None, event: str | int | None = None) -> Note:
    """Record what happened with ``person`` (stored as plain text, never as markup)."""
    with store.transaction() as session:
        owner = resolve_person(session, person)
        event_id = resolve_event(session, event).id if event is not None else None
        return convert.note(add_note_row(session, person_id=owner.id, text=text, kind=kind,
                                         happened_on=happened_on, event_id=event_id))


def list_notes(store: Store, *, person: str | int | None = None) -> list[Note]:
    with store.read() as session:
        query = select(NoteRow)
        if person is not None:
            query = query.where(NoteRow.person_id == resolve_person(session, person).id)
        rows = session.scalars(query.order_by(NoteRow.happened_on.desc(), NoteRow.id.desc())).all()
        return [convert.note(r) for r in rows]


def remove_note(store: Store, note_id: int) -> Note:
    with store.transaction() as session:
        row = get_row(session, NoteRow, note_id, label="note")
        gone = convert.note(row)
        session.delete(row)
        return gone


def _attendees(session: Session, event_id: int) -> list[int]:
    return list(session.scalars(select(AttendanceRow.person_id)
                                .where(AttendanceRow.event_id == event_id)
                                .order_by(AttendanceRow.id)).all())


def add_event(store: Store, *, name: str, happened_on: date | str | None = None,
              place: str | None = None, kind: str | None = None) -> Event:
    """Record a networking event (a mixer, a referral group meeting, a meetup)."""
    with store.transaction() as session:
        row = EventRow(name=validate.name(name, field="event name"),
                       happened_on=validate.iso_date(happened_on, field="date") or today(),
                       place=validate.optional_short(place, field="place"),
                       kind=validate.optional_short(kind, field="kind"), created_at=utcnow())
        session.add(row)
        session.flush()
        return convert.event(row, [])


def attend(store: Store, *, event: str | int, people: list[str | int]) -> Event:
    """Mark people as attendees of an event (idempotent: attending twice records once)."""
    with store.transaction() as session:
        ev = resolve_event(session, event)
        present = set(_attendees(session, ev.id))
        for ref in people:
            person = resolve_person(session, ref)
            if person.id not in present:
                session.add(AttendanceRow(event_id=ev.id, person_id=person.id))
                present.add(person.id)
        session.flush()
        return convert.event(ev, _attendees(session, ev.id))


def get_event(store: Store, ref: str | int) -> Event:
    with store.read() as session:
        ev = resolve_event(session, ref)
        return convert.event(ev, _attendees(session, ev.id))


def list_events(store: Store) -> list[Event]:
    with store.read() as session:
        rows = session.scalars(select(EventRow).order_by(EventRow.happened_on.desc())).all()
        return [convert.event(r, _attendees(session, r.id)) for r in rows]


def add_followup_row(session: Session, *, person_id: int, kind: FollowUpKind, text: str,
                     due_on: date | None, date_text: str | None = None,
                     note_id: int | None = None,
                     introduction_id: int | None = None) -> FollowUpRow:
    row = FollowUpRow(person_id=person_id, kind=kind.value,
                      text=validate.text(text, field="follow-up", limit=2000), due_on=due_on,
                      status=FollowUpStatus.OPEN.value, date_text=date_text, note_id=note_id,
                      introduction_id=introduction_id, created_at=utcnow())
    session.add(row)
    session.flush()
    return row


def add_followup(store: Store, *, person: str | int, text: str,
                 due_on: date | str | None = None,
                 kind: FollowUpKind = FollowUpKind.PROMISE) -> FollowUp:
    with store.transaction() as session:
        owner = resolve_person(session, person)
        return convert.followup(add_followup_row(
            session, person_id=owner.id, kind=kind, text=text,
            due_on=validate.iso_date(due_on, field="due")))


def set_followup_status(store: Store, followup_id: int, status: FollowUpStatus) -> FollowUp:
    with store.transaction() as session:
        row = get_row(session, FollowUpRow, followup_id, label="follow-up")
        row.status = status.value
        return convert.followup(row)


def list_followups(store: Store, *, person: str | int | None = None,
                   due_by: date | None = None, include_closed: bool = False) -> list[FollowUp]:
    """Follow-ups by due date (undated last); open only unless ``include_closed``."""
    with store.read() as session:
        query = select(FollowUpRow)
        if person is not None:
            query = query.where(FollowUpRow.person_id == resolve_person(session, person).id)
        if not include_closed:
            query = query.where(FollowUpRow.status == FollowUpStatus.OPEN.value)
        if due_by is not None:
            query = query.where(FollowUpRow.due_on <= due_by)
        rows = session.scalars(query.order_by(FollowUpRow.due_on, FollowUpRow.id)).all()
        items = [convert.followup(r) for r in rows]
    return sorted(items, key=lambda f: (f.due_on is None, f.due_on or date.max, f.id))
