"""Whom to invite to a meal, and the invitation itself (email + iCalendar request).

The ranking asks "how much good could a meal do?": their open needs the network can
solve, other people's needs they can solve, reciprocity (they gave more than they got),
and time since the last contact. Every point comes with its reason.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from lazos import validate
from lazos.clock import today, utcnow
from lazos.connect.keep import last_contacts
from lazos.connect.ledger import ledger
from lazos.connect.matching import ResultLike, check_limit, match_all
from lazos.connect.types import Attachment, Drafts, InviteSuggestion
from lazos.errors import ValidationError, field_error
from lazos.i18n import msg, pick
from lazos.messages import render as R
from lazos.messages.ics import invitation_ics
from lazos.messages.outbox import add_draft, to_message
from lazos.model import FollowUpKind, FollowUpStatus
from lazos.store import Store, convert
from lazos.store.lookup import get_row, resolve_person
from lazos.store.schema import FollowUpRow, MessageRow, NeedRow, PersonRow

MEALS: dict[str, dict[str, tuple[str, str]]] = {
    # meal: {lang: (in a sentence, as a noun)}
    "lunch": {"en": ("lunch", "lunch"), "es": ("que comamos juntos", "comida")},
    "dinner": {"en": ("dinner", "dinner"), "es": ("que cenemos juntos", "cena")},
    "coffee": {"en": ("a coffee", "coffee"), "es": ("tomar un café", "café")},
    "breakfast": {"en": ("breakfast", "breakfast"), "es": ("desayunar juntos", "desayuno")},
}
_DAYS = {"en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
         "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]}
_MONTHS = {"en": ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"],
           "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre"]}
_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S",
            "%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M")


def check_meal(value: str, *, field: str) -> str:
    """The meal name (lower case) when Lazos knows it; else a ValidationError naming ``field``."""
    meal = value.strip().lower()
    if meal not in MEALS:
        raise field_error(field, "{field} {value!r}: use one of {ok}.",
                          "{field} {value!r}: usa uno de {ok}.", value=meal, ok=", ".join(MEALS))
    return meal


def human_when(when: datetime, lang: str) -> str:
    """``Friday 4 December 2026, 14:00`` / ``viernes 4 de diciembre de 2026, 14:00``."""
    day, month = _DAYS[lang][when.weekday()], _MONTHS[lang][when.month - 1]
    if lang == "es":
        return f"{day} {when.day} de {month} de {when.year}, {when:%H:%M}"
    return f"{day} {when.day} {month} {when.year}, {when:%H:%M}"


def parse_when(text: str | datetime, tz: str | None) -> datetime:
    """A timezone-aware start time from what the user typed; refuses the unparseable and
    the past. ``tz`` is an IANA name (Europe/Madrid); without it ``LAZOS_TZ``, else the
    computer's zone."""
    if not tz:
        from lazos.config import load_settings

        tz = load_settings().timezone
    zone = None
    if tz:
        try:
            zone = ZoneInfo(tz.strip())
        except (ZoneInfoNotFoundError, ValueError):
            raise field_error("tz", "{field} {value!r} is not a time zone: use a name like "
                              "Europe/Madrid or America/Mexico_City.",
                              "{field} {value!r} no es una zona horaria: usa un nombre como "
                              "Europe/Madrid o America/Mexico_City.", value=tz) from None
    if isinstance(text, datetime):
        naive: datetime | None = text
    else:
        naive = None
        cleaned = " ".join(text.split())
        for fmt in _FORMATS:
            try:
                naive = datetime.strptime(cleaned, fmt)
                break
            except ValueError:
                continue
        if naive is None:
            raise field_error("at", "{field} {value!r} is not a date and time: use "
                              "YYYY-MM-DD HH:MM, e.g. 2026-12-04 14:00.",
                              "{field} {value!r} no es una fecha y hora: usa AAAA-MM-DD HH:MM, "
                              "p. ej. 2026-12-04 14:00.", value=str(text)[:40])
    assert naive is not None
    start = naive.replace(tzinfo=zone) if zone else (
        naive if naive.tzinfo else naive.astimezone())
    if start.astimezone(UTC).replace(tzinfo=None) <= utcnow():
        raise ValidationError(msg(
            "--at {value} is in the past (now it is {now} UTC): choose a later time.",
            "--at {value} ya ha pasado (ahora son las {now} UTC): elige una hora posterior.",
            value=naive.strftime("%Y-%m-%d %H:%M"),
            now=utcnow().strftime("%Y-%m-%d %H:%M")), field="at")
    return start


