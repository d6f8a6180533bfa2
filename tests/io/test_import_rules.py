"""How an import places each record: added, skipped, updated, merged or rejected; strict
mode; nothing half-written; clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lazos
from lazos.errors import ImportFileError, ValidationError
from lazos.services.imports import import_file
from lazos.store import Store
from tests.conftest import run
from tests.io.conftest import FIXTURES

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def _linkedin(tmp_path: Path, *rows: str, name: str = "Connections.csv") -> Path:
    path = tmp_path / name
    path.write_text("Notes:\n\"preamble\"\n\n" + HEADER + "".join(r + "\n" for r in rows),
                    encoding="utf-8")
    return path


def test_reimporting_the_same_file_adds_nothing(store: Store) -> None:
    first = import_file(store, path=FIXTURES / "linkedin_connections.csv")
    again = import_file(store, path=FIXTURES / "linkedin_connections.csv")
    assert (first.added, first.rejected) == (5, 2)
    assert (again.added, again.updated, again.skipped) == (0, 0, 5)
    assert len(lazos.list_people(store)) == 5


def test_a_changed_record_updates_the_person(store: Store, tmp_path: Path) -> None:
    old = _linkedin(tmp_path, "Bob,Stone,https://www.linkedin.com/in/bobstone,,Acme,Sales,01 Jan 2020")
    import_file(store, path=old)
    new = _linkedin(tmp_path, "Bob,Stone,https://linkedin.com/in/bobstone/,,Globex,Director,01 Jan 2020")
    summary = import_file(store, path=new)
    assert (summary.added, summary.updated) == (0, 1)
    (bob,) = lazos.list_people(store)
    assert (bob.company, bob.role) == ("Globex", "Director")


def test_same_email_from_another_program_merges_into_that_person(store: Store) -> None:
    alice = lazos.add_person(store, name="Alice Brown", emails=["alice.brown@email.com"],
                             role="Chef", tags=["vip"])
    summary = import_file(store, path=FIXTURES.parent.parent.parent.parent / "shared" /
                          "realworld" / "google" / "rolomind__google_current_subset.csv")
    assert summary.merged == 1 and summary.added == 3
    merged = lazos.get_person(store, alice.id)
    assert merged.role == "Chef"            # what you typed wins over the file
    assert merged.company == "AI Labs"      # empty fields are filled
    assert merged.tags == ["vip"] and merged.phones == ["+1-555-0125"]


def test_same_linkedin_url_merges(store: Store, tmp_path: Path) -> None:
    bob = lazos.add_person(store, name="Roberto Stone", linkedin_url="https://www.linkedin.com/in/bobstone")
    summary = import_file(store, path=_linkedin(
        tmp_path, "Bob,Stone,https://www.linkedin.com/in/bobstone,bob@acme.example,Acme,Sales,"))
    assert summary.merged == 1
    assert lazos.get_person(store, bob.id).emails == ["bob@acme.example"]


def test_default_imports_good_rows_and_lists_bad_ones_with_lines(cli, tmp_path: Path) -> None:
    path = _linkedin(tmp_path, "Ana,Ruiz,https://www.linkedin.com/in/ana,,Globex,Eng,",
                     ",,,,,,02 Feb 2024", "Bob,Lee,https://www.linkedin.com/in/bob,,Acme,Eng,,oops")
    code, out = run(cli, "import", str(path))
    assert code == 0, out
    assert "1 added" in out and "2 rejected" in out
    assert "line 6:" in out and "line 7:" in out
    code, out = run(cli, "people", "--json")
    assert [p["name"] for p in json.loads(out)] == ["Ana Ruiz"]


def test_strict_is_all_or_nothing(cli, tmp_path: Path) -> None:
    path = _linkedin(tmp_path, "Ana,Ruiz,https://www.linkedin.com/in/ana,,Globex,Eng,", ",,,,,,02 Feb 2024")
    code, out = run(cli, "import", "linkedin", str(path), "--strict")
    assert code == 2
    assert "line 6:" in out and "--strict" in out
    code, out = run(cli, "people", "--json")
    assert json.loads(out) == []


def test_an_interrupted_import_writes_nothing(store: Store, tmp_path: Path) -> None:
    rows = [f"P{i},Q,https://www.linkedin.com/in/p{i},,Co,Role," for i in range(600)]
    lazos.add_person(store, name="Zoe")

    def stop(done: int, total: int) -> None:
        if done >= 500:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_file(store, path=_linkedin(tmp_path, *rows), progress=stop)
    assert [p.name for p in lazos.list_people(store)] == ["Zoe"]
    assert import_file(store, path=_linkedin(tmp_path, *rows)).added == 600  # keys rolled back too


def test_a_value_that_fails_validation_is_left_out_with_a_warning(store: Store) -> None:
    summary = import_file(store, path=FIXTURES / "custom_es_latin1.csv")
    assert summary.added == 4
    assert [w.line for w in summary.warnings] == [5]
    assert "no-es-un-correo" in summary.warnings[0].reason.render("en")
    assert lazos.get_person(store, "Nombre Malo").emails == []


@pytest.mark.parametrize("args, expected", [
    (["import", "vcf", "x.vcf"], "Unknown format 'vcf'"),
    (["import", "a", "b", "c"], "lazos import [FORMAT] FILE"),
    (["import", "linkedin", "missing.csv"], "no such file"),
    (["import", "google", "--map", "A=name", "x.csv"], "--map only applies to the csv format"),
    (["import", "csv", "--map", "Nombre=nombre", "x.csv"], "FIELD one of name"),
])
def test_user_mistakes_exit_2_with_the_fix(cli, args: list[str], expected: str) -> None:
    code, out = run(cli, *args)
    assert code == 2, out
    assert expected in out


def test_binary_and_unknown_files_are_refused(cli, tmp_path: Path) -> None:
    xlsx = tmp_path / "contacts.xlsx"
    xlsx.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4)
    code, out = run(cli, "import", str(xlsx))
    assert code == 2 and "not a text file" in out
    odd = tmp_path / "odd.csv"
    odd.write_text("Foo,Bar\n1,2\n", encoding="utf-8")
    code, out = run(cli, "import", str(odd))
    assert code == 2 and "--map" in out and "Foo, Bar" in out


def test_wrong_encoding_given_is_refused_and_right_one_read(store: Store) -> None:
    utf16 = FIXTURES / "outlook_en_utf16.csv"
    with pytest.raises(ImportFileError) as err:
        import_file(store, path=FIXTURES / "phone_21_sjis_qp.vcf", encoding="nope")
    assert "unknown encoding" in err.value.render("en")
    summary = import_file(store, path=FIXTURES / "outlook_en_cp1252.csv", encoding="latin-1")
    assert lazos.get_person(store, summary.person_ids[0]).name == "José Müller"
    assert import_file(store, path=utf16).skipped == 1  # the same record, saved as UTF-16


def test_json_backup_still_restores_through_import(cli, tmp_path: Path) -> None:
    run(cli, "person", "add", "Alice Ñúñez", "--email", "alice@example.com")
    backup = tmp_path / "b.json"
    code, out = run(cli, "export", "json", str(backup))
    assert code == 0, out
    code, out = run(cli, "import", str(backup))  # detected as a backup
    assert code == 0, out
    code, out = run(cli, "import", "json", str(backup))  # or named
    assert code == 0, out
    code, out = run(cli, "people", "--json")
    assert [p["name"] for p in json.loads(out)] == ["Alice Ñúñez"] * 3


def test_map_for_any_csv(cli) -> None:
    code, out = run(cli, "import", "csv", str(FIXTURES / "custom_es_latin1.csv"), "--map",
                    "Nombre=name,Correo=email,Ciudad=city,Etiquetas=tags", "--json")
    assert code == 0, out
    assert json.loads(out)["added"] == 4
    code, out = run(cli, "show", "Íñigo", "--json")
    person = json.loads(out)["person"]
    assert person["city"] == "Bilbao" and person["company"] is None  # not mapped
    assert person["tags"] == ["carpintero"]


def test_map_naming_a_missing_column_lists_the_columns(cli) -> None:
    code, out = run(cli, "import", "csv", str(FIXTURES / "custom_es_latin1.csv"), "--map",
                    "Name=name")
    assert code == 2
    assert "'Name'" in out and "Nombre, Correo, Empresa" in out


def test_bad_format_name_raises_validation_error(store: Store) -> None:
    with pytest.raises(ValidationError):
        import_file(store, path=FIXTURES / "rfc6350.vcf", fmt="excel")
