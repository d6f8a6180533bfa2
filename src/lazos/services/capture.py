"""Use cases for reading notes: record a note, propose what it says, let the user decide.

A note is stored exactly as typed. What Lazos notices in it (needs, offers, promises with
dates, people mentioned) is stored as *proposals*; only an accepted proposal becomes a need,
offer or follow-up, which keeps the note it came from (``note_id``) and ``source="note"``.

Why proposals are stored rather than recomputed: the user may review them later, and a
rejected proposal must stay rejected when the note is read again. Each proposal has a key
(kind + the words it came from), unique within its note, so :func:`extract_note` on the
same note never adds anything twice, and accepting twice creates one item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lazos.clock import utcnow
from lazos.errors import ConflictError, field_error
from lazos.i18n import Msg, msg
from lazos.model import FollowUpKind, Note, Source
from lazos.services.needs import SENSITIVE_TOPICS, add_need_row, add_offer_row
from lazos.services.notes import add_followup_row, add_note_row
from lazos.store import Store, convert
from lazos.store.lookup import get_row, resolve_event, resolve_person
from lazos.store.schema import NeedRow, NoteRow, OfferRow, PersonRow, ProposalRow
from lazos.text.classify import topic_of
from lazos.text.dates import find_date
from lazos.text.extract import Finding, extract
from lazos.text.fold import fold
from lazos.text.language import detect
from lazos.text.semantic import model_opinions, trained_readings

PROPOSED, ACCEPTED, REJECTED = "proposed", "accepted", "rejected"


@dataclass(frozen=True)
class Proposal:
    """Something noticed in a note: accept it (maybe edited) to make it a need/offer/follow-up."""

    id: int
    note_id: int
    person_id: int
    kind: str                     # need, offer, followup, mention
    text: str
    why: Msg
    status: str = PROPOSED        # proposed, accepted, rejected
    lang: str | None = None
    topic: str | None = None
    private: bool = False
    due_on: date | None = None
    date_text: str | None = None
    followup_kind: str | None = None
    mentioned_id: int | None = None
    item_id: int | None = None    # the need/offer/follow-up id once accepted

    @property
    def date_unresolved(self) -> bool:
        """A follow-up whose date words could not be pinned to a day (kept as text)."""
        return self.kind == "followup" and self.date_text is not None and self.due_on is None


@dataclass(frozen=True)
class Capture:
    """A note and what was noticed in it; ``new`` counts proposals added by this reading."""

    note: Note
    proposals: list[Proposal]
    new: int = 0


def _proposal(row: ProposalRow) -> Proposal:
    why = row.why or {}
    return Proposal(id=row.id, note_id=row.note_id, person_id=row.person_id, kind=row.kind,
                    text=row.text, why=Msg(en=why.get("en", ""), es=why.get("es", "")),
                    status=row.status, lang=row.lang, topic=row.topic, private=row.private,
                    due_on=row.due_on, date_text=row.date_text, followup_kind=row.followup_kind,
                    mentioned_id=row.mentioned_id, item_id=row.item_id)


def _rows(session: Session, note_id: int) -> list[ProposalRow]:
    return list(session.scalars(select(ProposalRow).where(ProposalRow.note_id == note_id)
                                .order_by(ProposalRow.position, ProposalRow.id)).all())


def _read(session: Session, note: NoteRow) -> int:
    """Extract ``note`` and store proposals for findings not seen before; returns how many."""
    owner = session.get(PersonRow, note.person_id)
    people = [(pid, name) for pid, name in session.execute(select(PersonRow.id, PersonRow.name))]
    findings = extract(note.text, on=note.happened_on or utcnow().date(),
                       name=owner.name if owner else None, people=people, self_id=note.person_id,
                       lang=note.lang, second_opinion=model_opinions,
                       reader=trained_readings)
    known = {(r.kind, r.key) for r in _rows(session, note.id)}
    added = 0
    for position, f in enumerate(findings):
        if (f.kind, f.key) in known:
            continue
        known.add((f.kind, f.key))
        session.add(_row(note, f, position))
        added += 1
    session.flush()
    return added


def _row(note: NoteRow, f: Finding, position: int) -> ProposalRow:
    return ProposalRow(
        note_id=note.id, person_id=note.person_id, kind=f.kind, key=f.key, position=position,
        text=f.text[:10_000], lang=detect(f.text) if f.kind != "mention" else None,
        why={"en": f.why.render("en"), "es": f.why.render("es")}, topic=f.topic,
        private=f.private, due_on=f.due_on, date_text=f.date_text, followup_kind=f.followup_kind,
        mentioned_id=f.person_id, status=PROPOSED, created_at=utcnow())


def _capture(session: Session, note: NoteRow, added: int) -> Capture:
    return Capture(note=convert.note(note), proposals=[_proposal(r) for r in _rows(session, note.id)],
                   new=added)


def capture_note(store: Store, *, person: str | int, text: str, kind: str = "note",
                 happened_on: date | str | None = None,
                 event: str | int | None = None) -> Capture:
    """Record a note about ``person`` and propose what it says (nothing is accepted yet).

    Raises ValidationError for an empty or over-long note, NotFoundError/AmbiguousError
    for a person or event that cannot be resolved. Markup in the note is kept as text.
    """
    if not (text or "").strip():
        raise field_error("note", "The note is empty: write what you noticed, e.g. "
                          "'Ana – plumber, looking for a bigger van'.",
                          "La nota está vacía: escribe lo que has visto, p. ej. "
                          "'Ana – fontanera, busca una furgoneta más grande'.")
    with store.transaction() as session:
        owner = resolve_person(session, person)
        event_id = resolve_event(session, event).id if event is not None else None
        note = add_note_row(session, person_id=owner.id, text=text, kind=kind,
                            happened_on=happened_on, event_id=event_id)
        return _capture(session, note, _read(session, note))


def extract_note(store: Store, note_id: int) -> Capture:
    """Read an existing note again; only findings not proposed before are added."""
    with store.transaction() as session:
        note = get_row(session, NoteRow, note_id, label="note")
        return _capture(session, note, _read(session, note))


def list_proposals(store: Store, *, note_id: int | None = None, person: str | int | None = None,
                   status: str | None = PROPOSED) -> list[Proposal]:
    """Proposals (pending ones by default; ``status=None`` for all), in note order.

    Raises NotFoundError/AmbiguousError when ``person`` cannot be resolved.
    """
    with store.read() as session:
        query = select(ProposalRow)
        if person is not None:
            query = query.where(ProposalRow.person_id == resolve_person(session, person).id)
        if note_id is not None:
            query = query.where(ProposalRow.note_id == note_id)
        if status is not None:
            query = query.where(ProposalRow.status == status)
        rows = session.scalars(query.order_by(ProposalRow.note_id, ProposalRow.position,
                                              ProposalRow.id)).all()
        return [_proposal(r) for r in rows]


def _existing(session: Session, row: ProposalRow, text: str) -> int | None:
    """An item of this person with the same words already in the store (never duplicate)."""
    folded = fold(text)
    if row.kind == "need":
        for need in session.scalars(select(NeedRow).where(
                NeedRow.person_id == row.person_id,
                NeedRow.status.in_(("open", "in_progress")))).all():
            if fold(need.text) == folded:
                return need.id
    elif row.kind == "offer":
        for offer in session.scalars(select(OfferRow).where(
                OfferRow.person_id == row.person_id)).all():
            if fold(offer.text) == folded:
                return offer.id
    return None


def _accept(session: Session, row: ProposalRow, text: str | None) -> None:
    if row.status == ACCEPTED:
        return
    edited = text is not None and text.strip() and text.strip() != row.text
    if edited:
        assert text is not None
        row.text = text.strip()
        if row.kind == "need":
            topic = topic_of(row.text) or row.topic
            row.private = row.private or topic in SENSITIVE_TOPICS
            row.topic = topic
        if row.kind == "followup":
            note = session.get(NoteRow, row.note_id)
            found = find_date(row.text, (note.happened_on if note else None) or utcnow().date())
            row.due_on = found.day if found else None
            row.date_text = found.text if found else None
    item_id = _existing(session, row, row.text)
    if item_id is None:
        if row.kind == "need":
            item_id = add_need_row(session, person_id=row.person_id, text=row.text, lang=row.lang,
                                   topic=row.topic, private=row.private, source=Source.NOTE,
                                   note_id=row.note_id).id
        elif row.kind == "offer":
            item_id = add_offer_row(session, person_id=row.person_id, text=row.text,
                                    lang=row.lang, source=Source.NOTE, note_id=row.note_id).id
        elif row.kind == "followup":
            kind = FollowUpKind(row.followup_kind or FollowUpKind.PROMISE.value)
            item_id = add_followup_row(
                session, person_id=row.person_id, kind=kind, text=row.text, due_on=row.due_on,
                date_text=row.date_text if row.due_on is None else None, note_id=row.note_id).id
        else:  # a mention links a person; nothing else to create
            item_id = row.mentioned_id
    row.item_id = item_id
    row.status = ACCEPTED
    row.decided_at = utcnow()


def decide(store: Store, proposal_id: int, *, accept: bool, text: str | None = None) -> Proposal:
    """Accept (optionally with edited ``text``) or reject one proposal.

    Accepting twice creates one item; a rejected proposal can still be accepted later, but
    an accepted one cannot be rejected (remove the need/offer/follow-up instead).
    """
    with store.transaction() as session:
        row = get_row(session, ProposalRow, proposal_id, label="proposal")
        if accept:
            _accept(session, row, text)
        elif row.status == ACCEPTED:
            raise ConflictError(msg(
                "Proposal {id} was already accepted as {kind} {item}; remove that {kind} instead.",
                "La propuesta {id} ya se aceptó como {kind} {item}; borra ese elemento en su "
                "lugar.", id=proposal_id, kind=row.kind, item=row.item_id), field="proposal")
        else:
            row.status = REJECTED
            row.decided_at = utcnow()
        return _proposal(row)


def decide_all(store: Store, note_id: int, *, accept: bool = True) -> Capture:
    """Accept (or reject) every pending proposal of a note, in one transaction."""
    with store.transaction() as session:
        note = get_row(session, NoteRow, note_id, label="note")
        for row in _rows(session, note_id):
            if row.status != PROPOSED:
                continue
            if accept:
                _accept(session, row, None)
            else:
                row.status = REJECTED
                row.decided_at = utcnow()
        return _capture(session, note, 0)

