"""A command group that imports a command's module only when that command is used.

Why: building every command up front (importing each CLI module, then Typer reading every
signature) cost about 0.1 s per start, and the modules drag in the store and Rich. The
top-level group knows each command by name, module and help text (:class:`Entry`), which
is all ``lazos --help`` shows; ``lazos need list`` imports and builds ``need`` alone.

This is click's documented lazy-group pattern, adapted to Typer: commands live in a
mapping (:class:`LazyCommands`) that builds a command the first time it is looked up, so
every part of click and Typer that reads ``group.commands`` keeps working.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from gettext import gettext as _
from typing import Any

import typer
from typer import _click as click
from typer.core import MarkupMode, TyperCommand, TyperGroup
from typer.main import get_command_from_info, get_command_name, get_group_from_info


@dataclass(frozen=True)
class Entry:
    """A top-level command: its name, the module whose ``register(app)`` adds it, its help.

    ``help`` must equal the help the module gives the command (a test compares them).
    """

    name: str
    module: str
    help: str


@dataclass(frozen=True)
class Settings:
    """What Typer passes down from the top-level app when it builds the whole tree."""

    pretty_exceptions_short: bool
    suggest_commands: bool
    rich_markup_mode: MarkupMode


def build_command(entry: Entry, settings: Settings) -> click.Command:
    """Import ``entry.module`` and build the click command called ``entry.name`` only."""
    module = importlib.import_module(entry.module)
    scratch = typer.Typer()
    module.register(scratch)
    for info in scratch.registered_commands:
        assert info.callback is not None
        if (info.name or get_command_name(info.callback.__name__)) == entry.name:
            return get_command_from_info(
                info, pretty_exceptions_short=settings.pretty_exceptions_short,
                rich_markup_mode=settings.rich_markup_mode)
    for group in scratch.registered_groups:
        if group.name == entry.name:
            return get_group_from_info(
                group, pretty_exceptions_short=settings.pretty_exceptions_short,
                suggest_commands=settings.suggest_commands,
                rich_markup_mode=settings.rich_markup_mode)
    raise LookupError(f"{entry.module}.register() adds no command named {entry.name!r}")


class LazyCommands(MutableMapping[str, click.Command]):
    """``group.commands`` whose values are built on first access, in the entries' order."""

    def __init__(self, entries: tuple[Entry, ...], settings: Settings) -> None:
        self.entries = {e.name: e for e in entries}
        self.settings = settings
        self.built: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self.built:
            self.built[name] = build_command(self.entries[name], self.settings)
        return self.built[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self.entries and name not in self.built:
            raise KeyError(name)
        self.entries.pop(name, None)
        self.built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        yield from self.entries
        yield from (name for name in self.built if name not in self.entries)

    def __len__(self) -> int:
        return len(self.entries.keys() | self.built.keys())

    def __contains__(self, name: object) -> bool:
        return name in self.entries or name in self.built


def lazy_group_class(entries: tuple[Entry, ...], *,
                     pretty_exceptions_short: bool) -> type[TyperGroup]:
    """A TyperGroup class (for ``typer.Typer(cls=...)``) whose commands are ``entries``.

    ``pretty_exceptions_short`` must be the app's own setting (the group is not told it).
    """

    class LazyGroup(TyperGroup):
        def __init__(self, **attrs: Any) -> None:
            super().__init__(**attrs)
            self.commands = LazyCommands(entries, Settings(
                pretty_exceptions_short=pretty_exceptions_short,
                suggest_commands=self.suggest_commands,
                rich_markup_mode=self.rich_markup_mode))

        def list_commands(self, ctx: click.Context) -> list[str]:
            return list(self.commands)  # the names alone: building them is not needed

        def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
            """The command list of ``lazos --help``, from the entries' help texts."""
            commands = self.commands
            assert isinstance(commands, LazyCommands)
            rows: list[tuple[str, click.Command]] = []
            for name in self.list_commands(ctx):
                command = commands.built.get(name)
                if command is None:
                    # A stand-in holding the help text, shortened the way Typer would.
                    command = TyperCommand(name=name,
                                           help=inspect.cleandoc(commands.entries[name].help))
                if not command.hidden:
                    rows.append((name, command))
            if rows:
                limit = formatter.width - 6 - max(len(name) for name, _ in rows)
                with formatter.section(_("Commands")):
                    formatter.write_dl([(n, c.get_short_help_str(limit)) for n, c in rows])

    return LazyGroup
