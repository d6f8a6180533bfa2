"""Domain types of the connect area (plain frozen dataclasses, no live session)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from lazos.connect.states import IntroState


@dataclass(frozen=True)
class HistoryEntry:
    state: str
    at: str            # ISO date-time (naive UTC)
    note: str = ""


@dataclass(frozen=True)
class Introduction:
    id: int
    need_id: int
    need_text: str
    requester_id: int
    requester_name: str
    helper_id: int
    helper_name: str
    state: IntroState
    direct: bool = False
    reason: str | None = None
    outcome: str | None = None
    value: float | None = None
    thanks: str | None = None
    history: list[HistoryEntry] = field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def since(self) -> datetime | None:
        """When the introduction entered its current state."""
        return datetime.fromisoformat(self.history[-1].at) if self.history else self.created_at


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    content: str


@dataclass(frozen=True)
class OutboxMessage:
    id: int
    kind: str                  # ask_requester, ask_helper, introduction, thank_you, ...
    channel: str               # email, linkedin, xing
    lang: str | None
    to: list[str]
    subject: str
    body: str
    attachments: list[Attachment]
    person_ids: list[int]
    introduction_id: int | None
    status: str                # draft, sending, sent, failed, cancelled
    message_id: str | None
    error: str | None
    attempts: int
    created_at: datetime | None
    sent_at: datetime | None
    mailto: str = ""           # a mailto: link with subject and body (email channel)
    link: str | None = None    # where to paste a LinkedIn/Xing note


@dataclass(frozen=True)
class Drafts:
    """What a connect action produced: the introduction (if any) and new outbox drafts."""

    introduction: Introduction | None
    messages: list[OutboxMessage]
    notes: list[str] = field(default_factory=list)   # warnings for the user (no email...)


@dataclass(frozen=True)
class SendResult:
    message_id: int
    status: str                # sent, failed, already_sent, uncertain, skipped
    detail: str = ""


@dataclass(frozen=True)
class LedgerLine:
    person_id: int
    name: str
    given: int                 # introductions where they were the helper (met or further)
    received: int              # introductions made for their needs (introduced or further)
    solved_given: int
    solved_received: int
    value_given: float
    value_received: float
    thanks: int
    one_way: str | None        # "gives" | "takes" | None
    brought: int = 0           # people they introduced to the user (people.met_through)


@dataclass(frozen=True)
class InviteSuggestion:
    person_id: int
    name: str
    score: float
    reasons: list[str]


@dataclass(frozen=True)
class DueItem:
    kind: str                  # same_day, check_in, invite, intro_waiting, keep_in_touch, match
    person_id: int | None
    name: str
    text: str
    due_on: date | None = None
    ref: str = ""


@dataclass(frozen=True)
class TodayView:
    day: date
    items: list[DueItem]
