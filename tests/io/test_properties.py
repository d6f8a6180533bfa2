"""Property tests: random bytes and malformed rows never crash an importer, and a failed
import writes nothing."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import lazos
from lazos.errors import UserError
from lazos.io.detect import parse_file
from lazos.services.imports import import_file
from lazos.store import Store

FORMATS = [None, "vcard", "linkedin", "google", "outlook", "csv"]
HEADERS = {
    "linkedin": ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                 "Connected On"],
    "google": ["Name", "Given Name", "Family Name", "Group Membership", "E-mail 1 - Type",
               "E-mail 1 - Value", "Phone 1 - Value", "Website 1 - Value", "Notes"],
    "outlook": ["First Name", "Last Name", "Company", "Job Title", "E-mail Address",
                "Mobile Phone", "Categories", "Web Page", "Notes"],
    "csv": ["name", "email", "phone", "company", "linkedin", "tags", "languages", "note"],
}
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
cells = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "http://[", "https://www.linkedin.com/in/x", "a@b.co", "::: :::",
                     "+34 600 000 000", "=cmd", "\"", "05 Oct 2020", "x" * 400, "\x00",
                     "linkedin.com/in/ñ", "* myContacts ::: a", "\\", "=0A=", "\r\n "]),
)
vcard_lines = st.lists(st.one_of(
    st.sampled_from(["BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:4.0", "FN:Ana",
                     "N:;;;;", "EMAIL:ana@example.com", "TEL:123", "NOTE;ENCODING=QUOTED-PRINTABLE:a=",
                     "ORG:;", "URL:http://[", "CATEGORIES:\\,,", "item1.X-ABLabel:x", " folded",
                     "PHOTO;ENCODING=b:!!!", "KIND:group", "UID:", "ADR:;;;", "LANG:xx",
                     "N;CHARSET=bogus:a;b"]),
    st.text(max_size=30).map(lambda t: "X-" + t),
    st.text(max_size=30)), max_size=25)


def _write(data: bytes) -> Path:
    with tempfile.NamedTemporaryFile(delete=False, suffix=".dat") as handle:
        handle.write(data)
    return Path(handle.name)


def _count(store: Store) -> int:
    return len(lazos.list_people(store))


def _import_checks(store: Store, data: bytes, fmt: str | None) -> None:
    path = _write(data)
    before = _count(store)
    try:
        summary = import_file(store, path=path, fmt=fmt)
    except UserError:
        assert _count(store) == before  # refused: nothing written
    else:
        assert _count(store) == before + summary.added
        assert summary.rejected == len(summary.bad_rows)
    finally:
        path.unlink()


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(data=st.binary(max_size=600))
def test_random_bytes_never_crash(store: Store, fmt: str | None, data: bytes) -> None:
    _import_checks(store, data, fmt)


@pytest.mark.parametrize("fmt", ["linkedin", "google", "outlook", "csv"])
@SETTINGS
@given(rows=st.lists(st.lists(cells, max_size=12), max_size=8),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "shift_jis"]))
@example(rows=[["Ana", "Ruiz", "http://[", "x@[", "C", "P", "1 Jan 2020", "http://["] * 2],
         encoding="utf-8")
@example(rows=[["Ana", "", "linkedin.com/in/[x", "", "", "", ""], ["x" * 400] * 9],
         encoding="utf-16")
def test_malformed_rows_never_crash(store: Store, fmt: str, rows: list[list[str]],
                                    encoding: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS[fmt])
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding, errors="replace")
    _import_checks(store, data, fmt)
    _import_checks(store, data, None)


@SETTINGS
@given(lines=vcard_lines, ending=st.sampled_from(["\r\n", "\n", "\r\r\n", "\r"]),
       encoding=st.sampled_from(["utf-8", "utf-16-le", "cp1252"]))
def test_malformed_vcards_never_crash(lines: list[str], ending: str, encoding: str) -> None:
    data = ending.join(lines).encode(encoding, errors="replace")
    path = Path("random.vcf")
    try:
        parsed = parse_file(path, data, "vcard")
    except UserError:
        return
    for contact in parsed.contacts:
        assert contact.name.strip()
