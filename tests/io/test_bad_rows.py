"""Alice imports files that are not what she says, or rows that cannot be anyone: each is
refused with the file, the line and the fix, and nobody made-up is added."""

from __future__ import annotations

from pathlib import Path

import pytest

import lazos
from lazos.errors import ImportFileError
from lazos.services.imports import import_file
from lazos.store import Store


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "contacts.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_row_whose_only_clue_is_a_broken_email_is_rejected_not_named_after_it(
        store: Store, tmp_path: Path) -> None:
    path = _csv(tmp_path, "Name,Email\nBob Stone,bob@example.com\n,not-an-email\n")
    summary = import_file(store, path=path)
    assert (summary.added, summary.rejected) == (1, 1)
    assert summary.bad_rows[0].line == 3
    assert "valid email" in summary.bad_rows[0].reason.render("en")
    assert [p.name for p in lazos.list_people(store)] == ["Bob Stone"]
    with pytest.raises(ImportFileError, match="--strict"):
        import_file(store, path=_csv(tmp_path, "Name,Email\nCarla,carla@example.com\n,nope\n"),
                    strict=True)


def test_an_email_without_a_name_still_names_the_person(store: Store, tmp_path: Path) -> None:
    summary = import_file(store, path=_csv(tmp_path, "Name,Email\n,dana@example.com\n"))
    assert summary.added == 1
    assert [p.name for p in lazos.list_people(store)] == ["dana@example.com"]


@pytest.mark.parametrize("fmt", ["linkedin", "google"])
def test_a_plain_csv_given_as_another_format_says_which_columns_it_has(
        store: Store, tmp_path: Path, fmt: str) -> None:
    path = _csv(tmp_path, "Nombre,Correo\nBob,bob@example.com\n")
    with pytest.raises(ImportFileError) as err:
        import_file(store, path=path, fmt=fmt)
    en, es = err.value.render("en"), err.value.render("es")
    assert "first row: Nombre, Correo" in en and "lazos import csv FILE --map" in en
    assert "primera fila: Nombre, Correo" in es
    assert lazos.list_people(store) == []
