"""After the chamber mixer: the same-day pack for everyone Alice met, in their language."""

from __future__ import annotations

import pytest

from lazos.connect.followups import LINKEDIN_LIMIT, followup_pack
from lazos.errors import NotFoundError
from lazos.i18n import msg
from lazos.match.service import Match, MatchResult
from lazos.messages.outbox import list_messages
from lazos.services.notes import add_event, add_followup, attend, list_followups
from lazos.services.people import update_person
from lazos.store import Store
from tests.connect.conftest import Net


@pytest.fixture(autouse=True)
def _me(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_NOW", "2026-11-27T19:00:00")
    monkeypatch.setenv("LAZOS_USER_NAME", "Ana García")


def _results(net: Net) -> list[MatchResult]:
    return [MatchResult(need_id=net.roof.id, suggest=True, look_for=None,
                        matches=[Match(net.roof.id, net.bob.id, 0.9, msg("roofs", "tejados"))])]


def test_event_pack_thanks_everyone_in_their_language(store: Store, net: Net) -> None:
    add_event(store, name="Cámara de Comercio mixer", happened_on="2026-11-27")
    attend(store, event="mixer", people=["Lucía", "Bob"])
    add_followup(store, person="Lucía", text="seguimiento", due_on="2026-11-27",
                 kind=__import__("lazos.model", fromlist=["FollowUpKind"]).FollowUpKind.SAME_DAY)
    pack = followup_pack(store, event="mixer", invite="lunch", results=_results(net))
    kinds = [(m.kind, m.lang, m.person_ids[0]) for m in pack.messages]
    assert kinds == [("thank_you", "es", net.lucia.id), ("linkedin_note", "es", net.lucia.id),
                     ("xing_note", "es", net.lucia.id), ("thank_you", "en", net.bob.id),
                     ("linkedin_note", "en", net.bob.id), ("xing_note", "en", net.bob.id)]
    lucia_thanks = pack.messages[0]
    # refers to what she needs and how Alice can help, and offers lunch
    assert "Arreglar una gotera en el tejado: conozco a Bob Smith" in lucia_thanks.body
    assert "en Cámara de Comercio mixer" in lucia_thanks.subject
    assert "que comamos juntos" in lucia_thanks.body
    # the private need is hers: it may be mentioned to her, and to nobody else
    assert "permiso de residencia" in lucia_thanks.body
    assert all("permiso" not in m.body for m in pack.messages if net.lucia.id not in m.person_ids)
    bob_thanks = pack.messages[3]
    assert bob_thanks.body.startswith("Hi Bob") and "Fixes leaking roofs" in bob_thanks.body
    for note in (m for m in pack.messages if m.channel != "email"):
        assert len(note.body) <= LINKEDIN_LIMIT and note.link
    assert pack.messages[4].link == "https://www.linkedin.com/in/bobsmith"
    assert pack.messages[1].link.startswith("https://www.linkedin.com/search/")
    assert list_followups(store, person="Lucía") == []      # the same-day task is done

    again = followup_pack(store, event="mixer", results=_results(net))
    assert again.messages == [] and len(again.notes) == 2
    assert len(list_messages(store)) == 6


def test_linkedin_note_stays_under_300_characters(store: Store, net: Net) -> None:
    update_person(store, net.bob.id, name="Bartholomew " + "Maximilian " * 12 + "Smith")
    from lazos.services.needs import add_need

    add_need(store, person=net.bob.id, text="x" * 400, lang="en")
    pack = followup_pack(store, person=net.bob.id, results=[])
    note = next(m for m in pack.messages if m.channel == "linkedin")
    assert len(note.body) <= LINKEDIN_LIMIT and "Let's stay in touch" in note.body


def test_xing_note_carries_the_profile_link(store: Store, net: Net) -> None:
    update_person(store, net.marta.id, xing_url="https://www.xing.com/profile/Marta_Lopez")
    pack = followup_pack(store, person="Marta", results=[])
    xing = next(m for m in pack.messages if m.channel == "xing")
    assert "https://www.xing.com/profile/Marta_Lopez" in xing.body
    assert xing.body.startswith("Hola, Marta")


def test_nobody_met_today_says_how_to_record_it(store: Store, net: Net) -> None:
    with pytest.raises(NotFoundError) as err:
        followup_pack(store, results=[])
    assert "lazos note" in err.value.render("en")


def test_people_noted_today_get_a_pack_without_naming_them(store: Store, net: Net) -> None:
    from lazos.services.notes import add_note

    add_note(store, person="Carla", text="Café en el coworking", kind="coffee")
    pack = followup_pack(store, results=[])
    assert {m.person_ids[0] for m in pack.messages} == {net.carla.id}
    assert any("Carla Ruiz has no email" in n for n in pack.notes)
