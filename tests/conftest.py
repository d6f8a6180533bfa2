"""Shared fixtures: a real store per test (SQLite file, or PostgreSQL), and the CLI.

``LAZOS_TEST_DATABASE_URL=postgresql://...`` runs every store test against PostgreSQL: each
test gets its own schema (created and dropped around it), so tests never share data.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lazos.store import Store, open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PG_URL = os.environ.get("LAZOS_TEST_DATABASE_URL", "")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's real store, language or SMTP settings."""
    for key in list(os.environ):
        if key.startswith("LAZOS_") and key != "LAZOS_TEST_DATABASE_URL":
            monkeypatch.delenv(key)
    monkeypatch.setenv("LAZOS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LAZOS_LANG", "en")


def _pg_schema_url(base: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    from lazos.config import normalise_database_url

    url = normalise_database_url(base)
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """A URL for an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if PG_URL:
        yield from _pg_schema_url(PG_URL)
    else:
        yield f"sqlite:///{tmp_path / 'lazos.db'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CLI runner whose commands use the test's database (``cli.invoke(app, [...])``)."""
    monkeypatch.setenv("LAZOS_DATABASE_URL", db_url.replace("postgresql+psycopg://", "postgresql://"))
    return CliRunner()


def run(cli: CliRunner, *args: str, input: str | None = None) -> tuple[int, str]:
    """Run ``lazos ARGS`` through the real entry point; returns (exit code, all output)."""
    result = cli.invoke(_entry_app, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.output


_entry_app = typer.Typer(add_completion=False)


@_entry_app.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                      "help_option_names": []})
def _entry(ctx: typer.Context) -> None:
    from lazos.cli.app import main

    main(list(ctx.args))


_PROBE = """
import json, sys
from lazos.cli.app import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code or 0
else:
    code = 0
sys.stdout.flush()
print("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def start_lazos(args: list[str], env: dict[str, str]) -> tuple[int, str, str, set[str]]:
    """``lazos ARGS`` in a fresh Python with ``env``: (exit code, stdout, stderr, the modules
    it imported). For start-up tests: what a command imports is what its start costs."""
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True,
                          text=True, env=env, check=True)
    output, _, last = done.stdout.rstrip("\n").rpartition("\n")
    report = json.loads(last)
    return report["code"], output, done.stderr, set(report["modules"])
