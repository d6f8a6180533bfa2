"""Use cases about people: add, edit, find, list, remove."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from lazos import validate
from lazos.clock import utcnow
from lazos.model import Person, filter_people
from lazos.store import Store, convert
from lazos.store.lookup import resolve_person
from lazos.store.schema import (
    AttendanceRow,
    EmailRow,
    EventRow,
    NeedRow,
    PersonRow,
    PhoneRow,
)
from lazos.text.fold import fold

LINKEDIN_HOSTS = ("linkedin.com",)
XING_HOSTS = ("xing.com",)


def clean_person_fields(**raw: Any) -> dict[str, Any]:
    """Validate every given field; raises ValidationError naming the first bad one."""
    out: dict[str, Any] = {}
    if raw.get("name") is not None:
        out["name"] = validate.name(raw["name"])
    if raw.get("emails") is not None:
        out["emails"] = list(dict.fromkeys(validate.email(e) for e in raw["emails"] if e.strip()))
    if raw.get("phones") is not None:
        out["phones"] = list(dict.fromkeys(validate.phone(p) for p in raw["phones"] if p.strip()))
    for key in ("company", "role", "city", "met_at", "met_through"):
        if raw.get(key) is not None:
            out[key] = validate.optional_short(raw[key], field=key)
    if raw.get("languages") is not None:
        langs = [validate.lang(x, field="languages") for x in raw["languages"] if x.strip()]
        out["languages"] = [x for x in dict.fromkeys(langs) if x]
    if raw.get("linkedin_url") is not None:
        out["linkedin_url"] = validate.url(raw["linkedin_url"], field="linkedin",
                                           hosts=LINKEDIN_HOSTS)
    if raw.get("xing_url") is not None:
        out["xing_url"] = validate.url(raw["xing_url"], field="xing", hosts=XING_HOSTS)
    if raw.get("tags") is not None:
        out["tags"] = validate.tags(raw["tags"])
    if raw.get("keep_in_touch_days") is not None:
        days = int(raw["keep_in_touch_days"])
        if days < 0 or days > 3650:
            from lazos.errors import field_error

            raise field_error("keep_in_touch_days", "{field} must be between 0 and 3650 days.",
                              "{field} debe estar entre 0 y 3650 días.")
        out["keep_in_touch_days"] = days or None
    return out


def apply_person_fields(row: PersonRow, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if key == "emails":
            row.emails = [EmailRow(address=a, position=i) for i, a in enumerate(value)]
        elif key == "phones":
            row.phones = [PhoneRow(number=n, position=i) for i, n in enumerate(value)]
        else:
            setattr(row, key, value)
            if key == "name":
                row.name_folded = fold(value)


def add_person_row(session: Session, **fields: Any) -> PersonRow:
    """Validate and add a person inside an open session (used by imports and the sample)."""
    values = clean_person_fields(**fields)
    if "name" not in values:
        values["name"] = validate.name(None)
    now = utcnow()
    row = PersonRow(created_at=now, updated_at=now, languages=[], tags=[])
    apply_person_fields(row, values)
    session.add(row)
    session.flush()
    return row


def add_person(store: Store, *, name: str, emails: Sequence[str] = (), phones: Sequence[str] = (),
               company: str | None = None, role: str | None = None, city: str | None = None,
               languages: Sequence[str] = (), linkedin_url: str | None = None,
               xing_url: str | None = None, met_at: str | None = None,
               met_through: str | None = None, tags: Sequence[str] = (),
               keep_in_touch_days: int | None = None) -> Person:
    """Add a person. Raises ValidationError naming the bad field; nothing is stored then."""
    with store.transaction() as session:
        row = add_person_row(
            session, name=name, emails=list(emails), phones=list(phones), company=company,
            role=role, city=city, languages=list(languages), linkedin_url=linkedin_url,
            xing_url=xing_url, met_at=met_at, met_through=met_through, tags=list(tags),
            keep_in_touch_days=keep_in_touch_days)
        return convert.person(row)


def update_person(store: Store, ref: str | int, **changes: Any) -> Person:
    """Change the given fields of a person (``None`` leaves a field as it is).

    ``add_emails``/``add_tags``/``remove_tags`` adjust lists without replacing them.
    """
    add_emails = changes.pop("add_emails", None) or []
    add_phones = changes.pop("add_phones", None) or []
    add_tags = changes.pop("add_tags", None) or []
    remove_tags = {t.lower() for t in changes.pop("remove_tags", None) or []}
    with store.transaction() as session:
        row = resolve_person(session, ref)
        values = clean_person_fields(**changes)
        if add_emails:
            values["emails"] = list(dict.fromkeys(
                values.get("emails", [e.address for e in row.emails])
                + clean_person_fields(emails=add_emails)["emails"]))
        if add_phones:
            values["phones"] = list(dict.fromkeys(
                values.get("phones", [p.number for p in row.phones])
                + clean_person_fields(phones=add_phones)["phones"]))
        if add_tags or remove_tags:
            current = values.get("tags", list(row.tags or []))
            merged = list(dict.fromkeys(current + validate.tags(add_tags)))
            values["tags"] = [t for t in merged if t not in remove_tags]
        apply_person_fields(row, values)
        row.updated_at = utcnow()
        session.flush()
        return convert.person(row)


def get_person(store: Store, ref: str | int) -> Person:
    with store.read() as session:
        return convert.person(resolve_person(session, ref))


def remove_person(store: Store, ref: str | int) -> Person:
    """Delete a person and everything recorded about them (needs, offers, notes...)."""
    with store.transaction() as session:
        row = resolve_person(session, ref)
        gone = convert.person(row)
        session.delete(row)
        return gone


def list_people(store: Store, *, tag: str | None = None, city: str | None = None,
                company: str | None = None, event: str | None = None,
                with_open_needs: bool = False, text: str | None = None,
                limit: int | None = None) -> list[Person]:
    """People sorted by name, filtered by tag, city, company, event, open needs or name text."""
    with store.read() as session:
        query = select(PersonRow).options(selectinload(PersonRow.emails),
                                          selectinload(PersonRow.phones))
        if event:
            from lazos.store.lookup import resolve_event

            ev: EventRow = resolve_event(session, event)
            query = query.join(AttendanceRow, AttendanceRow.person_id == PersonRow.id).where(
                AttendanceRow.event_id == ev.id)
        if with_open_needs:
            query = query.where(PersonRow.id.in_(
                select(NeedRow.person_id).where(NeedRow.status.in_(("open", "in_progress")))))
        if text:
            query = query.where(PersonRow.name_folded.contains(fold(text), autoescape=True))
        rows = session.scalars(query.order_by(PersonRow.name_folded)).all()
        people = [convert.person(r) for r in rows]
    people = filter_people(people, tag=tag, city=city, company=company)
    return people[:limit] if limit else people
