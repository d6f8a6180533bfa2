"""``lazos import``, ``lazos export``, ``lazos duplicates`` and ``lazos merge``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lazos.cli.common import console, err_console, h, network, plain, print_json, say

if TYPE_CHECKING:
    from rich.table import Table

    from lazos.model import Person
    from lazos.services.imports import ImportSummary, LineIssue

SHOWN_ISSUES = 20

Json = Annotated[bool, typer.Option("--json", help=h("Print JSON.", "Imprime JSON."))]


def import_cmd(
    args: Annotated[list[str], typer.Argument(metavar="[FORMAT] FILE", show_default=False, help=h(
        "FORMAT (vcard, linkedin, google, outlook, csv, json; detected from the content when "
        "left out), then the file.",
        "FORMATO (vcard, linkedin, google, outlook, csv, json; se detecta por el contenido si "
        "no se da) y el fichero."))],
    mapping: Annotated[str | None, typer.Option("--map", help=h(
        "For any CSV: which column is which field, e.g. \"Nombre=name,Correo=email\" (fields: "
        "name, first_name, last_name, email, phone, company, role, city, languages, linkedin, "
        "xing, tags, note, met_at, met_through).",
        "Para cualquier CSV: qué columna es cada campo, p. ej. \"Nombre=name,Correo=email\" "
        "(campos: name, first_name, last_name, email, phone, company, role, city, languages, "
        "linkedin, xing, tags, note, met_at, met_through)."))] = None,
    strict: Annotated[bool, typer.Option("--strict", help=h(
        "All or nothing: refuse the whole file if any record is bad.",
        "Todo o nada: rechaza el fichero entero si algún registro es erróneo."))] = False,
    encoding: Annotated[str | None, typer.Option("--encoding", help=h(
        "The file's encoding when the guess is wrong (utf-8, utf-16, cp1252, shift_jis...).",
        "La codificación del fichero si la detectada es errónea (utf-8, utf-16, cp1252, "
        "shift_jis...)."))] = None,
    as_json: Json = False,
) -> None:
    """Import people from a file; the summary lists the bad records with their lines."""
    from lazos.errors import ValidationError
    from lazos.i18n import msg
    from lazos.io.csvmap import parse_map
    from lazos.services.imports import import_file

    if len(args) not in (1, 2):
        raise ValidationError(msg("Give the file, optionally after its format: lazos import "
                                  "[FORMAT] FILE.",
                                  "Da el fichero, opcionalmente tras su formato: lazos import "
                                  "[FORMATO] FICHERO."), field="file")
    fmt = args[0].lower() if len(args) == 2 else None
    file = Path(args[-1])
    pairs = parse_map(mapping) if mapping is not None else None
    with network() as store, _ProgressBar(not as_json) as progress:
        summary = import_file(store, path=file, fmt=fmt, mapping=pairs, strict=strict,
                              encoding=encoding, progress=progress)
    if as_json:
        print_json(_summary_dict(summary))
    else:
        _print_summary(summary)


class _ProgressBar:
    """A Rich progress bar on a terminal (stderr), nothing otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and err_console.is_terminal
        self.bar: object = None
        self.task: object = None

    def __enter__(self) -> Callable[[int, int], None] | None:
        if not self.enabled:
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        bar = Progress(TextColumn(h("Importing", "Importando")), BarColumn(),
                       MofNCompleteColumn(), console=err_console, transient=True)
        bar.start()
        task = bar.add_task("import", total=None)
        self.bar, self.task = bar, task

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()  # type: ignore[attr-defined]


def _summary_dict(s: ImportSummary) -> dict[str, object]:
    return {"file": s.file, "format": s.format, "encoding": s.encoding, "total": s.total,
            "added": s.added, "updated": s.updated, "skipped": s.skipped, "merged": s.merged,
            "rejected": s.rejected, "possible_duplicates": s.possible_duplicates,
            "bad_rows": [{"line": i.line, "reason": i.reason.render()} for i in s.bad_rows],
            "warnings": [{"line": i.line, "reason": i.reason.render()} for i in s.warnings],
            "person_ids": s.person_ids}


def _print_summary(s: ImportSummary) -> None:
    say("{file} ({format}, {encoding}): {added} added, {updated} updated, {skipped} skipped "
        "(already imported), {merged} merged into people you had, {rejected} rejected.",
        "{file} ({format}, {encoding}): {added} añadidas, {updated} actualizadas, {skipped} "
        "omitidas (ya importadas), {merged} fusionadas con personas que ya tenías, {rejected} "
        "rechazadas.", file=s.file, format=s.format, encoding=s.encoding, added=s.added,
        updated=s.updated, skipped=s.skipped, merged=s.merged, rejected=s.rejected)
    if s.bad_rows:
        say("Rejected records (fix them and import the file again; the rest was imported):",
            "Registros rechazados (corrígelos e importa el fichero otra vez; el resto se importó):")
        _print_issues(s.bad_rows)
    if s.warnings:
        say("Values left out ({count}):", "Valores omitidos ({count}):", count=len(s.warnings))
        _print_issues(s.warnings)
    if s.possible_duplicates:
        say("{count} possible duplicate(s): review them with 'lazos duplicates'.",
            "{count} posible(s) duplicado(s): revísalos con 'lazos duplicates'.",
            count=s.possible_duplicates)


