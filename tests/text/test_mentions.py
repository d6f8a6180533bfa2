"""People named in a note, linked to the network when they are in it."""

from __future__ import annotations

from datetime import date

from lazos.text.extract import extract
from lazos.text.mentions import find_mentions

NETWORK = [(1, "Alice Moreno"), (2, "Bob Stone"), (3, "Carmen Ortega"), (4, "Marta López"),
           (5, "Marta Ruiz")]


def test_full_name_and_unique_first_name_are_linked() -> None:
    found = find_mentions("Lunch with Dan. He knows Bob Stone well, and I said Alice could help.",
                          NETWORK, self_id=9, self_name="Dan")
    assert {(m.name, m.person_id) for m in found} == {("Bob Stone", 2), ("Alice Moreno", 1)}


def test_ambiguous_or_place_like_first_names_are_not_linked() -> None:
    found = find_mentions("Vive en el Carmen y conoce a Marta de la academia.", NETWORK,
                          self_id=9, self_name="Dan")
    assert all(m.person_id is None for m in found)
    assert [m.name for m in found] == ["Marta"]  # proposed, unlinked: the user decides


def test_the_person_the_note_is_about_is_not_a_mention() -> None:
    found = find_mentions("Alice Moreno - nurse. Alice wants a bike.", NETWORK, self_id=1,
                          self_name="Alice Moreno")
    assert found == []


def test_extract_links_mentions_as_findings() -> None:
    found = extract("Eva, arquitecta. Su socio Pedro Gil busca local; le presento a Carmen Ortega.",
                    on=date(2026, 3, 12), name="Eva", people=NETWORK, self_id=9)
    mentions = {(f.text, f.person_id) for f in found if f.kind == "mention"}
    assert mentions == {("Carmen Ortega", 3), ("Pedro Gil", None)}
