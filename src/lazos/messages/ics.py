"""A meal invitation as an iCalendar request (RFC 5545 object, RFC 5546 METHOD:REQUEST).

Shaped like the requests Google, Exchange and Lotus Notes send: one VEVENT with UID,
SEQUENCE, DTSTAMP, DTSTART/DTEND, ORGANIZER, the organizer as an accepted CHAIR attendee
and each guest as a REQ-PARTICIPANT with PARTSTAT=NEEDS-ACTION and RSVP=TRUE. Times with
a named zone get a VTIMEZONE; others are written in UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

PRODID = "-//Lazos//Lazos networking assistant//EN"


def invitation_ics(*, uid: str, sequence: int, start: datetime, end: datetime, summary: str,
                   location: str, description: str, organizer: tuple[str, str],
                   attendees: Sequence[tuple[str, str]], stamp: datetime,
                   lang: str | None = None) -> str:
    """The .ics text. ``start``/``end`` must be timezone-aware; ``organizer`` and each
    attendee are ``(name, email)``; ``stamp`` is naive or aware UTC."""
    from icalendar import Calendar, Event, vCalAddress

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "REQUEST")
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    params = {"language": lang} if lang else {}
    event.add("summary", summary, parameters=params)
    event.add("location", location)
    event.add("description", description)
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("class", "PUBLIC")
    org_name, org_email = organizer
    org = vCalAddress(f"mailto:{org_email}")
    if org_name:
        org.params["cn"] = org_name
    event.add("organizer", org)
    chair = vCalAddress(f"mailto:{org_email}")
    chair.params.update({"cutype": "INDIVIDUAL", "role": "CHAIR", "partstat": "ACCEPTED",
                         "rsvp": "FALSE"})
    if org_name:
        chair.params["cn"] = org_name
    event.add("attendee", chair)
    for name, email in attendees:
        guest = vCalAddress(f"mailto:{email}")
        guest.params.update({"cutype": "INDIVIDUAL", "role": "REQ-PARTICIPANT",
                             "partstat": "NEEDS-ACTION", "rsvp": "TRUE"})
        if name:
            guest.params["cn"] = name
        event.add("attendee", guest)
    cal.add_component(event)
    if getattr(start.tzinfo, "key", None):
        # only the transitions around the meal: a compact VTIMEZONE, like Exchange's
        from datetime import date

        cal.add_missing_timezones(first_date=date(start.year - 1, 1, 1),
                                  last_date=date(end.year + 2, 1, 1))
    return str(cal.to_ical().decode("utf-8"))
