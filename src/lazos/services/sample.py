"""The bundled bilingual sample network, for a first look (``lazos demo``, ``make run``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from lazos.clock import utcnow
from lazos.errors import ConflictError
from lazos.i18n import msg
from lazos.services.needs import add_need_row, add_offer_row
from lazos.services.notes import add_note_row
from lazos.services.people import add_person_row
from lazos.store import Store
from lazos.store.lookup import has_people
from lazos.store.schema import AttendanceRow, EventRow, MetaRow

PERSON_FIELDS = ("name", "emails", "phones", "company", "role", "city", "languages",
                 "linkedin_url", "xing_url", "met_at", "met_through", "tags")


def sample_data() -> dict[str, Any]:
    text = resources.files("lazos.data").joinpath("sample_network.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def is_empty(store: Store) -> bool:
    with store.read() as session:
        return not has_people(session)


def load_sample(store: Store) -> int:
    """Load the sample into an empty store, in one transaction. Returns people added.

    Refuses a store that already has people: the sample must never mix with real contacts.
    """
    data = sample_data()
    with store.transaction() as session:
        if has_people(session):
            raise ConflictError(msg(
                "The sample network only loads into an empty store; this one already has "
                "people. Use LAZOS_HOME=/tmp/lazos-demo lazos demo to try it apart.",
                "La red de ejemplo solo se carga en un almacén vacío; este ya tiene personas. "
                "Usa LAZOS_HOME=/tmp/lazos-demo lazos demo para probarla aparte."))
        ev = data["event"]
        from lazos.validate import iso_date

        event = EventRow(name=ev["name"], happened_on=iso_date(ev.get("date")),
                         place=ev.get("place"), kind=ev.get("kind"), created_at=utcnow())
        session.add(event)
        session.flush()
        for item in data["people"]:
            row = add_person_row(session, **{k: item[k] for k in PERSON_FIELDS if k in item})
            for need in item.get("needs", []):
                add_need_row(session, person_id=row.id, text=need["text"],
                             topic=need.get("topic"), lang=need.get("lang"))
            for offer in item.get("offers", []):
                add_offer_row(session, person_id=row.id, text=offer)
            for note in item.get("notes", []):
                add_note_row(session, person_id=row.id, text=note["text"],
                             kind=note.get("kind", "note"), happened_on=note.get("date"),
                             event_id=event.id if item.get("attended")
                             and note.get("kind") == "event" else None)
            if item.get("attended"):
                session.add(AttendanceRow(event_id=event.id, person_id=row.id))
        session.merge(MetaRow(key="sample_loaded", value=utcnow().isoformat()))
        return len(data["people"])
