"""Each importer reads its format as the program writes it (our fixtures follow the
published layouts for what the shared corpus lacks)."""

from __future__ import annotations

from pathlib import Path

import lazos
from lazos.io.detect import parse_file
from lazos.services.imports import import_file
from lazos.store import Store
from tests.io.conftest import FIXTURES


def _parse(name: str):
    path = FIXTURES / name
    return parse_file(path, path.read_bytes())


def test_linkedin_preamble_dates_hidden_names_and_bad_rows() -> None:
    parsed = _parse("linkedin_connections.csv")
    assert parsed.format == "linkedin"
    by_name = {c.name: c for c in parsed.contacts}
    marta = by_name["Marta López"]
    assert marta.company == "Jardines López, S.L." and marta.role == "Paisajista"
    assert marta.met_at == "LinkedIn (2020-10-05)"
    assert by_name["Ana Ruiz"].linkedin_url.endswith("/in/ana-ruiz-77aa")  # name hidden: from URL
    assert by_name["Carol King"].linkedin_url is None  # no URL is fine
    assert "not a date" in by_name["Carol King"].warnings[0].render("en")
    rejected = {r.line: r.reason.render("en") for r in parsed.rejected}
    assert set(rejected) == {8, 10}
    assert "no name, URL or email" in rejected[8]
    assert "more field" in rejected[10]


def test_google_current_layout_multi_values_labels_and_website() -> None:
    parsed = _parse("google_current.csv")
    assert parsed.format == "google"
    lucia = parsed.contacts[0]
    assert lucia.name == "Lucía Fernández"
    assert lucia.emails == ["lucia@clinicasol.es", "lucia.f@gmail.com", "lucia.home@example.com"]
    assert lucia.phones == ["+34 600 111 222", "+34 600 333 444", "+34 954 000 111"]
    assert lucia.tags == ["Clientes", "Sevilla"]  # "* myContacts" is Google's own group
    assert lucia.city == "Sevilla" and lucia.company == "Clínica Sol"
    assert lucia.linkedin_url == "https://www.linkedin.com/in/luciafernandez"
    assert lucia.note == "Conocida en la cámara de comercio.\nBusca local."
    assert parsed.contacts[1].name == "only@example.com"
    assert [r.line for r in parsed.rejected] == [5]


def test_outlook_windows_1252_and_unicode_read_the_same() -> None:
    ansi, unicode = _parse("outlook_en_cp1252.csv"), _parse("outlook_en_utf16.csv")
    assert (ansi.encoding, unicode.encoding) == ("cp1252", "utf-16-le")
    assert [vars(c) for c in ansi.contacts] == [vars(c) for c in unicode.contacts]
    jose = ansi.contacts[0]
    assert jose.name == "José Müller" and jose.role == "Geschäftsführer"
    assert jose.emails == ["jose@cafe.example", "jm@example.ch"]
    assert jose.tags == ["Kunden", "VIP"] and jose.city == "Zürich"
    assert jose.xing_url == "www.xing.com/profile/Jose_Mueller"


def test_outlook_in_spanish() -> None:
    parsed = _parse("outlook_es.csv")
    (pilar,) = parsed.contacts
    assert parsed.format == "outlook"
    assert (pilar.name, pilar.company, pilar.role) == ("Pilar Gómez Ruiz", "Gestoría Gómez",
                                                       "Asesora fiscal")
    assert pilar.phones == ["+34 611 222 333", "+34 910 000 000"]


def test_apple_vcard_groups_labels_photo_categories_and_note(store: Store) -> None:
    summary = import_file(store, path=FIXTURES / "apple_groups.vcf")
    assert (summary.added, summary.rejected) == (2, 0)
    ines = lazos.get_person(store, "ines@ortega.example")
    assert ines.linkedin_url == "https://www.linkedin.com/in/inesortega"
    assert ines.xing_url == "https://www.xing.com/profile/Ines_Ortega"
    assert ines.tags == ["abogados", "madrid"] and ines.city == "Madrid"
    assert ines.company == "Ortega Abogados" and ines.role == "Abogada laboralista"
    notes = lazos.list_notes(store, person=ines.id)
    assert [n.text for n in notes] == ["Me la presentó Marta.\nHabla de derecho laboral."]


def test_vcard_21_shift_jis_and_quoted_printable() -> None:
    parsed = _parse("phone_21_sjis_qp.vcf")
    taro, ana = parsed.contacts
    assert taro.name == "山田太郎" and taro.phones == ["090-1234-5678"]
    assert ana.name == "Ana Ñuñez"
    assert ana.note == "Primera línea\nSegunda línea"  # soft line break joined


def test_vcard_40_languages_and_group_cards() -> None:
    parsed = _parse("rfc6350.vcf")
    (chloe,) = parsed.contacts
    assert chloe.name == "Chloé Martin" and chloe.phones == ["+33-6-12-34-56-78"]
    assert chloe.languages == ["es"]  # Lazos speaks es/en; French is left out
    assert chloe.city == "Lyon" and chloe.tags == ["boulangère", "lyon"]
    assert [r.line for r in parsed.rejected] == [14]
    assert "group" in parsed.rejected[0].reason.render("en")


def test_format_is_detected_from_content_not_name(tmp_path: Path) -> None:
    for fixture, fmt in [("linkedin_connections.csv", "linkedin"), ("google_current.csv", "google"),
                         ("outlook_en_utf16.csv", "outlook"), ("apple_groups.vcf", "vcard"),
                         ("custom_es_latin1.csv", "csv")]:
        renamed = tmp_path / "contacts.txt"
        renamed.write_bytes((FIXTURES / fixture).read_bytes())
        assert parse_file(renamed, renamed.read_bytes()).format == fmt, fixture
