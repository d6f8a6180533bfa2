"""``lazos note PERSON TEXT``: proposals shown, then accepted, edited or rejected."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.conftest import run

NOTE = ("Alice – abogada laboralista. Busca fotógrafo para su boda. Le duele la rodilla. "
        "Llamarla el lunes.")


@pytest.fixture
def alice(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LAZOS_NOW", "2026-03-12T10:00:00")
    code, out = run(cli, "person", "add", "Alice Moreno")
    assert code == 0, out
    return cli


def _needs(cli: CliRunner) -> list[dict[str, object]]:
    code, out = run(cli, "need", "list", "--json")
    assert code == 0, out
    return list(json.loads(out))


def test_accept_takes_everything(alice: CliRunner) -> None:
    code, out = run(alice, "note", "alice", NOTE, "--accept")
    assert code == 0, out
    assert "need" in out and "All accepted." in out
    needs = _needs(alice)
    assert sorted(n["text"] for n in needs) == ["Busca fotógrafo para su boda",
                                                "Le duele la rodilla"]
    assert {n["text"]: n["sensitivity"] for n in needs}["Le duele la rodilla"] == "private"


def test_answering_accept_edit_reject_skip(alice: CliRunner) -> None:
    # offer: accept (Enter), need 1: edit, need 2: reject, follow-up: skip
    code, out = run(alice, "note", "alice", NOTE, input="\ne\nWedding photographer\nr\ns\n")
    assert code == 0, out
    assert "Accepted 2, rejected 1, left for later 1." in out
    assert [n["text"] for n in _needs(alice)] == ["Wedding photographer"]
    code, out = run(alice, "offer", "list", "--json")
    assert [o["text"] for o in json.loads(out)] == ["abogada laboralista"]


def test_no_answer_leaves_everything_pending(alice: CliRunner) -> None:
    code, out = run(alice, "note", "alice", NOTE, input="")
    assert code == 0, out
    assert "left for later 4" in out
    assert _needs(alice) == []


def test_json_shows_proposals_with_resolved_dates(alice: CliRunner) -> None:
    code, out = run(alice, "note", "alice", NOTE, "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["text"] == NOTE
    kinds = [(p["kind"], p["status"]) for p in data["proposals"]]
    assert kinds == [("offer", "proposed"), ("need", "proposed"), ("need", "proposed"),
                     ("followup", "proposed")]
    assert data["proposals"][3]["due_on"] == "2026-03-16"
    assert data["proposals"][2]["private"] is True


def test_unresolvable_date_is_flagged_in_both_languages(alice: CliRunner,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(alice, "note", "alice", "Quedamos en comer pronto.", "--accept")
    assert code == 0, out
    assert "not understood" in out and "pronto" in out
    monkeypatch.setenv("LAZOS_LANG", "es")
    code, out = run(alice, "note", "alice", "Quedamos en cenar el 31/02.", "--accept")
    assert code == 0, out
    assert "no entendida" in out


def test_markup_in_a_note_is_printed_as_text(alice: CliRunner) -> None:
    code, out = run(alice, "note", "alice", "Busca un piso [bold red]barato[/bold red]", "--accept")
    assert code == 0, out
    assert "[bold red]barato[/bold red]" in out


def test_bad_input_gets_a_clear_message(alice: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(alice, "note", "alice", "   ")
    assert code == 2 and "empty" in out
    monkeypatch.setenv("LAZOS_LANG", "es")
    code, out = run(alice, "note", "alice", "x" * 10_001)
    assert code == 2 and "10000" in out.replace(",", "").replace(".", "")
    code, out = run(alice, "note", "alice", "😀😀 123")
    assert code == 0 and "Nada que proponer" in out


def test_left_for_later_can_be_reviewed_later(alice: CliRunner) -> None:
    code, out = run(alice, "note", "alice", NOTE, input="a\ns\ns\ns\n")
    assert code == 0 and "lazos note 'alice'" in out
    code, out = run(alice, "note", "alice", input="r\n\n\n")  # reject the first waiting one
    assert code == 0, out
    assert "3 proposal(s) waiting" in out and "Accepted 2, rejected 1" in out
    assert [n["text"] for n in _needs(alice)] == ["Le duele la rodilla"]
    code, out = run(alice, "note", "alice")
    assert code == 0 and "Nothing waiting for review" in out