def _print_issues(issues: list[LineIssue]) -> None:
    for issue in issues[:SHOWN_ISSUES]:
        say("  line {line}: {reason}", "  línea {line}: {reason}", line=issue.line,
            reason=issue.reason.render())
    if len(issues) > SHOWN_ISSUES:
        say("  ... and {more} more (use --json to see them all).",
            "  ... y {more} más (usa --json para verlos todos).", more=len(issues) - SHOWN_ISSUES)


def export_cmd(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=h(
        "vcard (vCard 4.0), csv, or json (lossless backup).",
        "vcard (vCard 4.0), csv o json (copia completa sin pérdidas)."))],
    file: Annotated[Path, typer.Argument(help=h("File to write.", "Fichero a escribir."))],
) -> None:
    """Export your network to a file."""
    from lazos.services.exports import export_file

    with network() as store:
        count = export_file(store, fmt=fmt.lower(), path=file)
    say("Exported {people} people to {file} ({format}).",
        "Exportadas {people} personas a {file} ({format}).", people=count, file=file,
        format=fmt.lower())


def duplicates_cmd(
    limit: Annotated[int, typer.Option(help=h("Show at most this many.", "Muestra como mucho estos."))] = 50,
    as_json: Json = False,
) -> None:
    """People who look like the same person, with what a merge would give."""
    from lazos.services.merge import find_duplicates, merged_preview

    with network() as store:
        found = find_duplicates(store, limit=limit)
    if as_json:
        print_json([{"a": d.a, "b": d.b, "reason": d.reason.render(), "score": d.score,
                     "merged": merged_preview(d.a, d.b)} for d in found])
        return
    if not found:
        say("No duplicates found.", "No se han encontrado duplicados.")
        return
    for d in found:
        console.print(_preview_table(
            d.a, d.b, title=plain(f"{d.reason.render()} → lazos merge {d.a.id} {d.b.id}")))


def _preview_table(a: Person, b: Person, *, title: str | None = None) -> Table:
    """Both people side by side with what the merge would give (fields either one has)."""
    from rich.table import Table

    from lazos.services.merge import merged_preview

    table = Table(title=title, title_justify="left", show_header=True)
    for column in ("", f"{a.id}", f"{b.id}", h("merged", "fusionado")):
        table.add_column(column)
    merged = merged_preview(a, b)
    for key in ("name", "emails", "phones", "company", "role", "city", "linkedin_url", "tags"):
        cells = [getattr(a, key), getattr(b, key), merged[key]]
        shown = [plain(", ".join(c) if isinstance(c, list) else (c or "")) for c in cells]
        if any(shown):
            table.add_row(key, *shown)
    return table


def merge_cmd(
    keep: Annotated[str, typer.Argument(help=h("The person to keep (id, email or name).",
                                               "La persona que se queda (id, correo o nombre)."))],
    other: Annotated[str, typer.Argument(help=h("The person merged into it and removed.",
                                                "La persona que se fusiona con ella y desaparece."))],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=h("Do not ask for confirmation.",
                                                            "No pide confirmación."))] = False,
    as_json: Json = False,
) -> None:
    """Merge two people: every need, offer, note, follow-up, event and introduction stays."""
    from lazos.services.merge import merge_people, same_person_error
    from lazos.services.people import get_person

    with network() as store:
        a, b = get_person(store, keep), get_person(store, other)
        if a.id == b.id:
            raise same_person_error(keep, other)
        if not yes and not as_json:
            console.print(_preview_table(a, b))
            if not typer.confirm(h(f"Merge {b.id} into {a.id}?", f"¿Fusionar {b.id} en {a.id}?")):
                raise typer.Abort()
        result = merge_people(store, keep=a.id, other=b.id)
    if as_json:
        print_json({"person": result.person, "removed_id": result.removed_id,
                    "moved": result.moved})
        return
    moved = ", ".join(f"{n} {t}" for t, n in sorted(result.moved.items())) or "-"
    say("Merged {other} into {name} (id {id}); moved: {moved}.",
        "Fusionada/o {other} en {name} (id {id}); movido: {moved}.", other=result.removed_id,
        name=result.person.name, id=result.person.id, moved=moved)


def register(app: typer.Typer) -> None:
    app.command("import", help=h(
        "Import people: lazos import [FORMAT] FILE (vcard, linkedin, google, outlook, csv, "
        "json; detected when left out).",
        "Importa personas: lazos import [FORMATO] FICHERO (vcard, linkedin, google, outlook, "
        "csv, json; se detecta si no se da)."))(import_cmd)
    app.command("export", help=h(
        "Export your network: lazos export FORMAT FILE (vcard, csv, json).",
        "Exporta tu red: lazos export FORMATO FICHERO (vcard, csv, json)."))(export_cmd)
    app.command("duplicates", help=h(
        "People who look like the same person, with a preview of the merge.",
        "Personas que parecen la misma, con una vista previa de la fusión."))(duplicates_cmd)
    app.command("merge", help=h(
        "Merge two people into one, keeping everything of both.",
        "Fusiona dos personas en una, conservando todo lo de ambas."))(merge_cmd)
