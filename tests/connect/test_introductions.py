"""Introducing Lucía (needs a roofer) to Bob (a plumber) both ways, with double opt-in."""

from __future__ import annotations

import pytest

from lazos.connect import introductions as intros
from lazos.connect.states import IntroState
from lazos.errors import ConflictError
from lazos.messages.outbox import list_messages
from lazos.services.needs import get_need
from lazos.services.notes import list_followups
from lazos.store import Store
from tests.connect.conftest import Net


def test_double_opt_in_walks_every_state_and_drafts_in_each_language(store: Store, net: Net) -> None:
    asked = intros.ask(store, need_id=net.roof.id, helper="Bob", reason="Bob fixes roofs")
    assert asked.introduction is not None
    intro_id = asked.introduction.id
    assert asked.introduction.state == IntroState.ASKED_REQUESTER
    [ask_lucia] = asked.messages
    assert ask_lucia.to == ["lucia@example.es"] and ask_lucia.lang == "es"
    assert "Hola, Lucía" in ask_lucia.body and "gotera" in ask_lucia.body

    to_helper = intros.accept(store, intro_id)
    [ask_bob] = to_helper.messages
    assert to_helper.introduction and to_helper.introduction.state == IntroState.ASKED_HELPER
    assert ask_bob.to == ["bob@example.com"] and ask_bob.lang == "en"
    assert ask_bob.body.startswith("Hi Bob")

    done = intros.accept(store, intro_id)
    assert done.introduction and done.introduction.state == IntroState.INTRODUCED
    # different languages: one email each, both with both people's details and vCards
    by_lang = {m.lang: m for m in done.messages}
    assert set(by_lang) == {"es", "en"}
    for m in done.messages:
        assert "lucia@example.es" in m.body and "bob@example.com" in m.body
        assert sorted(a.filename for a in m.attachments) == ["Bob_Smith.vcf", "Lucía_Fernández.vcf"]
    assert "Siguiente paso" in by_lang["es"].body and "me retiro" in by_lang["es"].body
    assert "Next step" in by_lang["en"].body and "step out" in by_lang["en"].body
    assert [h.state for h in done.introduction.history] == [
        "suggested", "asked_requester", "asked_helper", "introduced"]
    assert all(h.at for h in done.introduction.history)
    # a check-in is scheduled for Lucía, in Spanish
    [check] = list_followups(store, person=net.lucia.id)
    assert check.kind == "check_in" and check.text == "¿Cómo te fue con Bob?"
    assert check.introduction_id == intro_id

    intros.record_outcome(store, intro_id, met=True, solved=True, value=8, thanks="¡Gracias!")
    assert intros.get_introduction(store, intro_id).state == IntroState.SOLVED
    assert get_need(store, net.roof.id).status == "solved"
    assert list_followups(store, person=net.lucia.id) == []


def test_same_language_pair_gets_one_email_to_both(store: Store, net: Net) -> None:
    drafts = intros.introduce(store, need_id=net.roof.id, helper="Carla", direct=True)
    [email] = drafts.messages
    assert email.lang == "es" and email.to == ["lucia@example.es"]   # Carla has no email
    assert "Carla Ruiz" in email.body and "aún sin datos de contacto" in email.body
    assert any("Carla Ruiz has no email address" in n for n in drafts.notes)
    assert email.mailto.startswith("mailto:lucia@example.es?subject=")


def test_illegal_moves_are_refused_with_what_is_possible(store: Store, net: Net) -> None:
    intro = intros.suggest(store, need_id=net.roof.id, helper="Bob")
    with pytest.raises(ConflictError) as err:
        intros.record_outcome(store, intro.id, solved=True)
    assert "cannot become solved" in err.value.render("en")
    assert "no puede pasar a resuelto" in err.value.render("es")
    assert "asked the person with the need" in err.value.render("en")
    with pytest.raises(ConflictError, match="--direct"):
        intros.introduce(store, intro_id=intro.id)
    assert list_messages(store) == []
    assert intros.get_introduction(store, intro.id).state == IntroState.SUGGESTED


def test_declined_pair_is_final_and_never_asked_again(store: Store, net: Net) -> None:
    asked = intros.ask(store, need_id=net.roof.id, helper="Bob")
    assert asked.introduction is not None
    intros.decline(store, asked.introduction.id, by="requester")
    with pytest.raises(ConflictError) as err:
        intros.ask(store, need_id=net.roof.id, helper="Bob")
    assert "declined" in err.value.render("en") and "rechazó" in err.value.render("es")
    with pytest.raises(ConflictError, match="not waiting for an answer"):
        intros.accept(store, asked.introduction.id)
    with pytest.raises(ConflictError, match="final"):
        intros.record_outcome(store, asked.introduction.id, met=True)


def test_second_introduction_of_the_same_pair_is_refused(store: Store, net: Net) -> None:
    first = intros.introduce(store, need_id=net.roof.id, helper="Bob", direct=True)
    assert first.introduction is not None
    before = len(list_messages(store))
    with pytest.raises(ConflictError, match="already introduced"):
        intros.introduce(store, intro_id=first.introduction.id, direct=True)
    from lazos.services.needs import add_need

    other = add_need(store, person=net.lucia.id, text="Cambiar las tuberías del baño", lang="es")
    with pytest.raises(ConflictError, match="already introduced"):
        intros.introduce(store, need_id=other.id, helper="Bob", direct=True)
    assert len(list_messages(store)) == before


def test_suggestions_skip_declined_pairs_and_existing_introductions(store: Store, net: Net) -> None:
    from lazos.connect.matching import candidates
    from lazos.i18n import msg
    from lazos.match.service import Match, MatchResult

    def results() -> list[MatchResult]:
        return [MatchResult(need_id=net.roof.id, suggest=True, look_for=None, matches=[
            Match(net.roof.id, net.bob.id, 0.9, msg("roofer", "tejador")),
            Match(net.roof.id, net.carla.id, 0.7, msg("plumber", "fontanera")),
            Match(net.roof.id, net.lucia.id, 0.6, msg("self", "ella misma"))]),
            MatchResult(need_id=net.visa.id, suggest=True, look_for=None, matches=[
                Match(net.visa.id, net.marta.id, 0.8, msg("lawyer", "abogada"))])]

    found = candidates(store, results())
    assert [(c.need_id, c.helper_name, c.private) for c in found] == [
        (net.roof.id, "Bob Smith", False), (net.visa.id, "Marta López", True),
        (net.roof.id, "Carla Ruiz", False)]
    intros.suggest(store, need_id=net.roof.id, helper="Carla")
    declined = intros.ask(store, need_id=net.visa.id, helper="Marta").introduction
    assert declined is not None
    intros.decline(store, declined.id, by="requester")
    assert [c.helper_name for c in candidates(store, results())] == ["Bob Smith"]
