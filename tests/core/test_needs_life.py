"""Needs have a life (open → in progress → solved | dropped) and a privacy setting."""

from __future__ import annotations

import pytest

import lazos
from lazos.errors import ConflictError, NotFoundError, ValidationError
from lazos.model import NeedStatus, Sensitivity
from lazos.store import Store


def test_a_need_goes_from_open_to_solved_and_back(store: Store) -> None:
    luis = lazos.add_person(store, name="Luis")
    need = lazos.add_need(store, person="luis", text="My back is killing me")
    assert need.status == NeedStatus.OPEN and need.lang == "en"
    need = lazos.set_need_status(store, need.id, NeedStatus.IN_PROGRESS)
    need = lazos.set_need_status(store, need.id, NeedStatus.SOLVED)
    assert need.closed_at is not None
    assert lazos.list_needs(store, person=luis.id) == []
    assert [n.id for n in lazos.list_needs(store, person=luis.id, include_closed=True)] == [need.id]
    need = lazos.set_need_status(store, need.id, "open")
    assert need.closed_at is None and need.is_open


def test_a_dropped_need_cannot_be_solved_without_reopening(store: Store) -> None:
    lazos.add_person(store, name="Eva")
    need = lazos.add_need(store, person="eva", text="Busca local para su tienda")
    lazos.set_need_status(store, need.id, "dropped")
    with pytest.raises(ConflictError) as err:
        lazos.set_need_status(store, need.id, "solved")
    assert "reopen" in err.value.render("en")


def test_sensitive_topics_are_private_until_the_owner_consents(store: Store) -> None:
    lazos.add_person(store, name="Fede")
    health = lazos.add_need(store, person="fede", text="Le duele la espalda", topic="health")
    plain = lazos.add_need(store, person="fede", text="Busca diseñador web")
    assert health.sensitivity == Sensitivity.PRIVATE and not health.shareable
    assert plain.shareable
    agreed = lazos.record_consent(store, health.id)
    assert agreed.shareable and agreed.consent_at is not None
    assert not lazos.record_consent(store, health.id, agreed=False).shareable
    forced = lazos.add_need(store, person="fede", text="Busca socio", private=True)
    assert not forced.shareable


def test_texts_over_the_limit_and_empty_texts_are_refused(store: Store) -> None:
    lazos.add_person(store, name="Gala")
    with pytest.raises(ValidationError) as err:
        lazos.add_need(store, person="gala", text="x" * 10_001)
    assert "10000" in err.value.render("en")
    with pytest.raises(ValidationError):
        lazos.add_offer(store, person="gala", text="   ")
    assert lazos.list_needs(store) == [] and lazos.list_offers(store) == []


def test_unknown_need_id(store: Store) -> None:
    with pytest.raises(NotFoundError):
        lazos.set_need_status(store, 12345, "solved")


def test_an_id_too_big_for_any_database_is_simply_not_found(store: Store) -> None:
    lazos.add_person(store, name="Gala")
    with pytest.raises(NotFoundError) as err:
        lazos.set_need_status(store, 10 ** 21, "solved")
    assert err.value.field == "need"
    with pytest.raises(NotFoundError):
        lazos.show_person(store, str(10 ** 21))


def test_bad_dates_and_urls_name_the_field(store: Store) -> None:
    lazos.add_person(store, name="Hugo")
    with pytest.raises(ValidationError) as err:
        lazos.add_note(store, person="hugo", text="café", happened_on="31/02/2026")
    assert err.value.field == "date"
    with pytest.raises(ValidationError) as err:
        lazos.add_person(store, name="Iris", linkedin_url="https://evil.example.com/in/iris")
    assert err.value.field == "linkedin"
    ok = lazos.add_person(store, name="Iris", linkedin_url="linkedin.com/in/iris")
    assert ok.linkedin_url == "https://linkedin.com/in/iris"


def test_search_ignores_accents_and_case(store: Store) -> None:
    lazos.add_person(store, name="Julia")
    lazos.add_note(store, person="julia", text="Le encanta la JARDINERÍA y busca huerto")
    lazos.add_person(store, name="Kiko", company="Jardines Kiko")
    hits = lazos.search(store, "jardineria")
    assert [(h.person_name, h.kind) for h in hits] == [("Julia", "note")]
    assert {h.person_name for h in lazos.search(store, "jardin")} == {"Julia", "Kiko"}


def test_html_in_a_note_is_stored_as_text(store: Store) -> None:
    lazos.add_person(store, name="Lola")
    lazos.add_note(store, person="lola", text="<script>alert('x')</script> great chat")
    detail = lazos.show_person(store, "lola")
    assert detail.notes[0].text == "<script>alert('x')</script> great chat"


def test_a_url_that_cannot_even_be_parsed_is_a_field_error(store: Store) -> None:
    with pytest.raises(ValidationError) as err:
        lazos.add_person(store, name="Nora", linkedin_url="http://[")
    assert err.value.field == "linkedin"
