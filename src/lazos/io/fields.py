"""Shared helpers that turn raw cell values into Contact fields (all importers use them)."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlparse

from lazos import validate
from lazos.errors import ValidationError
from lazos.i18n import msg
from lazos.io.records import Contact, Rejection

MULTI = re.compile(r"\s+:::\s+")
_SYSTEM_GROUPS = {"my contacts", "mycontacts", "other contacts", "othercontacts", "starred"}


def split_multi(value: str | None) -> list[str]:
    """Google's ``a ::: b`` multi-values (and plain values) as a list of non-empty parts."""
    if not value:
        return []
    return [v.strip() for v in MULTI.split(value) if v.strip()]


def join_name(*parts: str | None) -> str:
    return " ".join(" ".join(p.split()) for p in parts if p and p.strip())


def split_name(name: str) -> tuple[str, str]:
    """(family, given) for a vCard N property: the last word is the family name; a single
    word is all given name."""
    words = name.split()
    if len(words) > 1:
        return words[-1], " ".join(words[:-1])
    return "", name


def group_tags(value: str | None, sep: str = ":::") -> list[str]:
    """Group labels as tags: ``* myContacts ::: Kunden`` → ``['kunden']``."""
    if not value:
        return []
    out: list[str] = []
    for part in value.split(sep):
        tag = part.strip().lstrip("*").strip()
        if tag and tag.lower() not in _SYSTEM_GROUPS:
            out.append(tag.replace(",", " "))
    return out


_HOST = re.compile(r"^(?:https?://)?([A-Za-z0-9.\-]+)(?:[/?#]|$)")


def host_of(text: str) -> str:
    """The lower-case host of a URL (``https://`` assumed), or "" when it has none."""
    quick = _HOST.match(text)
    if quick:
        return quick.group(1).lower()
    try:
        return (urlparse(text if "://" in text else "https://" + text).hostname or "").lower()
    except ValueError:  # "http://[" and other broken addresses
        return ""


def classify_url(contact: Contact, url: str) -> None:
    """Put a LinkedIn or Xing address where it belongs; other web pages are not stored."""
    text = url.strip().replace("\\:", ":")
    host = host_of(text)
    if host.endswith("linkedin.com") and not contact.linkedin_url:
        contact.linkedin_url = text
    elif host.endswith("xing.com") and not contact.xing_url:
        contact.xing_url = text


_LINKEDIN = re.compile(r"^(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com(/[^?#]*)?(?:[?#].*)?$")


@lru_cache(maxsize=65536)
def linkedin_key(url: str | None) -> str | None:
    """A LinkedIn profile address without scheme, www, query or trailing slash, lower-case.

    ``https://www.linkedin.com/in/Ana/`` and ``linkedin.com/in/ana`` give the same key.
    """
    if not url:
        return None
    text = url.strip().lower()
    found = _LINKEDIN.match(text)
    if found:
        return "linkedin.com" + (found.group(1) or "").rstrip("/")
    try:
        parsed = urlparse(text if "://" in text else "https://" + text)
        host = (parsed.hostname or "").removeprefix("www.")
    except ValueError:
        return None
    path = parsed.path.rstrip("/")
    return f"{host}{path}" if host else None


def name_from_linkedin(url: str | None) -> str:
    """``.../in/ana-lopez-1a2b3c`` → ``Ana Lopez`` (LinkedIn hides some members' names)."""
    key = linkedin_key(url) or ""
    slug = key.rsplit("/in/", 1)[-1] if "/in/" in key else ""
    words = [w for w in slug.split("-") if w and not any(ch.isdigit() for ch in w)]
    return " ".join(w.capitalize() for w in words)


_DATE_FORMATS = ("%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y",
                 "%d/%m/%Y", "%d.%m.%Y", "%b %d, %Y", "%d %B %Y")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"), start=1)}
_LINKEDIN_DATE = re.compile(r"^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$")


def parse_date(value: str | None) -> date | None:
    """LinkedIn's ``05 Oct 2020`` and the other usual spellings; None when unreadable."""
    if not value or not value.strip():
        return None
    text = " ".join(value.split())
    quick = _LINKEDIN_DATE.match(text)
    if quick and quick.group(2).lower() in _MONTHS:  # the common case, without strptime
        try:
            return date(int(quick.group(3)), _MONTHS[quick.group(2).lower()], int(quick.group(1)))
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _is_email(value: str) -> bool:
    try:
        validate.email(value)
    except ValidationError:
        return False
    return True


def finish(contact: Contact, *, fallback_name: str = "") -> Contact | Rejection:
    """Give the contact a name (its own, else ``fallback_name``, company or a valid email),
    or reject it. An address that is not one never becomes a name: it is left out later,
    and the person would be left with a name that means nothing."""
    contact.name = " ".join(contact.name.split())
    if not contact.name:
        contact.name = " ".join(fallback_name.split()) or (contact.company or "") or next(
            (e for e in contact.emails if _is_email(e)), "")
    if not contact.name:
        return Rejection(contact.line, msg(
            "no name, company or valid email: nothing to tell who this is.",
            "sin nombre, empresa ni correo válido: nada dice quién es."))
    return contact
