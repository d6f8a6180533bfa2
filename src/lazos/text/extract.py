"""Reading a note into proposals: needs, offers, promises with dates, people mentioned.

:func:`extract` is pure (no store): give it the note, the day it is about, the person's
name and the people of the network, and it returns :class:`Finding` objects in note order.
Nothing here is final: the user accepts, edits or rejects each finding
(:mod:`lazos.services.capture`).

How a note is read:

1. Cut it into sentences (:mod:`lazos.text.segment`), dropping the person's own name.
2. Take out clauses that are promises ("Llamarla el lunes", "Coffee next wk?") and resolve
   their dates against the note's day (:mod:`lazos.text.dates`).
3. Read each remaining sentence as need / offer / colour (:mod:`lazos.text.classify`).
   A need sentence that only says what they want about the problem just told
   ("Quiere poner cámaras ya.") joins the previous need.
4. An opening sentence that mixes who they are with a problem is read clause by clause.
5. Name people of the network mentioned in the note (:mod:`lazos.text.mentions`).

Every finding has a ``key`` derived from its kind and the words it came from, so reading the
same note again yields the same keys, and the store never records an item twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from lazos.i18n import Msg, msg
from lazos.text import classify as cls
from lazos.text.dates import find_date
from lazos.text.fold import fold
from lazos.text.mentions import Known, find_mentions
from lazos.text.segment import clauses, sentences

KINDS = ("need", "offer", "followup", "mention")
SENSITIVE = ("health", "legal", "money", "family", "immigration")
FOLLOWUP_KINDS = {"meet": "invite", "check": "check_in", "call": "promise", "send": "promise",
                  "promise": "promise", "introduce": "promise", "remind": "promise"}


@dataclass(frozen=True)
class Finding:
    """One thing noticed in a note, waiting for the user's yes/no."""

    kind: str                     # need, offer, followup, mention
    text: str
    key: str
    why: Msg
    topic: str | None = None      # needs: health, legal, money, family, immigration
    private: bool = False         # needs: private by default when the topic is sensitive
    due_on: date | None = None    # follow-ups
    date_text: str | None = None  # follow-ups: the date words as written
    followup_kind: str | None = None
    person_id: int | None = None  # mentions: the network person, when known

    @property
    def date_unresolved(self) -> bool:
        """A date was written but could not be pinned to a day: kept as text, flagged."""
        return self.kind == "followup" and self.date_text is not None and self.due_on is None


def finding_key(kind: str, source: str) -> str:
    """The stable identity of a finding: its kind and the folded words it came from."""
    return hashlib.sha1(f"{kind}:{fold(source)}".encode()).hexdigest()[:20]


def _why_need(ev: cls.Evidence) -> Msg:
    if ev.explicit:
        return msg("they said what they want: “{cue}”", "dijo lo que quiere: «{cue}»", cue=ev.cue)
    return msg("a problem mentioned in passing: “{cue}”", "un problema de pasada: «{cue}»",
               cue=ev.cue)


def _why_offer(ev: cls.Evidence) -> Msg:
    if ev.cue.startswith("("):
        return msg("describes who they are and what they do", "describe quién es y a qué se dedica")
    return msg("what they do or have: “{cue}”", "lo que hace o tiene: «{cue}»", cue=ev.cue)


def _strip_also(text: str) -> str:
    words = text.split()
    if len(words) > 2 and fold(words[0]) in ("also", "plus", "tambien", "ademas", "y", "and"):
        rest = " ".join(words[1:])
        return rest[0].upper() + rest[1:]
    return text


def _need(text: str, ev: cls.Evidence) -> Finding:
    topic = ev.topic or cls.topic_of(text)
    return Finding(kind="need", text=text, key=finding_key("need", text), why=_why_need(ev),
                   topic=topic, private=topic in SENSITIVE)


def _followup(text: str, cue: str, kind: str, on: date) -> Finding:
    found = find_date(text, on)
    why = msg("a promise or plan: “{cue}”", "una promesa o plan: «{cue}»", cue=cue)
    if found is not None and not found.resolved:
        why = msg("a promise or plan: “{cue}”; the date “{date}” could not be resolved, kept "
                  "as text", "una promesa o plan: «{cue}»; la fecha «{date}» no se pudo "
                  "resolver, se guarda como texto", cue=cue, date=found.text)
    return Finding(kind="followup", text=text, key=finding_key("followup", text), why=why,
                   due_on=found.day if found else None, date_text=found.text if found else None,
                   followup_kind=FOLLOWUP_KINDS.get(kind, "promise"))


def extract(text: str, *, on: date, name: str | None = None,
            people: list[Known] | None = None, self_id: int | None = None) -> list[Finding]:
    """Findings in a note about ``name``, written on (or about) day ``on``.

    ``people``: the network (id, name) for linking mentions; ``self_id`` is never a mention.
    Returns [] for notes with nothing to read (emoji, numbers): the note itself is kept.
    """
    findings: list[Finding] = []
    offers: list[tuple[str, cls.Evidence]] = []
    last_need: tuple[int, str, cls.Evidence] | None = None  # index in findings, text, evidence
    for sentence in sentences(text, name=name):
        rest: list[str] = []
        for clause in clauses(sentence.text):
            folded = fold(clause)
            promise = cls.promise(folded, find_date(clause, on) is not None)
            if promise and not cls.explicit_need(folded):
                findings.append(_followup(clause, promise[0], promise[1], on))
            else:
                rest.append(clause)
        if not rest:
            last_need = None
            continue
        body = ", ".join(rest)
        ev = cls.classify(body, first=sentence.first)
        if ev.kind == "need" and sentence.first and len(rest) > 1:
            # "Dani, fontanero, necesita un abogado": who they are, then what they need
            parts = [(c, cls.classify(c, first=True)) for c in rest]
            head = [c for c, e in parts if e.kind == "offer"]
            if head and parts[0][1].kind == "offer":
                offers.append((", ".join(head), cls.Evidence("offer", "(who they are)")))
                body = ", ".join(c for c, e in parts if e.kind != "offer") or body
                ev = cls.classify(body)
        if ev.kind == "need":
            if last_need is not None and cls.continues_need(body):
                index, before, first_ev = last_need
                merged = f"{before}. {body}"
                findings[index] = _need(merged, first_ev)
                last_need = (index, merged, first_ev)
                continue
            need_text = _strip_also(body)
            findings.append(_need(need_text, ev))
            last_need = (len(findings) - 1, need_text, ev)
        elif ev.kind == "offer":
            offers.append((body, ev))
            last_need = None
        else:
            last_need = None
    offer_findings = [Finding(kind="offer", text=t, key=finding_key("offer", t), why=_why_offer(e))
                      for t, e in offers]
    mentions = [Finding(kind="mention", text=m.name, key=finding_key("mention", m.name),
                        why=m.why, person_id=m.person_id)
                for m in find_mentions(text, people or [], self_id=self_id, self_name=name)]
    return _dedupe(offer_findings + findings + mentions)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    out = []
    for f in findings:
        if (f.kind, f.key) not in seen:
            seen.add((f.kind, f.key))
            out.append(f)
    return out
