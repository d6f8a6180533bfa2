"""Use cases about needs and offers: record them, change their life, list them.

A need's life: open → in_progress → solved | dropped, and reopen. Needs about health,
legal trouble, money, family or immigration are private by default: they never appear in a
message to anyone else until the owner's consent is recorded (:func:`record_consent`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from lazos import validate
from lazos.clock import utcnow
from lazos.errors import ConflictError, field_error
from lazos.i18n import msg
from lazos.model import Need, NeedStatus, Offer, Sensitivity, Source
from lazos.store import Store, convert
from lazos.store.lookup import get_row, resolve_person
from lazos.store.schema import NeedRow, OfferRow
from lazos.text.language import detect

SENSITIVE_TOPICS = ("health", "legal", "money", "family", "immigration")

# Which status changes are allowed, and the verb the user typed for each target.
_ALLOWED: dict[NeedStatus, set[NeedStatus]] = {
    NeedStatus.OPEN: {NeedStatus.IN_PROGRESS, NeedStatus.SOLVED, NeedStatus.DROPPED},
    NeedStatus.IN_PROGRESS: {NeedStatus.OPEN, NeedStatus.SOLVED, NeedStatus.DROPPED},
    NeedStatus.SOLVED: {NeedStatus.OPEN},
    NeedStatus.DROPPED: {NeedStatus.OPEN},
}


def _sensitivity(topic: str | None, private: bool | None) -> Sensitivity:
    if private is not None:
        return Sensitivity.PRIVATE if private else Sensitivity.NORMAL
    return Sensitivity.PRIVATE if topic in SENSITIVE_TOPICS else Sensitivity.NORMAL


def _topic(topic: str | None) -> str | None:
    if topic is None or not topic.strip():
        return None
    cleaned = topic.strip().lower()
    if len(cleaned) > 40:
        raise field_error("topic", "{field} is longer than 40 characters.",
                          "{field} tiene más de 40 caracteres.")
    return cleaned


def add_need_row(session: Session, *, person_id: int, text: str, lang: str | None = None,
                 topic: str | None = None, private: bool | None = None,
                 source: Source = Source.ASKED, note_id: int | None = None) -> NeedRow:
    """Validate and add a need inside an open session."""
    clean_text = validate.text(text, field="need")
    clean_topic = _topic(topic)
    now = utcnow()
    row = NeedRow(person_id=person_id, text=clean_text,
                  lang=validate.lang(lang) or detect(clean_text), status=NeedStatus.OPEN.value,
                  sensitivity=_sensitivity(clean_topic, private).value, topic=clean_topic,
                  source=source.value, note_id=note_id, created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    return row


def add_need(store: Store, *, person: str | int, text: str, lang: str | None = None,
             topic: str | None = None, private: bool | None = None,
             source: Source = Source.ASKED, note_id: int | None = None) -> Need:
    """Record a need of ``person`` in their words. Private when the topic is sensitive,
    unless ``private`` says otherwise."""
    with store.transaction() as session:
        owner = resolve_person(session, person)
        row = add_need_row(session, person_id=owner.id, text=text, lang=lang, topic=topic,
                           private=private, source=source, note_id=note_id)
        return convert.need(row)


def get_need(store: Store, need_id: int) -> Need:
    with store.read() as session:
        return convert.need(get_row(session, NeedRow, need_id, label="need"))


def update_need(store: Store, need_id: int, *, text: str | None = None, lang: str | None = None,
                topic: str | None = None, private: bool | None = None) -> Need:
    with store.transaction() as session:
        row = get_row(session, NeedRow, need_id, label="need")
        if text is not None:
            row.text = validate.text(text, field="need")
            row.lang = validate.lang(lang) or detect(row.text)
        elif lang is not None:
            row.lang = validate.lang(lang)
        if topic is not None:
            row.topic = _topic(topic)
        if private is not None or topic is not None:
            row.sensitivity = _sensitivity(row.topic, private).value
        row.updated_at = utcnow()
        return convert.need(row)


def set_need_status(store: Store, need_id: int, status: NeedStatus | str) -> Need:
    """Move a need to ``status``; refuses changes that make no sense (solving a dropped need)."""
    target = NeedStatus(status)
    with store.transaction() as session:
        row = get_row(session, NeedRow, need_id, label="need")
        current = NeedStatus(row.status)
        if target == current:
            return convert.need(row)
        if target not in _ALLOWED[current]:
            raise ConflictError(msg(
                "Need {id} is {current}; it cannot become {target}. Reopen it first: "
                "lazos need reopen {id}.",
                "La necesidad {id} está {current}; no puede pasar a {target}. Reábrela antes: "
                "lazos need reopen {id}.", id=need_id, current=current.value, target=target.value),
                field="status")
        now = utcnow()
        row.status = target.value
        row.updated_at = now
        row.closed_at = now if target in (NeedStatus.SOLVED, NeedStatus.DROPPED) else None
        return convert.need(row)


def record_consent(store: Store, need_id: int, *, agreed: bool = True) -> Need:
    """Record (with today's date) that the owner agreed to share this need, or withdraw it."""
    with store.transaction() as session:
        row = get_row(session, NeedRow, need_id, label="need")
        row.consent_at = utcnow() if agreed else None
        row.updated_at = utcnow()
        return convert.need(row)


def remove_need(store: Store, need_id: int) -> Need:
    with store.transaction() as session:
        row = get_row(session, NeedRow, need_id, label="need")
        gone = convert.need(row)
        session.delete(row)
        return gone


def list_needs(store: Store, *, person: str | int | None = None,
               status: str | None = None, include_closed: bool = False) -> list[Need]:
    """Needs, newest first; open ones only unless ``status``/``include_closed`` say otherwise."""
    with store.read() as session:
        query = select(NeedRow)
        if person is not None:
            query = query.where(NeedRow.person_id == resolve_person(session, person).id)
        if status:
            query = query.where(NeedRow.status == NeedStatus(status).value)
        elif not include_closed:
            query = query.where(NeedRow.status.in_(("open", "in_progress")))
        rows = session.scalars(query.order_by(NeedRow.created_at.desc(), NeedRow.id.desc())).all()
        return [convert.need(r) for r in rows]


def add_offer_row(session: Session, *, person_id: int, text: str, lang: str | None = None,
                  source: Source = Source.ASKED, note_id: int | None = None) -> OfferRow:
    clean = validate.text(text, field="offer")
    row = OfferRow(person_id=person_id, text=clean, lang=validate.lang(lang) or detect(clean),
                   source=source.value, note_id=note_id, created_at=utcnow())
    session.add(row)
    session.flush()
    return row


def add_offer(store: Store, *, person: str | int, text: str, lang: str | None = None,
              source: Source = Source.ASKED, note_id: int | None = None) -> Offer:
    """Record a problem ``person`` can solve or a resource they have, in plain words."""
    with store.transaction() as session:
        owner = resolve_person(session, person)
        return convert.offer(add_offer_row(session, person_id=owner.id, text=text, lang=lang,
                                           source=source, note_id=note_id))


def update_offer(store: Store, offer_id: int, *, text: str) -> Offer:
    with store.transaction() as session:
        row = get_row(session, OfferRow, offer_id, label="offer")
        row.text = validate.text(text, field="offer")
        row.lang = detect(row.text)
        return convert.offer(row)


def remove_offer(store: Store, offer_id: int) -> Offer:
    with store.transaction() as session:
        row = get_row(session, OfferRow, offer_id, label="offer")
        gone = convert.offer(row)
        session.delete(row)
        return gone


def list_offers(store: Store, *, person: str | int | None = None) -> list[Offer]:
    with store.read() as session:
        query = select(OfferRow)
        if person is not None:
            query = query.where(OfferRow.person_id == resolve_person(session, person).id)
        return [convert.offer(r) for r in session.scalars(query.order_by(OfferRow.id)).all()]
