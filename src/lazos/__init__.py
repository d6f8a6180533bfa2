"""Lazos: a needs-first networking assistant.

Record what people need and what they can solve, see who in your network can help whom
(in Spanish and English), and connect them both ways.

>>> import lazos
>>> net = lazos.open_network("sqlite:///mi-red.db")
>>> marta = lazos.add_person(net, name="Marta López", emails=["marta@example.com"])
>>> lazos.add_need(net, person=marta.id, text="Me duele la espalda desde hace meses")

Every function raises :class:`lazos.errors.UserError` subclasses naming the bad field.
"""

from lazos.errors import LazosError, UserError
from lazos.model import Event, FollowUp, Need, NeedStatus, Note, Offer, Person
from lazos.services.backup import export_json, import_json
from lazos.services.needs import (
    add_need,
    add_offer,
    get_need,
    list_needs,
    list_offers,
    record_consent,
    remove_need,
    remove_offer,
    set_need_status,
    update_need,
    update_offer,
)
from lazos.services.notes import (
    add_event,
    add_followup,
    add_note,
    attend,
    list_events,
    list_followups,
    list_notes,
)
from lazos.services.people import (
    add_person,
    get_person,
    list_people,
    remove_person,
    update_person,
)
from lazos.services.sample import load_sample
from lazos.services.show import overview, search, show_person
from lazos.store import Store, open_store

open_network = open_store
Network = Store

__version__ = "0.1.0"

__all__ = [
    "Event", "FollowUp", "LazosError", "Need", "NeedStatus", "Network", "Note", "Offer",
    "Person", "Store", "UserError", "add_event", "add_followup", "add_need", "add_note",
    "add_offer", "add_person", "attend", "export_json", "get_need", "get_person",
    "import_json", "list_events", "list_followups", "list_needs", "list_notes", "list_offers",
    "list_people", "load_sample", "open_network", "open_store", "overview", "record_consent",
    "remove_need", "remove_offer", "remove_person", "search", "set_need_status", "show_person",
    "update_need", "update_offer", "update_person",
]
