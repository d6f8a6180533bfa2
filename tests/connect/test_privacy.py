"""A private need (Lucía's mother's residence permit) never reaches anyone else without
Lucía's recorded consent."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from lazos.connect import introductions as intros
from lazos.connect.checkins import draft_check_in
from lazos.connect.followups import followup_pack
from lazos.connect.states import IntroState
from lazos.errors import PrivacyError
from lazos.messages.outbox import list_messages
from lazos.services.needs import record_consent
from lazos.services.notes import add_event, attend
from lazos.store import Store
from tests.connect.conftest import Net

SECRET = "permiso de residencia"


def _leaks_to_others(store: Store, net: Net) -> list[int]:
    return [m.id for m in list_messages(store, include_done=True)
            if SECRET in m.body and m.to != [net.lucia.email]]


def test_private_need_is_not_revealed_to_the_helper_without_consent(store: Store, net: Net) -> None:
    asked = intros.ask(store, need_id=net.visa.id, helper="Marta")   # asking Lucía herself is fine
    assert asked.introduction is not None
    intro_id = asked.introduction.id
    assert SECRET in asked.messages[0].body and asked.messages[0].to == ["lucia@example.es"]

    with pytest.raises(PrivacyError) as err:
        intros.accept(store, intro_id)
    assert f"lazos need consent {net.visa.id}" in err.value.render("en")
    assert "privada" in err.value.render("es") and "Marta López" in err.value.render("en")
    with pytest.raises(PrivacyError):
        intros.introduce(store, intro_id=intro_id, direct=True)
    with pytest.raises(PrivacyError):
        intros.introduce(store, need_id=net.visa.id, helper="Bob", direct=True)

    assert intros.get_introduction(store, intro_id).state == IntroState.ASKED_REQUESTER
    assert len(list_messages(store)) == 1
    assert _leaks_to_others(store, net) == []


def test_after_consent_is_recorded_the_introduction_goes_ahead(store: Store, net: Net) -> None:
    asked = intros.ask(store, need_id=net.visa.id, helper="Marta")
    assert asked.introduction is not None
    record_consent(store, net.visa.id)
    to_marta = intros.accept(store, asked.introduction.id)
    assert to_marta.messages[0].to == ["marta@example.es"]
    assert SECRET in to_marta.messages[0].body


@dataclass(frozen=True)
class _Match:
    need_id: int | None
    person_id: int
    score: float = 0.9
    reason: str = ""


@dataclass(frozen=True)
class _Result:
    need_id: int | None
    matches: list[_Match]


def test_follow_ups_and_an_introduction_for_another_need_keep_the_private_one_to_lucia(
        store: Store, net: Net, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_NOW", "2026-11-27T18:00:00")
    add_event(store, name="Mixer", happened_on="2026-11-27")
    attend(store, event="Mixer", people=[net.lucia.id, net.bob.id, net.marta.id])
    results = [_Result(net.visa.id, [_Match(None, net.marta.id)]),
               _Result(net.roof.id, [_Match(None, net.bob.id)])]

    pack = followup_pack(store, event="Mixer", results=results)
    to_lucia = [m for m in pack.messages if m.kind == "thank_you" and m.to == [net.lucia.email]]
    assert len(to_lucia) == 1 and SECRET in to_lucia[0].body   # Lucía reads her own need
    intro = intros.introduce(store, need_id=net.roof.id, helper="Bob", direct=True)
    assert intro.introduction is not None
    draft_check_in(store, intro.introduction.id)

    assert {m.kind for m in list_messages(store)} >= {"thank_you", "linkedin_note",
                                                      "introduction", "check_in"}
    assert _leaks_to_others(store, net) == []
