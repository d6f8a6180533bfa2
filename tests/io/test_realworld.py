"""Every contacts file written by a real program imports, or is refused with a clear error.

The corpus lives in ../shared/realworld (see its README and SOURCES.tsv); files are read
by path. Calendar files (.ics) are not contacts: `lazos import` refuses them with exit 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lazos
from lazos.store import Store
from tests.conftest import run
from tests.io.conftest import REALWORLD

FILES = sorted(p for folder in ("vcard", "linkedin", "google", "outlook", "ics")
               for p in (REALWORLD / folder).glob("*") if p.is_file())
REFUSED = {
    "kawsay__messages.csv": "messages.csv",      # LinkedIn messages, not connections
    "sabre__issue64.vcf": "no record",           # a card with only a photo
}


def test_the_corpus_is_there() -> None:
    assert len(FILES) >= 60, f"expected the shared corpus at {REALWORLD}"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_file_imports_or_is_refused_clearly(cli, path: Path) -> None:
    code, out = run(cli, "import", str(path), "--json")
    if path.suffix == ".ics":
        assert code == 2, out
        assert "calendar" in out and path.name in out
        return
    if path.name in REFUSED:
        assert code == 2, out
        assert REFUSED[path.name] in out and path.name in out
        return
    assert code == 0, out
    summary = json.loads(out)
    assert summary["added"] + summary["merged"] >= 1
    assert summary["added"] + summary["merged"] + summary["rejected"] <= summary["total"]
    code, out = run(cli, "import", str(path), "--json")  # the same file again adds nobody
    assert code == 0, out
    again = json.loads(out)
    assert again["added"] == 0 and again["merged"] == 0
    assert again["skipped"] == summary["added"] + summary["merged"]


def _names(store: Store) -> set[str]:
    return {p.name for p in lazos.list_people(store)}


@pytest.mark.parametrize("relative, expected", [
    ("vcard/roundcube__johndoe_windows1252.vcf", {"John Doë"}),
    ("vcard/tine20__latin1_broken_label.vcf", {"München, Falk"}),
    ("vcard/tine20__contact_umlaut_21_utf8.vcf", {"Hans Müller - Mein Schiff"}),
    ("vcard/roundcube__utf-16_sample.vcf", {"Ǽgean ĽdaMonté"}),
    ("vcard/kcontacts__vcard10_android_qp.vcf", {"Dr. med. Surname Name", "Second Doctor"}),
    ("vcard/ezvcard__John_Doe_ANDROID.vcf", {"ÑÑÑÑ", "Ñ Ñ Ñ Ñ", "john.doe@company.com"}),
    ("vcard/ezvcard__gmail-list.vcf", {"Arnold Smith", "Chris Beatle", "Doug White"}),
    ("vcard/thunderbird__dos_vcard_addressbook.vcf", {"Name Surname"}),
    ("vcard/kcontacts__vcard4_evolution_ximian.vcf", {"Ximian, Inc."}),
    ("outlook/thunderbird__shiftjis_addressbook.csv", {"名無しの権兵衛"}),
    ("outlook/thunderbird__utf16le_bom_addressbook.csv", {"John Doe"}),
    ("linkedin/kawsay__Connections.csv", {"José García", "Æsop Fontaine"}),
    ("google/tine20__google_contacts_legacy.csv", {"Ando", "Bus Winsen"}),
])
def test_names_come_out_right_whatever_the_encoding(store: Store, relative: str,
                                                    expected: set[str]) -> None:
    from lazos.services.imports import import_file

    import_file(store, path=REALWORLD / relative)
    assert expected <= _names(store)


def test_owncloud_fold_splitting_a_greek_character_is_read(store: Store) -> None:
    from lazos.services.imports import import_file

    import_file(store, path=REALWORLD / "vcard/kcontacts__vcard9_owncloud.vcf")
    (person,) = lazos.list_people(store)
    assert person.name.startswith("βγδεαβγδ1") and "\ufffd" not in person.name


def test_iphone_card_keeps_company_city_and_first_email(store: Store) -> None:
    from lazos.services.imports import import_file

    import_file(store, path=REALWORLD / "vcard/ezvcard__John_Doe_IPHONE.vcf")
    (john,) = lazos.list_people(store)
    assert john.company == "IBM" and john.city == "New York"
    assert john.emails[0] == "john.doe@ibm.com"


def test_google_legacy_groups_become_tags_and_notes_a_note(store: Store) -> None:
    from lazos.services.imports import import_file

    import_file(store, path=REALWORLD / "google/roundcube__gmail_legacy.csv")
    (person,) = lazos.list_people(store)
    assert person.tags == ["test"]
    assert person.emails[:2] == ["home@aaa.pl", "work@email.pl"]
    assert person.company == "company" and person.role == "jobtitle"
    assert [n.text for n in lazos.list_notes(store, person=person.id)] == ['note"note']


def test_linkedin_layout_with_other_column_order_and_short_dates(store: Store) -> None:
    from lazos.services.imports import import_file

    import_file(store, path=REALWORLD / "linkedin/rolomind__linkedin.csv")
    charlie = lazos.get_person(store, "charlie@startup.com")
    assert charlie.met_at == "LinkedIn (2025-05-05)"
    assert charlie.linkedin_url == "https://linkedin.com/in/charliedavis"
    assert (charlie.company, charlie.role) == ("Stealth", "Co-founder")
