"""Reading the network: everything about one person, search, and today's overview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from lazos.clock import today
from lazos.model import PersonDetail, SearchHit, SearchPerson, SearchText, search_hits
from lazos.model import timeline as build_timeline
from lazos.store import Store, convert
from lazos.store.lookup import resolve_person
from lazos.store.schema import (
    AttendanceRow,
    EventRow,
    FollowUpRow,
    NeedRow,
    NoteRow,
    OfferRow,
    PersonRow,
)
from lazos.text.fold import fold


def show_person(store: Store, ref: str | int) -> PersonDetail:
    """Everything recorded about a person, with a newest-first timeline."""
    with store.read() as session:
        row = resolve_person(session, ref)
        needs = [convert.need(r) for r in session.scalars(
            select(NeedRow).where(NeedRow.person_id == row.id).order_by(NeedRow.id)).all()]
        offers = [convert.offer(r) for r in session.scalars(
            select(OfferRow).where(OfferRow.person_id == row.id).order_by(OfferRow.id)).all()]
        notes = [convert.note(r) for r in session.scalars(
            select(NoteRow).where(NoteRow.person_id == row.id).order_by(NoteRow.id)).all()]
        followups = [convert.followup(r) for r in session.scalars(
            select(FollowUpRow).where(FollowUpRow.person_id == row.id)
            .order_by(FollowUpRow.id)).all()]
        event_rows = session.scalars(
            select(EventRow).join(AttendanceRow, AttendanceRow.event_id == EventRow.id)
            .where(AttendanceRow.person_id == row.id)).all()
        events = [convert.event(e, []) for e in event_rows]
        person = convert.person(row)
    timeline = build_timeline(person, needs, offers, notes, events)
    return PersonDetail(person=person, needs=needs, offers=offers, notes=notes, events=events,
                        followups=followups, timeline=timeline)


def search(store: Store, query: str, *, limit: int = 200) -> list[SearchHit]:
    """Accent- and case-insensitive search across names, needs, offers and notes.

    Every word of the query must appear (as a prefix of a word: "jardin" finds
    "jardinería"). Scans in Python (:func:`lazos.model.search_hits`): a personal network is
    thousands of rows, and folding accents in SQL differs between SQLite and PostgreSQL.
    """
    if not fold(query).split():
        return []
    with store.read() as session:
        people: list[SearchPerson] = [
            (p.id, p.name, p.company, p.role, p.city, list(p.tags or []))
            for p in session.scalars(select(PersonRow).order_by(PersonRow.id)).all()]
        texts: list[SearchText] = [
            (kind, r[0], r[1], r[2])
            for kind, table in (("need", NeedRow), ("offer", OfferRow), ("note", NoteRow))
            for r in session.execute(select(table.id, table.person_id, table.text)
                                     .order_by(table.id)).all()]
    return search_hits(query, people, texts, limit=limit)


@dataclass(frozen=True)
class Overview:
    day: date
    people: int
    open_needs: int
    offers: int
    events: int
    due_followups: list[tuple[str, str, date | None]]   # (person, text, due)
    recent_needs: list[tuple[str, str]]                 # (person, need text)


def overview(store: Store, *, day: date | None = None) -> Overview:
    """Today's picture of the network: size, open needs, what is due."""
    day = day or today()
    with store.read() as session:
        def count(query: Any) -> int:
            return int(session.scalar(query) or 0)

        people = count(select(func.count(PersonRow.id)))
        open_needs = count(select(func.count(NeedRow.id)).where(
            NeedRow.status.in_(("open", "in_progress"))))
        offers = count(select(func.count(OfferRow.id)))
        events = count(select(func.count(EventRow.id)))
        due = session.execute(
            select(PersonRow.name, FollowUpRow.text, FollowUpRow.due_on)
            .join(PersonRow, PersonRow.id == FollowUpRow.person_id)
            .where(FollowUpRow.status == "open", FollowUpRow.due_on <= day)
            .order_by(FollowUpRow.due_on).limit(20)).all()
        recent = session.execute(
            select(PersonRow.name, NeedRow.text).join(PersonRow, PersonRow.id == NeedRow.person_id)
            .where(NeedRow.status.in_(("open", "in_progress")), NeedRow.sensitivity == "normal")
            .order_by(NeedRow.created_at.desc(), NeedRow.id.desc()).limit(5)).all()
    return Overview(day=day, people=people, open_needs=open_needs, offers=offers, events=events,
                    due_followups=[tuple(r) for r in due],  # type: ignore[misc]
                    recent_needs=[tuple(r) for r in recent])  # type: ignore[misc]
