"""Inviting Lucía to lunch: an email in Spanish with an iCalendar request like the ones
Google, Exchange and Lotus Notes send."""

from __future__ import annotations

from datetime import datetime

import pytest
from icalendar import Calendar

from lazos.connect import introductions as intros
from lazos.connect.invitations import invite, suggest_invites
from lazos.errors import ValidationError
from lazos.i18n import msg
from lazos.match.service import Match, MatchResult
from lazos.messages import smtp
from lazos.messages.outbox import list_messages
from lazos.services.notes import list_followups
from lazos.store import Store
from tests.conftest import SHARED
from tests.connect.conftest import Mailbox, Net

NOW = "2026-11-27T10:00:00"
REAL_REQUESTS = ["icalendar__exchange2010_request.ics", "tine20__lotus_notes852_request.ics",
                 "ical4j__lotus_notes6_request.ics", "tine20__exchange2007_request_de.ics"]


@pytest.fixture(autouse=True)
def _pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_NOW", NOW)
    monkeypatch.setenv("LAZOS_FROM", "ana@example.org")
    monkeypatch.setenv("LAZOS_USER_NAME", "Ana García")


def _event(ics: str) -> tuple[Calendar, object]:
    cal = Calendar.from_ical(ics)
    [event] = cal.walk("VEVENT")
    return cal, event


def test_invitation_is_a_valid_request_with_organizer_and_attendee(store: Store, net: Net) -> None:
    drafts = invite(store, person="Lucía", at="2026-12-04 14:00", place="Casa Pepe, Madrid",
                    tz="Europe/Madrid")
    [m] = drafts.messages
    assert m.lang == "es" and m.to == ["lucia@example.es"]
    assert m.subject == "Invitación: comida el viernes 4 de diciembre de 2026, 14:00"
    assert "Casa Pepe, Madrid" in m.body
    [ics] = m.attachments
    assert ics.content_type == "text/calendar; method=REQUEST"
    cal, ev = _event(ics.content)
    assert str(cal["METHOD"]) == "REQUEST" and str(cal["VERSION"]) == "2.0" and cal["PRODID"]
    assert ev["UID"].endswith("@lazos") and int(ev["SEQUENCE"]) == 0  # type: ignore[index]
    start = ev.decoded("DTSTART")  # type: ignore[attr-defined]
    assert start == datetime(2026, 12, 4, 14, 0, tzinfo=start.tzinfo)
    assert start.utcoffset().total_seconds() == 3600
    assert ev.decoded("DTEND") - start == __import__("datetime").timedelta(minutes=90)  # type: ignore[attr-defined]
    assert ev.decoded("DTSTAMP").tzinfo is not None  # type: ignore[attr-defined]
    assert str(ev["ORGANIZER"]) == "mailto:ana@example.org"  # type: ignore[index]
    assert ev["ORGANIZER"].params["CN"] == "Ana García"  # type: ignore[index]
    attendees = {str(a): a.params for a in ev["ATTENDEE"]}  # type: ignore[index]
    guest = attendees["mailto:lucia@example.es"]
    assert (guest["PARTSTAT"], guest["RSVP"], guest["ROLE"]) == ("NEEDS-ACTION", "TRUE",
                                                                 "REQ-PARTICIPANT")
    assert attendees["mailto:ana@example.org"]["PARTSTAT"] == "ACCEPTED"
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Madrid"
    # a follow-up on the day, so 'lazos today' shows it
    [f] = list_followups(store, person="Lucía")
    assert f.kind == "invite" and str(f.due_on) == "2026-12-04"


def test_structure_matches_real_client_requests(store: Store, net: Net) -> None:
    """Every property the real REQUESTs carry on their VEVENT (and RFC 5546 requires) is
    present in ours, with the same parameter shapes."""
    [m] = invite(store, person="Bob", at="2026-12-10 20:30", place="Sala", meal="dinner").messages
    _, ours = _event(m.attachments[0].content)
    assert m.lang == "en" and m.subject.startswith("Invitation: dinner on Thursday 10 December")
    required = {"UID", "DTSTAMP", "DTSTART", "SEQUENCE", "ORGANIZER", "ATTENDEE", "SUMMARY"}
    for name in REAL_REQUESTS:
        cal = Calendar.from_ical((SHARED / "realworld" / "ics" / name).read_bytes())
        assert str(cal["METHOD"]) == "REQUEST"
        [theirs] = cal.walk("VEVENT")[:1]
        shared = required & set(theirs.keys())
        assert shared <= set(ours.keys()), (name, shared - set(ours.keys()))  # type: ignore[attr-defined]
        for a in theirs.get("ATTENDEE", []) if isinstance(theirs.get("ATTENDEE"), list) else []:
            if a.params.get("RSVP") == "TRUE":
                assert {"PARTSTAT", "ROLE"} <= set(a.params)
    for a in ours["ATTENDEE"]:  # type: ignore[index]
        assert {"PARTSTAT", "ROLE", "RSVP", "CN"} <= set(a.params)


