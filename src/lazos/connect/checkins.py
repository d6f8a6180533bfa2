"""Check-ins: "¿Cómo te fue con Marta?" after an introduction, and the outcome that closes
the loop (recorded with :func:`lazos.connect.introductions.record_outcome`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from lazos.clock import today
from lazos.connect.drafting import Parties, draft_to
from lazos.connect.introductions import to_intro
from lazos.connect.types import Drafts, DueItem
from lazos.errors import ConflictError
from lazos.i18n import msg
from lazos.messages.outbox import to_message
from lazos.model import FollowUpKind, FollowUpStatus
from lazos.store import Store
from lazos.store.lookup import get_row
from lazos.store.schema import FollowUpRow, IntroductionRow, PersonRow


def due_check_ins(store: Store, *, day: date | None = None) -> list[DueItem]:
    """Open check-ins due by ``day`` (today by default), oldest first."""
    day = day or today()
    with store.read() as session:
        rows = session.execute(
            select(FollowUpRow, PersonRow.name).join(PersonRow, PersonRow.id == FollowUpRow.person_id)
            .where(FollowUpRow.kind == FollowUpKind.CHECK_IN.value,
                   FollowUpRow.status == FollowUpStatus.OPEN.value, FollowUpRow.due_on <= day)
            .order_by(FollowUpRow.due_on, FollowUpRow.id)).all()
        return [DueItem("check_in", f.person_id, name, f.text, f.due_on,
                        f"intro:{f.introduction_id}" if f.introduction_id else f"followup:{f.id}")
                for f, name in rows]


def draft_check_in(store: Store, intro_id: int) -> Drafts:
    """Draft the "how did it go?" email to the person who had the need (their language)."""
    with store.transaction() as session:
        row = get_row(session, IntroductionRow, intro_id, label="introduction")
        if row.state not in ("introduced", "met", "stalled"):
            raise ConflictError(msg(
                "Introduction {id} is {state}: a check-in makes sense once they were introduced.",
                "La presentación {id} está {state}: preguntar cómo fue tiene sentido una vez "
                "presentados.", id=intro_id, state=row.state), field="state")
        parties = Parties(session, row)
        notes: list[str] = []
        m = draft_to(session, kind="check_in", template="checkin", lang=parties.req_lang,
                     person=parties.requester, context=parties.context(parties.req_lang),
                     intro_id=row.id, notes=notes)
        return Drafts(introduction=to_intro(session, row), messages=[to_message(m)], notes=notes)
