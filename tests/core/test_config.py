"""Configuration fails loudly, naming the variable and the accepted values."""

from __future__ import annotations

import pytest

from lazos.config import load_settings
from lazos.errors import ValidationError


@pytest.mark.parametrize("var, value, expected", [
    ("LAZOS_EMBEDDER", "gpt", "LAZOS_EMBEDDER"),
    ("LAZOS_FROM", "me-at-home", "LAZOS_FROM"),
    ("LAZOS_SMTP_PORT", "twenty-five", "LAZOS_SMTP_PORT"),
    ("LAZOS_SMTP_TIMEOUT", "0", "LAZOS_SMTP_TIMEOUT"),
    ("LAZOS_SMTP_TLS", "maybe", "LAZOS_SMTP_TLS"),
    ("LAZOS_DATABASE_URL", "oracle://x", "LAZOS_DATABASE_URL"),
])
def test_bad_settings_name_the_variable(monkeypatch: pytest.MonkeyPatch, var: str, value: str,
                                        expected: str) -> None:
    monkeypatch.setenv("LAZOS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv(var, value)
    with pytest.raises(ValidationError) as err:
        load_settings()
    assert expected in err.value.render("en")


def test_good_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("LAZOS_SMTP_TLS", "ssl")
    monkeypatch.setenv("LAZOS_FROM", "Me@Example.com")
    monkeypatch.setenv("LAZOS_DATABASE_URL", "postgres://u@h/db")
    s = load_settings()
    assert s.smtp is not None and s.smtp.port == 465
    assert s.sender == "me@example.com"
    assert s.database_url == "postgresql+psycopg://u@h/db"
