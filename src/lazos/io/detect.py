"""Which format a file is, from its content (not its name), and reading it with that format.

Order: a vCard or calendar marker decides at once; JSON is a Lazos backup; otherwise the
CSV header names the program (LinkedIn, Google, Outlook) or any CSV whose columns carry
recognisable names. Files that are not contacts (calendars, LinkedIn messages) are
refused with a message that says what they are and what to import instead.
"""

from __future__ import annotations

from pathlib import Path

from lazos.io import csvmap, google, linkedin, outlook, vcard
from lazos.io.csvread import headers_of
from lazos.io.encoding import decode, file_error
from lazos.io.records import Parsed

FORMATS = ("vcard", "linkedin", "google", "outlook", "csv", "json")


def refuse_non_contacts(text: str, path: Path | str) -> None:
    head = text.lstrip()[:4000].upper()
    if head.startswith("BEGIN:VCALENDAR") or "\nBEGIN:VEVENT" in head:
        raise file_error(path, "is a calendar (.ics), not a contacts file. Export your contacts "
                         "as vCard (.vcf) or CSV and import that.",
                         "es un calendario (.ics), no un fichero de contactos. Exporta tus "
                         "contactos como vCard (.vcf) o CSV e importa ese fichero.")


def detect_text(text: str, path: Path | str) -> str:
    """The format name of decoded ``text``; ImportFileError when it is none Lazos reads."""
    refuse_non_contacts(text, path)
    stripped = text.lstrip()
    if "BEGIN:VCARD" in stripped[:20000].upper():
        return "vcard"
    if stripped.startswith("{"):
        return "json"
    records = headers_of(text)
    for cells in records:
        names = {c.upper() for c in cells}
        if "CONVERSATION ID" in names or {"FROM", "TO", "CONTENT"} <= names:
            raise file_error(path, "is LinkedIn's messages.csv, not your connections. Import "
                             "Connections.csv from the same LinkedIn archive.",
                             "es el messages.csv de LinkedIn, no tus contactos. Importa "
                             "Connections.csv del mismo archivo de LinkedIn.")
        if linkedin.is_header(cells):
            return "linkedin"
        if google.looks_like(cells):
            return "google"
        if outlook.looks_like(cells):
            return "outlook"
        if any(t in ("name", "first_name", "last_name") for _, t in csvmap.auto_map(cells)):
            return "csv"
    first = ", ".join(records[0][:8]) if records else ""
    raise file_error(path, "not a contacts format Lazos recognises (first line: {first!r}). "
                     "Give the format (vcard, linkedin, google, outlook, csv, json), or for "
                     "any CSV the columns: --map \"Column=name,Other=email\".",
                     "no es un formato de contactos que Lazos reconozca (primera línea: "
                     "{first!r}). Indica el formato (vcard, linkedin, google, outlook, csv, "
                     "json) o, para cualquier CSV, las columnas: --map \"Columna=name,Otra=email\".",
                     first=first[:120])


def parse_file(path: Path, data: bytes, fmt: str | None = None, *,
               mapping: list[tuple[str, str]] | None = None,
               encoding: str | None = None) -> Parsed:
    """Read ``data`` (the bytes of ``path``) as ``fmt``, or as the detected format.

    Not for ``json`` (a backup is restored by :mod:`lazos.services.backup`).
    """
    if fmt == "vcard" or (fmt is None and mapping is None and _looks_vcard(data)):
        return vcard.parse_bytes(data, path, encoding)
    decoded = decode(data, path, encoding)
    if fmt is None:
        fmt = "csv" if mapping else detect_text(decoded.text, path)
    refuse_non_contacts(decoded.text, path)
    parsers = {"linkedin": linkedin.parse, "google": google.parse, "outlook": outlook.parse}
    if fmt in parsers:
        parsed = parsers[fmt](decoded.text, path)
    elif fmt == "csv":
        parsed = csvmap.parse(decoded.text, path, mapping)
    else:
        raise file_error(path, "format {fmt!r} cannot be read here.",
                         "el formato {fmt!r} no se puede leer aquí.", fmt=fmt)
    parsed.encoding = decoded.encoding
    return parsed


def _looks_vcard(data: bytes) -> bool:
    head = data[:20000]
    if b"BEGIN:VCARD" in head.upper():
        return True
    return b"B\x00E\x00G\x00I\x00N\x00:\x00V\x00C\x00A\x00R\x00D" in head.upper() or (
        b"\x00B\x00E\x00G\x00I\x00N\x00:\x00V\x00C\x00A\x00R\x00D" in head.upper())
