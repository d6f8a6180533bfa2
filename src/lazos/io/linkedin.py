"""LinkedIn ``Connections.csv`` (Settings → Data privacy → Get a copy of your data).

The real export starts with a "Notes:" preamble, then a blank line, then the header
``First Name,Last Name,URL,Email Address,Company,Position,Connected On``; dates look like
``05 Oct 2020``; e-mail is empty unless the member allows it, and some rows have no name
(members who hide it) or no URL. Columns are found by name, so older layouts with another
column order read the same.
"""

from __future__ import annotations

from pathlib import Path

from lazos.i18n import msg
from lazos.io.csvread import read_table, too_many_fields
from lazos.io.fields import (
    classify_url,
    finish,
    join_name,
    linkedin_key,
    name_from_linkedin,
    parse_date,
)
from lazos.io.records import Contact, Parsed, Rejection

FORMAT = "linkedin"
REQUIRED = {"First Name", "Last Name"}


def is_header(cells: list[str]) -> bool:
    names = set(cells)
    return names >= REQUIRED and bool(names & {"URL", "Profile URL", "Connected On", "Position"})


def parse(text: str, path: Path | str) -> Parsed:
    """Contacts from a Connections.csv text; rows with nothing to identify a person are rejected."""
    table = read_table(text, path, is_header=is_header)
    out = Parsed(format=FORMAT)
    for row in table.rows:
        v = row.values
        bad = too_many_fields(row)
        if bad is not None:
            out.rejected.append(bad)
            continue
        url = (v.get("URL") or v.get("Profile URL") or "").strip()
        contact = Contact(line=row.line,
                          name=join_name(v.get("First Name"), v.get("Last Name")),
                          emails=[e for e in [(v.get("Email Address") or "").strip()] if e],
                          company=(v.get("Company") or "").strip() or None,
                          role=(v.get("Position") or "").strip() or None)
        if url:
            classify_url(contact, url)
            if not contact.linkedin_url:
                contact.warnings.append(msg("URL {url!r} is not a LinkedIn address; left out.",
                                            "La URL {url!r} no es de LinkedIn; se omite.",
                                            url=url[:80]))
        connected = v.get("Connected On") or ""
        contact.connected_on = parse_date(connected)
        if connected.strip() and contact.connected_on is None:
            contact.warnings.append(msg("'Connected On' {value!r} is not a date; left out.",
                                        "'Connected On' {value!r} no es una fecha; se omite.",
                                        value=connected[:40]))
        contact.met_at = "LinkedIn" + (f" ({contact.connected_on.isoformat()})"
                                       if contact.connected_on else "")
        contact.key = linkedin_key(contact.linkedin_url) or ""
        if not contact.name and not contact.linkedin_url and not contact.emails:
            out.rejected.append(Rejection(row.line, msg(
                "no name, URL or email: LinkedIn hid this connection's details.",
                "sin nombre, URL ni correo: LinkedIn ocultó los datos de este contacto.")))
            continue
        out.add(finish(contact, fallback_name=name_from_linkedin(contact.linkedin_url)))
    return out
