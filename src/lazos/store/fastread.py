"""Read-only answers for the most used listing commands, straight from the SQLite file.

Why this exists: ``lazos people``, ``lazos need list``, ``lazos show PERSON`` and
``lazos search`` must start in ≤ 0.3 s (bench/startup.py), and importing SQLAlchemy, its
ORM and the declarative schema costs about two thirds of that. For these reads the
standard library's :mod:`sqlite3` is enough.

When it answers (:func:`read_fast`): the store is a SQLite file that exists and whose
Alembic revision is exactly :data:`SCHEMA_HEAD` (so its tables are the ones
:mod:`lazos.store.schema` declares). In every other case (PostgreSQL, a missing, older or
newer file, any SQLite error, a person or event reference that is not one unique match)
it answers None, silently, and the caller uses the ORM services, which also give the
bilingual errors.

What it may read: the tables alembic_version, people, emails, phones, needs, offers,
notes, followups, events and attendance, opened read-only (``mode=ro``, ``query_only``).
Writes never go through it: every write is a :meth:`lazos.store.Store.transaction`.

Each query is the one the ORM service emits (lazos.services.people/needs/show), so rows
come in the same order and become the same :mod:`lazos.model` types; a change to those
services needs the same change here. tests/core/test_fastread.py compares the CLI output
of both paths. ``LAZOS_NO_FASTREAD=1`` turns this path off.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from lazos.model import (
    Event,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Need,
    NeedStatus,
    Note,
    Offer,
    Person,
    PersonDetail,
    SearchHit,
    SearchPerson,
    SearchText,
    Sensitivity,
    Source,
    filter_people,
    search_hits,
    timeline,
)
from lazos.text.fold import fold

# Equals lazos.store.engine.SCHEMA_HEAD (a test checks): that module loads SQLAlchemy.
SCHEMA_HEAD = "0005"

T = TypeVar("T")


class Fallback(Exception):
    """This read needs the ORM path (e.g. a reference that is not one unique person)."""


def read_fast(query: Callable[[Reader], T]) -> T | None:
    """``query``'s answer read from the SQLite store directly, or None: use the ORM path.

    Never raises for a store it cannot read (the ORM path then says what is wrong).
    """
    if os.environ.get("LAZOS_NO_FASTREAD", "") not in ("", "0"):
        return None
    path = _sqlite_file()
    if path is None:
        return None
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA query_only=ON")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if revision != [(SCHEMA_HEAD,)]:
            return None
        return query(Reader(conn))
    # ValueError: a value the domain types refuse; the ORM path decides what to say.
    except (sqlite3.Error, Fallback, ValueError, LookupError, TypeError, OverflowError):
        return None
    finally:
        conn.close()


def _sqlite_file() -> Path | None:
    """The configured store's file when it is a SQLite file that exists, else None."""
    from lazos.config import load_settings
    from lazos.errors import LazosError

    try:
        url = load_settings().database_url
    except LazosError:
        return None  # the ORM path raises the same error
    if not url.startswith("sqlite:///"):
        return None
    name = url[len("sqlite:///"):]
    if not name or name == ":memory:" or "?" in name:
        return None
    path = Path(name)
    return path if path.is_file() else None


_PERSON = ("people.id, people.name, people.company, people.role, people.city, "
           "people.languages, people.linkedin_url, people.xing_url, people.met_at, "
           "people.met_through, people.tags, people.keep_in_touch_days, people.created_at, "
           "people.updated_at")
_NEED = ("needs.id, needs.person_id, needs.text, needs.lang, needs.status, needs.sensitivity, "
         "needs.topic, needs.consent_at, needs.source, needs.note_id, needs.created_at, "
         "needs.updated_at, needs.closed_at")
_CONTAINS = "(people.name_folded LIKE '%' || ? || '%' ESCAPE '/')"
_OPEN = ("open", "in_progress")


def _like(text: str) -> str:
    """``text`` escaped as SQLAlchemy's ``contains(..., autoescape=True)`` does."""
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _list(value: str | None) -> list[Any]:
    return list((json.loads(value) if value is not None else None) or [])


