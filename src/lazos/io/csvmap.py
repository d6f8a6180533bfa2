"""Any CSV, with a column mapping (``--map "Nombre=name,Correo=email"``), and CSV export.

Without a mapping, columns are matched by their usual names in English and Spanish
(``Email``/``Correo``, ``Company``/``Empresa``...), which also reads back what
:func:`write_csv` writes. Cells of list fields (email, phone, tags, languages) may hold
several values separated by ``;`` or `` ::: ``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from lazos.errors import ValidationError
from lazos.i18n import msg
from lazos.io.csvread import Row, read_table
from lazos.io.encoding import file_error
from lazos.io.fields import classify_url, finish, join_name
from lazos.io.records import Contact, Parsed, Rejection
from lazos.model import Person
from lazos.text.fold import fold

FORMAT = "csv"
TARGETS: dict[str, tuple[str, ...]] = {
    "name": ("name", "nombre", "full name", "nombre completo", "display name"),
    "first_name": ("first name", "first_name", "given name", "nombre de pila"),
    "last_name": ("last name", "last_name", "surname", "family name", "apellidos", "apellido"),
    "email": ("email", "emails", "e-mail", "e-mail address", "email address", "correo",
              "correos", "correo electronico", "mail"),
    "phone": ("phone", "phones", "telephone", "mobile", "telefono", "telefonos", "movil"),
    "company": ("company", "organization", "organisation", "empresa", "organizacion"),
    "role": ("role", "title", "job title", "position", "cargo", "puesto"),
    "city": ("city", "town", "ciudad", "localidad"),
    "languages": ("languages", "language", "idioma", "idiomas"),
    "linkedin": ("linkedin", "linkedin_url", "linkedin url"),
    "xing": ("xing", "xing_url", "xing url"),
    "tags": ("tags", "tag", "etiquetas", "categories", "categorias", "labels"),
    "note": ("note", "notes", "nota", "notas", "comments", "comentarios"),
    "met_at": ("met_at", "met at", "conocido en"),
    "met_through": ("met_through", "met through", "a traves de"),
}
LIST_SPLIT = re.compile(r"\s*(?:;|:::)\s*")
EXPORT_COLUMNS = ["id", "name", "emails", "phones", "company", "role", "city", "languages",
                  "linkedin_url", "xing_url", "met_at", "met_through", "tags",
                  "keep_in_touch_days"]


def parse_map(spec: str) -> list[tuple[str, str]]:
    """``"Nombre=name,Correo=email"`` → ``[("Nombre", "name"), ("Correo", "email")]``."""
    pairs: list[tuple[str, str]] = []
    for part in spec.split(","):
        if not part.strip():
            continue
        column, sep, target = part.partition("=")
        target = target.strip().lower()
        if not sep or not column.strip() or target not in TARGETS:
            raise ValidationError(msg(
                "--map {part!r}: write COLUMN=FIELD, with FIELD one of {fields}.",
                "--map {part!r}: escribe COLUMNA=CAMPO, con CAMPO uno de {fields}.",
                part=part.strip(), fields=", ".join(TARGETS)), field="map")
        pairs.append((column.strip(), target))
    if not pairs:
        raise ValidationError(msg("--map is empty: write e.g. \"Nombre=name,Correo=email\".",
                                  "--map está vacío: escribe p. ej. \"Nombre=name,Correo=email\"."),
                              field="map")
    return pairs


def auto_map(header: list[str]) -> list[tuple[str, str]]:
    """Columns matched to fields by their usual names (accent- and case-insensitive)."""
    known = {alias: target for target, aliases in TARGETS.items() for alias in aliases}
    pairs: list[tuple[str, str]] = []
    for column in header:
        target = known.get(fold(column).replace("-", " ").strip()) or known.get(fold(column))
        if target:
            pairs.append((column, target))
    return pairs


def _contact(row: Row, mapping: list[tuple[str, str]]) -> Contact | Rejection:
    got: dict[str, list[str]] = {}
    for column, target in mapping:
        value = row.values.get(column, "").strip()
        if value[:1] == "'" and value[1:2] in ("=", "@", "+", "-"):
            value = value[1:]  # undo the formula guard of write_csv
        if value:
            got.setdefault(target, []).append(value)

    def one(target: str) -> str | None:
        return " ".join(got[target]) if target in got else None

    def many(target: str) -> list[str]:
        return [v for cell in got.get(target, []) for v in LIST_SPLIT.split(cell) if v]

    contact = Contact(line=row.line)
    if "name" in got and "last_name" in got and "first_name" not in got:
        contact.name = join_name(one("name"), one("last_name"))  # Nombre + Apellidos
    else:
        contact.name = one("name") or join_name(one("first_name"), one("last_name"))
    contact.emails = many("email")
    contact.phones = many("phone")
    contact.company, contact.role, contact.city = one("company"), one("role"), one("city")
    contact.languages = many("languages")
    for url in many("linkedin") + many("xing"):
        classify_url(contact, url)
    contact.tags = many("tags")
    contact.note = "\n".join(got["note"]) if "note" in got else None
    contact.met_at, contact.met_through = one("met_at"), one("met_through")
    return finish(contact)


def parse(text: str, path: Path | str, mapping: list[tuple[str, str]] | None = None) -> Parsed:
    """Contacts from any CSV text, by ``mapping`` or by recognised column names."""
    table = read_table(text, path)
    if mapping:
        missing = [c for c, _ in mapping if c not in table.header]
        if missing:
            raise file_error(path, "no column named {missing}; the columns are: {found}.",
                             "no hay ninguna columna {missing}; las columnas son: {found}.",
                             missing=", ".join(repr(m) for m in missing),
                             found=", ".join(table.header))
    else:
        mapping = auto_map(table.header)
        if not any(t in ("name", "first_name", "last_name", "email") for _, t in mapping):
            raise file_error(path, "no column for the name was recognised (columns: {found}). "
                             "Say which is which: --map \"Column=name,Other=email\".",
                             "no se reconoce ninguna columna para el nombre (columnas: {found}). "
                             "Indica cuál es cuál: --map \"Columna=name,Otra=email\".",
                             found=", ".join(table.header[:12]))
    out = Parsed(format=FORMAT)
    for row in table.rows:
        out.add(_contact(row, mapping))
    return out


def _cell(value: str) -> str:
    """Guard against spreadsheet formula injection (a cell starting with = @ or + - text)."""
    if value[:1] in ("=", "@") or (value[:1] in ("+", "-") and not value[1:2].isdigit()
                                   and value[1:2] != " "):
        return "'" + value
    return value


def write_csv(people: Iterable[Person]) -> str:
    """People as CSV text (lists joined with ``; ``); reads back with ``lazos import csv``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for p in people:
        writer.writerow([_cell(str(x)) for x in (
            p.id, p.name, "; ".join(p.emails), "; ".join(p.phones), p.company or "",
            p.role or "", p.city or "", "; ".join(p.languages), p.linkedin_url or "",
            p.xing_url or "", p.met_at or "", p.met_through or "", "; ".join(p.tags),
            p.keep_in_touch_days or "")])
    return buffer.getvalue()

