"""Duplicates: finding people who are the same, and merging two people into one.

Two people are proposed as the same when they share an e-mail, share a LinkedIn profile,
or have very similar names (rapidfuzz ``token_sort_ratio`` ≥ 90, accent-insensitive) and
the same company. Merging keeps everything of both: every table that points at a person
is followed generically (needs, offers, notes, follow-ups, event attendance,
introductions, import keys, and any table added later), and a row that would clash with a
unique constraint (both attended the same event) is kept once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from sqlalchemy import Table, and_, delete, select, update
from sqlalchemy.orm import Session, selectinload

from lazos.clock import utcnow
from lazos.errors import ConflictError, field_error
from lazos.i18n import Msg, msg
from lazos.io.fields import linkedin_key
from lazos.model import Person
from lazos.services.people import apply_person_fields
from lazos.store import Store, convert
from lazos.store.lookup import resolve_person
from lazos.store.schema import Base, EmailRow, MessageRow, PersonRow
from lazos.text.fold import fold

NAME_THRESHOLD = 90


@dataclass(frozen=True)
class Duplicate:
    """Two people who look like the same one, why, and how sure (100 = same e-mail/URL)."""

    a: Person
    b: Person
    reason: Msg
    score: float


@dataclass(frozen=True)
class MergeResult:
    person: Person
    removed_id: int
    moved: dict[str, int]


@dataclass(frozen=True)
class _Who:
    id: int
    name_folded: str
    company: str | None
    linkedin_url: str | None


Reason = tuple[str, str, float]  # kind (email, linkedin, name), the shared value, score


def _reason(reason: Reason) -> Msg:
    kind, value, score = reason
    if kind == "email":
        return msg("same email {value}", "mismo correo {value}", value=value)
    if kind == "linkedin":
        return msg("same LinkedIn profile {value}", "mismo perfil de LinkedIn {value}", value=value)
    return msg("similar names ({score:.0f}%) at the same company {value}",
               "nombres parecidos ({score:.0f}%) en la misma empresa {value}",
               score=score, value=value)


def _pairs(people: list[_Who], emails: list[tuple[int, str]],
           among: set[int] | None) -> dict[tuple[int, int], Reason]:
    """Proposed pairs (lower id first) with the reason and score; only pairs touching
    ``among`` when given. Names are compared inside each company only (blocking), with
    rapidfuzz's C++ ``cdist``, so a network of tens of thousands stays fast."""
    found: dict[tuple[int, int], Reason] = {}

    def propose(ids: list[int], reason: Reason) -> None:
        for x, y in combinations(sorted(set(ids)), 2):
            if among is not None and x not in among and y not in among:
                continue
            if (x, y) not in found or found[(x, y)][2] < reason[2]:
                found[(x, y)] = reason

    by_email: dict[str, list[int]] = defaultdict(list)
    by_linkedin: dict[str, list[int]] = defaultdict(list)
    by_company: dict[str, list[_Who]] = defaultdict(list)
    for pid, address in emails:
        by_email[address].append(pid)
    for who in people:
        lk = linkedin_key(who.linkedin_url)
        if lk:
            by_linkedin[lk].append(who.id)
        if who.company and fold(who.company):
            by_company[fold(who.company)].append(who)
    for address, ids in by_email.items():
        if len(set(ids)) > 1:
            propose(ids, ("email", address, 100.0))
    for url, ids in by_linkedin.items():
        if len(set(ids)) > 1:
            propose(ids, ("linkedin", url, 100.0))
    from rapidfuzz import fuzz, process

    for group in by_company.values():
        if len(group) < 2:
            continue
        queries = [w for w in group if among is None or w.id in among]
        if not queries:
            continue
        scores = process.cdist([w.name_folded for w in queries], [w.name_folded for w in group],
                               scorer=fuzz.token_sort_ratio, score_cutoff=NAME_THRESHOLD)
        for qi, ci in zip(*scores.nonzero(), strict=True):
            x, y = queries[int(qi)], group[int(ci)]
            if x.id == y.id:
                continue
            propose([x.id, y.id], ("name", x.company or "", float(scores[qi, ci])))
    return found


def _load(session: Session) -> tuple[list[_Who], list[tuple[int, str]]]:
    people = [_Who(*row) for row in session.execute(
        select(PersonRow.id, PersonRow.name_folded, PersonRow.company, PersonRow.linkedin_url))]
    emails = [(pid, address) for pid, address in
              session.execute(select(EmailRow.person_id, EmailRow.address))]
    return people, emails


def count_duplicates(session: Session, *, among: list[int] | None = None) -> int:
    """How many duplicate proposals involve one of ``among`` (all people when None)."""
    return len(_pairs(*_load(session), set(among) if among is not None else None))


