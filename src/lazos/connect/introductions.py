"""Introductions, both ways: suggest → ask → introduce → met → solved.

Double opt-in is the default: the person with the need is asked first, then the helper,
and only then do both get each other's details. ``direct=True`` skips the asking when the
user knows both sides well. Every move is checked by :mod:`lazos.connect.states`, dated
in the introduction's history, and drafts its messages into the outbox in one
transaction (a refused move leaves neither a state change nor a draft behind).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lazos.clock import today, utcnow
from lazos.connect.drafting import Parties, draft_introduction, draft_to
from lazos.connect.privacy import require_shareable
from lazos.connect.states import CONNECTED, IntroState, check_move
from lazos.connect.types import Drafts, HistoryEntry, Introduction
from lazos.errors import ConflictError, ValidationError, field_error
from lazos.i18n import msg, pick
from lazos.messages import render as R
from lazos.messages.outbox import to_message
from lazos.model import FollowUpKind, FollowUpStatus, NeedStatus
from lazos.store import Store
from lazos.store.lookup import get_row, resolve_person
from lazos.store.schema import FollowUpRow, IntroductionRow, MessageRow, NeedRow

S = IntroState
CHECK_IN_AFTER_DAYS = 7
DECLINED_BY = ("requester", "helper")


# ---------------------------------------------------------------- reading

def to_intro(session: Session, row: IntroductionRow) -> Introduction:
    need = session.get(NeedRow, row.need_id)
    assert need is not None
    requester = resolve_person(session, need.person_id)
    helper = resolve_person(session, row.helper_id)
    return Introduction(
        id=row.id, need_id=row.need_id, need_text=need.text, requester_id=requester.id,
        requester_name=requester.name, helper_id=helper.id, helper_name=helper.name,
        state=IntroState(row.state), direct=row.direct, reason=R.read_text(row.reason, None),
        outcome=row.outcome, value=row.value, thanks=row.thanks,
        history=[HistoryEntry(h.get("state", ""), h.get("at", ""), h.get("note", ""))
                 for h in row.history or []],
        created_at=row.created_at, updated_at=row.updated_at)


def get_introduction(store: Store, intro_id: int) -> Introduction:
    with store.read() as session:
        return to_intro(session, get_row(session, IntroductionRow, intro_id, label="introduction"))


def list_introductions(store: Store, *, state: str | None = None,
                       person: str | int | None = None) -> list[Introduction]:
    """Introductions, newest first, optionally in one state or involving one person."""
    target = _state(state) if state else None
    with store.read() as session:
        query = select(IntroductionRow).order_by(IntroductionRow.id.desc())
        if target:
            query = query.where(IntroductionRow.state == target.value)
        if person is not None:
            pid = resolve_person(session, person).id
            query = query.join(NeedRow, NeedRow.id == IntroductionRow.need_id).where(
                or_(NeedRow.person_id == pid, IntroductionRow.helper_id == pid))
        return [to_intro(session, r) for r in session.scalars(query).all()]


def _state(value: str) -> IntroState:
    try:
        return IntroState(value.strip().lower())
    except ValueError:
        raise ValidationError(msg(
            "{value!r} is not an introduction state: use one of {ok}.",
            "{value!r} no es un estado de presentación: usa uno de {ok}.",
            value=value, ok=", ".join(s.value for s in IntroState)), field="state") from None


# ---------------------------------------------------------------- creating

def _pair_intros(session: Session, a: int, b: int) -> list[IntroductionRow]:
    """Every introduction between persons ``a`` and ``b``, whoever had the need."""
    rows = session.scalars(select(IntroductionRow).join(NeedRow, NeedRow.id == IntroductionRow.need_id)
                           .where(or_((NeedRow.person_id == a) & (IntroductionRow.helper_id == b),
                                      (NeedRow.person_id == b) & (IntroductionRow.helper_id == a))))
    return list(rows.all())


def _history(row: IntroductionRow, state: IntroState, note: str = "") -> None:
    entry = {"state": state.value, "at": utcnow().isoformat(timespec="seconds")}
    if note:
        entry["note"] = note
    row.history = [*(row.history or []), entry]
    row.state = state.value
    row.updated_at = utcnow()


def _already_introduced(row: IntroductionRow, requester: str, helper: str) -> ConflictError:
    when = next((h["at"][:10] for h in reversed(row.history or [])
                 if h.get("state") == S.INTRODUCED.value), str(row.updated_at.date()))
    return ConflictError(msg(
        "{a} and {b} were already introduced on {when} (introduction {id}); they have each "
        "other's details. Nothing new was drafted.",
        "{a} y {b} ya se presentaron el {when} (presentación {id}); tienen los datos el uno del "
        "otro. No se ha preparado nada nuevo.", a=requester, b=helper, when=when, id=row.id),
        field="introduction")


def find_or_create(session: Session, *, need_id: int, helper: str | int,
                   reason: object = None, direct: bool = False) -> IntroductionRow:
    """The introduction of ``need_id``'s owner to ``helper``, created as ``suggested`` if new.

    Refuses: helping oneself, a closed need, a pair that declined, a pair already introduced.
    """
    need = get_row(session, NeedRow, need_id, label="need")
    helper_row = resolve_person(session, helper)
    owner = resolve_person(session, need.person_id)
    if helper_row.id == need.person_id:
        raise ValidationError(msg("{name} cannot be introduced to themselves for their own need.",
                                  "No se puede presentar a {name} a sí mismo/a para su propia "
                                  "necesidad.", name=owner.name), field="helper")
    for other in _pair_intros(session, owner.id, helper_row.id):
        if IntroState(other.state) in CONNECTED:
            raise _already_introduced(other, owner.name, helper_row.name)
    row = session.scalar(select(IntroductionRow).where(IntroductionRow.need_id == need_id,
                                                       IntroductionRow.helper_id == helper_row.id))
    if row is not None:
        if row.state == S.DECLINED.value:
            raise ConflictError(msg(
                "Introducing {a} to {b} for need {need} was declined on {when}; Lazos will not "
                "suggest it again.",
                "La presentación de {a} a {b} para la necesidad {need} se rechazó el {when}; "
                "Lazos no volverá a sugerirla.", a=owner.name, b=helper_row.name, need=need_id,
                when=str(row.updated_at.date())), field="introduction")
        if reason is not None and not row.reason:
            row.reason = R.store_text(reason)
        return row
    if NeedStatus(need.status) not in (NeedStatus.OPEN, NeedStatus.IN_PROGRESS):
        raise ConflictError(msg(
            "Need {id} is {status}: reopen it (lazos need reopen {id}) before introducing "
            "anyone for it.",
            "La necesidad {id} está {status}: reábrela (lazos need reopen {id}) antes de "
            "presentar a nadie por ella.", id=need_id, status=need.status), field="need")
    now = utcnow()
    row = IntroductionRow(need_id=need_id, helper_id=helper_row.id, state=S.SUGGESTED.value,
                          direct=direct, reason=R.store_text(reason), created_at=now,
                          updated_at=now,
                          history=[{"state": S.SUGGESTED.value,
                                    "at": now.isoformat(timespec="seconds")}])
    session.add(row)
    session.flush()
    return row


def suggest(store: Store, *, need_id: int, helper: str | int, reason: object = None) -> Introduction:
    """Record a suggested introduction (no message yet)."""
    with store.transaction() as session:
        return to_intro(session, find_or_create(session, need_id=need_id, helper=helper,
                                                reason=reason))


def _schedule_check_in(session: Session, row: IntroductionRow, parties: Parties) -> None:
    text = pick(parties.req_lang, "How did it go with {name}?", "¿Cómo te fue con {name}?").format(
        name=parties.helper.name.split()[0])
    session.add(FollowUpRow(person_id=parties.requester.id, kind=FollowUpKind.CHECK_IN.value,
                            text=text, due_on=today() + timedelta(days=CHECK_IN_AFTER_DAYS),
                            status=FollowUpStatus.OPEN.value, introduction_id=row.id,
                            created_at=utcnow()))


def close_check_ins(session: Session, intro_id: int, status: FollowUpStatus) -> None:
    for f in session.scalars(select(FollowUpRow).where(
            FollowUpRow.introduction_id == intro_id,
            FollowUpRow.status == FollowUpStatus.OPEN.value)).all():
        f.status = status.value


def _result(session: Session, row: IntroductionRow, drafts: list[MessageRow],
            notes: list[str]) -> Drafts:
    return Drafts(introduction=to_intro(session, row), messages=[to_message(m) for m in drafts],
                  notes=notes)


def _load(session: Session, intro_id: int | None, need_id: int | None,
          helper: str | int | None, *, reason: object = None,
          direct: bool = False) -> IntroductionRow:
    if intro_id is not None:
        return get_row(session, IntroductionRow, intro_id, label="introduction")
    if need_id is None or helper is None:
        raise ValidationError(msg("Say which introduction: its id, or a need id and a helper.",
                                  "Indica qué presentación: su id, o un id de necesidad y quién "
                                  "ayuda."), field="introduction")
    return find_or_create(session, need_id=need_id, helper=helper, reason=reason, direct=direct)


# ---------------------------------------------------------------- moves

def ask(store: Store, *, intro_id: int | None = None, need_id: int | None = None,
        helper: str | int | None = None, reason: object = None) -> Drafts:
    """Double opt-in, step 1: draft a message asking the person with the need."""
    with store.transaction() as session:
        row = _load(session, intro_id, need_id, helper, reason=reason)
        check_move(row.id, IntroState(row.state), S.ASKED_REQUESTER)
        parties = Parties(session, row)
        notes: list[str] = []
        draft = draft_to(session, kind="ask_requester", template="ask_requester",
                          lang=parties.req_lang, person=parties.requester,
                          context=parties.context(parties.req_lang), intro_id=row.id, notes=notes)
        _history(row, S.ASKED_REQUESTER)
        return _result(session, row, [draft], notes)


def accept(store: Store, intro_id: int) -> Drafts:
    """The person asked said yes: ask the helper next, or introduce when the helper said yes."""
    with store.transaction() as session:
        row = get_row(session, IntroductionRow, intro_id, label="introduction")
        current = IntroState(row.state)
        if current == S.ASKED_REQUESTER:
            parties = Parties(session, row)
            require_shareable(parties.need, owner=parties.requester.name,
                              recipient=parties.helper.name)
            notes: list[str] = []
            draft = draft_to(session, kind="ask_helper", template="ask_helper",
                              lang=parties.helper_lang, person=parties.helper,
                              context=parties.context(parties.helper_lang), intro_id=row.id,
                              notes=notes)
            _history(row, S.ASKED_HELPER, "requester accepted")
            return _result(session, row, [draft], notes)
        if current == S.ASKED_HELPER:
            return _introduce(session, row, note="helper accepted")
        raise ConflictError(msg(
            "Introduction {id} is not waiting for an answer (it is {state}): 'accept' records a "
            "yes from the person asked.",
            "La presentación {id} no espera respuesta (está {state}): 'accept' anota el sí de la "
            "persona a quien se preguntó.", id=intro_id, state=current.value), field="state")


def _introduce(session: Session, row: IntroductionRow, *, note: str = "") -> Drafts:
    parties = Parties(session, row)
    if IntroState(row.state) in CONNECTED:
        raise _already_introduced(row, parties.requester.name, parties.helper.name)
    check_move(row.id, IntroState(row.state), S.INTRODUCED)
    require_shareable(parties.need, owner=parties.requester.name, recipient=parties.helper.name)
    notes: list[str] = []
    drafts = draft_introduction(session, row, parties, notes)
    _history(row, S.INTRODUCED, note)
    _schedule_check_in(session, row, parties)
    need = session.get(NeedRow, row.need_id)
    if need is not None and need.status == NeedStatus.OPEN.value:
        need.status = NeedStatus.IN_PROGRESS.value
        need.updated_at = utcnow()
    return _result(session, row, drafts, notes)


def introduce(store: Store, *, intro_id: int | None = None, need_id: int | None = None,
              helper: str | int | None = None, direct: bool = False,
              reason: object = None) -> Drafts:
    """Draft the two-way introduction. Without ``direct`` the helper must have said yes
    (state ``asked_helper``): double opt-in is the default."""
    with store.transaction() as session:
        row = _load(session, intro_id, need_id, helper, reason=reason, direct=direct)
        state = IntroState(row.state)
        if state not in CONNECTED and state != S.ASKED_HELPER and not direct:
            raise ConflictError(msg(
                "Introduction {id} is {state}: by default both people agree first (lazos intro "
                "ask {id}, then accept). To introduce them directly, add --direct.",
                "La presentación {id} está {state}: por defecto ambos aceptan antes (lazos intro "
                "ask {id} y luego accept). Para presentarlos directamente, añade --direct.",
                id=row.id, state=state.value), field="direct")
        if direct:
            row.direct = True
        return _introduce(session, row, note="direct" if direct else "")


def _simple_move(store: Store, intro_id: int, target: IntroState, note: str = "") -> Introduction:
    with store.transaction() as session:
        row = get_row(session, IntroductionRow, intro_id, label="introduction")
        check_move(row.id, IntroState(row.state), target)
        _history(row, target, note)
        if target == S.DECLINED:
            close_check_ins(session, row.id, FollowUpStatus.CANCELLED)
        return to_intro(session, row)


def decline(store: Store, intro_id: int, *, by: str | None = None) -> Introduction:
    """Someone said no: the pair is never suggested again. ``by`` is ``requester`` or
    ``helper`` when known (ValidationError otherwise)."""
    if by is not None:
        by = by.strip().lower()
        if by not in DECLINED_BY:
            raise field_error("by", "{field} {value!r}: use requester (the person with the need) "
                              "or helper.",
                              "{field} {value!r}: usa requester (quien tiene la necesidad) o "
                              "helper (quien ayuda).", value=by)
    return _simple_move(store, intro_id, S.DECLINED, f"declined by {by}" if by else "")


def stall(store: Store, intro_id: int) -> Introduction:
    """Nobody answered: park it (it can be picked up again later)."""
    return _simple_move(store, intro_id, S.STALLED, "no answer")


def record_outcome(store: Store, intro_id: int, *, met: bool = False, solved: bool = False,
                   value: float | None = None, thanks: str | None = None,
                   outcome: str | None = None) -> Introduction:
    """Close the loop: they met and/or the need is solved (then the need is marked solved
    too); ``value`` (0-10) and a thank-you feed the ledger and later ranking."""
    if value is not None and not 0 <= value <= 10:
        raise ValidationError(msg("value must be between 0 and 10 (got {v}).",
                                  "value debe estar entre 0 y 10 (recibido {v}).", v=value),
                              field="value")
    with store.transaction() as session:
        row = get_row(session, IntroductionRow, intro_id, label="introduction")
        state = IntroState(row.state)
        if met and state != S.MET and not (solved and state == S.SOLVED):
            check_move(row.id, state, S.MET)
            _history(row, S.MET)
            state = S.MET
        if solved and state != S.SOLVED:
            check_move(row.id, state, S.SOLVED)
            _history(row, S.SOLVED)
            need = session.get(NeedRow, row.need_id)
            if need is not None and need.status in (NeedStatus.OPEN.value,
                                                    NeedStatus.IN_PROGRESS.value):
                need.status = NeedStatus.SOLVED.value
                need.closed_at = need.updated_at = utcnow()
        if value is not None:
            row.value = value
        if thanks:
            row.thanks = thanks.strip()
        if outcome:
            row.outcome = outcome.strip()
        if not (met or solved or value is not None or thanks or outcome):
            raise ValidationError(msg("Say what happened: --met, --solved, --value, --thanks or "
                                      "--note.",
                                      "Di qué pasó: --met, --solved, --value, --thanks o --note."),
                                  field="outcome")
        row.updated_at = utcnow()
        close_check_ins(session, row.id, FollowUpStatus.DONE)
        return to_intro(session, row)
