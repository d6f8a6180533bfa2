"""A person as a vCard 3.0 (RFC 2426), written with vobject."""

from __future__ import annotations

from lazos.io.fields import split_name
from lazos.model import Person


def person_vcard(p: Person) -> str:
    """The person's card: name, emails, phones, company, role, LinkedIn/Xing, city."""
    import vobject

    card = vobject.vCard()
    card.add("fn").value = p.name
    family, given = split_name(p.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    for i, address in enumerate(p.emails):
        email = card.add("email")
        email.value = address
        email.type_param = "INTERNET" if i else ["INTERNET", "PREF"]
    for number in p.phones:
        card.add("tel").value = number
    if p.company:
        card.add("org").value = [p.company]
    if p.role:
        card.add("title").value = p.role
    for url in (p.linkedin_url, p.xing_url):
        if url:
            card.add("url").value = url
    if p.city:
        card.add("adr").value = vobject.vcard.Address(city=p.city)
    return str(card.serialize())


def vcard_filename(p: Person) -> str:
    safe = "".join(c if c.isalnum() else "_" for c in p.name).strip("_") or f"person_{p.id}"
    return f"{safe}.vcf"
