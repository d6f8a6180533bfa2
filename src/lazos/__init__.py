"""Lazos: a needs-first networking assistant.

Record what people need and what they can solve, see who in your network can help whom
(in Spanish and English), and connect them both ways.

>>> import lazos
>>> net = lazos.open_network("sqlite:///mi-red.db")
>>> marta = lazos.add_person(net, name="Marta López", emails=["marta@example.com"])
>>> lazos.add_need(net, person=marta.id, text="Me duele la espalda desde hace meses")

Every function raises :class:`lazos.errors.UserError` subclasses naming the bad field.
"""

from typing import TYPE_CHECKING, Any

from lazos.errors import LazosError, UserError

if TYPE_CHECKING:
    from lazos.model import Event, FollowUp, Need, NeedStatus, Note, Offer, Person
    from lazos.services.backup import export_json, import_json
    from lazos.services.exports import export_file
    from lazos.services.imports import import_file
    from lazos.services.merge import find_duplicates, merge_people
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

# Lazy attributes (PEP 562): `import lazos` stays cheap, so CLI commands that do not need
# the database or the models start fast; `lazos.add_person` imports the service on first use.
_LAZY: dict[str, str] = {
    "Event": "lazos.model",
    "FollowUp": "lazos.model",
    "Need": "lazos.model",
    "NeedStatus": "lazos.model",
    "Note": "lazos.model",
    "Offer": "lazos.model",
    "Person": "lazos.model",
    "Store": "lazos.store",
    "add_event": "lazos.services.notes",
    "add_followup": "lazos.services.notes",
    "add_need": "lazos.services.needs",
    "add_note": "lazos.services.notes",
    "add_offer": "lazos.services.needs",
    "add_person": "lazos.services.people",
    "attend": "lazos.services.notes",
    "export_file": "lazos.services.exports",
    "export_json": "lazos.services.backup",
    "find_duplicates": "lazos.services.merge",
    "import_file": "lazos.services.imports",
    "merge_people": "lazos.services.merge",
    "get_need": "lazos.services.needs",
    "get_person": "lazos.services.people",
    "import_json": "lazos.services.backup",
    "list_events": "lazos.services.notes",
    "list_followups": "lazos.services.notes",
    "list_needs": "lazos.services.needs",
    "list_notes": "lazos.services.notes",
    "list_offers": "lazos.services.needs",
    "list_people": "lazos.services.people",
    "load_sample": "lazos.services.sample",
    "open_store": "lazos.store",
    "overview": "lazos.services.show",
    "record_consent": "lazos.services.needs",
    "remove_need": "lazos.services.needs",
    "remove_offer": "lazos.services.needs",
    "remove_person": "lazos.services.people",
    "search": "lazos.services.show",
    "set_need_status": "lazos.services.needs",
    "show_person": "lazos.services.show",
    "update_need": "lazos.services.needs",
    "update_offer": "lazos.services.needs",
    "update_person": "lazos.services.people",
    "open_network": "lazos.store",
    "Network": "lazos.store",
}
_ALIASES = {"open_network": "open_store", "Network": "Store"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'lazos' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), _ALIASES.get(name, name))
    globals()[name] = value
    return value


__version__ = "0.1.0"

__all__ = [
    "Event", "FollowUp", "LazosError", "Need", "NeedStatus", "Network", "Note", "Offer",
    "Person", "Store", "UserError", "add_event", "add_followup", "add_need", "add_note",
    "add_offer", "add_person", "attend", "export_file", "export_json", "find_duplicates",
    "get_need", "get_person", "import_file", "import_json", "list_events", "list_followups",
    "list_needs", "list_notes", "list_offers", "list_people", "load_sample", "merge_people",
    "open_network", "open_store", "overview", "record_consent", "remove_need", "remove_offer",
    "remove_person", "search", "set_need_status", "show_person", "update_need", "update_offer",
    "update_person",
]
