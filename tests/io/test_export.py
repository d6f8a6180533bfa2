"""Exports: vCard 4.0 and CSV that other programs read, and that read back into Lazos."""

from __future__ import annotations

from pathlib import Path

import pytest

import lazos
from lazos.services.exports import export_file
from lazos.services.imports import import_file
from lazos.store import Store, open_store
from tests.conftest import run

FIELDS = ("name", "emails", "phones", "company", "role", "city", "languages", "linkedin_url",
          "xing_url", "tags")


def _fill(store: Store) -> None:
    lazos.add_person(store, name="Marta López-Ñúñez", emails=["marta@example.com", "m@work.example"],
                     phones=["+34 600 111 222"], company="Jardines, S.L.; Sevilla",
                     role="Paisajista", city="Sevilla", languages=["es", "en"],
                     linkedin_url="https://www.linkedin.com/in/marta", tags=["jardín", "vip"],
                     xing_url="https://www.xing.com/profile/Marta")
    lazos.add_person(store, name="Bob", emails=["bob@example.com"], met_at="Chamber mixer")
    lazos.add_person(store, name="=HYPERLINK(\"http://evil\")", role="-cmd", phones=["-34 600"])


def _people(store: Store) -> list[tuple[object, ...]]:
    return sorted(tuple(getattr(p, f) for f in FIELDS) for p in lazos.list_people(store))


@pytest.mark.parametrize("fmt", ["vcard", "csv", "json"])
def test_export_then_import_into_an_empty_store_gives_the_same_people(store: Store, tmp_path: Path,
                                                                       fmt: str) -> None:
    _fill(store)
    path = tmp_path / f"out.{fmt}"
    assert export_file(store, fmt=fmt, path=path) == 3
    with open_store(f"sqlite:///{tmp_path / 'empty.db'}") as empty:
        summary = import_file(empty, path=path)
        assert summary.added == 3 and summary.rejected == 0
        assert _people(empty) == _people(store)


def test_vcard_export_is_valid_40_for_other_readers(store: Store, tmp_path: Path) -> None:
    import vobject

    _fill(store)
    path = tmp_path / "out.vcf"
    export_file(store, fmt="vcard", path=path)
    raw = path.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert raw.count(b"VERSION:4.0\r\n") == 3
    cards = list(vobject.readComponents(raw.decode("utf-8")))
    marta = next(c for c in cards if c.fn.value.startswith("Marta"))
    assert marta.fn.value == "Marta López-Ñúñez"
    assert [e.value for e in marta.email_list] == ["marta@example.com", "m@work.example"]


def test_csv_export_guards_against_formulas(store: Store, tmp_path: Path) -> None:
    _fill(store)
    path = tmp_path / "out.csv"
    export_file(store, fmt="csv", path=path)
    text = path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'-cmd" in text
    assert "+34 600 111 222" in text and ",-34 600," in text  # numbers stay numbers


def test_cli_export_formats_and_errors(cli, tmp_path: Path) -> None:
    run(cli, "person", "add", "Alice")
    code, out = run(cli, "export", "vcard", str(tmp_path / "a.vcf"))
    assert code == 0 and "Exported 1 people" in out
    code, out = run(cli, "export", "xlsx", str(tmp_path / "a.xlsx"))
    assert code == 2 and "vcard, csv, json" in out
    code, out = run(cli, "export", "csv", str(tmp_path / "no" / "such" / "dir.csv"))
    assert code == 2 and "cannot be written" in out
