"""Bytes to text: BOMs, UTF-16 without BOM, windows-1252, Shift_JIS; clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from lazos.errors import ImportFileError
from lazos.io.encoding import decode, sniff
from lazos.io.vcard import escape, fold, parse_bytes, split_escaped, unescape

TEXT = "Nombre,Correo\nMarta Núñez,marta@example.com\n"


@pytest.mark.parametrize("data, expected", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
    (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("cp1252"), "cp1252"),
    ("名前,メール\n山田太郎,taro@example.jp\n".encode("shift_jis"), "cp932"),
])
def test_sniffed_encodings_read_the_text_back(data: bytes, expected: str) -> None:
    assert sniff(data) == expected
    decoded = decode(data, "f.csv")
    assert decoded.text.replace("\r", "") in (TEXT, "名前,メール\n山田太郎,taro@example.jp\n")


def test_a_wrong_encoding_given_is_refused_with_the_line() -> None:
    data = ("a\nb\nMüller\n").encode("cp1252")
    with pytest.raises(ImportFileError) as err:
        decode(data, "f.csv", "utf-8")
    text = err.value.render("en")
    assert "line 3" in text and "not valid utf-8" in text and "--encoding" in text
    assert "línea 3" in err.value.render("es")


def test_binary_is_refused() -> None:
    with pytest.raises(ImportFileError, match="not a text file"):
        decode(b"\x89PNG\r\n\x1a\n" + bytes(range(32)) * 10, "photo.png")


def test_vcard_text_escaping_round_trips() -> None:
    for value in ["a,b;c\\d", "line 1\nline 2", "Ñ; é, 漢字"]:
        assert unescape(escape(value)) == value
    assert split_escaped("Doe;John;Richter\\, James;;", ";") == ["Doe", "John", "Richter, James", "", ""]


def test_folding_never_splits_a_character() -> None:
    folded = fold("NOTE:" + "ñ漢" * 40)
    for line in folded.encode("utf-8").split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # would raise if a character were cut


def test_calendar_given_as_vcard_is_refused_as_a_calendar(tmp_path: Path) -> None:
    ics = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    with pytest.raises(ImportFileError, match="calendar"):
        parse_bytes(ics, tmp_path / "x.vcf")


def test_nested_agent_card_and_missing_end_are_tolerated() -> None:
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:Assistant\r\n"
            b"END:VCARD\r\nEMAIL:boss@example.com\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Cut short\r\n")
    parsed = parse_bytes(data, "x.vcf")
    assert [c.name for c in parsed.contacts] == ["Boss", "Cut short"]
    assert parsed.contacts[0].emails == ["boss@example.com"]
    assert "END:VCARD" in parsed.contacts[1].warnings[0].render("en")
