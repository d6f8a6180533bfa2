"""Composing an introduction's messages: who is involved, in which language, and the drafts
(one per recipient language, vCards attached) that go to the outbox.

Privacy is checked by the caller (:mod:`lazos.connect.introductions`) before anything that
mentions the need is drafted for the helper.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lazos.connect.types import Attachment
from lazos.i18n import msg, pick
from lazos.messages import render as R
from lazos.messages.outbox import add_draft
from lazos.messages.vcard import person_vcard, vcard_filename
from lazos.model import Need, Person
from lazos.store import convert
from lazos.store.lookup import get_row, resolve_person
from lazos.store.schema import IntroductionRow, MessageRow, NeedRow, OfferRow


class Parties:
    """The need, both people and their languages, loaded once per move."""

    def __init__(self, session: Session, row: IntroductionRow) -> None:
        need_row = get_row(session, NeedRow, row.need_id, label="need")
        self.need: Need = convert.need(need_row)
        self.requester: Person = convert.person(resolve_person(session, need_row.person_id))
        self.helper: Person = convert.person(resolve_person(session, row.helper_id))
        self.req_lang = R.message_lang(self.requester.lang, self.need.lang)
        self.helper_lang = R.message_lang(self.helper.lang, self.need.lang)
        self.offers = list(session.scalars(select(OfferRow.text).where(
            OfferRow.person_id == self.helper.id).order_by(OfferRow.id)).all())
        self.reason_raw = row.reason

    def context(self, lang: str) -> dict[str, Any]:
        reason = R.read_text(self.reason_raw, lang)
        return {"requester": R.person_context(self.requester),
                "helper": R.person_context(self.helper),
                "need_text": self.need.text, "reason": reason, "signature": R.signature()}

    def why_requester(self, lang: str) -> str:
        """One line for the person with the need: why talk to the helper."""
        reason = R.read_text(self.reason_raw, lang)
        if reason:
            return reason
        if self.offers:
            return pick(lang, "can help with: ", "puede ayudar con: ") + "; ".join(self.offers[:2])
        return pick(lang, "I think they can help you with what you need.",
                    "creo que puede ayudarte con lo que necesitas.")

    def why_helper(self, lang: str) -> str:
        """One line for the helper: what the other person needs (only when shareable)."""
        return pick(lang, 'what they told me they need: "{t}".',
                    "me contó que necesita: «{t}».").format(t=self.need.text)


def no_email_note(p: Person) -> str:
    return msg("{name} has no email address: the draft is in the outbox anyway. Add one "
               "(lazos person edit {id} --email ...) or copy the text / open the mailto: link "
               "from 'lazos outbox show'.",
               "{name} no tiene correo: el borrador está igualmente en la bandeja de salida. "
               "Añade uno (lazos person edit {id} --email ...) o copia el texto / abre el enlace "
               "mailto: desde 'lazos outbox show'.", name=p.name, id=p.id).render()


def draft_to(session: Session, *, kind: str, template: str, lang: str, person: Person,
              context: dict[str, Any], intro_id: int, notes: list[str],
              person_ids: Sequence[int] | None = None,
              attachments: Sequence[Attachment] = ()) -> MessageRow:
    rendered = R.render(template, lang, **context)
    if not person.email:
        notes.append(no_email_note(person))
    return add_draft(session, kind=kind, lang=lang, to=[person.email] if person.email else [],
                     subject=rendered.subject, body=rendered.body,
                     person_ids=list(person_ids or [person.id]), attachments=attachments,
                     introduction_id=intro_id)


def draft_introduction(session: Session, row: IntroductionRow, parties: Parties,
                        notes: list[str]) -> list[MessageRow]:
    """The two-way introduction: one email to both when they share a language, else one
    each in their own language. Both vCards attached either way."""
    cards = [Attachment(vcard_filename(p), "text/vcard", person_vcard(p))
             for p in (parties.requester, parties.helper)]
    groups: list[tuple[str, list[Person]]] = []
    if parties.req_lang == parties.helper_lang:
        groups.append((parties.req_lang, [parties.requester, parties.helper]))
    else:
        groups += [(parties.req_lang, [parties.requester]), (parties.helper_lang, [parties.helper])]
    rows = []
    for lang, people in groups:
        ctx = parties.context(lang) | {"why_requester": parties.why_requester(lang),
                                       "why_helper": parties.why_helper(lang)}
        rendered = R.render("introduction", lang, **ctx)
        for p in people:
            if not p.email:
                notes.append(no_email_note(p))
        rows.append(add_draft(session, kind="introduction", lang=lang,
                              to=[p.email for p in people if p.email], subject=rendered.subject,
                              body=rendered.body,
                              person_ids=[parties.requester.id, parties.helper.id],
                              attachments=cards, introduction_id=row.id))
    return rows
