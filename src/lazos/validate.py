"""Checks on values a person types, each failing with the field's name and the fix.

Every service calls these before touching the store, so nothing is half-written when a
value is bad.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlparse

from lazos.errors import field_error

MAX_TEXT = 10_000
MAX_NAME = 200
MAX_SHORT = 300

_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]{2,}$")
_PHONE = re.compile(r"^\+?[\d\s().\-/]{5,30}$")


def name(value: str | None, *, field: str = "name") -> str:
    cleaned = " ".join((value or "").split())
    if not cleaned:
        raise field_error(field, "{field} is empty: give a name, e.g. 'Marta López'.",
                          "{field} está vacío: escribe un nombre, p. ej. 'Marta López'.")
    if len(cleaned) > MAX_NAME:
        raise field_error(field, "{field} is longer than {limit} characters: shorten it.",
                          "{field} tiene más de {limit} caracteres: acórtalo.", limit=MAX_NAME)
    return cleaned


def text(value: str | None, *, field: str = "text", limit: int = MAX_TEXT) -> str:
    """Non-empty free text up to ``limit`` characters (stored as typed, never as markup)."""
    cleaned = (value or "").strip()
    if not cleaned:
        raise field_error(field, "{field} is empty: write what you want to record.",
                          "{field} está vacío: escribe lo que quieres guardar.")
    if len(cleaned) > limit:
        raise field_error(field,
                          "{field} has {size} characters, over the limit of {limit}: split it "
                          "into several entries.",
                          "{field} tiene {size} caracteres, más del límite de {limit}: divídelo "
                          "en varias entradas.", size=len(cleaned), limit=limit)
    return cleaned


def optional_short(value: str | None, *, field: str) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(value.split())
    if not cleaned:
        return None
    if len(cleaned) > MAX_SHORT:
        raise field_error(field, "{field} is longer than {limit} characters: shorten it.",
                          "{field} tiene más de {limit} caracteres: acórtalo.", limit=MAX_SHORT)
    return cleaned


def email(value: str, *, field: str = "email") -> str:
    cleaned = value.strip().lower()
    if not _EMAIL.match(cleaned) or len(cleaned) > 320:
        raise field_error(field, "{field} {value!r} is not an email address: use the form name@example.com.",
                          "{field} {value!r} no es un correo válido: usa la forma nombre@ejemplo.com.",
                          value=value[:80])
    return cleaned


def phone(value: str, *, field: str = "phone") -> str:
    cleaned = " ".join(value.split())
    if not _PHONE.match(cleaned) or sum(c.isdigit() for c in cleaned) < 5:
        raise field_error(field, "{field} {value!r} is not a phone number: use digits, e.g. +34 600 123 456.",
                          "{field} {value!r} no es un teléfono: usa dígitos, p. ej. +34 600 123 456.",
                          value=value[:40])
    return cleaned


def url(value: str | None, *, field: str, hosts: tuple[str, ...] = ()) -> str | None:
    """An http(s) URL; with ``hosts``, its host must end with one of them (linkedin.com...)."""
    if value is None or not value.strip():
        return None
    cleaned = value.strip()
    if "://" not in cleaned and hosts and cleaned.lower().startswith(hosts):
        cleaned = "https://" + cleaned
    if "://" not in cleaned and cleaned.lower().startswith("www."):
        cleaned = "https://" + cleaned
    try:
        parsed = urlparse(cleaned)
        host = (parsed.hostname or "").lower()
    except ValueError:  # e.g. "http://[" (an unclosed IPv6 bracket)
        parsed, host = urlparse(""), ""
    ok = parsed.scheme in ("http", "https") and "." in host and " " not in cleaned
    if ok and hosts:
        ok = any(host == h or host.endswith("." + h) for h in hosts)
    if not ok or len(cleaned) > 500:
        example = f"https://www.{hosts[0]}/in/..." if hosts else "https://example.com"
        raise field_error(
            field, "{field} {value!r} is not a valid URL: use the full address, e.g. {example}.",
            "{field} {value!r} no es una URL válida: usa la dirección completa, p. ej. {example}.",
            value=value[:80], example=example)
    return cleaned


def iso_date(value: str | date | None, *, field: str = "date") -> date | None:
    """``YYYY-MM-DD`` (or a date) to a date; None stays None."""
    if value is None or isinstance(value, date):
        return value
    cleaned = value.strip()
    if not cleaned:
        return None
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise field_error(field, "{field} {value!r} is not a date: use YYYY-MM-DD, e.g. 2026-03-15.",
                          "{field} {value!r} no es una fecha: usa AAAA-MM-DD, p. ej. 2026-03-15.",
                          value=value[:40]) from None


def iso_datetime(value: str | datetime, *, field: str = "datetime") -> datetime:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise field_error(field, "{field} {value!r} is not a date and time: use YYYY-MM-DDTHH:MM, "
                          "e.g. 2026-03-15T13:30.",
                          "{field} {value!r} no es una fecha y hora: usa AAAA-MM-DDTHH:MM, "
                          "p. ej. 2026-03-15T13:30.", value=value[:40]) from None


def lang(value: str | None, *, field: str = "lang") -> str | None:
    if value is None or not value.strip():
        return None
    from lazos.i18n import normalise_lang

    found = normalise_lang(value)
    if found is None:
        raise field_error(field, "{field} {value!r} is not a language Lazos knows: use es or en.",
                          "{field} {value!r} no es un idioma que Lazos conozca: usa es o en.",
                          value=value[:20])
    return found


def tags(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for raw in values or []:
        for part in raw.split(","):
            tag = " ".join(part.split()).lower()
            if tag and tag not in out:
                if len(tag) > 60:
                    raise field_error("tags", "Tag {value!r} is longer than 60 characters.",
                                      "La etiqueta {value!r} tiene más de 60 caracteres.",
                                      value=tag[:60])
                out.append(tag)
    return out
