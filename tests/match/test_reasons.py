"""Reasons people can read, in the reader's language."""

from __future__ import annotations

import pytest

from lazos.match.service import match_need
from lazos.services.needs import add_need, add_offer
from lazos.services.people import add_person

pytestmark = pytest.mark.usefixtures("fake")


def test_reason_names_the_helper_what_they_offer_and_who_needs_it(store):
    luis = add_person(store, name="Luis")
    marta = add_person(store, name="Marta")
    add_offer(store, person=marta.id, text="Fisioterapeuta: espalda y rodilla", lang="es")
    add_offer(store, person=marta.id, text="Clases de pilates los sábados", lang="es")
    need = add_need(store, person=luis.id, text="me duele la espalda", lang="es")
    reason = match_need(store, need.id).matches[0].reason
    en, es = reason.render("en"), reason.render("es")
    assert en.startswith("Marta") and "Luis said" in en
    assert "Luis dijo" in es and "«me duele la espalda»" in es
    assert "Fisioterapeuta: espalda y rodilla" in en  # the offer that fits, not the other one
    assert "espalda" in en.split("both mention")[-1]
