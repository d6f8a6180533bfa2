"""Lossless JSON backup: every table, every column, in a stable order.

Why generic over the schema: a backup that lists fields by hand silently drops the next
column someone adds. Export walks the SQLAlchemy metadata; import checks the file against
it. The embedding cache is left out (it is recomputed from the text on demand).

Round trip guarantee: export → import into an empty store → export gives identical bytes.
Into an empty store ids are kept; into a store that already has data, ids are renumbered
and every foreign key follows.
"""

from __future__ import annotations

import base64
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    Table,
    insert,
    select,
    text,
)

from lazos.errors import ImportFileError
from lazos.i18n import msg
from lazos.store import Store
from lazos.store.lookup import has_people
from lazos.store.schema import Base

FORMAT = "lazos-backup"
VERSION = 1
SKIPPED = {"embeddings"}


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED]


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def export_data(store: Store) -> dict[str, Any]:
    """The whole network as a JSON-ready dict."""
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION, "tables": {}}
    with store.read() as session:
        for table in _tables():
            order = list(table.primary_key.columns)
            rows = session.execute(select(table).order_by(*order)).mappings().all()
            data["tables"][table.name] = [
                {k: _encode(v) for k, v in sorted(row.items())} for row in rows]
    return data


def export_json(store: Store, path: Path) -> dict[str, int]:
    """Write the backup to ``path`` atomically (a temporary file, then a rename)."""
    data = export_data(store)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                   encoding="utf-8")
    tmp.replace(path)
    return {name: len(rows) for name, rows in data["tables"].items()}


def _bad(path: Path, en: str, es: str, **params: Any) -> ImportFileError:
    return ImportFileError(msg("{file}: " + en, "{file}: " + es, file=str(path), **params),
                           field="file")


def _decode(path: Path, table: Table, row: dict[str, Any], index: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key not in table.c:
            raise _bad(path, "table {table}, row {row}: unknown column {col!r}.",
                       "tabla {table}, fila {row}: columna desconocida {col!r}.",
                       table=table.name, row=index + 1, col=key)
        col_type = table.c[key].type
        try:
            if value is None:
                out[key] = None
            elif isinstance(col_type, DateTime):
                out[key] = datetime.fromisoformat(value)
            elif isinstance(col_type, Date):
                out[key] = date.fromisoformat(value)
            elif isinstance(col_type, LargeBinary):
                out[key] = base64.b64decode(value)
            elif isinstance(col_type, Boolean):
                out[key] = bool(value)
            elif isinstance(col_type, Integer) and not isinstance(value, int):
                raise TypeError(value)
            else:
                out[key] = value
        except (TypeError, ValueError):
            raise _bad(path, "table {table}, row {row}: column {col} has a bad value {value!r}.",
                       "tabla {table}, fila {row}: la columna {col} tiene un valor erróneo {value!r}.",
                       table=table.name, row=index + 1, col=key, value=str(value)[:40]) from None
    for col in table.c:
        if not col.nullable and col.name not in out and not col.primary_key and col.default is None:
            raise _bad(path, "table {table}, row {row}: column {col} is missing.",
                       "tabla {table}, fila {row}: falta la columna {col}.",
                       table=table.name, row=index + 1, col=col.name)
    return out


def read_backup(path: Path) -> dict[str, Any]:
    """Parse and check a backup file; ImportFileError names the line and the problem."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise _bad(path, "no such file.", "el fichero no existe.") from None
    except UnicodeDecodeError:
        raise _bad(path, "not UTF-8 text; a Lazos backup is UTF-8 JSON.",
                   "no es texto UTF-8; una copia de Lazos es JSON en UTF-8.") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _bad(path, "line {line}, column {col}: not valid JSON ({why}).",
                   "línea {line}, columna {col}: JSON no válido ({why}).",
                   line=exc.lineno, col=exc.colno, why=exc.msg) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _bad(path, "not a Lazos backup (made by 'lazos export json').",
                   "no es una copia de Lazos (hecha con 'lazos export json').")
    if data.get("version") != VERSION:
        raise _bad(path, "backup version {v} is not supported; this Lazos reads version {ours}.",
                   "la versión {v} de la copia no se admite; este Lazos lee la versión {ours}.",
                   v=data.get("version"), ours=VERSION)
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise _bad(path, "the 'tables' section is missing.", "falta la sección 'tables'.")
    known = {t.name for t in _tables()}
    unknown = set(tables) - known
    if unknown:
        raise _bad(path, "unknown table(s) {names}.", "tabla(s) desconocida(s) {names}.",
                   names=", ".join(sorted(unknown)))
    return data


def import_json(store: Store, path: Path) -> dict[str, int]:
    """Load a backup; all of it or nothing. Returns rows added per table."""
    data = read_backup(path)
    counts: dict[str, int] = {}
    with store.transaction() as session:
        keep_ids = not has_people(session)
        id_maps: dict[str, dict[int, int]] = {}
        for table in _tables():
            rows = data["tables"].get(table.name, [])
            if not isinstance(rows, list):
                raise _bad(path, "table {table} is not a list of rows.",
                           "la tabla {table} no es una lista de filas.", table=table.name)
            counts[table.name] = 0
            single_id = "id" in table.c and len(table.primary_key.columns) == 1
            id_maps[table.name] = {}
            for index, raw_row in enumerate(rows):
                if not isinstance(raw_row, dict):
                    raise _bad(path, "table {table}, row {row}: not an object.",
                               "tabla {table}, fila {row}: no es un objeto.",
                               table=table.name, row=index + 1)
                row = _decode(path, table, raw_row, index)
                if table.name == "lazos_meta" and not keep_ids:
                    continue  # facts about the other store, not this one
                if not keep_ids:
                    for col in table.c:
                        for fk in col.foreign_keys:
                            ref = fk.column.table.name
                            if row.get(col.name) is not None:
                                row[col.name] = id_maps[ref].get(row[col.name], row[col.name])
                old_id = row.get("id")
                if single_id and not keep_ids:
                    row.pop("id", None)
                    new_id = session.execute(insert(table).values(**row).returning(table.c.id)).scalar_one()
                    id_maps[table.name][int(old_id or 0)] = new_id
                else:
                    session.execute(insert(table).values(**row))
                counts[table.name] += 1
        if keep_ids and store.dialect == "postgresql":
            for table in _tables():
                if "id" in table.c and len(table.primary_key.columns) == 1:
                    session.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
    return counts
