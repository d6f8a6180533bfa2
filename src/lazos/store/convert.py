"""Rows to domain objects (one direction only: services build rows themselves)."""

from __future__ import annotations

from lazos.model import (
    Event,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Need,
    NeedStatus,
    Note,
    Offer,
    Person,
    Sensitivity,
    Source,
)
from lazos.store.schema import EventRow, FollowUpRow, NeedRow, NoteRow, OfferRow, PersonRow


def person(row: PersonRow) -> Person:
    return Person(
        id=row.id, name=row.name,
        emails=[e.address for e in row.emails], phones=[p.number for p in row.phones],
        company=row.company, role=row.role, city=row.city, languages=list(row.languages or []),
        linkedin_url=row.linkedin_url, xing_url=row.xing_url, met_at=row.met_at,
        met_through=row.met_through, tags=list(row.tags or []),
        keep_in_touch_days=row.keep_in_touch_days,
        created_at=row.created_at, updated_at=row.updated_at,
    )


def need(row: NeedRow) -> Need:
    return Need(
        id=row.id, person_id=row.person_id, text=row.text, lang=row.lang,
        status=NeedStatus(row.status), sensitivity=Sensitivity(row.sensitivity), topic=row.topic,
        consent_at=row.consent_at, source=Source(row.source), note_id=row.note_id,
        created_at=row.created_at, updated_at=row.updated_at, closed_at=row.closed_at,
    )


def offer(row: OfferRow) -> Offer:
    return Offer(id=row.id, person_id=row.person_id, text=row.text, lang=row.lang,
                 source=Source(row.source), note_id=row.note_id, created_at=row.created_at)


def note(row: NoteRow) -> Note:
    return Note(id=row.id, person_id=row.person_id, text=row.text, kind=row.kind, lang=row.lang,
                happened_on=row.happened_on, event_id=row.event_id, created_at=row.created_at)


def event(row: EventRow, attendee_ids: list[int]) -> Event:
    return Event(id=row.id, name=row.name, happened_on=row.happened_on, place=row.place,
                 kind=row.kind, attendee_ids=attendee_ids)


def followup(row: FollowUpRow) -> FollowUp:
    return FollowUp(id=row.id, person_id=row.person_id, kind=FollowUpKind(row.kind), text=row.text,
                    due_on=row.due_on, status=FollowUpStatus(row.status), date_text=row.date_text,
                    note_id=row.note_id, introduction_id=row.introduction_id,
                    created_at=row.created_at)
