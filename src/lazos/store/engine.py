"""Opening the store: engine, schema migrations and the transaction boundary.

Why every write goes through :meth:`Store.transaction`: a command is all-or-nothing. An
exception, a crash or Ctrl-C (KeyboardInterrupt) inside the block rolls back, so the store
is left exactly as it was before that command.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from lazos.errors import DatabaseTooNew, NotALazosDatabase, StoreError
from lazos.i18n import msg

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration in migrations/versions. A test checks it equals Alembic's head; it
# lets a command skip loading Alembic (about 0.1 s) when the store is already current.
SCHEMA_HEAD = "0005"


class Store:
    """An open Lazos network. Create with :func:`open_store`; use as a context manager."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.cache: dict[str, Any] = {}  # per-process caches (e.g. match indexes)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or not at all."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine for ``url`` with Lazos's per-dialect settings."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, **kwargs)
    except ModuleNotFoundError:
        raise StoreError(msg(
            "PostgreSQL support is not installed. Run: pip install 'lazos[postgres]'",
            "Falta el soporte de PostgreSQL. Ejecuta: pip install 'lazos[postgres]'")) from None


def _not_lazos(url: str) -> NotALazosDatabase:
    return NotALazosDatabase(msg(
        "{url} is not a Lazos database. Point LAZOS_DATABASE_URL or LAZOS_HOME at a Lazos "
        "store, or at an empty place to create one.",
        "{url} no es una base de datos de Lazos. Apunta LAZOS_DATABASE_URL o LAZOS_HOME a un "
        "almacén de Lazos, o a un sitio vacío para crear uno.", url=url), field="database")


def _current_revision_fast(engine: Engine) -> str | None:
    """The stored schema revision by plain SQL, or None when that cannot be read."""
    try:
        with engine.connect() as conn:
            value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            return str(value) if value is not None else None
    except Exception:  # no table yet, not a database...: the careful path decides
        return None


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision this code knows.

    1. Refuse a database with tables but no Lazos revision (someone else's database).
    2. Refuse a revision this code does not know: it was written by a newer Lazos.
    3. Otherwise upgrade, in one transaction (PostgreSQL) or batch mode (SQLite).
    """
    url = engine.url.render_as_string(hide_password=True)
    if _current_revision_fast(engine) == SCHEMA_HEAD:
        return
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            tables = set(inspect(conn).get_table_names())
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        if isinstance(exc, OperationalError) and "unable to open" in str(exc):
            raise StoreError(msg(
                "Cannot open the database at {url}: check the folder exists and is writable.",
                "No se puede abrir la base de datos en {url}: comprueba que la carpeta existe "
                "y se puede escribir.", url=url), field="database") from None
        if isinstance(exc, OperationalError) and "connection" in str(exc).lower():
            raise StoreError(msg(
                "Cannot connect to the database at {url}: is the server running?",
                "No se puede conectar a la base de datos en {url}: ¿está el servidor en marcha?",
                url=url), field="database") from None
        raise _not_lazos(url) from None
    if current is None and tables - {"alembic_version"}:
        raise _not_lazos(url)
    if current is not None and current not in known:
        raise DatabaseTooNew(msg(
            "The database at {url} was written by a newer version of Lazos (schema {rev}). "
            "Upgrade Lazos: pip install -U lazos.",
            "La base de datos en {url} la escribió una versión más nueva de Lazos (esquema "
            "{rev}). Actualiza Lazos: pip install -U lazos.", url=url, rev=current),
            field="database")
    if current == script.get_current_head():
        return
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_store(url: str | None = None, **engine_kwargs: Any) -> Store:
    """Open (creating or upgrading if needed) the store at ``url``.

    Default: ``LAZOS_DATABASE_URL``, else ``lazos.db`` in ``LAZOS_HOME`` / the user data
    directory. Raises NotALazosDatabase, DatabaseTooNew or StoreError with the fix.
    """
    if url is None:
        from lazos.config import load_settings

        url = load_settings().database_url
    else:
        from lazos.config import normalise_database_url

        url = normalise_database_url(url)
    engine = make_engine(url, **engine_kwargs)
    try:
        migrate(engine)
        if engine.dialect.name == "sqlite":
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)
