"""Outlook CSV ("Export to a file → Comma Separated Values"), English and Spanish headers.

Also reads the Thunderbird address-book CSV layout (``Display Name, Primary Email, ...``),
which has the same shape. Outlook writes windows-1252 or, for "Unicode", UTF-16 with a BOM;
:mod:`lazos.io.encoding` reads both. Categories (``Clientes;VIP``) become tags.
"""

from __future__ import annotations

from pathlib import Path

from lazos.io.csvread import Row, read_table, too_many_fields
from lazos.io.fields import classify_url, finish, join_name
from lazos.io.records import Contact, Parsed, Rejection

FORMAT = "outlook"

# Lazos field → header names, in order of preference (compared case-insensitively).
COLUMNS: dict[str, tuple[str, ...]] = {
    "display": ("Display Name", "Nombre para mostrar"),
    "title": ("Title", "Tratamiento"),
    "first": ("First Name", "Nombre"),
    "middle": ("Middle Name", "Segundo nombre"),
    "last": ("Last Name", "Apellidos"),
    "suffix": ("Suffix", "Sufijo"),
    "company": ("Company", "Organization", "Organización", "Compañía", "Empresa"),
    "role": ("Job Title", "Puesto", "Cargo"),
    "city": ("Business City", "Work City", "Home City", "Other City", "Ciudad de trabajo",
             "Ciudad del trabajo", "Ciudad particular", "Otra ciudad"),
    "emails": ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address", "Primary Email",
               "Secondary Email", "Dirección de correo electrónico",
               "Dirección del correo electrónico 2", "Dirección del correo electrónico 3",
               "Dirección de correo electrónico 2", "Dirección de correo electrónico 3"),
    "phones": ("Mobile Phone", "Business Phone", "Business Phone 2", "Home Phone",
               "Home Phone 2", "Primary Phone", "Other Phone", "Mobile Number", "Work Phone",
               "Teléfono móvil", "Teléfono del trabajo", "Teléfono del trabajo 2",
               "Teléfono particular", "Teléfono principal", "Otro teléfono"),
    "web": ("Web Page", "Web Page 1", "Web Page 2", "Página Web", "Página web"),
    "categories": ("Categories", "Categorías"),
    "notes": ("Notes", "Notas"),
    "nickname": ("Nickname", "Alias", "Sobrenombre"),
}
MARKS = {"e-mail address", "primary email", "business phone", "mobile phone", "job title",
         "dirección de correo electrónico", "teléfono móvil", "puesto", "display name"}


def looks_like(cells: list[str]) -> bool:
    names = {c.lower() for c in cells}
    return bool(names & MARKS)


def _all(values: dict[str, str], field: str) -> list[str]:
    return [values[n.lower()].strip() for n in COLUMNS[field]
            if values.get(n.lower(), "").strip()]


def _one(values: dict[str, str], field: str) -> str:
    found = _all(values, field)
    return found[0] if found else ""


def _contact(row: Row) -> Contact | Rejection:
    values = {k.lower(): v for k, v in row.values.items()}
    contact = Contact(line=row.line)
    contact.name = _one(values, "display") or join_name(
        _one(values, "first"), _one(values, "middle"), _one(values, "last"),
        _one(values, "suffix"))
    contact.emails = list(dict.fromkeys(_all(values, "emails")))
    contact.phones = list(dict.fromkeys(_all(values, "phones")))
    contact.company = _one(values, "company") or None
    contact.role = _one(values, "role") or None
    contact.city = _one(values, "city") or None
    for page in _all(values, "web"):
        classify_url(contact, page)
    contact.tags = [t.strip() for cat in _all(values, "categories")
                    for t in cat.replace(",", ";").split(";") if t.strip()]
    contact.note = _one(values, "notes") or None
    return finish(contact, fallback_name=_one(values, "nickname"))


def parse(text: str, path: Path | str) -> Parsed:
    """Contacts from an Outlook (or Thunderbird) CSV text."""
    table = read_table(text, path)
    out = Parsed(format=FORMAT)
    if not looks_like(table.header):
        from lazos.io.encoding import file_error

        raise file_error(path, "the columns are not Outlook's ({found}). Try 'lazos import csv "
                         "FILE --map ...'.",
                         "las columnas no son las de Outlook ({found}). Prueba 'lazos import "
                         "csv FICHERO --map ...'.", found=", ".join(table.header[:8]))
    for row in table.rows:
        bad = too_many_fields(row, spare=1)  # Thunderbird ends every line with one spare comma
        if bad is not None:
            out.rejected.append(bad)
            continue
        out.add(_contact(row))
    return out
