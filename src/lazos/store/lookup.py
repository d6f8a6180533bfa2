"""Finding rows by reference: ids, emails, names (accent-insensitive, partial).

Why a person reference never silently picks one of several: introducing the wrong Marta
to a stranger is worse than asking the user which Marta they meant.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from lazos.errors import AmbiguousError, NotFoundError
from lazos.i18n import msg
from lazos.store.schema import Base, EmailRow, EventRow, PersonRow
from lazos.text.fold import fold

RowT = TypeVar("RowT", bound=Base)


def get_row(session: Session, kind: type[RowT], row_id: int, *, label: str) -> RowT:
    """The row of ``kind`` with ``row_id``, or NotFoundError naming what was missing.

    An id beyond a 64-bit integer cannot exist (and would overflow the database driver)."""
    row = session.get(kind, row_id) if 0 <= row_id < 2 ** 63 else None
    if row is None:
        raise NotFoundError(msg("No {label} with id {id}. List them to see the ids.",
                                "No hay ningún/a {label_es} con id {id}. Lístalos para ver los ids.",
                                label=label, label_es=_ES_LABELS.get(label, label), id=row_id),
                            field=label)
    return row


_ES_LABELS = {"person": "persona", "need": "necesidad", "offer": "oferta", "note": "nota",
              "event": "evento", "follow-up": "seguimiento", "introduction": "presentación",
              "message": "mensaje"}


def has_people(session: Session) -> bool:
    """Whether the store holds anyone yet (an empty store takes the sample or keeps ids)."""
    return session.scalar(select(PersonRow.id).limit(1)) is not None


def resolve_person(session: Session, ref: str | int) -> PersonRow:
    """A person by id, email or name (accent- and case-insensitive, partial words).

    Raises NotFoundError when nobody fits and AmbiguousError (with the candidates) when
    several do and none fits exactly.
    """
    text = str(ref).strip()
    if not text:
        raise NotFoundError(msg("The person reference is empty: give an id, email or name.",
                                "La referencia a la persona está vacía: da un id, correo o nombre."),
                            field="person")
    if text.isdigit():
        return get_row(session, PersonRow, int(text), label="person")
    if "@" in text:
        rows = session.scalars(select(PersonRow).join(EmailRow)
                               .where(EmailRow.address == text.lower())).unique().all()
        if len(rows) == 1:
            return rows[0]
        if not rows:
            raise _nobody(text)
        raise _ambiguous(text, rows)
    folded = fold(text)
    exact = session.scalars(select(PersonRow).where(PersonRow.name_folded == folded)).all()
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise _ambiguous(text, exact)
    tokens = folded.split()
    query = select(PersonRow)
    for token in tokens:
        query = query.where(PersonRow.name_folded.contains(token, autoescape=True))
    candidates = session.scalars(query.order_by(PersonRow.name_folded).limit(50)).all()
    # keep people where every typed word starts one of the name's words ("mar lop" → Marta López)
    starts = [p for p in candidates
              if all(any(w.startswith(t) for w in p.name_folded.split()) for t in tokens)]
    found = starts or list(candidates)
    if len(found) == 1:
        return found[0]
    if not found:
        raise _nobody(text)
    raise _ambiguous(text, found)


def _nobody(text: str) -> NotFoundError:
    return NotFoundError(msg("Nobody in your network matches {ref!r}. Check the spelling or run "
                             "'lazos people' to list them.",
                             "Nadie en tu red coincide con {ref!r}. Revisa cómo se escribe o "
                             "ejecuta 'lazos people' para ver la lista.", ref=text), field="person")


def _ambiguous(text: str, rows: Sequence[PersonRow]) -> AmbiguousError:
    people = list(rows)
    listed = "; ".join(f"{p.id}: {p.name}" + (f" ({p.company})" if p.company else "")
                       for p in people[:10])
    return AmbiguousError(msg("{ref!r} fits {count} people: {listed}. Use the id or the email.",
                              "{ref!r} coincide con {count} personas: {listed}. Usa el id o el "
                              "correo.", ref=text, count=len(people), listed=listed),
                          candidates=[(p.id, p.name) for p in people], field="person")


def resolve_event(session: Session, ref: str | int) -> EventRow:
    """An event by id or (folded, partial) name; the same never-guess rule as people."""
    text = str(ref).strip()
    if text.isdigit():
        return get_row(session, EventRow, int(text), label="event")
    folded = fold(text)
    rows = [e for e in session.scalars(select(EventRow)).all() if folded in fold(e.name)]
    exact = [e for e in rows if fold(e.name) == folded]
    found = exact or rows
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFoundError(msg("No event matches {ref!r}. Run 'lazos event list'.",
                                "Ningún evento coincide con {ref!r}. Ejecuta 'lazos event list'.",
                                ref=text), field="event")
    listed = "; ".join(f"{e.id}: {e.name} ({e.happened_on})" for e in found[:10])
    raise AmbiguousError(msg("{ref!r} fits several events: {listed}. Use the id.",
                             "{ref!r} coincide con varios eventos: {listed}. Usa el id.",
                             ref=text, listed=listed),
                         candidates=[(e.id, e.name) for e in found], field="event")
