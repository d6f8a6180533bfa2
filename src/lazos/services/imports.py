"""Importing contacts files into the network, in one transaction.

How each record is placed (``ImportSummary`` counts them):

1. Its key (LinkedIn URL, vCard UID, else a digest of its content) was imported before
   from the same format: unchanged → **skipped**; changed → the person is **updated**
   (the file is newer: its non-empty values replace the stored ones, lists are joined).
2. Someone already has one of its e-mails or its LinkedIn URL: the record is **merged**
   into that person (only empty fields are filled, lists are joined).
3. Otherwise a person is **added**.

Records that cannot become a person are **rejected** with their line and reason; values
that fail validation (a phone that is not one) are left out with a warning. With
``strict=True`` any rejected record refuses the whole file. Nothing is written until every
record has been read and checked, and the writes share one transaction, so an error or
Ctrl-C leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from lazos import validate
from lazos.clock import utcnow
from lazos.errors import ImportFileError, ValidationError
from lazos.i18n import Msg, msg, normalise_lang
from lazos.io.detect import FORMATS, parse_file
from lazos.io.encoding import file_error, read_bytes
from lazos.io.fields import linkedin_key
from lazos.io.records import Contact, Rejection
from lazos.services.people import apply_person_fields, clean_person_fields
from lazos.store import Store
from lazos.store.schema import EmailRow, ImportKeyRow, NoteRow, PersonRow, PhoneRow
from lazos.text.fold import fold

Progress = Callable[[int, int], None]
SCALARS = ("company", "role", "city", "linkedin_url", "xing_url", "met_at", "met_through")
LISTS = ("emails", "phones", "tags", "languages")


@dataclass(frozen=True)
class LineIssue:
    line: int
    reason: Msg


@dataclass
class ImportSummary:
    file: str
    format: str
    encoding: str = "utf-8"
    total: int = 0
    added: int = 0
    updated: int = 0
    skipped: int = 0
    merged: int = 0
    rejected: int = 0
    bad_rows: list[LineIssue] = field(default_factory=list)
    warnings: list[LineIssue] = field(default_factory=list)
    person_ids: list[int] = field(default_factory=list)
    possible_duplicates: int = 0


def _valid_only(raw: list[str], check: Callable[[str], str], warnings: list[Msg]) -> list[str]:
    """The values ``check`` accepts (normalised, without repeats); each refusal is a warning."""
    good: list[str] = []
    for value in raw:
        try:
            good.append(check(value))
        except ValidationError as exc:
            warnings.append(exc.msg)
    return list(dict.fromkeys(good))


def _validated(contact: Contact) -> tuple[dict[str, Any], list[Msg]] | Rejection:
    """Store-ready values: the name must pass; a bad optional value is left out with a warning."""
    try:
        values = clean_person_fields(name=contact.name)
    except ValidationError as exc:
        return Rejection(contact.line, exc.msg)
    warnings = list(contact.warnings)

    def keep(key: str, raw: Any) -> None:
        try:
            values.update(clean_person_fields(**{key: raw}))
        except ValidationError as exc:
            warnings.append(exc.msg)
        except ValueError:  # urlparse on a broken address
            warnings.append(msg("{field} {value!r} is not valid; left out.",
                                "{field} {value!r} no es válido; se omite.",
                                field=key, value=str(raw)[:80]))

    values["emails"] = _valid_only(contact.emails, validate.email, warnings)
    values["phones"] = _valid_only(contact.phones, validate.phone, warnings)
    for key in SCALARS:
        raw = getattr(contact, key)
        if raw:
            keep(key, raw)
    tags: list[str] = []
    for tag in contact.tags:
        try:
            tags.extend(validate.tags([tag]))
        except ValidationError as exc:
            warnings.append(exc.msg)
    values["tags"] = list(dict.fromkeys(tags))
    values["languages"] = list(dict.fromkeys(
        lang for lang in (normalise_lang(x) for x in contact.languages) if lang))
    if contact.note and len(contact.note) > validate.MAX_TEXT:
        warnings.append(msg("the note is longer than {limit} characters; cut there.",
                            "la nota tiene más de {limit} caracteres; se corta ahí.",
                            limit=validate.MAX_TEXT))
    return values, warnings


@dataclass(eq=False)
class _New:
    """A person this import will add; written in bulk once every record is placed."""

    values: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    id: int = 0


PersonRef = int | _New


class _Index:
    """Who is already in the store, by import key, e-mail and LinkedIn URL (loaded once)."""

    def __init__(self, session: Session, source: str) -> None:
        self.session = session
        self.keys: dict[str, tuple[PersonRef, str, int | None]] = {
            key: (pid, digest, kid) for kid, pid, key, digest in session.execute(
                select(ImportKeyRow.id, ImportKeyRow.person_id, ImportKeyRow.key,
                       ImportKeyRow.digest).where(ImportKeyRow.source == source))}
        self.emails: dict[str, PersonRef] = dict(
            (a, p) for a, p in session.execute(select(EmailRow.address, EmailRow.person_id)))
        self.linkedin: dict[str, PersonRef] = {}
        for pid, url in session.execute(select(PersonRow.id, PersonRow.linkedin_url)
                                        .where(PersonRow.linkedin_url.is_not(None))):
            lk = linkedin_key(url)
            if lk:
                self.linkedin.setdefault(lk, pid)

    def same_person(self, values: dict[str, Any]) -> PersonRef | None:
        for email in values["emails"]:
            if email in self.emails:
                return self.emails[email]
        lk = linkedin_key(values.get("linkedin_url"))
        return self.linkedin.get(lk) if lk else None

    def remember(self, ref: PersonRef, values: dict[str, Any]) -> None:
        for email in values["emails"]:
            self.emails.setdefault(email, ref)
        lk = linkedin_key(values.get("linkedin_url"))
        if lk:
            self.linkedin.setdefault(lk, ref)


def _joined(current: dict[str, Any], values: dict[str, Any], *,
            overwrite: bool) -> dict[str, Any]:
    """The changes that put ``values`` into ``current``: lists joined, scalars filled/replaced."""
    changes: dict[str, Any] = {}
    for key in SCALARS:
        new = values.get(key)
        if new and (overwrite or not current.get(key)):
            changes[key] = new
    for key in LISTS:
        old = list(current.get(key) or [])
        joined = list(dict.fromkeys(old + values.get(key, [])))
        if joined != old:
            changes[key] = joined
    return changes


def _combine(session: Session, ref: PersonRef, values: dict[str, Any], *, overwrite: bool) -> None:
    if isinstance(ref, _New):
        ref.values.update(_joined(ref.values, values, overwrite=overwrite))
        return
    row = session.get(PersonRow, ref)
    assert row is not None
    current = {key: getattr(row, key) for key in SCALARS}
    current.update(emails=[e.address for e in row.emails], phones=[p.number for p in row.phones],
                   tags=list(row.tags or []), languages=list(row.languages or []))
    changes = _joined(current, values, overwrite=overwrite)
    if changes:
        apply_person_fields(row, changes)
        row.updated_at = utcnow()


def _add_note(session: Session, person_id: int, text: str) -> None:
    exists = session.scalar(select(NoteRow.id).where(NoteRow.person_id == person_id,
                                                     NoteRow.text == text).limit(1))
    if exists is None:
        session.add(NoteRow(person_id=person_id, text=text, kind="note", created_at=utcnow()))


def _insert_new(session: Session, news: list[_New]) -> None:
    """Bulk-insert the new people, then their e-mails and phones (ids come back in order)."""
    if not news:
        return
    now = utcnow()
    rows = [{"name": n.values["name"], "name_folded": fold(n.values["name"]),
             **{key: n.values.get(key) for key in SCALARS},
             "languages": n.values.get("languages", []), "tags": n.values.get("tags", []),
             "keep_in_touch_days": None, "created_at": now, "updated_at": now} for n in news]
    ids = session.scalars(insert(PersonRow).returning(PersonRow.id, sort_by_parameter_order=True),
                          rows).all()
    for new, pid in zip(news, ids, strict=True):
        new.id = pid
    emails = [{"person_id": n.id, "address": a, "position": i}
              for n in news for i, a in enumerate(n.values["emails"])]
    phones = [{"person_id": n.id, "number": p, "position": i}
              for n in news for i, p in enumerate(n.values["phones"])]
    if emails:
        session.execute(insert(EmailRow), emails)
    if phones:
        session.execute(insert(PhoneRow), phones)


def _write(session: Session, fmt: str, checked: list[tuple[Contact, dict[str, Any]]],
           summary: ImportSummary, progress: Progress | None) -> None:
    """Place every record (see the module docstring), then write in bulk."""
    index = _Index(session, fmt)
    news: list[_New] = []
    new_keys: dict[str, tuple[PersonRef, str]] = {}
    changed_keys: dict[int, str] = {}
    notes: list[tuple[PersonRef, str]] = []
    touched: dict[int, PersonRef] = {}
    total = len(checked)
    for number, (contact, values) in enumerate(checked, start=1):
        digest = contact.digest()
        key = (contact.key or f"digest:{digest}")[:500]
        ref: PersonRef
        if key in index.keys:
            ref, old_digest, key_id = index.keys[key]
            if old_digest == digest:
                summary.skipped += 1
                continue
            _combine(session, ref, values, overwrite=True)
            if key_id is None:
                new_keys[key] = (ref, digest)
            else:
                changed_keys[key_id] = digest
            summary.updated += 1
        else:
            existing = index.same_person(values)
            if existing is not None:
                ref = existing
                _combine(session, ref, values, overwrite=False)
                summary.merged += 1
            else:
                ref = _New(values=dict(values))
                news.append(ref)
                summary.added += 1
            new_keys[key] = (ref, digest)
        index.keys[key] = (ref, digest, index.keys.get(key, (0, "", None))[2])
        index.remember(ref, values)
        touched[id(ref)] = ref
        if contact.note:
            notes.append((ref, contact.note.strip()[:validate.MAX_TEXT]))
        if progress and (number % 500 == 0 or number == total):
            progress(number, total)
    session.flush()
    _insert_new(session, news)

    def pid(ref: PersonRef) -> int:
        return ref.id if isinstance(ref, _New) else ref

    now = utcnow()
    if new_keys:
        session.execute(insert(ImportKeyRow), [
            {"person_id": pid(ref), "source": fmt, "key": key, "digest": digest,
             "created_at": now} for key, (ref, digest) in new_keys.items()])
    if changed_keys:
        session.execute(update(ImportKeyRow), [{"id": kid, "digest": digest}
                                               for kid, digest in changed_keys.items()])
    for ref, text in notes:
        if isinstance(ref, _New) and text not in ref.notes:
            ref.notes.append(text)
            session.add(NoteRow(person_id=ref.id, text=text, kind="note", created_at=now))
        elif not isinstance(ref, _New):
            _add_note(session, ref, text)
    session.flush()
    summary.person_ids = sorted({pid(r) for r in touched.values()})


def import_file(store: Store, *, path: Path, fmt: str | None = None,
                mapping: list[tuple[str, str]] | None = None, strict: bool = False,
                encoding: str | None = None, progress: Progress | None = None) -> ImportSummary:
    """Import the contacts in ``path`` (format ``fmt``, or detected from the content).

    Raises ValidationError for an unknown format or a bad mapping, ImportFileError when the
    file cannot be read as that format (or, with ``strict``, when any record is bad).
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValidationError(msg("Unknown format {fmt!r}: use one of {formats}, or give only "
                                  "the file to detect it.",
                                  "Formato desconocido {fmt!r}: usa uno de {formats}, o da "
                                  "solo el fichero para detectarlo.",
                                  fmt=fmt, formats=", ".join(FORMATS)), field="format")
    if mapping and fmt not in (None, "csv"):
        raise ValidationError(msg("--map only applies to the csv format, not {fmt}.",
                                  "--map solo vale para el formato csv, no para {fmt}.", fmt=fmt),
                              field="map")
    data = read_bytes(path)
    if fmt == "json" or (fmt is None and not mapping and _is_json(data)):
        return _import_backup(store, path)
    parsed = parse_file(path, data, fmt, mapping=mapping, encoding=encoding)
    summary = ImportSummary(file=str(path), format=parsed.format, encoding=parsed.encoding)
    summary.total = len(parsed.contacts) + len(parsed.rejected)
    bad: list[Rejection] = list(parsed.rejected)
    checked: list[tuple[Contact, dict[str, Any]]] = []
    for contact in parsed.contacts:
        result = _validated(contact)
        if isinstance(result, Rejection):
            bad.append(result)
            continue
        values, warnings = result
        summary.warnings.extend(LineIssue(contact.line, w) for w in warnings)
        checked.append((contact, values))
    bad.sort(key=lambda r: r.line)
    summary.bad_rows = [LineIssue(r.line, r.reason) for r in bad]
    summary.rejected = len(bad)
    if strict and bad:
        raise _strict_error(path, summary.bad_rows)
    if not checked and bad:
        raise _strict_error(path, summary.bad_rows, nothing=True)
    with store.transaction() as session:
        _write(session, parsed.format, checked, summary, progress)
        if summary.person_ids:
            from lazos.services.merge import count_duplicates

            summary.possible_duplicates = count_duplicates(session, among=summary.person_ids)
    return summary


