"""The same-day follow-up pack: for everyone met at an event or today, a thank-you email
that refers to what they need and how the user can help, a LinkedIn invitation note
(≤ 300 characters, LinkedIn's limit) and a Xing note, each in the person's language.

Running it twice on the same day drafts nothing new for people who already have a pack.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from lazos.clock import today
from lazos.connect.matching import ResultLike, candidates, match_need
from lazos.connect.types import Drafts
from lazos.errors import NotFoundError
from lazos.i18n import msg
from lazos.messages import render as R
from lazos.messages.outbox import add_draft, to_message
from lazos.model import FollowUpKind, FollowUpStatus, Person
from lazos.store import Store, convert
from lazos.store.lookup import resolve_event, resolve_person
from lazos.store.schema import (
    AttendanceRow,
    EventRow,
    FollowUpRow,
    MessageRow,
    NeedRow,
    NoteRow,
    OfferRow,
)

LINKEDIN_LIMIT = 300
PACK_KINDS = ("thank_you", "linkedin_note", "xing_note")


def met_on(session: Session, day: date) -> list[int]:
    """People with a (non-message) interaction or an event on ``day``."""
    ids = list(session.scalars(select(NoteRow.person_id).where(
        NoteRow.happened_on == day, NoteRow.kind.not_in(("email", "message")))).all())
    ids += list(session.scalars(select(AttendanceRow.person_id)
                                .join(EventRow, EventRow.id == AttendanceRow.event_id)
                                .where(EventRow.happened_on == day)).all())
    return list(dict.fromkeys(ids))


def packed_on(session: Session, day: date) -> set[int]:
    """People who already got a thank-you drafted on ``day``."""
    start = datetime.combine(day, time())
    rows = session.scalars(select(MessageRow).where(
        MessageRow.kind == "thank_you", MessageRow.created_at >= start,
        MessageRow.status != "cancelled")).all()
    return {pid for r in rows if r.created_at.date() == day for pid in (r.person_ids or [])}


def _targets(session: Session, person: str | int | None, event: str | int | None,
             day: date) -> tuple[list[int], str | None]:
    if event is not None:
        ev = resolve_event(session, event)
        ids = list(session.scalars(select(AttendanceRow.person_id)
                                   .where(AttendanceRow.event_id == ev.id)
                                   .order_by(AttendanceRow.id)).all())
        return ids, ev.name
    if person is not None:
        row = resolve_person(session, person)
        ev_name = session.scalar(select(EventRow.name)
                                 .join(AttendanceRow, AttendanceRow.event_id == EventRow.id)
                                 .where(AttendanceRow.person_id == row.id,
                                        EventRow.happened_on == day))
        return [row.id], ev_name
    return met_on(session, day), None


def _linkedin(person: Person, lang: str, event: str | None, need: str | None) -> str:
    ctx = {"person": R.person_context(person), "event": event, "need": need,
           "user_first": R.user_first_name()}
    text = R.render("linkedin_note", lang, **ctx).body.strip()
    if len(text) > LINKEDIN_LIMIT and need:
        text = R.render("linkedin_note", lang, **(ctx | {"need": None})).body.strip()
    return text if len(text) <= LINKEDIN_LIMIT else text[:LINKEDIN_LIMIT - 1] + "…"


def _search(site: str, name: str) -> str:
    if site == "linkedin":
        return f"https://www.linkedin.com/search/results/people/?keywords={quote(name)}"
    return f"https://www.xing.com/search/members?keywords={quote(name)}"


def followup_pack(store: Store, *, person: str | int | None = None,
                  event: str | int | None = None, invite: str | None = None,
                  results: Sequence[ResultLike] | None = None,
                  day: date | None = None) -> Drafts:
    """Draft the same-day pack for one person, an event's attendees, or everyone met today.

    ``results`` are the matcher's results to mention helpers (computed when omitted);
    ``invite`` (a meal: lunch, dinner, coffee, breakfast) adds an offer to meet in the
    thank-you email. Raises NotFoundError for an unknown person or event, or nobody met
    today, and ValidationError for an unknown meal.
    """
    from lazos.connect.invitations import MEALS, check_meal

    meal_key = check_meal(invite, field="invite") if invite is not None else None
    day = day or today()
    with store.read() as session:
        ids, event_name = _targets(session, person, event, day)
        needs = {pid: [convert.need(n) for n in session.scalars(
            select(NeedRow).where(NeedRow.person_id == pid,
                                  NeedRow.status.in_(("open", "in_progress")))
            .order_by(NeedRow.id)).all()] for pid in ids}
    if not ids:
        raise NotFoundError(msg(
            "Nobody to follow up: nobody was met {day}. Name a person or an event, or record "
            "today's meetings first (lazos note PERSON ..., lazos event attend ...).",
            "Nadie a quien dar seguimiento: no conociste a nadie el {day}. Indica una persona o "
            "un evento, o anota antes los encuentros de hoy (lazos note PERSONA ..., lazos event "
            "attend ...).", day=day.isoformat()), field="person")
    if results is None:
        results = [match_need(store, n.id) for pid in ids for n in needs[pid]]
    helpers: dict[int, list[str]] = {}
    for c in candidates(store, results):
        helpers.setdefault(c.need_id, [])
        if len(helpers[c.need_id]) < 2:
            helpers[c.need_id].append(c.helper_name)
    drafted: list[MessageRow] = []
    notes: list[str] = []
    with store.transaction() as session:
        done = packed_on(session, day)
        for pid in ids:
            p = convert.person(resolve_person(session, pid))
            if pid in done:
                notes.append(msg("{name} already has today's follow-up in the outbox.",
                                 "{name} ya tiene el seguimiento de hoy en la bandeja de salida.",
                                 name=p.name).render())
                continue
            lang = R.message_lang(p.lang, *(n.lang for n in needs[pid]))
            items = [{"text": n.text, "helpers": helpers.get(n.id, [])} for n in needs[pid]]
            offers = list(session.scalars(select(OfferRow.text).where(
                OfferRow.person_id == pid).order_by(OfferRow.id)).all())
            meal = MEALS[meal_key][lang][0] if meal_key else None
            thanks = R.render("thank_you", lang, person=R.person_context(p), event=event_name,
                              needs=items, any_helper=any(i["helpers"] for i in items),
                              offers=offers[:2], invite=meal, signature=R.signature())
            if not p.email:
                notes.append(msg("{name} has no email address: the thank-you is in the outbox "
                                 "to copy, or add an address with lazos outbox edit ID --to ...",
                                 "{name} no tiene correo: el agradecimiento está en la bandeja "
                                 "para copiarlo, o añade una dirección con lazos outbox edit ID "
                                 "--to ...", name=p.name).render())
            drafted.append(add_draft(session, kind="thank_you", lang=lang,
                                     to=[p.email] if p.email else [], subject=thanks.subject,
                                     body=thanks.body, person_ids=[pid]))
            first_need = needs[pid][0].text if needs[pid] else None
            drafted.append(add_draft(
                session, kind="linkedin_note", channel="linkedin", lang=lang,
                to=[p.linkedin_url or _search("linkedin", p.name)], subject="",
                body=_linkedin(p, lang, event_name, first_need), person_ids=[pid]))
            xing = R.render("xing_note", lang, person=R.person_context(p), event=event_name,
                            user_first=R.user_first_name())
            drafted.append(add_draft(session, kind="xing_note", channel="xing", lang=lang,
                                     to=[p.xing_url or _search("xing", p.name)], subject="",
                                     body=xing.body.strip(), person_ids=[pid]))
            for f in session.scalars(select(FollowUpRow).where(
                    FollowUpRow.person_id == pid,
                    FollowUpRow.kind == FollowUpKind.SAME_DAY.value,
                    FollowUpRow.status == FollowUpStatus.OPEN.value)).all():
                f.status = FollowUpStatus.DONE.value
        return Drafts(introduction=None, messages=[to_message(r) for r in drafted], notes=notes)