class Reader:
    """The reads the fast path answers, over one read-only connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.db = conn

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.db.execute(sql, tuple(params)).fetchall()

    def _person(self, row: tuple[Any, ...], emails: list[str], phones: list[str]) -> Person:
        (pid, name, company, role, city, languages, linkedin, xing, met_at, through, tags,
         keep, created, updated) = row
        return Person(id=pid, name=name, emails=emails, phones=phones, company=company,
                      role=role, city=city, languages=_list(languages), linkedin_url=linkedin,
                      xing_url=xing, met_at=met_at, met_through=through, tags=_list(tags),
                      keep_in_touch_days=keep, created_at=_dt(created), updated_at=_dt(updated))

    def _contacts(self, table: str, column: str, where: str = "",
                  params: Sequence[Any] = ()) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for pid, value in self._rows(f"SELECT {table}.person_id, {table}.{column} FROM {table}"
                                     f"{where} ORDER BY {table}.position", params):
            out.setdefault(pid, []).append(value)
        return out

    @staticmethod
    def _need(row: tuple[Any, ...]) -> Need:
        (nid, pid, text, lang, status, sensitivity, topic, consent, source, note_id, created,
         updated, closed) = row
        return Need(id=nid, person_id=pid, text=text, lang=lang, status=NeedStatus(status),
                    sensitivity=Sensitivity(sensitivity), topic=topic, consent_at=_dt(consent),
                    source=Source(source), note_id=note_id, created_at=_dt(created),
                    updated_at=_dt(updated), closed_at=_dt(closed))

    def resolve_person(self, ref: str | int) -> tuple[Any, ...]:
        """The people row ``ref`` names, as :func:`lazos.store.lookup.resolve_person` finds
        it; Fallback when that would raise (nobody, several people, an empty reference)."""
        text = str(ref).strip()
        select = f"SELECT {_PERSON} FROM people"
        if not text:
            raise Fallback
        if text.isdigit():
            rows = self._rows(f"{select} WHERE people.id = ?", (int(text),))
        elif "@" in text:
            found = self._rows(f"{select} JOIN emails ON people.id = emails.person_id "
                               "WHERE emails.address = ?", (text.lower(),))
            rows = list({row[0]: row for row in found}.values())  # each person once
        else:
            folded = fold(text)
            rows = self._rows(f"{select} WHERE people.name_folded = ?", (folded,))
            if not rows:
                tokens = folded.split()
                where = " WHERE " + " AND ".join([_CONTAINS] * len(tokens)) if tokens else ""
                candidates = self._rows(
                    f"SELECT {_PERSON}, people.name_folded FROM people{where} "
                    "ORDER BY people.name_folded LIMIT ? OFFSET ?",
                    [*map(_like, tokens), 50, 0])
                starts = [r for r in candidates
                          if all(any(w.startswith(t) for w in r[-1].split()) for t in tokens)]
                rows = [r[:-1] for r in starts or candidates]
        if len(rows) != 1:
            raise Fallback
        return rows[0]

    def _event_id(self, ref: str) -> int:
        """The event ``ref`` names, as :func:`lazos.store.lookup.resolve_event` finds it."""
        text = str(ref).strip()
        if text.isdigit():
            rows = self._rows("SELECT events.id, events.name FROM events WHERE events.id = ?",
                              (int(text),))
        else:
            folded = fold(text)
            rows = [r for r in self._rows("SELECT events.id, events.name FROM events")
                    if folded in fold(r[1])]
            rows = [r for r in rows if fold(r[1]) == folded] or rows
        if len(rows) != 1:
            raise Fallback
        return int(rows[0][0])

    def list_people(self, *, tag: str | None = None, city: str | None = None,
                    company: str | None = None, event: str | None = None,
                    with_open_needs: bool = False, text: str | None = None) -> list[Person]:
        """As :func:`lazos.services.people.list_people`."""
        sql = f"SELECT {_PERSON} FROM people"
        where: list[str] = []
        params: list[Any] = []
        if event:
            sql += " JOIN attendance ON attendance.person_id = people.id"
            where.append("attendance.event_id = ?")
            params.append(self._event_id(event))
        if with_open_needs:
            where.append("people.id IN (SELECT needs.person_id FROM needs "
                         "WHERE needs.status IN (?, ?))")
            params.extend(_OPEN)
        if text:
            where.append(_CONTAINS)
            params.append(_like(fold(text)))
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._rows(sql + " ORDER BY people.name_folded", params)
        emails = self._contacts("emails", "address")
        phones = self._contacts("phones", "number")
        people = [self._person(r, emails.get(r[0], []), phones.get(r[0], [])) for r in rows]
        return filter_people(people, tag=tag, city=city, company=company)

    def names(self) -> dict[int, str]:
        """Every person's name by id."""
        return {pid: name for pid, name in self._rows("SELECT people.id, people.name FROM people")}

    def list_needs(self, *, person: str | int | None = None, status: str | None = None,
                   include_closed: bool = False) -> list[Need]:
        """As :func:`lazos.services.needs.list_needs`."""
        where: list[str] = []
        params: list[Any] = []
        if person is not None:
            where.append("needs.person_id = ?")
            params.append(self.resolve_person(person)[0])
        if status:
            where.append("needs.status = ?")
            params.append(NeedStatus(status).value)
        elif not include_closed:
            where.append("needs.status IN (?, ?)")
            params.extend(_OPEN)
        sql = f"SELECT {_NEED} FROM needs" + (" WHERE " + " AND ".join(where) if where else "")
        rows = self._rows(sql + " ORDER BY needs.created_at DESC, needs.id DESC", params)
        return [self._need(r) for r in rows]

    def show_person(self, ref: str | int) -> PersonDetail:
        """As :func:`lazos.services.show.show_person`, timeline included."""
        row = self.resolve_person(ref)
        pid = row[0]
        one = (pid,)
        needs = [self._need(r) for r in self._rows(
            f"SELECT {_NEED} FROM needs WHERE needs.person_id = ? ORDER BY needs.id", one)]
        offers = [Offer(id=i, person_id=p, text=t, lang=lang, source=Source(s), note_id=n,
                        created_at=_dt(c))
                  for i, p, t, lang, s, n, c in self._rows(
                      "SELECT offers.id, offers.person_id, offers.text, offers.lang, "
                      "offers.source, offers.note_id, offers.created_at FROM offers "
                      "WHERE offers.person_id = ? ORDER BY offers.id", one)]
        notes = [Note(id=i, person_id=p, text=t, kind=k, lang=lang, happened_on=_day(h),
                      event_id=e, created_at=_dt(c))
                 for i, p, t, k, lang, h, e, c in self._rows(
                     "SELECT notes.id, notes.person_id, notes.text, notes.kind, notes.lang, "
                     "notes.happened_on, notes.event_id, notes.created_at FROM notes "
                     "WHERE notes.person_id = ? ORDER BY notes.id", one)]
        followups = [FollowUp(id=i, person_id=p, kind=FollowUpKind(k), text=t, due_on=_day(d),
                              status=FollowUpStatus(s), date_text=dt, note_id=n,
                              introduction_id=intro, created_at=_dt(c))
                     for i, p, k, t, d, s, dt, n, intro, c in self._rows(
                         "SELECT followups.id, followups.person_id, followups.kind, "
                         "followups.text, followups.due_on, followups.status, "
                         "followups.date_text, followups.note_id, followups.introduction_id, "
                         "followups.created_at FROM followups "
                         "WHERE followups.person_id = ? ORDER BY followups.id", one)]
        events = [Event(id=i, name=name, happened_on=_day(h), place=place, kind=kind,
                        attendee_ids=[])
                  for i, name, h, place, kind in self._rows(
                      "SELECT events.id, events.name, events.happened_on, events.place, "
                      "events.kind FROM events JOIN attendance ON attendance.event_id = events.id "
                      "WHERE attendance.person_id = ?", one)]
        where = " WHERE ? = {0}.person_id"
        person = self._person(row, self._contacts("emails", "address", where.format("emails"), one)
                              .get(pid, []),
                              self._contacts("phones", "number", where.format("phones"), one)
                              .get(pid, []))
        return PersonDetail(person=person, needs=needs, offers=offers, notes=notes,
                            events=events, followups=followups,
                            timeline=timeline(person, needs, offers, notes, events))

    def search(self, query: str) -> list[SearchHit]:
        """As :func:`lazos.services.show.search`."""
        people: list[SearchPerson] = [
            (pid, name, company, role, city, _list(tags)) for pid, name, company, role, city, tags
            in self._rows("SELECT people.id, people.name, people.company, people.role, "
                          "people.city, people.tags FROM people ORDER BY people.id")]
        texts: list[SearchText] = [
            (kind, row_id, pid, text)
            for kind, table in (("need", "needs"), ("offer", "offers"), ("note", "notes"))
            for row_id, pid, text in self._rows(
                f"SELECT {table}.id, {table}.person_id, {table}.text FROM {table} "
                f"ORDER BY {table}.id")]
        return search_hits(query, people, texts)