def _previous(session: Session, message_id: int, guest_id: int) -> tuple[str, int]:
    """UID and SEQUENCE of an earlier invitation to the same person (to reschedule it)."""
    from icalendar import Calendar

    row = get_row(session, MessageRow, message_id, label="message")
    ics = next((a["content"] for a in row.attachments or []
                if a["content_type"].startswith("text/calendar")), None)
    if row.kind != "invitation" or ics is None or guest_id not in (row.person_ids or []):
        raise field_error("update", "Message {value} is not an invitation to this person: see "
                          "'lazos outbox --all' for the invitation to change.",
                          "El mensaje {value} no es una invitación a esta persona: mira "
                          "'lazos outbox --all' para ver la invitación a cambiar.",
                          value=message_id)
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    return str(event["UID"]), int(event.get("SEQUENCE", 0))


def invite(store: Store, *, person: str | int, at: str | datetime, place: str,
           meal: str = "lunch", minutes: int = 90, tz: str | None = None,
           topic: str | None = None, update: int | None = None) -> Drafts:
    """Draft an invitation email in the person's language with an iCalendar request
    attached, and a follow-up on the day. ``update`` (the id of an earlier invitation
    message) reschedules it: same UID, SEQUENCE + 1, so calendars move the event instead of
    adding a second one. Raises ValidationError for a bad time, zone, place, or a missing
    LAZOS_FROM (the invitation's ORGANIZER)."""
    from lazos.config import load_settings

    meal = check_meal(meal, field="meal")
    where = validate.optional_short(place, field="place")
    if not where:
        raise field_error("place", "{field} is empty: say where, e.g. --place 'Casa Pepe, Madrid'.",
                          "{field} está vacío: di dónde, p. ej. --place 'Casa Pepe, Madrid'.")
    if not 15 <= minutes <= 600:
        raise field_error("minutes", "{field} must be between 15 and 600.",
                          "{field} debe estar entre 15 y 600.")
    start = parse_when(at, tz)
    settings = load_settings()
    if not settings.sender:
        raise ValidationError(msg(
            "Set LAZOS_FROM to your email address: an invitation needs an organizer to reply to.",
            "Define LAZOS_FROM con tu correo: una invitación necesita un organizador al que "
            "responder."), field="LAZOS_FROM")
    with store.transaction() as session:
        guest = convert.person(resolve_person(session, person))
        lang = R.message_lang(guest.lang)
        in_sentence, noun = MEALS[meal][lang]
        when = human_when(start, lang)
        ctx = {"person": R.person_context(guest), "meal": in_sentence, "meal_noun": noun,
               "when": when, "place": where, "topic": topic, "signature": R.signature()}
        rendered = R.render("invitation", lang, **ctx)
        summary = pick(lang, "{noun} with {a} and {b}", "{noun}: {a} y {b}").format(
            noun=noun.capitalize(), a=settings.user_name or settings.sender, b=guest.name)
        uid, sequence = f"{uuid.uuid4()}@lazos", 0
        if update is not None:
            uid, previous = _previous(session, update, guest.id)
            sequence = previous + 1
        ics = invitation_ics(
            uid=uid, sequence=sequence, start=start,
            end=start + timedelta(minutes=minutes), summary=summary, location=where,
            description=rendered.body, organizer=(settings.user_name, settings.sender),
            attendees=[(guest.name, guest.email)] if guest.email else [], stamp=utcnow(),
            lang=lang)
        notes = []
        if not guest.email:
            notes.append(msg("{name} has no email address: the invitation is in the outbox; "
                             "add an address (lazos outbox edit ID --to ...) or send the .ics "
                             "yourself.",
                             "{name} no tiene correo: la invitación está en la bandeja de "
                             "salida; añade una dirección (lazos outbox edit ID --to ...) o "
                             "envía tú el .ics.", name=guest.name).render())
        row = add_draft(session, kind="invitation", lang=lang,
                        to=[guest.email] if guest.email else [], subject=rendered.subject,
                        body=rendered.body, person_ids=[guest.id],
                        attachments=[Attachment("invite.ics", "text/calendar; method=REQUEST",
                                                ics)])
        session.add(FollowUpRow(
            person_id=guest.id, kind=FollowUpKind.INVITE.value,
            text=pick(None, "{noun} with {name} at {place}, {when}",
                      "{noun} con {name} en {place}, {when}").format(
                noun=noun.capitalize(), name=guest.name, place=where, when=f"{start:%H:%M}"),
            due_on=start.date(), status=FollowUpStatus.OPEN.value, created_at=utcnow()))
        return Drafts(introduction=None, messages=[to_message(row)], notes=notes)


