"""The ``lazos`` command: a thin skin over :mod:`lazos.services`.

Each command parses its arguments, calls one service, and prints. Errors from the library
become one line in the reader's language and an exit code: 2 for what the user can fix,
1 for internal errors, 130 for Ctrl-C (the store is left as it was: writes are
transactional).

Start-up is kept short (bar: ≤ 0.3 s for commands that do not match, see bench/startup.py):
only the module of the command being run is imported. A new top-level command therefore
needs a line in :data:`COMMANDS` beside its module's ``register(app)``;
tests/core/test_startup.py fails until both say the same.
"""

from __future__ import annotations

import sys

import typer

from lazos.cli import deferred
from lazos.cli.lazy import Entry, lazy_group_class
from lazos.i18n import pick

deferred.install()  # Typer's Pydantic checks only for values that need them


def h(en: str, es: str) -> str:
    """Help text in the reader's language (as :func:`lazos.cli.common.h`, without Rich)."""
    return pick(None, en, es)


def _entry(name: str, module: str, en: str, es: str) -> Entry:
    return Entry(name, f"lazos.cli.{module}", h(en, es))


# Every top-level command, in the order ``lazos --help`` lists them, with the module whose
# register(app) adds it and the same help text that module gives it (a test checks both).
# Only the module of the command being run is imported: see lazos.cli.lazy.
COMMANDS: tuple[Entry, ...] = (
    _entry("people", "people", "List the people in your network, optionally filtered.",
           "Lista las personas de tu red, con filtros opcionales."),
    _entry("show", "people", "Everything about a person, with a timeline.",
           "Todo sobre una persona, con su historia."),
    _entry("search", "people", "Search names, needs, offers and notes (accent-insensitive).",
           "Busca en nombres, necesidades, ofertas y notas (sin importar tildes)."),
    _entry("note", "notes",
           "Record a note about a person; Lazos proposes the needs, offers and promises it "
           "notices.",
           "Guarda una nota sobre una persona; Lazos propone las necesidades, ofertas y "
           "compromisos que detecta."),
    _entry("import", "backup",
           "Import people: lazos import [FORMAT] FILE (vcard, linkedin, google, outlook, csv, "
           "json; detected when left out).",
           "Importa personas: lazos import [FORMATO] FICHERO (vcard, linkedin, google, outlook, "
           "csv, json; se detecta si no se da)."),
    _entry("export", "backup", "Export your network: lazos export FORMAT FILE (vcard, csv, json).",
           "Exporta tu red: lazos export FORMATO FICHERO (vcard, csv, json)."),
    _entry("duplicates", "backup",
           "People who look like the same person, with a preview of the merge.",
           "Personas que parecen la misma, con una vista previa de la fusión."),
    _entry("merge", "backup", "Merge two people into one, keeping everything of both.",
           "Fusiona dos personas en una, conservando todo lo de ambas."),
    _entry("demo", "overview", "Load the bundled bilingual sample network into an empty store.",
           "Carga la red de ejemplo bilingüe en un almacén vacío."),
    _entry("overview", "overview", "Today's overview of your network.",
           "Resumen de hoy de tu red."),
    _entry("match", "match", "Open needs with the people who can solve them (and why).",
           "Necesidades abiertas con quién puede resolverlas (y por qué)."),
    _entry("who-can", "match", "Who in your network can help with this? (nothing is stored)",
           "¿Quién de tu red puede ayudar con esto? (no se guarda nada)"),
    _entry("followup", "connect",
           "Same-day follow-up pack: thank-you email, LinkedIn and Xing notes.",
           "Seguimiento del mismo día: correo de agradecimiento, notas de LinkedIn y Xing."),
    _entry("invite", "connect",
           "Invite someone to a meal (.ics attached), or 'invite suggest' to rank whom.",
           "Invita a alguien a comer (.ics adjunto), o 'invite suggest' para ver a quién."),
    _entry("keep", "connect", "Keep-in-touch cadences, and who is due.",
           "Cadencias para mantener el contacto, y a quién toca."),
    _entry("today", "connect", "What is due today.", "Lo que toca hoy."),
    _entry("ledger", "connect", "Help given and received, per person.",
           "Ayuda dada y recibida, por persona."),
    _entry("person", "people", "Add, edit or remove a person.",
           "Añade, edita o borra una persona."),
    _entry("need", "needs", "Record and manage needs.", "Anota y gestiona necesidades."),
    _entry("offer", "needs", "Record and manage offers (what people can solve).",
           "Anota y gestiona ofertas (lo que cada persona puede resolver)."),
    _entry("event", "events", "Networking events and who attended.",
           "Eventos de networking y quién asistió."),
    _entry("eval", "eval", "Measure matching quality on labeled benchmark files.",
           "Mide la calidad del emparejamiento con ficheros etiquetados."),
    _entry("intro", "connect",
           "Two-way introductions: suggest, ask, accept, introduce, met, solved.",
           "Presentaciones en ambos sentidos: sugerir, preguntar, aceptar, presentar, se "
           "vieron, resuelto."),
    _entry("checkin", "connect", "After an introduction: ask how it went and record the outcome.",
           "Tras una presentación: pregunta cómo fue y anota el resultado."),
    _entry("outbox", "outbox", "Messages waiting to be sent: list, show, edit, send, retry.",
           "Mensajes pendientes de enviar: listar, ver, editar, enviar, reintentar."),
)

app = typer.Typer(
    name="lazos",
    cls=lazy_group_class(COMMANDS, pretty_exceptions_short=True),
    help=h("Lazos: a needs-first networking assistant. Record what people need, see who can "
           "help, connect them both ways.",
           "Lazos: tu asistente de contactos que empieza por las necesidades. Anota lo que "
           "necesita cada persona, descubre quién puede ayudar y preséntalos en ambos sentidos."),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    pretty_exceptions_short=True,
)


@app.callback()
def _lazos() -> None:
    # Commands are added lazily (COMMANDS), so Typer needs this to know ``app`` is a group.
    pass


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning Lazos errors into one-line messages and exit codes."""
    from lazos.errors import LazosError

    try:
        code = app(args=argv, prog_name="lazos", standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except LazosError as exc:
        _error_line(f"[bold red]Error:[/] {_escape(exc.render())}")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _error_line(h("Interrupted: nothing was changed by the unfinished command.",
                      "Interrumpido: la orden sin terminar no cambió nada."))
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if isinstance(exc, typer.Abort):
            _error_line(h("Cancelled.", "Cancelado."))
            sys.exit(1)
        if isinstance(exc, typer.Exit):
            sys.exit(getattr(exc, "exit_code", 0))
        if isinstance(exc, typer.TyperException) and hasattr(exc, "show"):
            exc.show()
            sys.exit(getattr(exc, "exit_code", 2))
        _error_line(h("Internal error (a bug in Lazos): ", "Error interno (un fallo de Lazos): ")
                    + _escape(f"{type(exc).__name__}: {exc}"))
        sys.exit(1)
    except BaseException:
        raise


def _error_line(text: str) -> None:
    # Rich is imported here, not at start-up: ``lazos --help`` does not need it.
    from lazos.cli.common import err_console

    err_console.print(text)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


if __name__ == "__main__":
    main()
