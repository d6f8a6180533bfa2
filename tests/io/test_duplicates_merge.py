"""Duplicates are proposed for the right reasons; a merge keeps everything of both."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

import lazos
from lazos.errors import ConflictError
from lazos.services.merge import find_duplicates, merge_people
from lazos.store import Store
from lazos.store.schema import IntroductionRow, MessageRow
from tests.conftest import run


def _pairs(store: Store) -> set[tuple[str, str]]:
    return {(d.a.name, d.b.name) for d in find_duplicates(store)}


def test_same_email_same_linkedin_or_similar_name_at_same_company(store: Store) -> None:
    lazos.add_person(store, name="Alice Brown", emails=["alice@example.com"])
    lazos.add_person(store, name="A. Brown", emails=["ALICE@example.com"])
    lazos.add_person(store, name="Bob Stone", linkedin_url="https://www.linkedin.com/in/bobstone")
    lazos.add_person(store, name="Roberto", linkedin_url="linkedin.com/in/bobstone/")
    lazos.add_person(store, name="María José Pérez", company="Jardines Sol")
    lazos.add_person(store, name="Maria Jose Perez", company="jardines sol")
    lazos.add_person(store, name="Pérez María José", company="Jardines Sol S.L.")  # other company
    lazos.add_person(store, name="Carol King", company="Acme")
    lazos.add_person(store, name="Carlos Kingsley", company="Acme")  # not similar enough
    assert _pairs(store) == {("Alice Brown", "A. Brown"), ("Bob Stone", "Roberto"),
                             ("María José Pérez", "Maria Jose Perez")}
    reasons = {d.a.name: d.reason.render("en") for d in find_duplicates(store)}
    assert reasons["Alice Brown"] == "same email alice@example.com"
    assert "similar names" in reasons["María José Pérez"]


def test_merge_keeps_every_record_of_both(store: Store) -> None:
    alice = lazos.add_person(store, name="Alice Brown", emails=["alice@example.com"], tags=["vip"])
    dup = lazos.add_person(store, name="Alice B.", emails=["ab@work.example"], phones=["+34 600 000 000"],
                           company="Acme", tags=["cliente"])
    bob = lazos.add_person(store, name="Bob")
    need_a = lazos.add_need(store, person=alice.id, text="Busca fontanero")
    need_b = lazos.add_need(store, person=dup.id, text="Needs a tax advisor")
    lazos.add_offer(store, person=dup.id, text="Sabe de jardinería")
    lazos.add_note(store, person=dup.id, text="Lunch at the mixer")
    lazos.add_followup(store, person=dup.id, text="Call back", due_on="2026-12-01")
    event = lazos.add_event(store, name="Chamber mixer", happened_on="2026-11-20")
    lazos.attend(store, event=event.id, people=[alice.id, dup.id, bob.id])  # both attended
    now = datetime(2026, 11, 27)
    with store.transaction() as session:
        for need_id, helper in [(need_a.id, dup.id), (need_b.id, bob.id)]:
            session.add(IntroductionRow(need_id=need_id, helper_id=helper, state="suggested",
                                        history=[], created_at=now, updated_at=now))
        session.add(MessageRow(kind="intro", person_ids=[dup.id, bob.id], created_at=now))

    result = merge_people(store, keep=alice.id, other=dup.id)

    assert result.removed_id == dup.id
    merged = lazos.get_person(store, alice.id)
    assert merged.name == "Alice Brown" and merged.company == "Acme"
    assert merged.emails == ["alice@example.com", "ab@work.example"]
    assert merged.phones == ["+34 600 000 000"] and merged.tags == ["vip", "cliente"]
    assert {n.text for n in lazos.list_needs(store, person=alice.id)} == {
        "Busca fontanero", "Needs a tax advisor"}
    assert [o.text for o in lazos.list_offers(store, person=alice.id)] == ["Sabe de jardinería"]
    assert [n.text for n in lazos.list_notes(store, person=alice.id)] == ["Lunch at the mixer"]
    assert [f.text for f in lazos.list_followups(store, person=alice.id)] == ["Call back"]
    (ev,) = lazos.list_events(store)
    assert sorted(ev.attendee_ids) == sorted([alice.id, bob.id])
    with store.read() as session:
        intros = {(i.need_id, i.helper_id) for i in session.query(IntroductionRow)}
        (message,) = session.query(MessageRow).all()
        assert message.person_ids == [alice.id, bob.id]
    assert intros == {(need_a.id, alice.id), (need_b.id, bob.id)}
    assert len(lazos.list_people(store)) == 2


def test_merging_a_person_with_themself_is_refused(store: Store) -> None:
    alice = lazos.add_person(store, name="Alice")
    with pytest.raises(ConflictError):
        merge_people(store, keep=alice.id, other="Alice")


def test_cli_duplicates_shows_a_preview_and_merge_asks_first(cli) -> None:
    run(cli, "person", "add", "Alice Brown", "--email", "alice@example.com", "--company", "Acme")
    run(cli, "person", "add", "Alice B", "--email", "alice@example.com", "--city", "Sevilla")
    code, out = run(cli, "duplicates")
    assert code == 0, out
    assert "same email alice@example.com" in out and "lazos merge 1 2" in out
    assert "Sevilla" in out
    code, out = run(cli, "duplicates", "--json")
    (proposal,) = json.loads(out)
    assert proposal["merged"]["city"] == "Sevilla" and proposal["merged"]["company"] == "Acme"
    code, out = run(cli, "merge", "1", "2", input="n\n")
    assert code == 1 and len(json.loads(run(cli, "people", "--json")[1])) == 2
    code, out = run(cli, "merge", "1", "2", input="y\n")
    assert code == 0, out
    assert "Merged 2 into Alice Brown" in out
    code, out = run(cli, "duplicates")
    assert "No duplicates" in out


def test_import_reports_possible_duplicates(cli, tmp_path) -> None:
    run(cli, "person", "add", "Jane Doe", "--company", "Stripe")
    path = tmp_path / "c.csv"
    path.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                    "Jane,Doe,https://www.linkedin.com/in/jane,,Stripe,PM,01 Jan 2024\n",
                    encoding="utf-8")
    code, out = run(cli, "import", str(path))
    assert code == 0, out
    assert "1 possible duplicate" in out and "lazos duplicates" in out


def test_cli_merge_of_one_person_with_themself_is_refused_before_any_preview(cli) -> None:
    run(cli, "person", "add", "Alice Brown", "--email", "alice@example.com")
    code, out = run(cli, "merge", "1", "alice@example.com", input="y\n")
    assert code == 2 and "are the same person: nothing to merge" in out
    assert "Merge 1 into 1?" not in out and "merged" not in out
    assert len(json.loads(run(cli, "people", "--json")[1])) == 1


def test_cli_duplicates_limit_under_one_is_refused(cli) -> None:
    run(cli, "person", "add", "Alice Brown", "--email", "alice@example.com")
    run(cli, "person", "add", "Alice B", "--email", "alice@example.com")
    code, out = run(cli, "duplicates", "--limit", "0")
    assert code == 2 and "limit must be 1 or more" in out and "No duplicates" not in out
    code, out = run(cli, "duplicates", "--limit", "1", "--json")
    assert code == 0 and len(json.loads(out)) == 1
