"""Stores that cannot be used get a one-line error with the fix, and are left untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from lazos.errors import DatabaseTooNew, NotALazosDatabase
from lazos.store import Store, open_store
from tests.conftest import run


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my holiday photos, not a database" * 100)
    with pytest.raises(NotALazosDatabase) as err:
        open_store(f"sqlite:///{path}")
    assert "not a Lazos database" in err.value.render("en")
    assert path.read_bytes().startswith(b"these are my holiday photos")


def test_someone_elses_sqlite_database_is_refused_not_migrated(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    with pytest.raises(NotALazosDatabase):
        open_store(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"invoices"}


def test_a_database_from_a_newer_lazos_is_refused(store: Store, db_url: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.close()
    with pytest.raises(DatabaseTooNew) as err:
        open_store(db_url)
    assert "newer version of Lazos" in err.value.render("en")
    assert "actualiza" in err.value.render("es").lower()


def test_cli_reports_a_bad_store_with_exit_code_2(cli: CliRunner, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("garbage" * 500)
    monkeypatch.setenv("LAZOS_DATABASE_URL", f"sqlite:///{bad}")
    code, out = run(cli, "people")
    assert code == 2
    assert "not a Lazos database" in out


def test_bad_database_url_names_the_variable(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_DATABASE_URL", "mysql://x@y/z")
    code, out = run(cli, "people")
    assert code == 2
    assert "LAZOS_DATABASE_URL" in out