def find_duplicates(store: Store, *, limit: int | None = None) -> list[Duplicate]:
    """Proposed merges, surest first; at most ``limit`` (≥ 1) when given.

    Raises ValidationError for a ``limit`` under 1."""
    if limit is not None and limit < 1:
        raise field_error("limit", "{field} must be 1 or more (got {value}): it is how many "
                          "pairs to show, e.g. --limit 20.",
                          "{field} debe ser 1 o más (recibido {value}): es cuántas parejas "
                          "mostrar, p. ej. --limit 20.", value=limit)
    with store.read() as session:
        pairs = _pairs(*_load(session), None)
        ordered = sorted(pairs.items(), key=lambda kv: (-kv[1][2], kv[0]))[:limit]
        ids = {i for pair, _ in ordered for i in pair}
        rows = session.scalars(select(PersonRow).where(PersonRow.id.in_(ids)).options(
            selectinload(PersonRow.emails), selectinload(PersonRow.phones))).all()
        by_id = {r.id: convert.person(r) for r in rows}
    return [Duplicate(a=by_id[a], b=by_id[b], reason=_reason(reason), score=reason[2])
            for (a, b), reason in ordered]


def merged_preview(keep: Person, other: Person) -> dict[str, Any]:
    """What the kept person will look like after the merge (for showing before merging)."""
    out: dict[str, Any] = {}
    for key in ("name", "company", "role", "city", "linkedin_url", "xing_url", "met_at",
                "met_through", "keep_in_touch_days"):
        out[key] = getattr(keep, key) or getattr(other, key)
    for key in ("emails", "phones", "tags", "languages"):
        out[key] = list(dict.fromkeys(getattr(keep, key) + getattr(other, key)))
    return out


def _person_columns() -> list[tuple[Table, str]]:
    found: list[tuple[Table, str]] = []
    for table in Base.metadata.sorted_tables:
        if table.name == "people":
            continue
        for col in table.c:
            if any(fk.column.table.name == "people" for fk in col.foreign_keys):
                found.append((table, col.name))
    return found


def _unique_sets(table: Table, column: str) -> list[list[str]]:
    from sqlalchemy import UniqueConstraint

    sets = [[c.name for c in cons.columns] for cons in table.constraints
            if isinstance(cons, UniqueConstraint)]
    sets += [[c.name for c in ix.columns] for ix in table.indexes if ix.unique]
    return [s for s in sets if column in s]


def _move(session: Session, table: Table, column: str, keep_id: int, other_id: int) -> int:
    """Point ``table.column`` from ``other_id`` to ``keep_id``; clashing rows are kept once."""
    for cols in _unique_sets(table, column):
        rest = [c for c in cols if c != column]
        other_rows = session.execute(select(table).where(table.c[column] == other_id)).mappings().all()
        for row in other_rows:
            clash = session.execute(select(table).where(and_(
                table.c[column] == keep_id, *[table.c[c] == row[c] for c in rest]))).first()
            if clash is not None:
                pk = [c for c in table.primary_key.columns]
                session.execute(delete(table).where(and_(*[c == row[c.name] for c in pk])))
    result = session.execute(update(table).where(table.c[column] == other_id)
                             .values({column: keep_id}))
    return int(getattr(result, "rowcount", 0) or 0)


def same_person_error(keep: str | int, other: str | int) -> ConflictError:
    """The refusal when both references of a merge name the same person."""
    return ConflictError(msg("{ref!r} and {other!r} are the same person: nothing to merge.",
                             "{ref!r} y {other!r} son la misma persona: nada que fusionar.",
                             ref=str(keep), other=str(other)), field="person")


def merge_people(store: Store, *, keep: str | int, other: str | int) -> MergeResult:
    """Merge ``other`` into ``keep``: every record of both stays, on ``keep``.

    Empty fields of ``keep`` are filled from ``other``; e-mails, phones, tags and languages
    are joined. Raises NotFoundError/AmbiguousError for a bad reference and ConflictError
    when both references are the same person.
    """
    with store.transaction() as session:
        keep_row = resolve_person(session, keep)
        other_row = resolve_person(session, other)
        if keep_row.id == other_row.id:
            raise same_person_error(keep, other)
        preview = merged_preview(convert.person(keep_row), convert.person(other_row))
        keep_id, other_id = keep_row.id, other_row.id
        created = min(keep_row.created_at, other_row.created_at)
        moved: dict[str, int] = {}
        for table, column in _person_columns():
            if table.name in ("emails", "phones"):
                continue
            count = _move(session, table, column, keep_id, other_id)
            if count:
                moved[table.name] = moved.get(table.name, 0) + count
        for message in session.scalars(select(MessageRow)):
            ids = list(message.person_ids or [])
            if other_id in ids:
                message.person_ids = list(dict.fromkeys(keep_id if i == other_id else i for i in ids))
        session.delete(other_row)  # only its e-mails and phones are left to go with it
        session.flush()
        apply_person_fields(keep_row, {k: v for k, v in preview.items() if k != "name"})
        keep_row.created_at = created
        keep_row.updated_at = utcnow()
        session.flush()
        session.refresh(keep_row)
        return MergeResult(person=convert.person(keep_row), removed_id=other_id, moved=moved)