def _is_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _import_backup(store: Store, path: Path) -> ImportSummary:
    from lazos.services.backup import import_json

    counts = import_json(store, path)
    people = counts.get("people", 0)
    return ImportSummary(file=str(path), format="json", total=people, added=people)


def _strict_error(path: Path, issues: list[LineIssue], *, nothing: bool = False) -> ImportFileError:
    listed = "; ".join(f"line {i.line}: {i.reason.render('en').rstrip('.')}" for i in issues[:10])
    listed_es = "; ".join(f"línea {i.line}: {i.reason.render('es').rstrip('.')}"
                          for i in issues[:10])
    more = len(issues) - 10
    if more > 0:
        listed += f"; and {more} more"
        listed_es += f"; y {more} más"
    if nothing:
        return file_error(path, "no record could be imported: {listed}.",
                          "no se pudo importar ningún registro: {listed_es}.",
                          listed=listed, listed_es=listed_es)
    return file_error(path, "{count} bad record(s), nothing imported (--strict): {listed}. Fix "
                      "them, or import without --strict to take the good ones.",
                      "{count} registro(s) erróneo(s), no se importó nada (--strict): "
                      "{listed_es}. Corrígelos o importa sin --strict para quedarte con los "
                      "buenos.", count=len(issues), listed=listed, listed_es=listed_es)

