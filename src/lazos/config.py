"""All configuration, read from ``LAZOS_*`` environment variables in one place.

Why one module: a bad setting must fail at start-up with the variable's name and the
accepted values, not deep inside a send or a query.

Variables:
- ``LAZOS_HOME``: folder for the SQLite file and user templates (default: the platform's
  user data directory, e.g. ``~/.local/share/lazos``).
- ``LAZOS_DATABASE_URL``: ``sqlite:///path.db`` or ``postgresql://user@host/db``.
- ``LAZOS_LANG``: ``es`` or ``en`` (else the locale).
- ``LAZOS_EMBEDDER``: ``default`` (the bundled models), ``use``, ``e5``, ``fake`` (tests only).
- ``LAZOS_SMTP_HOST``, ``LAZOS_SMTP_PORT``, ``LAZOS_SMTP_USER``, ``LAZOS_SMTP_PASSWORD``,
  ``LAZOS_SMTP_TLS`` (``none``/``starttls``/``ssl``), ``LAZOS_SMTP_TIMEOUT``, ``LAZOS_FROM``
  (the user's own address), ``LAZOS_USER_NAME`` (signature in messages).
- ``LAZOS_TZ``: the user's time zone for invitations (IANA name, e.g. ``Europe/Madrid``;
  default: this computer's).
- ``LAZOS_NO_FASTREAD=1``: listing commands always go through the ORM, never the read-only
  sqlite3 fast path (:mod:`lazos.store.fastread`); for tests and for doubt.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lazos.errors import field_error

EMBEDDERS = ("default", "use", "e5", "fake")
SMTP_TLS = ("none", "starttls", "ssl")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    user: str | None
    password: str | None
    tls: str
    timeout: float


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    embedder: str
    smtp: SmtpSettings | None
    sender: str | None
    user_name: str
    timezone: str | None = None


def default_home() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("lazos", appauthor=False))


def normalise_database_url(url: str) -> str:
    """Accept the URLs people paste and return one SQLAlchemy understands.

    ``postgresql://`` and ``postgres://`` use psycopg 3; ``sqlite:///`` is kept.
    """
    url = url.strip()
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://"):]
    if url.startswith(("postgresql+psycopg://", "sqlite:///", "sqlite://")):
        return url
    raise field_error(
        "LAZOS_DATABASE_URL",
        "LAZOS_DATABASE_URL must start with sqlite:/// or postgresql:// (got {value!r}).",
        "LAZOS_DATABASE_URL debe empezar por sqlite:/// o postgresql:// (recibido {value!r}).",
        value=url[:60],
    )


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise field_error(name, "{field} must be a whole number (got {value!r}).",
                          "{field} debe ser un número entero (recibido {value!r}).",
                          value=raw) from None


def load_settings() -> Settings:
    """Read and validate the environment. Raises ValidationError naming the variable."""
    env = os.environ
    home = Path(env["LAZOS_HOME"]).expanduser() if env.get("LAZOS_HOME") else default_home()
    url = env.get("LAZOS_DATABASE_URL") or f"sqlite:///{home / 'lazos.db'}"
    embedder = env.get("LAZOS_EMBEDDER", "default").strip().lower() or "default"
    if embedder not in EMBEDDERS:
        raise field_error("LAZOS_EMBEDDER", "LAZOS_EMBEDDER must be one of {choices} (got {value!r}).",
                          "LAZOS_EMBEDDER debe ser uno de {choices} (recibido {value!r}).",
                          choices=", ".join(EMBEDDERS), value=embedder)
    smtp = None
    if env.get("LAZOS_SMTP_HOST"):
        tls = env.get("LAZOS_SMTP_TLS", "starttls").strip().lower()
        if tls not in SMTP_TLS:
            raise field_error("LAZOS_SMTP_TLS", "LAZOS_SMTP_TLS must be one of {choices} (got {value!r}).",
                              "LAZOS_SMTP_TLS debe ser uno de {choices} (recibido {value!r}).",
                              choices=", ".join(SMTP_TLS), value=tls)
        smtp = SmtpSettings(
            host=env["LAZOS_SMTP_HOST"],
            port=_int("LAZOS_SMTP_PORT", 465 if tls == "ssl" else 587),
            user=env.get("LAZOS_SMTP_USER") or None,
            password=env.get("LAZOS_SMTP_PASSWORD") or None,
            tls=tls,
            timeout=float(_int("LAZOS_SMTP_TIMEOUT", 20)),
        )
        if smtp.timeout <= 0:
            raise field_error("LAZOS_SMTP_TIMEOUT", "{field} must be a number of seconds above 0.",
                              "{field} debe ser un número de segundos mayor que 0.")
    sender = env.get("LAZOS_FROM") or None
    if sender is not None:
        from lazos.validate import email

        sender = email(sender, field="LAZOS_FROM")
    return Settings(
        home=home,
        database_url=normalise_database_url(url),
        embedder=embedder,
        smtp=smtp,
        sender=sender,
        user_name=env.get("LAZOS_USER_NAME") or "",
        timezone=env.get("LAZOS_TZ") or None,
    )
