"""What every importer returns: contacts ready to store, and the rows it could not use."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from lazos.i18n import Msg


@dataclass
class Contact:
    """One person read from a file, before validation against the store's rules.

    ``line`` is where the record starts in the file (1-based), for error messages.
    ``key`` identifies the record across imports of the same source (a vCard UID, a
    LinkedIn URL); when empty, a digest of the content is used instead.
    """

    line: int
    name: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    company: str | None = None
    role: str | None = None
    city: str | None = None
    languages: list[str] = field(default_factory=list)
    linkedin_url: str | None = None
    xing_url: str | None = None
    met_at: str | None = None
    met_through: str | None = None
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    connected_on: date | None = None
    key: str = ""
    warnings: list[Msg] = field(default_factory=list)

    def digest(self) -> str:
        """A stable hash of the content (not the line): equal contacts, equal digests."""
        data = [self.name, self.emails, self.phones, self.company, self.role, self.city,
                self.languages, self.linkedin_url, self.xing_url, self.met_at, self.met_through, self.tags,
                self.note, self.connected_on.isoformat() if self.connected_on else None]
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Rejection:
    """A record that cannot become a person: where it is and why."""

    line: int
    reason: Msg


@dataclass
class Parsed:
    """A whole file read by one importer."""

    format: str
    contacts: list[Contact] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    encoding: str = "utf-8"

    def add(self, item: Contact | Rejection) -> None:
        if isinstance(item, Contact):
            self.contacts.append(item)
        else:
            self.rejected.append(item)
