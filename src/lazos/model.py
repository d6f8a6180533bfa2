"""Domain types: what Lazos knows about a network, independent of storage.

These are plain frozen dataclasses returned by the services. The database rows live in
:mod:`lazos.store.schema`; keeping them apart means the CLI, web app and API never hold
a live database session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum


class NeedStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    SOLVED = "solved"
    DROPPED = "dropped"


class Sensitivity(StrEnum):
    """``private`` needs never leave the store in a message without the owner's consent."""

    NORMAL = "normal"
    PRIVATE = "private"


class Source(StrEnum):
    ASKED = "asked"      # the person said it / the user typed it as a need or offer
    NOTE = "note"        # noticed by Lazos in a note, accepted by the user
    IMPORT = "import"


class FollowUpKind(StrEnum):
    SAME_DAY = "same_day"
    CHECK_IN = "check_in"
    INVITE = "invite"
    KEEP_IN_TOUCH = "keep_in_touch"
    PROMISE = "promise"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Person:
    id: int
    name: str
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
    keep_in_touch_days: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def lang(self) -> str | None:
        """The person's first language, used for messages to them."""
        return self.languages[0] if self.languages else None

    @property
    def email(self) -> str | None:
        return self.emails[0] if self.emails else None


@dataclass(frozen=True)
class Need:
    id: int
    person_id: int
    text: str
    lang: str | None
    status: NeedStatus
    sensitivity: Sensitivity
    topic: str | None = None          # health, legal, money, family, immigration...
    consent_at: datetime | None = None
    source: Source = Source.ASKED
    note_id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    closed_at: datetime | None = None

    @property
    def shareable(self) -> bool:
        """May this need be mentioned in a message to someone other than its owner?"""
        return self.sensitivity == Sensitivity.NORMAL or self.consent_at is not None

    @property
    def is_open(self) -> bool:
        return self.status in (NeedStatus.OPEN, NeedStatus.IN_PROGRESS)


@dataclass(frozen=True)
class Offer:
    id: int
    person_id: int
    text: str
    lang: str | None
    source: Source = Source.ASKED
    note_id: int | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class Note:
    id: int
    person_id: int
    text: str
    kind: str = "note"                # note, meeting, lunch, dinner, call, email, event
    lang: str | None = None
    happened_on: date | None = None
    event_id: int | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class Event:
    id: int
    name: str
    happened_on: date | None
    place: str | None = None
    kind: str | None = None
    attendee_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class FollowUp:
    id: int
    person_id: int
    kind: FollowUpKind
    text: str
    due_on: date | None
    status: FollowUpStatus = FollowUpStatus.OPEN
    date_text: str | None = None      # the words used when the date could not be resolved
    note_id: int | None = None
    introduction_id: int | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class TimelineItem:
    """One dated line in a person's history (``lazos show``)."""

    when: datetime
    kind: str
    text: str
    ref: str


def filter_people(people: list[Person], *, tag: str | None = None, city: str | None = None,
                  company: str | None = None) -> list[Person]:
    """People with ``tag`` (exact, any case) whose city and company contain the given text
    (accent- and case-insensitive); shared by the ORM and fast read paths."""
    from lazos.text.fold import fold

    if tag:
        people = [p for p in people if tag.lower() in p.tags]
    if city:
        people = [p for p in people if p.city and fold(city) in fold(p.city)]
    if company:
        people = [p for p in people if p.company and fold(company) in fold(p.company)]
    return people


def timeline(person: Person, needs: list[Need], offers: list[Offer], notes: list[Note],
             events: list[Event]) -> list[TimelineItem]:
    """A person's dated history, newest first (``lazos show``).

    One pure function, so the ORM path (:mod:`lazos.services.show`) and the read-only fast
    path (:mod:`lazos.store.fastread`) cannot tell a different story.
    """
    items: list[TimelineItem] = []
    if person.created_at:
        items.append(TimelineItem(person.created_at, "added", person.met_at or "",
                                  f"person:{person.id}"))
    for n in needs:
        items.append(TimelineItem(n.created_at or datetime.min, "need", n.text, f"need:{n.id}"))
        if n.closed_at:
            items.append(TimelineItem(n.closed_at, f"need {n.status.value}", n.text,
                                      f"need:{n.id}"))
    for o in offers:
        items.append(TimelineItem(o.created_at or datetime.min, "offer", o.text, f"offer:{o.id}"))
    for note in notes:
        when = datetime.combine(note.happened_on, time()) if note.happened_on else (
            note.created_at or datetime.min)
        items.append(TimelineItem(when, note.kind, note.text, f"note:{note.id}"))
    for e in events:
        when = datetime.combine(e.happened_on, time()) if e.happened_on else datetime.min
        items.append(TimelineItem(when, "event", e.name, f"event:{e.id}"))
    items.sort(key=lambda t: t.when, reverse=True)
    return items


@dataclass(frozen=True)
class PersonDetail:
    person: Person
    needs: list[Need]
    offers: list[Offer]
    notes: list[Note]
    events: list[Event]
    followups: list[FollowUp]
    timeline: list[TimelineItem]


@dataclass(frozen=True)
class SearchHit:
    person_id: int
    person_name: str
    kind: str          # name, company, role, city, tag, need, offer, note
    ref: str
    text: str


SearchPerson = tuple[int, str, str | None, str | None, str | None, list[str]]
SearchText = tuple[str, int, int, str]  # kind, row id, person id, text


def search_hits(query: str, people: list[SearchPerson], texts: list[SearchText], *,
                limit: int = 200) -> list[SearchHit]:
    """The hits of ``lazos search`` among people (id, name, company, role, city, tags) and
    texts (kind, id, person id, text): every word of the query must appear, accents and
    case ignored, as a word's prefix or inside it ("jardin" finds "jardinería").

    One pure function, so the ORM path (:mod:`lazos.services.show`) and the read-only fast
    path (:mod:`lazos.store.fastread`) find the same things in the same order: each person
    once (their first matching field), then needs, offers and notes.
    """
    from lazos.text.fold import fold

    terms = fold(query).split()
    if not terms:
        return []

    def hit(text: str | None) -> bool:
        if not text:
            return False
        folded_words = fold(text).split()
        return all(any(w.startswith(t) or t in w for w in folded_words) for t in terms)

    hits: list[SearchHit] = []
    names: dict[int, str] = {}
    for pid, name, company, role, city, tags in people:
        names[pid] = name
        for kind, value in (("name", name), ("company", company), ("role", role),
                            ("city", city), ("tag", " ".join(tags))):
            if hit(value):
                hits.append(SearchHit(pid, name, kind, f"person:{pid}", value or ""))
                break
    for kind, row_id, pid, text in texts:
        if hit(text):
            hits.append(SearchHit(pid, names.get(pid, "?"), kind, f"{kind}:{row_id}", text))
    return hits[:limit]