def suggest_invites(store: Store, *, results: Sequence[ResultLike] | None = None,
                    limit: int = 10, day: date | None = None) -> list[InviteSuggestion]:
    """People ranked by how much good a meal could do, each with its reasons (at most
    ``limit``; a ``limit`` under 1 raises ValidationError)."""
    check_limit(limit)
    day = day or today()
    results = list(results) if results is not None else match_all(store, limit=3)
    balance = {line.person_id: line for line in ledger(store)}
    with store.read() as session:
        owners = dict(session.execute(select(NeedRow.id, NeedRow.person_id)).all())
        names = dict(session.execute(select(PersonRow.id, PersonRow.name)).all())
        created = dict(session.execute(select(PersonRow.id, PersonRow.created_at)).all())
        last = last_contacts(session)
    solvable: dict[int, set[int]] = defaultdict(set)      # person → their needs with a helper
    can_help: dict[int, set[int]] = defaultdict(set)      # person → owners they can help
    for r in results:
        for m in r.matches:
            need_id = m.need_id if m.need_id is not None else r.need_id
            owner = owners.get(need_id) if need_id is not None else None
            if owner is None or owner == m.person_id:
                continue
            solvable[owner].add(need_id)  # type: ignore[arg-type]
            can_help[m.person_id].add(owner)
    out = []
    for pid, name in names.items():
        score, reasons = 0.0, []
        if solvable[pid]:
            n = len(solvable[pid])
            score += 2.0 * n
            reasons.append(pick(None, "{n} of their needs can be solved by your network",
                                "tu red puede resolver {n} de sus necesidades").format(n=n))
        if can_help[pid]:
            who = sorted(names.get(o, "?") for o in can_help[pid])
            score += 1.5 * len(who)
            reasons.append(pick(None, "can help {who}", "puede ayudar a {who}").format(
                who=", ".join(who[:3])))
        line = balance.get(pid)
        if line and line.given > line.received:
            score += 1.0 * (line.given - line.received)
            reasons.append(pick(None, "helped {g} times, received {r}: time to give back",
                                "ha ayudado {g} veces y recibido {r}: toca devolver").format(
                g=line.given, r=line.received))
        since = last.get(pid) or (created[pid].date() if created.get(pid) else day)
        days = (day - since).days
        if days >= 30:
            score += min(days / 30, 3.0)
            reasons.append(pick(None, "no contact for {d} days", "sin contacto desde hace {d} días")
                           .format(d=days))
        if score <= 0:
            continue
        out.append(InviteSuggestion(pid, name, round(score, 2), reasons))
    out.sort(key=lambda s: (-s.score, s.name))
    return out[:limit]
