"""``lazos today``: what is due, in one list.

Same-day follow-ups (people met today without a pack yet), check-ins, invitations and
other follow-ups due, introductions waiting for an answer, keep-in-touch reminders, and
new matches since yesterday.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from lazos.clock import today as clock_today
from lazos.connect.followups import met_on, packed_on
from lazos.connect.keep import due_keep_in_touch
from lazos.connect.matching import ResultLike, candidates
from lazos.connect.states import WAITING, IntroState, label
from lazos.connect.types import DueItem, TodayView
from lazos.i18n import pick
from lazos.store import Store
from lazos.store.schema import FollowUpRow, IntroductionRow, NeedRow, OfferRow, PersonRow

STALL_AFTER_DAYS = 14


def _new_matches(store: Store, results: Sequence[ResultLike], since: datetime) -> list[DueItem]:
    with store.read() as session:
        fresh_needs = set(session.scalars(select(NeedRow.id).where(NeedRow.created_at >= since)))
        fresh_people = set(session.scalars(select(PersonRow.id).where(PersonRow.created_at >= since)))
        fresh_people |= set(session.scalars(select(OfferRow.person_id)
                                            .where(OfferRow.created_at >= since)))
    out = []
    for c in candidates(store, results):
        if c.need_id in fresh_needs or c.helper_id in fresh_people:
            # The user's own screen: a private need is shown (marked), since the user wrote it
            # and must know which one it is; it only stays out of messages to others.
            text = pick(None, "{h} could help with {n!r}", "{h} podría ayudar con {n!r}").format(
                h=c.helper_name, n=("🔒 " if c.private else "") + c.need_text)
            out.append(DueItem("match", c.requester_id, c.requester_name, text,
                               ref=f"lazos intro ask {c.need_id} {c.helper_id}"))
    return out


def today_view(store: Store, *, results: Sequence[ResultLike] | None = None,
               day: date | None = None) -> TodayView:
    """Everything due on ``day``. ``results`` (the matcher's) add new matches since
    yesterday; without them that section is skipped."""
    day = day or clock_today()
    items: list[DueItem] = []
    with store.read() as session:
        names = dict(session.execute(select(PersonRow.id, PersonRow.name)).all())
        done = packed_on(session, day)
        for pid in met_on(session, day):
            if pid not in done:
                items.append(DueItem("same_day", pid, names.get(pid, "?"), pick(
                    None, "met today: send the follow-up (lazos followup {id})",
                    "conocido hoy: envía el seguimiento (lazos followup {id})").format(id=pid),
                    day, f"person:{pid}"))
        for f in session.scalars(select(FollowUpRow).where(
                FollowUpRow.status == "open", FollowUpRow.due_on <= day)
                .order_by(FollowUpRow.due_on, FollowUpRow.id)):
            kind = f.kind if f.kind in ("same_day", "check_in", "invite") else "follow_up"
            ref = f"intro:{f.introduction_id}" if f.introduction_id else f"followup:{f.id}"
            items.append(DueItem(kind, f.person_id, names.get(f.person_id, "?"), f.text,
                                 f.due_on, ref))
        waiting = session.execute(select(IntroductionRow, NeedRow.person_id)
                                  .join(NeedRow, NeedRow.id == IntroductionRow.need_id)
                                  .where(IntroductionRow.state.in_([s.value for s in WAITING]))
                                  .order_by(IntroductionRow.updated_at)).all()
        for intro, requester in waiting:
            state = IntroState(intro.state)
            asked = requester if state == IntroState.ASKED_REQUESTER else intro.helper_id
            days = (day - intro.updated_at.date()).days
            hint = pick(None, " — consider 'lazos intro stalled {id}'",
                        " — quizá 'lazos intro stalled {id}'").format(id=intro.id) \
                if days >= STALL_AFTER_DAYS else ""
            items.append(DueItem("intro_waiting", asked, names.get(asked, "?"), pick(
                None, "introduction {id} {state}, waiting {d} days{hint}",
                "presentación {id} {state}, esperando desde hace {d} días{hint}").format(
                id=intro.id, state=label(state), d=days, hint=hint),
                intro.updated_at.date(), f"intro:{intro.id}"))
        items += due_keep_in_touch(session, day)
    if results is not None:
        items += _new_matches(store, results, datetime.combine(day - timedelta(days=1), time()))
    return TodayView(day=day, items=items)
