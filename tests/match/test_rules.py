"""Who may never be suggested: the owner, helpers of closed needs, declined pairs."""

from __future__ import annotations

import pytest

from lazos.clock import utcnow
from lazos.match.service import match_all, match_need, who_can
from lazos.services.needs import add_need, add_offer, set_need_status
from lazos.services.people import add_person
from lazos.store.schema import IntroductionRow

pytestmark = pytest.mark.usefixtures("fake")


@pytest.fixture
def network(store):
    luis = add_person(store, name="Luis")
    marta = add_person(store, name="Marta")
    bob = add_person(store, name="Bob")
    add_offer(store, person=marta.id, text="physiotherapist: back pain and knee injuries", lang="en")
    add_offer(store, person=bob.id, text="physiotherapist for back pain in runners", lang="en")
    add_offer(store, person=luis.id, text="back pain massage and physiotherapist", lang="en")
    need = add_need(store, person=luis.id, text="my back pain is terrible", lang="en")
    return store, luis, marta, bob, need


def test_owner_is_never_matched_to_own_need(network):
    store, luis, marta, bob, need = network
    result = match_need(store, need.id, limit=10)
    helpers = [m.person_id for m in result.matches]
    assert luis.id not in helpers
    assert set(helpers) == {marta.id, bob.id}


def test_solved_and_dropped_needs_get_no_matches(network):
    store, luis, marta, bob, need = network
    set_need_status(store, need.id, "solved")
    assert match_need(store, need.id).matches == []
    assert match_all(store) == []
    set_need_status(store, need.id, "open")
    set_need_status(store, need.id, "dropped")
    result = match_need(store, need.id)
    assert result.matches == [] and not result.suggest


def test_declined_pair_is_never_suggested_again(network):
    store, luis, marta, bob, need = network
    with store.transaction() as session:
        session.add(IntroductionRow(need_id=need.id, helper_id=marta.id, state="declined",
                                    history=[], created_at=utcnow(), updated_at=utcnow()))
    helpers = [m.person_id for m in match_need(store, need.id, limit=10).matches]
    assert helpers == [bob.id]


def test_who_can_considers_everyone_and_stores_nothing(network):
    store, luis, marta, bob, need = network
    result = who_can(store, "back pain physiotherapist", limit=10)
    assert result.need_id is None
    assert {m.person_id for m in result.matches} == {luis.id, marta.id, bob.id}
    assert all(m.reason.render("en") and m.reason.render("es") for m in result.matches)


def test_empty_network_abstains_and_says_whom_to_look_for(store):
    alice = add_person(store, name="Alice")
    need = add_need(store, person=alice.id, text="me duele la espalda desde hace meses", lang="es")
    result = match_need(store, need.id)
    assert not result.suggest and result.matches == []
    assert result.look_for is not None
    assert "Look for" in result.look_for.render("en")
    assert "Busca" in result.look_for.render("es")


def test_match_all_reports_progress(network):
    store, *_ = network
    calls: list[tuple[int, int]] = []
    match_all(store, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (1, 1)
