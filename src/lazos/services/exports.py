"""Exporting the network: vCard 4.0 and CSV for other programs, JSON for a full backup."""

from __future__ import annotations

from pathlib import Path

from lazos.errors import UserError, ValidationError
from lazos.i18n import msg
from lazos.store import Store

EXPORT_FORMATS = ("vcard", "csv", "json")


def export_file(store: Store, *, fmt: str, path: Path) -> int:
    """Write everyone in ``fmt`` to ``path`` (atomically: a temporary file, then a rename).

    Returns how many people were written. ValidationError for an unknown format, UserError
    when the file cannot be written.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValidationError(msg("Unknown export format {fmt!r}: use one of {formats}.",
                                  "Formato de exportación desconocido {fmt!r}: usa uno de {formats}.",
                                  fmt=fmt, formats=", ".join(EXPORT_FORMATS)), field="format")
    try:
        if fmt == "json":
            from lazos.services.backup import export_json

            return export_json(store, path).get("people", 0)
        from lazos.io.csvmap import write_csv
        from lazos.io.vcard import write_cards
        from lazos.services.people import list_people

        people = list_people(store)
        text = write_cards(people) if fmt == "vcard" else "\ufeff" + write_csv(people)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(text.encode("utf-8"))
        tmp.replace(path)
        return len(people)
    except OSError as exc:
        raise UserError(msg("{file}: cannot be written ({why}). Check the folder exists and is "
                            "writable.",
                            "{file}: no se puede escribir ({why}). Comprueba que la carpeta "
                            "existe y se puede escribir.", file=str(path),
                            why=exc.strerror or str(exc)), field="file") from None
