"""Closing the loop: check-ins, outcomes, the ledger, keep-in-touch and 'today'."""

from __future__ import annotations

import pytest

from lazos.connect import introductions as intros
from lazos.connect.checkins import draft_check_in, due_check_ins
from lazos.connect.keep import set_person_cadence, set_tag_cadence
from lazos.connect.ledger import ledger
from lazos.connect.today import today_view
from lazos.errors import ConflictError
from lazos.i18n import msg
from lazos.match.service import Match, MatchResult
from lazos.services.needs import add_need, get_need
from lazos.services.notes import add_note
from lazos.services.people import update_person
from lazos.store import Store
from tests.connect.conftest import Net


def test_check_in_is_due_a_week_later_and_the_outcome_closes_it(
        store: Store, net: Net, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_NOW", "2026-11-27T10:00:00")
    drafts = intros.introduce(store, need_id=net.roof.id, helper="Bob", direct=True)
    assert drafts.introduction is not None
    intro_id = drafts.introduction.id
    assert due_check_ins(store) == []
    monkeypatch.setenv("LAZOS_NOW", "2026-12-04T09:00:00")
    [due] = due_check_ins(store)
    assert due.name == "Lucía Fernández" and due.text == "¿Cómo te fue con Bob?"
    assert any(i.kind == "check_in" for i in today_view(store).items)

    ask = draft_check_in(store, intro_id)
    assert ask.messages[0].subject == "¿Cómo te fue con Bob?" and ask.messages[0].lang == "es"

    intros.record_outcome(store, intro_id, met=True, solved=True, value=9,
                          thanks="Bob lo arregló en un día")
    assert due_check_ins(store) == []
    assert get_need(store, net.roof.id).status == "solved"
    done = intros.get_introduction(store, intro_id)
    assert (done.state, done.value, done.thanks) == ("solved", 9, "Bob lo arregló en un día")
    with pytest.raises(ConflictError):
        draft_check_in(store, intro_id)


def test_ledger_flags_one_way_relationships(store: Store, net: Net) -> None:
    for owner, text in ((net.lucia.id, "Cambiar la caldera"), (net.marta.id, "Arreglar el baño")):
        need = add_need(store, person=owner, text=text, lang="es")
        d = intros.introduce(store, need_id=need.id, helper="Bob", direct=True)
        assert d.introduction is not None
        intros.record_outcome(store, d.introduction.id, solved=True, value=5, thanks="gracias")
    lines = {x.name: x for x in ledger(store)}
    bob = lines["Bob Smith"]
    assert (bob.given, bob.received, bob.solved_given, bob.value_given) == (2, 0, 2, 10.0)
    assert bob.one_way == "gives"
    assert lines["Lucía Fernández"].received == 1 and lines["Lucía Fernández"].thanks == 1
    assert lines["Lucía Fernández"].one_way is None
    # people Marta brought into the network count as help she gave
    from lazos.services.people import add_person

    for name in ("Pedro Gil", "Rosa Mar"):
        add_person(store, name=name, met_through="marta lopez")
    marta = ledger(store, person="Marta")[0]
    assert (marta.brought, marta.received, marta.one_way) == (2, 1, None)
    # an introduction that was only suggested or declined is not help given
    suggested = intros.suggest(store, need_id=net.roof.id, helper="Marta")
    intros.decline(store, suggested.id)
    assert ledger(store, person="Marta")[0].given == 0
    assert ledger(store, person="Lucía")[0].given == 0


def test_keep_in_touch_by_person_and_tag_and_any_interaction_resets_it(
        store: Store, net: Net, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_NOW", "2026-11-01T10:00:00")
    add_note(store, person="Bob", text="Lunch", kind="lunch", happened_on="2026-11-01")
    add_note(store, person="Marta", text="Café", kind="coffee", happened_on="2026-11-01")
    set_person_cadence(store, person="Bob", days=14)
    update_person(store, net.marta.id, add_tags=["vip"])
    set_tag_cadence(store, tag="VIP", days=30)
    monkeypatch.setenv("LAZOS_NOW", "2026-11-20T10:00:00")
    keep = [i for i in today_view(store).items if i.kind == "keep_in_touch"]
    assert [i.name for i in keep] == ["Bob Smith"]
    monkeypatch.setenv("LAZOS_NOW", "2026-12-05T10:00:00")
    keep = [i.name for i in today_view(store).items if i.kind == "keep_in_touch"]
    assert keep == ["Bob Smith", "Marta López"]
    add_note(store, person="Bob", text="Call", kind="call")
    keep = [i.name for i in today_view(store).items if i.kind == "keep_in_touch"]
    assert keep == ["Marta López"]


def test_today_lists_waiting_intros_same_day_and_new_matches(
        store: Store, net: Net, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_NOW", "2026-11-27T10:00:00")
    asked = intros.ask(store, need_id=net.roof.id, helper="Bob")
    assert asked.introduction is not None
    add_note(store, person="Marta", text="Coincidimos en el mixer", kind="event")
    fresh = add_need(store, person=net.marta.id, text="Busca fontanero", lang="es")
    results = [MatchResult(need_id=fresh.id, suggest=True, look_for=None,
                           matches=[Match(fresh.id, net.carla.id, 0.7, msg("plumber", "fontanera"))])]
    monkeypatch.setenv("LAZOS_NOW", "2026-12-15T10:00:00")
    view = today_view(store, results=results)
    kinds = {i.kind: i for i in view.items}
    assert "waiting 18 days" in kinds["intro_waiting"].text and "stalled" in kinds["intro_waiting"].text
    assert kinds["intro_waiting"].name == "Lucía Fernández"
    assert "match" not in kinds           # the need is older than yesterday
    monkeypatch.setenv("LAZOS_NOW", "2026-11-27T18:00:00")
    view = today_view(store, results=results)
    kinds = {i.kind: i for i in view.items}
    assert kinds["same_day"].name == "Marta López"
    assert kinds["match"].ref == f"lazos intro ask {fresh.id} {net.carla.id}"


def test_today_shows_the_user_their_own_private_need_marked(store) -> None:
    """`lazos today` is the user's own screen: a private need appears, marked with a lock."""
    import lazos
    from lazos.connect.today import today_view
    from lazos.i18n import msg
    from lazos.match.service import Match, MatchResult

    ana = lazos.add_person(store, name="Ana")
    bea = lazos.add_person(store, name="Bea", role="Fisio")
    need = lazos.add_need(store, person=ana.id, text="Me duele la espalda", topic="health")
    result = MatchResult(need.id, True, [Match(need.id, bea.id, 3.0, msg("x", "x"))], None)
    view = today_view(store, results=[result])
    texts = [i.text for i in view.items if i.kind == "match"]
    assert texts == ["Bea could help with '🔒 Me duele la espalda'"]
