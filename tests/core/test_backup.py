"""The JSON backup is lossless: export → import into an empty store → export is identical."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lazos
from lazos.errors import ImportFileError
from lazos.store import Store, open_store


def _fill(store: Store) -> None:
    lazos.load_sample(store)
    alice = lazos.add_person(store, name="Alice Ñúñez", emails=["alice@example.com"],
                             linkedin_url="https://www.linkedin.com/in/alice", tags=["vip"])
    need = lazos.add_need(store, person=alice.id, text="Me duele la rodilla", topic="health")
    lazos.record_consent(store, need.id)
    lazos.set_need_status(store, need.id, "solved")
    lazos.add_followup(store, person=alice.id, text="Llamar", due_on="2026-12-01")
    lazos.add_note(store, person=alice.id, text="<b>hola</b> & adiós", kind="lunch",
                   happened_on="2026-11-02")


def test_round_trip_is_identical(store: Store, tmp_path: Path) -> None:
    _fill(store)
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"
    lazos.export_json(store, first)
    with open_store(f"sqlite:///{tmp_path / 'empty.db'}") as empty:
        counts = lazos.import_json(empty, first)
        lazos.export_json(empty, second)
    assert counts["people"] == len(lazos.list_people(store))
    assert first.read_bytes() == second.read_bytes()


def test_import_into_a_store_with_people_renumbers_and_keeps_links(store: Store,
                                                                    tmp_path: Path) -> None:
    bob = lazos.add_person(store, name="Bob")
    lazos.add_need(store, person=bob.id, text="Busca fontanero")
    backup = tmp_path / "b.json"
    lazos.export_json(store, backup)
    lazos.import_json(store, backup)  # same store: now two Bobs, each with his own need
    bobs = lazos.list_people(store, text="bob")
    assert len(bobs) == 2
    for b in bobs:
        assert [n.text for n in lazos.list_needs(store, person=b.id)] == ["Busca fontanero"]


@pytest.mark.parametrize("content, expected", [
    ("{not json", "line 1"),
    ('{"format": "other"}', "not a Lazos backup"),
    ('{"format": "lazos-backup", "version": 99, "tables": {}}', "version 99"),
    ('{"format": "lazos-backup", "version": 1, "tables": {"people": [{"id": 1, "bogus": 2}]}}',
     "unknown column 'bogus'"),
])
def test_bad_backup_files_are_refused_and_nothing_is_written(store: Store, tmp_path: Path,
                                                             content: str, expected: str) -> None:
    lazos.add_person(store, name="Carol")
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        lazos.import_json(store, path)
    assert expected in err.value.render("en")
    assert [p.name for p in lazos.list_people(store)] == ["Carol"]


def test_a_row_failing_late_rolls_back_the_whole_import(store: Store, tmp_path: Path) -> None:
    lazos.add_person(store, name="Dave")
    good = tmp_path / "good.json"
    lazos.export_json(store, good)
    data = json.loads(good.read_text())
    data["tables"]["people"].append({**data["tables"]["people"][0], "id": 99, "created_at": "nope"})
    good.write_text(json.dumps(data))
    with pytest.raises(ImportFileError):
        lazos.import_json(store, good)
    assert [p.name for p in lazos.list_people(store)] == ["Dave"]
