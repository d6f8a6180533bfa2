"""``lazos export`` and ``lazos import``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lazos.cli.common import h, network, say

export_app = typer.Typer(help=h("Export your network to a file.", "Exporta tu red a un fichero."),
                         no_args_is_help=True)
import_app = typer.Typer(help=h("Import people from a file.", "Importa personas desde un fichero."),
                         no_args_is_help=True)

FileArg = Annotated[Path, typer.Argument(help=h("File path.", "Ruta del fichero."))]


@export_app.command("json", help=h("Lossless JSON backup of the whole network.",
                                   "Copia de seguridad JSON completa (sin pérdidas) de toda la red."))
def export_json_cmd(file: FileArg) -> None:
    from lazos.services.backup import export_json

    with network() as store:
        counts = export_json(store, file)
    say("Exported {people} people to {file}.", "Exportadas {people} personas a {file}.",
        people=counts.get("people", 0), file=file)


@import_app.command("json", help=h("Restore a Lazos JSON backup (all or nothing).",
                                   "Restaura una copia JSON de Lazos (todo o nada)."))
def import_json_cmd(file: FileArg) -> None:
    from lazos.services.backup import import_json

    with network() as store:
        counts = import_json(store, file)
    say("Imported {people} people, {needs} needs, {offers} offers, {notes} notes.",
        "Importadas {people} personas, {needs} necesidades, {offers} ofertas, {notes} notas.",
        people=counts.get("people", 0), needs=counts.get("needs", 0),
        offers=counts.get("offers", 0), notes=counts.get("notes", 0))


def register(app: typer.Typer) -> None:
    app.add_typer(export_app, name="export")
    app.add_typer(import_app, name="import")
