"""Reading a note into proposals: needs, offers, promises with dates, people mentioned.

:func:`extract` is pure (no store): give it the note, the day it is about, the person's
name and the people of the network, and it returns :class:`Finding` objects in note order.
Nothing here is final: the user accepts, edits or rejects each finding
(:mod:`lazos.services.capture`).

How a note is read:

1. Cut it into sentences (:mod:`lazos.text.segment`), dropping the person's own name.
2. Take out clauses that are promises ("Llamarla el lunes", "Coffee next wk?") and resolve
   their dates against the note's day (:mod:`lazos.text.dates`).
3. Read each remaining sentence as need / offer / colour (:mod:`lazos.text.classify`); a
   sentence no pattern decides may get a second opinion from the sentence model
   (:mod:`lazos.text.semantic`). A wish that points back at the problem just told
   ("Busca quien se lo haga.") joins the previous need.
4. A need sentence that opens with who the person is ("Dani, fontanero, necesita...",
   "He runs a brewery, his van broke down") gives an offer and a need.
5. Tidy the texts: needs lose colour, "says that" and when the problem started; offers lose
   biography and a bare nationality; shorthand is written out (:mod:`lazos.text.shorthand`).
6. Name people of the network mentioned in the note (:mod:`lazos.text.mentions`).

Every finding has a ``key`` derived from its kind and the words it came from, so reading the
same note again yields the same keys, and the store never records an item twice.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from lazos.i18n import Msg, msg
from lazos.text import classify as cls
from lazos.text.dates import find_date
from lazos.text.fold import fold
from lazos.text.mentions import Known, find_mentions
from lazos.text.segment import Sentence, clauses, open_parentheses, sentences
from lazos.text.semantic import Opinion, Reading
from lazos.text.shorthand import expand

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
    if ev.trained:
        return msg("read as a problem by the note reader ({cue} sure)",
                   "el lector de notas lo lee como un problema (seguro al {cue})", cue=ev.cue)
    if ev.model:
        return msg("no need words, but it sounds like a problem (closest example: “{cue}”)",
                   "sin palabras de necesidad, pero suena a problema (ejemplo más cercano: "
                   "«{cue}»)", cue=ev.cue)
    if ev.explicit:
        return msg("they said what they want: “{cue}”", "dijo lo que quiere: «{cue}»", cue=ev.cue)
    return msg("a problem mentioned in passing: “{cue}”", "un problema de pasada: «{cue}»",
               cue=ev.cue)


def _why_offer(ev: cls.Evidence) -> Msg:
    if ev.trained:
        return msg("read as what they do by the note reader ({cue} sure)",
                   "el lector de notas lo lee como lo que hace (seguro al {cue})", cue=ev.cue)
    if ev.cue == "(limit)":
        return msg("what they do not do (never suggested for it)",
                   "lo que no hace (nunca se le sugiere para eso)")
    if ev.cue.startswith("("):
        return msg("describes who they are and what they do", "describe quién es y a qué se dedica")
    return msg("what they do or have: “{cue}”", "lo que hace o tiene: «{cue}»", cue=ev.cue)


# A line the user wrote to themself, marked as theirs: "Yo: ...", "Me: ...", "Note: ..."
_USER_OWN = re.compile(r"^\W*(yo|me|nota|note|note to self|para mi|for me|self)\s*:\s*")


def _strip_also(text: str) -> str:
    words = text.split()
    if len(words) > 2 and fold(words[0]) in ("also", "plus", "tambien", "ademas", "y", "and",
                                             "pero", "but"):
        rest = " ".join(words[1:])
        return rest[0].upper() + rest[1:]
    return text


def _need(text: str, ev: cls.Evidence, lang: str | None) -> Finding:
    topic = ev.topic or cls.topic_of(text)
    return Finding(kind="need", text=expand(text, lang=lang), key=finding_key("need", text),
                   why=_why_need(ev), topic=topic, private=topic in SENSITIVE)


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


def _need_text(text: str) -> str:
    """A need without colour ("está de los nervios", "(K-drama addict lol)") or a
    reported-speech frame ("Says his Spanish is..." → "his Spanish is...").

    Only clauses that say nothing about a problem are dropped; at least one always stays.
    """
    parts = clauses(text)
    kept: list[str] = []
    for part in parts:
        clean = re.sub(r"\s*\(([^()]*)\)", lambda m: "" if cls.colour(m.group(1)) else m.group(0),
                       part).strip()
        clean = cls.unreport(clean)
        if clean and not (cls.colour(clean) and not cls.about_a_problem(clean)):
            kept.append(clean)
    if not kept:
        return text
    kept = [cls.untimed(k) or k for k in kept]
    joined = ", ".join(kept)
    if fold(joined) == fold(", ".join(parts)):
        return text
    return joined[0].upper() + joined[1:] if text[:1].isupper() else joined


def _offer_text(text: str) -> str:
    """An offer without biography ("moved from Bangalore") or a bare nationality ("UK").

    Those clauses are true but blur what the person can do for others; the note keeps them.
    A clause that names their trade or what they work on stays ("wedding photographer based
    in Getxo", "30 años en desinsectación: termitas"), and so does a limit ("adults only,
    no kids or teens"), which the matcher reads as one (lazos.match.limits).
    """
    let = cls.let_after_news(text)
    if let is not None:
        text = let  # "Su hija se fue a Madrid y le sobra una habitación": the room, not the news
    parts = clauses(text)
    kept = [c for c in parts
            if not cls.biography(c) or cls.names_profession(c) or cls.about_a_problem(c)
            or _says_what_they_do(c) or cls.states_limit(c) or cls.works_in_language(c)]
    if not any(cls.languages(c) for c in parts):  # "Japanese, Spanish pretty good": keep
        kept = [c for c in kept if not cls.nationality(c)]
    return ", ".join(kept) if len(kept) < len(parts) else text


def _says_what_they_do(clause: str) -> bool:
    """An offer word ("runs a surf school ... summer camps for kids"): what they do, even
    when a word of the clause ("kids") also fits a biography."""
    ev = cls.classify(clause)
    return ev.kind == "offer" and not ev.cue.startswith("(")


# "...de mi cuñado que | busca gestor": a wish opened by a relative pronoun is someone else's
_RELATIVE_CLAUSE = re.compile(r"\b(que|q|who|that|quien)\s+$")

SecondOpinion = Callable[[Sequence[str]], "list[Opinion | None]"]
Reader = Callable[[Sequence[str]], "list[Reading | None]"]


def _opinions(bodies: list[tuple[Sentence, str]], ask: SecondOpinion | None
              ) -> dict[str, Opinion]:
    """The second opinion on every sentence that no lexicon word decided (one batch)."""
    if ask is None:
        return {}
    undecided = list(dict.fromkeys(
        b for s, b in bodies if not s.first and not cls.biography(b) and len(b.split()) >= 2
        and cls.classify(b).cue == "(description)"))
    if not undecided:
        return {}
    return {t: o for t, o in zip(undecided, ask(undecided), strict=True) if o is not None}


def _readings(bodies: list[tuple[Sentence, str]], read: Reader | None) -> dict[str, Reading]:
    """The trained reader's probabilities for every sentence (one batch)."""
    if read is None or not bodies:
        return {}
    texts = list(dict.fromkeys(b for _, b in bodies))
    return {t: r for t, r in zip(texts, read(texts), strict=True) if r is not None}


# How sure the trained reader must be to overrule the lexicons. Set on the four
# development nights' sentences, labelled by hand (docs/capture.md, stop 10): the reader
# alone read 85% of unseen nights' sentences right, the lexicons with the old bars 70%.
OVERRIDE = 0.5            # ... a lexicon word ("lleva", "can help", "perdió")
OVERRIDE_EXPLICIT = 0.85  # ... an explicit "needs/busca/looking for"
OVERRIDE_UNDECIDED = 0.4  # ... a sentence no lexicon word decided (three kinds: 0.4 is a plurality)
# ... news about someone close, with no problem word ("Husband Declan does IT for a Dublin
# bank", read 55% need; "Su niño Hugo no pronuncia la erre", 90%): stop 13, on the four
# development nights' labelled sentences, where every such remark read below 0.65
OVERRIDE_SOMEONE_ELSE = 0.7
_KIND_OF = {"need": "need", "offer": "offer", "remark": "noise"}


def _names_a_role(opening: str) -> bool:
    """Does the opening sentence start with a short role ("headhunter", "fisio deportiva"),
    not where they are from or a nationality?"""
    head = next(iter(clauses(opening)), opening)
    # a role is a common noun: a lower-case word of 4 letters or more ("headhunter"), not an
    # initial, a first name ("Bia") or "si"
    common = [w for w in head.split() if len(w) >= 4 and w[0].islower() and w.isalpha()]
    return 1 <= len(head.split()) <= 3 and bool(common) and not cls.biography(head) \
        and not cls.nationality(head)


def _overrule(body: str, ev: cls.Evidence, reading: Reading | None) -> cls.Evidence:
    """The lexicons' reading, unless the trained reader is sure enough of another kind.

    Why: lexicon words decide by one word ("ADHD" is a problem, "runs" an offer), while the
    trained reader hears the whole sentence: "works only with children (anxiety, ADHD...)"
    is what someone does; "sells on Etsy but nobody buys" is a problem; "Muy tímido" or
    "Pasarme x el bar el jueves", which no word decides, are remarks, not offers.
    """
    if reading is None or ev.kind not in ("need", "offer", "noise") or ev.firm:
        return ev
    kind = _KIND_OF[reading.kind]
    # a need told only by what it is about ("Here on the nomad visa", "Nursery for the baby
    # from September"): no trouble word, no wish; the reader's plurality decides, as for
    # sentences no word decided
    about_only = ev.kind == "need" and not ev.explicit and cls.problem(fold(body)) is None
    bar = (OVERRIDE_UNDECIDED if ev.cue == "(description)" or about_only
           else OVERRIDE_SOMEONE_ELSE if ev.cue == cls.SOMEONE_ELSE
           else OVERRIDE_EXPLICIT if ev.explicit else OVERRIDE)
    if kind == ev.kind or reading.probability < bar:
        return ev
    if kind == "noise" and ev.cue == "(who they are)" and _names_a_role(body):
        return ev  # "headhunter, se vino de Madrid en septiembre": who they are, however told
    cue = f"{round(reading.probability * 100)}%"
    if kind == "need":
        return cls.Evidence("need", cue, cls.topic_of(body), trained=True)
    return cls.Evidence(kind, cue, trained=True)


def _who_then_need(parts: list[str], *, first: bool) -> tuple[str, str] | None:
    """(offer, need) when a need sentence opens with who the person is, else None.

    In the opening sentence any description counts ("Dani, fontanero, necesita..."); later
    only clauses with an offer word ("He runs a brewery, his van broke down").
    """
    read = [(c, cls.classify(c, first=True)) for c in parts]
    if first:
        if read[0][1].kind != "offer":
            return None
        lead = next((k for k, (_, e) in enumerate(read) if e.kind != "offer"), len(read))
        # what follows the need stays with it ("..., y quiere una app de reservas, diseño y
        # todo, hoy lo lleva por whatsapp") unless an offer word says it is what they do
        head = parts[:lead] + [c for c, e in read[lead:]
                               if e.kind == "offer" and not e.cue.startswith("(")]
        rest = [c for c, e in read[lead:] if e.kind != "offer" or e.cue.startswith("(")]
        if not rest:
            return None
        return ", ".join(head), ", ".join(rest)
    lead = 0
    while lead < len(read) and read[lead][1].kind == "offer" and not read[lead][1].cue.startswith("("):
        lead += 1
    if lead == 0 or lead == len(read):
        return None
    need = ", ".join(parts[lead:])
    folded = fold(need)
    if not (cls.problem(folded) or cls.domain(folded)) and cls.points_back(need):
        return None  # "Keen to run workshops, asked who he should talk to": one thought
    return ", ".join(parts[:lead]), need


# ", and someone with a van to...", "y alguien que le...": a second want in the same breath
_SECOND_WANT = re.compile(r",?\s+(?:and|plus|y|e)\s+(?:also\s+|tambien\s+|tb\s+)?"
                          r"(?=(?:someone|somebody|alguien)\b)", re.IGNORECASE)


def _split_wants(text: str) -> list[str]:
    """A need sentence with a second want joined by "and someone..." as two needs; both
    halves must say something (four words or more)."""
    parts = _SECOND_WANT.split(text, maxsplit=1)
    if len(parts) == 2 and all(len(p.split()) >= 4 for p in parts):
        return [parts[0].rstrip(" ,;"), parts[1][0].upper() + parts[1][1:]]
    return [text]


_CONTRAST = re.compile(r"(?:,\s*|\s+)(?:pero|but|aunque|although|though)\s+", re.IGNORECASE)
TAIL_NEED = 0.6  # how sure the reader must be that a "but ..." tail is a problem


def _contrast_split(body: str) -> tuple[str, str] | None:
    """(what comes before, what follows) the first "but"/"pero" of a sentence outside
    parentheses, when both sides have three words or more: where an offer may turn into a
    problem."""
    for m in _CONTRAST.finditer(body):
        head, tail = body[:m.start()], body[m.end():]
        if open_parentheses(head) == 0 and len(head.split()) >= 3 and len(tail.split()) >= 3:
            return head.rstrip(" ,;"), tail
    return None


def _problem_after_but(tail: str, reading: Reading | None) -> cls.Evidence | None:
    """The evidence that a "but ..." tail of an offer is a problem of the person's own:
    a need word of the lexicons and the reader sure of it. A limit of the offer ("pero no
    hace calefacción", "but only adults") is not."""
    ev = cls.classify(tail)
    if ev.kind != "need" or ev.cue == "(description)" or reading is None:
        return None
    if reading.kind != "need" or reading.probability < TAIL_NEED:
        return None
    return ev


def _stands_alone(words: str) -> bool:
    """Words that say who someone is ("es electricista"), what they need, or a promise
    stand on their own; "Also her motorbike" does not."""
    folded = fold(words).split()
    if len(folded) < 2 or folded[-1] in ("se", "le", "lo", "la", "me", "te", "no", "que", "y", "and"):
        return False  # "Se | quiere ir...", "...y no | busca": cut in the middle of a phrase
    ev = cls.classify(words, first=True)
    if ev.kind == "offer" and ev.cue.startswith("("):  # "abogada de familia" yes, "Also her bike" no
        return re.match(r"(also|and|y|her|his|their|su|sus|el|la|the|my|mi)\b", fold(words)) is None
    return ev.kind in ("need", "offer") or cls.promise(fold(words), False) is not None


def extract(text: str, *, on: date, name: str | None = None,
            people: list[Known] | None = None, self_id: int | None = None,
            lang: str | None = None, second_opinion: SecondOpinion | None = None,
            reader: Reader | None = None) -> list[Finding]:
    """Findings in a note about ``name``, written on (or about) day ``on``.

    ``people``: the network (id, name) for linking mentions; ``self_id`` is never a mention.
    ``lang``: the note's language, for shorthand that only one language uses ("mates").
    ``second_opinion``: asked about sentences no lexicon word decided (e.g.
    :func:`lazos.text.semantic.model_opinions`); without it they are read as descriptions.
    ``reader``: the trained note reader (:func:`lazos.text.semantic.trained_readings`),
    which may overrule a lexicon word when it is sure of another kind.
    Returns [] for notes with nothing to read (emoji, numbers): the note itself is kept.
    """
    findings: list[Finding] = []
    offers: list[tuple[str, cls.Evidence]] = []
    # the need just read: (index in findings, its text, evidence, where its sentence starts)
    last_need: tuple[int, str, cls.Evidence, int] | None = None
    read = sentences(text, name=name, stands_alone=_stands_alone)
    plans: list[tuple[Sentence, list[Finding], list[str], str]] = []
    for sentence in read:
        if sum(c.isalpha() for c in sentence.text) < 3:
            continue  # numbers, emoji: nothing to read
        promised: list[Finding] = []
        rest: list[str] = []
        own = _USER_OWN.match(fold(sentence.text))
        if own is not None:
            # "Yo: mirar si necesito traducción jurada", "Me: ask her about the trip": the
            # user writing to themself; their wish is not the person's need
            todo = sentence.text[own.end():].strip() or sentence.text
            plans.append((sentence, [_followup(todo, own.group(1), "remind", on)], [], ""))
            continue
        for clause in clauses(sentence.text):
            folded = fold(clause)
            promise = cls.promise(folded, find_date(clause, on) is not None)
            wish = cls.explicit_need(folded)
            # "Le paso contacto de mi cuñado que busca gestor": the wish is the cuñado's,
            # inside the user's promise
            if promise and (wish is None or folded.startswith(promise[0])
                            and _RELATIVE_CLAUSE.search(folded[:wish.start()]) is not None):
                promised.append(_followup(clause, promise[0], promise[1], on))
            else:
                rest.append(clause)
        body = sentence.text if len(rest) == len(clauses(sentence.text)) else ", ".join(rest)
        plans.append((sentence, promised, rest, body))
    bodies = [(s, b) for s, _, rest, b in plans if rest]
    opinions = _opinions(bodies, second_opinion)
    splits = {b: split for _, b in bodies if (split := _contrast_split(b)) is not None}
    readings = _readings(bodies + [(s, splits[b][1]) for s, b in bodies if b in splits], reader)
    # what the sentence just read was ("need", "offer", "noise") and its text, or None
    previous: tuple[str, str] | None = None
    prior: tuple[str, str] | None
    for sentence, promised, rest, body in plans:
        findings.extend(promised)
        prior, previous = previous, None
        if not rest:
            last_need = None
            continue
        ev = _overrule(body, cls.classify(body, first=sentence.first), readings.get(body))
        opinion = opinions.get(body)
        if ev.cue == "(description)" and opinion is not None and opinion.kind == "need":
            ev = cls.Evidence("need", opinion.example, cls.topic_of(body), model=True)
        elif ev.cue == "(description)" and opinion is not None and opinion.kind == "remark":
            ev = cls.Evidence("noise", opinion.example, model=True)
        if ev.kind == "need" and sentence.after_dash and prior is not None and offers \
                and prior[0] == "offer" and not ev.explicit \
                and cls.problem(fold(body)) is None:
            # "English teacher - in-company classes + Cambridge exam prep": what they do,
            # told on after a dash; "exam" is what needs are about, but no trouble is told
            text_before, offer_ev = offers[-1]
            offers[-1] = (f"{text_before} – {body}", offer_ev)
            previous = ("offer", body)
            last_need = None
            continue
        if ev.kind == "need" and sentence.after_dash and prior is not None \
                and prior[0] == "noise" and cls.tells_on(body):
            # "His 8yo started at the local school, everything is taught in Catalan - she
            # comes home crying": the remark before the dash says what the problem is about
            body = f"{prior[1]} – {body}"
        if offers and (cls.says_limit(body) or cls.states_limit(body) and (
                ev.kind != "need" or not ev.explicit and cls.problem(fold(body)) is None)):
            # "Solo familia, nada de penal", "ojo NO hace rentas de particulares ni
            # herencias": a limit of what they do, kept as an offer the matcher reads as a
            # limit (lazos.match.limits)
            offers.append((body, cls.Evidence("offer", "(limit)")))
            previous = ("offer", body)
            last_need = None
            continue
        previous = (ev.kind, body)
        if ev.kind == "need" and len(rest) > 1 and not ev.trained:
            split = _who_then_need(rest, first=sentence.first)
            if split is not None and (need_ev := cls.classify(split[1])).kind == "need":
                # "Dani, fontanero, necesita un abogado" / "He runs a brewery, his van broke
                # down": who they are, then what they need. Not when the reader heard the
                # whole sentence as a problem ("Hace 2 semanas alguien se metió en el correo
                # ..., uno ya pagó"), nor when what is left is no need by itself.
                offers.append((split[0], cls.Evidence("offer", "(who they are)")))
                body, ev = split[1], need_ev
        if ev.kind == "need":
            # "Busca quien se lo haga." / "... quoted 2k for the clutch - she wants a second
            # opinion before paying": the problem just told, told on
            continues = last_need is not None and (
                cls.continues_need(body) or sentence.after_dash and cls.tells_on(body))
            body, *more = _split_wants(body)  # "...a new flat, and someone with a van"
            if last_need is not None and continues:
                index, before, first_ev, where = last_need
                # parts of one unpunctuated sentence join with a space, sentences with ". "
                body = _need_text(body)
                merged = (f"{before} {body}" if where == sentence.start
                          else f"{before} – {body}" if sentence.after_dash
                          else f"{before}. {body}")
                findings[index] = _need(merged, first_ev, lang)
                last_need = (index, merged, first_ev, sentence.start)
            else:
                need_text = _need_text(_strip_also(body))
                findings.append(_need(need_text, ev, lang))
                last_need = (len(findings) - 1, need_text, ev, sentence.start)
            for extra in more:
                extra_ev = cls.classify(extra)
                need_text = _need_text(_strip_also(extra))
                findings.append(_need(need_text, extra_ev if extra_ev.kind == "need" else ev,
                                      lang))
                last_need = (len(findings) - 1, need_text, ev, sentence.start)
        elif ev.kind == "offer":
            split = splits.get(body)
            tail_ev = _problem_after_but(split[1], readings.get(split[1])) if split else None
            if split is not None and tail_ev is not None:
                # "has a Transit for small moves, but turns out his insurance only covers
                # private use": what they do, then a problem of their own
                offers.append((split[0], ev))
                need_text = _need_text(split[1])
                findings.append(_need(need_text, tail_ev, lang))
                last_need = (len(findings) - 1, need_text, tail_ev, sentence.start)
            else:
                offers.append((body, ev))
                last_need = None
        else:
            last_need = None
    offer_findings = [Finding(kind="offer", text=expand(t, lang=lang), key=finding_key("offer", t),
                              why=_why_offer(e))
                      for t, e in ((_offer_text(t), e) for t, e in offers) if t]
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
