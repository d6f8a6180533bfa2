"""Notes become proposals; accepted proposals become needs/offers/follow-ups, once."""

from __future__ import annotations

from datetime import date

import pytest

from lazos.errors import ConflictError, ValidationError
from lazos.model import Sensitivity, Source
from lazos.services.capture import capture_note, decide, decide_all, extract_note, list_proposals
from lazos.services.needs import list_needs, list_offers
from lazos.services.notes import list_followups, list_notes
from lazos.services.people import add_person
from lazos.store import Store

NOTE = ("Alice Moreno – abogada laboralista. Le duele la espalda desde hace meses. "
        "Busca fotógrafo para su boda. Quedamos en comer el jueves con Bob Stone.")


@pytest.fixture
def alice(store: Store) -> int:
    add_person(store, name="Bob Stone")
    return add_person(store, name="Alice Moreno").id


def test_proposals_wait_until_accepted(store: Store, alice: int) -> None:
    capture = capture_note(store, person=alice, text=NOTE, happened_on="2026-03-12")
    assert [p.kind for p in capture.proposals] == ["offer", "need", "need", "followup", "mention"]
    assert all(p.status == "proposed" for p in capture.proposals)
    assert list_needs(store) == [] and list_offers(store) == []


def test_accepting_keeps_the_source_note_and_privacy(store: Store, alice: int) -> None:
    capture = capture_note(store, person=alice, text=NOTE, happened_on="2026-03-12")
    decide_all(store, capture.note.id)
    needs = sorted(list_needs(store), key=lambda n: n.id)
    assert [n.note_id for n in needs] == [capture.note.id] * 2
    assert [n.source for n in needs] == [Source.NOTE] * 2
    assert needs[0].sensitivity == Sensitivity.PRIVATE and needs[0].topic == "health"
    assert needs[1].sensitivity == Sensitivity.NORMAL
    assert [o.note_id for o in list_offers(store)] == [capture.note.id]
    (lunch,) = list_followups(store)
    assert lunch.due_on == date(2026, 3, 19) and lunch.note_id == capture.note.id
    mention = next(p for p in list_proposals(store, status=None) if p.kind == "mention")
    assert mention.mentioned_id is not None and mention.item_id == mention.mentioned_id


def test_reading_the_same_note_again_never_duplicates(store: Store, alice: int) -> None:
    capture = capture_note(store, person=alice, text=NOTE, happened_on="2026-03-12")
    decide_all(store, capture.note.id)
    again = extract_note(store, capture.note.id)
    assert again.new == 0
    assert len(again.proposals) == len(capture.proposals)
    decide_all(store, capture.note.id)
    decide(store, capture.proposals[1].id, accept=True)
    assert len(list_needs(store)) == 2 and len(list_offers(store)) == 1
    assert len(list_followups(store)) == 1


def test_the_same_need_in_a_second_note_links_to_the_existing_one(store: Store, alice: int) -> None:
    first = capture_note(store, person=alice, text="Busca fotógrafo para su boda.")
    decide_all(store, first.note.id)
    second = capture_note(store, person=alice, text="Busca fotógrafo para su boda.")
    decided = decide_all(store, second.note.id)
    assert len(list_needs(store)) == 1
    assert decided.proposals[0].item_id == first.proposals[0].item_id or \
        decided.proposals[0].item_id == list_needs(store)[0].id


def test_edit_and_reject(store: Store, alice: int) -> None:
    capture = capture_note(store, person=alice, text=NOTE, happened_on="2026-03-12")
    offer, pain, photo, lunch, _ = capture.proposals
    decide(store, pain.id, accept=False)
    edited = decide(store, photo.id, accept=True, text="Wedding photographer in May")
    moved = decide(store, lunch.id, accept=True, text="Lunch with Bob next Monday")
    assert edited.text == "Wedding photographer in May"
    assert moved.due_on == date(2026, 3, 16)
    assert [n.text for n in list_needs(store)] == ["Wedding photographer in May"]
    assert extract_note(store, capture.note.id).new == 0  # rejected stays rejected
    assert next(p for p in list_proposals(store, status=None) if p.id == pain.id).status == "rejected"
    with pytest.raises(ConflictError):
        decide(store, photo.id, accept=False)


def test_markup_is_stored_as_text(store: Store, alice: int) -> None:
    text = "<script>alert('x')</script><b>Busca</b> un piso [red]barato[/red]"
    capture = capture_note(store, person=alice, text=text)
    assert list_notes(store, person=alice)[0].text == text
    assert [p.text for p in capture.proposals] == ["Busca un piso [red]barato[/red]"]


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_note_is_refused_and_nothing_is_stored(store: Store, alice: int, text: str) -> None:
    with pytest.raises(ValidationError) as err:
        capture_note(store, person=alice, text=text)
    assert "note" in err.value.render("en") and "nota" in err.value.render("es")
    assert list_notes(store) == []


def test_emoji_and_numbers_keep_the_note_and_propose_nothing(store: Store, alice: int) -> None:
    capture = capture_note(store, person=alice, text="🎉🎉 👍 12 345 2026")
    assert capture.proposals == [] and capture.note.text == "🎉🎉 👍 12 345 2026"


def test_a_10000_character_paste_is_read_and_a_longer_one_refused(store: Store, alice: int) -> None:
    block = "Busca un fontanero para el baño. Es diseñadora gráfica. "
    paste = (block * 200)[:10_000]
    capture = capture_note(store, person=alice, text=paste)
    assert capture.note.text == paste.strip()
    assert {p.kind for p in capture.proposals} == {"need", "offer"}  # same sentences: once each
    with pytest.raises(ValidationError) as err:
        capture_note(store, person=alice, text=block * 300)
    assert "10000" in err.value.render("en").replace(",", "")
