"""The ``lazos`` command: a thin skin over :mod:`lazos.services`.

Each command parses its arguments, calls one service, and prints. Errors from the library
become one line in the reader's language and an exit code: 2 for what the user can fix,
1 for internal errors, 130 for Ctrl-C (the store is left as it was: writes are
transactional).
"""

from __future__ import annotations

import sys

import typer

from lazos.cli import backup, events, needs, notes, overview, people
from lazos.cli import connect as connect_cli
from lazos.cli import eval as eval_cli
from lazos.cli import match as match_cli
from lazos.cli import outbox as outbox_cli
from lazos.cli.common import err_console, h

app = typer.Typer(
    name="lazos",
    help=h("Lazos: a needs-first networking assistant. Record what people need, see who can "
           "help, connect them both ways.",
           "Lazos: tu asistente de contactos que empieza por las necesidades. Anota lo que "
           "necesita cada persona, descubre quién puede ayudar y preséntalos en ambos sentidos."),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

people.register(app)
needs.register(app)
events.register(app)
notes.register(app)
backup.register(app)
overview.register(app)
match_cli.register(app)
eval_cli.register(app)
connect_cli.register(app)
outbox_cli.register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning Lazos errors into one-line messages and exit codes."""
    from lazos.errors import LazosError

    try:
        code = app(args=argv, prog_name="lazos", standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except LazosError as exc:
        err_console.print(f"[bold red]Error:[/] {_escape(exc.render())}")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print(h("Interrupted: nothing was changed by the unfinished command.",
                            "Interrumpido: la orden sin terminar no cambió nada."))
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if isinstance(exc, typer.Abort):
            err_console.print(h("Cancelled.", "Cancelado."))
            sys.exit(1)
        if isinstance(exc, typer.Exit):
            sys.exit(getattr(exc, "exit_code", 0))
        if isinstance(exc, typer.TyperException) and hasattr(exc, "show"):
            exc.show()
            sys.exit(getattr(exc, "exit_code", 2))
        err_console.print(h("Internal error (a bug in Lazos): ", "Error interno (un fallo de Lazos): ")
                          + _escape(f"{type(exc).__name__}: {exc}"))
        sys.exit(1)
    except BaseException:
        raise


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


if __name__ == "__main__":
    main()
