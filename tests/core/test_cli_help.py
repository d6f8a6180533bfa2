"""Every CLI command has help text and is documented in README.md or docs/."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from lazos.cli.app import app

ROOT = Path(__file__).resolve().parents[2]


def _commands(group: object, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    found = []
    for name, cmd in getattr(group, "commands", {}).items():
        path = (*prefix, name)
        found.append((path, cmd))
        found.extend(_commands(cmd, path))
    return found


COMMANDS = _commands(get_command(app))


def test_there_are_commands() -> None:
    assert len(COMMANDS) > 20


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_has_help_and_docs(path: tuple[str, ...], cmd: object) -> None:
    help_text = getattr(cmd, "help", None) or getattr(cmd, "short_help", None)
    assert help_text and len(help_text) > 5, f"lazos {' '.join(path)} has no help text"
    docs = (ROOT / "README.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))
    assert f"lazos {' '.join(path)}" in docs, f"lazos {' '.join(path)} is not in README.md or docs/"


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_runs(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_help_in_spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    env = {"LAZOS_LANG": "es", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "lazos.cli.app", "--help"], capture_output=True,
                         text=True, env=env, check=True).stdout
    assert "necesidades" in out
    _ = typer