def test_bad_times_are_refused_clearly(store: Store, net: Net) -> None:
    with pytest.raises(ValidationError) as err:
        invite(store, person="Bob", at="next friday-ish", place="Bar")
    assert "YYYY-MM-DD HH:MM" in err.value.render("en") and "AAAA-MM-DD" in err.value.render("es")
    with pytest.raises(ValidationError) as err:
        invite(store, person="Bob", at="2026-11-20 13:00", place="Bar", tz="UTC")
    assert "in the past" in err.value.render("en") and "ya ha pasado" in err.value.render("es")
    with pytest.raises(ValidationError, match="time zone"):
        invite(store, person="Bob", at="2026-12-20 13:00", place="Bar", tz="Mars/Olympus")
    with pytest.raises(ValidationError, match="place"):
        invite(store, person="Bob", at="2026-12-20 13:00", place="  ")
    assert list_messages(store) == []


def test_invitation_without_email_is_still_drafted(store: Store, net: Net) -> None:
    drafts = invite(store, person="Carla", at="2026-12-20 13:00", place="Bar", tz="UTC")
    [m] = drafts.messages
    assert m.to == [] and "Carla Ruiz has no email" in drafts.notes[0]
    _, ev = _event(m.attachments[0].content)
    assert str(ev["ATTENDEE"]) == "mailto:ana@example.org"  # type: ignore[index]


def test_invitation_arrives_with_its_calendar_part(store: Store, net: Net, mailbox: Mailbox) -> None:
    [m] = invite(store, person="Bob", at="2026-12-10 20:30", place="Sala", tz="UTC").messages
    assert smtp.send_message(store, m.id).status == "sent"
    [got] = mailbox.received
    [part] = [p for p in got.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"
    _, ev = _event(part.get_content())
    assert str(ev["DTSTART"].to_ical().decode()) == "20261210T203000Z"  # type: ignore[index]


def _match(need_id: int, person_id: int, score: float = 0.8) -> Match:
    return Match(need_id=need_id, person_id=person_id, score=score, reason=msg("fits", "encaja"))


def test_invite_suggest_ranks_by_the_good_a_meal_could_do(store: Store, net: Net) -> None:
    results = [MatchResult(need_id=net.roof.id, suggest=True, matches=[_match(net.roof.id, net.bob.id)],
                           look_for=None)]
    ranked = suggest_invites(store, results=results)
    assert [s.name for s in ranked[:2]] == ["Lucía Fernández", "Bob Smith"]
    assert "1 of their needs can be solved by your network" in ranked[0].reasons
    assert any("can help Lucía Fernández" in r for r in ranked[1].reasons)
    # Bob then helps Marta and Carla without receiving anything: reciprocity lifts him
    from lazos.services.needs import add_need

    for owner, text in ((net.marta.id, "Arreglar la caldera"), (net.carla.id, "Reparar el tejado")):
        need = add_need(store, person=owner, text=text, lang="es")
        intros.introduce(store, need_id=need.id, helper="Bob", direct=True)
    ranked = suggest_invites(store, results=results)
    assert ranked[0].name == "Bob Smith"
    assert "helped 2 times, received 0: time to give back" in ranked[0].reasons


def test_rescheduling_keeps_the_uid_and_raises_the_sequence(store: Store, net: Net) -> None:
    [first] = invite(store, person="Bob", at="2026-12-10 13:00", place="Bar", tz="UTC").messages
    [moved] = invite(store, person="Bob", at="2026-12-11 13:00", place="Bar", tz="UTC",
                     update=first.id).messages
    _, a = _event(first.attachments[0].content)
    _, b = _event(moved.attachments[0].content)
    assert a["UID"] == b["UID"]  # type: ignore[index]
    assert (int(a["SEQUENCE"]), int(b["SEQUENCE"])) == (0, 1)  # type: ignore[index]
    with pytest.raises(ValidationError, match="not an invitation to this person"):
        invite(store, person="Lucía", at="2026-12-11 13:00", place="Bar", tz="UTC", update=first.id)


def test_lazos_tz_sets_the_default_time_zone(monkeypatch) -> None:
    from lazos.connect.invitations import parse_when

    monkeypatch.setenv("LAZOS_TZ", "America/Mexico_City")
    start = parse_when("2099-03-10 14:00", None)
    assert str(start.tzinfo) == "America/Mexico_City"
    assert parse_when("2099-03-10 14:00", "Europe/Madrid").utcoffset().total_seconds() == 3600
