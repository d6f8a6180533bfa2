"""Google Contacts CSV ("Google CSV" export), in both layouts Google has used.

- Legacy (until 2020): ``Name, Given Name, Additional Name, Family Name, ...,
  Group Membership, E-mail 1 - Type, E-mail 1 - Value, ..., Organization 1 - Name``.
- Current: ``First Name, Middle Name, Last Name, ..., Organization Name,
  Organization Title, Labels, E-mail 1 - Label, E-mail 1 - Value, ...``.

A cell may hold several values joined by `` ::: `` (two e-mails of the same type); groups
and labels (``* myContacts ::: Clientes``) become tags, leaving out Google's own groups.
"""

from __future__ import annotations

import re
from pathlib import Path

from lazos.io.csvread import Row, read_table, too_many_fields
from lazos.io.fields import classify_url, finish, group_tags, join_name, split_multi
from lazos.io.records import Contact, Parsed, Rejection

FORMAT = "google"
NUMBERED = re.compile(r"^(E-mail|Phone|Website|Address|Organization|Relation|Event) (\d+) - (.+)$")
LEGACY_MARKS = {"Given Name", "Family Name", "Group Membership"}
CURRENT_MARKS = {"Organization Name", "Labels", "E-mail 1 - Label", "Phone 1 - Label"}


def looks_like(cells: list[str]) -> bool:
    names = set(cells)
    numbered = any(NUMBERED.match(c) for c in cells)
    return (len(names & LEGACY_MARKS) >= 2) or (bool(names & CURRENT_MARKS) and numbered) or (
        "First Name" in names and any(c.startswith("E-mail 1 - ") for c in cells))


def _numbered(row: Row) -> dict[str, dict[str, dict[str, str]]]:
    """``{'E-mail': {'1': {'Type': 'Home', 'Value': 'a@b'}}}`` for the numbered columns."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for col, value in row.values.items():
        found = NUMBERED.match(col)
        if found and value.strip():
            kind, num, part = found.groups()
            out.setdefault(kind, {}).setdefault(num, {})[part] = value
    return out


def _values(groups: dict[str, dict[str, str]]) -> list[str]:
    return [v for _, g in sorted(groups.items(), key=lambda kv: int(kv[0]))
            for v in split_multi(g.get("Value"))]


def _contact(row: Row) -> Contact | Rejection:
    v = {k: val.strip() for k, val in row.values.items()}
    numbered = _numbered(row)
    contact = Contact(line=row.line)
    contact.name = v.get("Name") or join_name(
        v.get("Name Prefix"), v.get("Given Name") or v.get("First Name"),
        v.get("Additional Name") or v.get("Middle Name"),
        v.get("Family Name") or v.get("Last Name"), v.get("Name Suffix"))
    contact.emails = _values(numbered.get("E-mail", {}))
    contact.phones = _values(numbered.get("Phone", {}))
    orgs = numbered.get("Organization", {})
    first_org = orgs[min(orgs, key=int)] if orgs else {}
    contact.company = v.get("Organization Name") or first_org.get("Name") or v.get("Company") or None
    contact.role = v.get("Organization Title") or first_org.get("Title") or None
    addresses = numbered.get("Address", {})
    for _, addr in sorted(addresses.items(), key=lambda kv: int(kv[0])):
        if addr.get("City"):
            contact.city = split_multi(addr["City"])[0]
            break
    for site in _values(numbered.get("Website", {})):
        classify_url(contact, site)
    contact.tags = group_tags(v.get("Group Membership") or v.get("Labels"))
    contact.note = v.get("Notes") or None
    return finish(contact, fallback_name=v.get("Nickname") or v.get("File As") or "")


def parse(text: str, path: Path | str) -> Parsed:
    """Contacts from a Google CSV text (either layout)."""
    table = read_table(text, path, is_header=looks_like)
    out = Parsed(format=FORMAT)
    for row in table.rows:
        bad = too_many_fields(row)
        if bad is not None:
            out.rejected.append(bad)
            continue
        out.add(_contact(row))
    return out
