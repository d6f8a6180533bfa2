"""What a sentence of a note is: a need, an offer, a promise, or colour.

Each decision keeps its evidence (the words that fired), so a proposal can say why it was
made. The lexicons live in :mod:`lazos.text.lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lazos.text import lexicon
from lazos.text.fold import fold


@dataclass(frozen=True)
class Evidence:
    """Why a sentence was read as it was: the kind, the words heard and the topic if any."""

    kind: str             # "need", "offer", "promise", "noise"
    cue: str              # the words that decided it, as they appear (folded)
    topic: str | None = None
    explicit: bool = False  # said outright: "needs/busca" (not a problem in passing), or
    #                         something given "a quien lo necesite / to whoever needs it"
    model: bool = False     # decided by the sentence model's second opinion (cue = example)
    trained: bool = False   # overruled by the trained note reader (cue = how sure, "87%")
    firm: bool = False      # said in a form the trained reader may not overrule (a relative's
    #                         trade, "doesn't need it", "he can put forward...", "antes fue")


@cache
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def _first(patterns: tuple[str, ...], folded: str) -> re.Match[str] | None:
    best: re.Match[str] | None = None
    for pattern in _compiled(patterns):
        m = pattern.search(folded)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best


def explicit_need(folded: str) -> re.Match[str] | None:
    return _first(lexicon.NEED_EXPLICIT, folded)


def _earliest(table: tuple[tuple[str, str], ...], folded: str) -> tuple[re.Match[str], str] | None:
    best: tuple[re.Match[str], str] | None = None
    for pattern, topic in zip(_compiled(tuple(p for p, _ in table)), (t for _, t in table),
                              strict=True):
        m = pattern.search(folded)
        if m and (best is None or m.start() < best[0].start()):
            best = (m, topic)
    return best


def problem(folded: str) -> tuple[re.Match[str], str] | None:
    """The earliest trouble pattern in the text and its topic ("" when none)."""
    return _earliest(lexicon.NEED_PROBLEM, folded)


def domain(folded: str) -> tuple[re.Match[str], str] | None:
    """The earliest domain word (taxes, visa, nursery...) and its topic."""
    return _earliest(lexicon.NEED_DOMAIN, folded)


def topic_of(text: str) -> str | None:
    """The sensitive topic of a need (health, legal, money, family, immigration) or None.

    A problem about a pet ("my cat is sick") is not the owner's health.
    """
    folded = fold(text)
    topics: list[str] = []
    for table in (lexicon.NEED_PROBLEM, lexicon.NEED_DOMAIN, lexicon.TOPIC_WORDS):
        for pattern, topic in zip(_compiled(tuple(p for p, _ in table)), (t for _, t in table),
                                  strict=True):
            if topic and pattern.search(folded):
                topics.append(topic)
    if re.search(lexicon.PET_WORDS, folded):
        topics = [t for t in topics if t != "health"]
    return topics[0] if topics else None


# "Send him the link to...", "Mandarle el contacto de...": a to-do addressed to the person
_ADDRESSED = re.compile(r"(le|les|him|her|them)$")


def promise(folded: str, has_date: bool) -> tuple[str, str] | None:
    """(cue, kind of promise) when the clause is something the user agreed to do.

    Weak cues ("coffee", "mail", "comer") count only with a date ("Coffee next wk?"); a
    sending verb opening the clause counts when short or addressed to the person ("Send him
    the link to the parents group", not "Sends money to his mum every month").
    """
    strong = {"call", "promise", "introduce", "check", "remind"}
    for pattern, kind in zip(_compiled(tuple(p for p, _ in lexicon.PROMISE)),
                             (k for _, k in lexicon.PROMISE), strict=True):
        m = pattern.search(folded)
        if m and (kind in strong or has_date or m.start() == 0 and kind == "send"
                  and (len(folded.split()) <= 6 or _ADDRESSED.search(m.group(0)))):
            return m.group(0), kind
    return None


# The solver names of the knowledge files that name a person ("photographer", "fontanero"):
# agent-noun endings in either language, plus a few short titles.
_AGENT = re.compile(r"\w+(er|or|ist|ian|ant|ent|ogist|path|smith|wife|ero|era|ora|ista|ologo|"
                    r"ologa|ico|ica|ta|tra|ra)$")
_TITLES = frozenset({"chef", "coach", "nurse", "doctor", "dj", "mentor", "guide", "doula",
                     "nanny", "sommelier", "guia", "medico", "medica", "mago", "sastre",
                     "matrona", "gestor", "gestora", "abogado", "abogada", "fisio", "psych",
                     "manitas", "canguro", "notario", "notaria", "contable"})
_NOT_A_TITLE = frozenset({"owner", "provider", "supplier", "worker", "manager", "other",
                          "cliente", "persona", "alguien", "empresa", "ortopedia", "ora",
                          "water", "never", "after", "under", "over", "either", "paper",
                          "letter", "computer", "order", "sister", "mother", "father",
                          "brother", "daughter", "partner", "neighbour", "neighbor",
                          "corner", "center", "centre", "winter", "summer", "number"})
# "the plumber never came", "su abogado no contesta": someone's helper, not who they are
_ARTICLE_BEFORE = re.compile(r"\b(the|a|an|my|his|her|their|our|your|el|la|los|las|un|una|"
                             r"su|sus|mi|mis|tu|nuestro|nuestra|del|al|no|sin|without|any|"
                             r"ningun|ninguna|new|nuevo|nueva|otro|otra|another)\s+(\w+\s+)?$")
# "mentors people who want to...": somebody else's wish, told as part of what they do
# "se la deja a quien la necesite", "lends it to whoever needs it": what they give
_THIRD_PARTY = re.compile(r"\b(people|ppl|those|anyone|clients|customers|companies|families|"
                          r"gente|clientes|empresas|familias|quienes|personas)\s+(who|that|que)"
                          r"\s+(\w+\s+)?$|\bquien(es)?\s+((lo|la|los|las|le|les)\s+)?$|"
                          r"\b(whoever|anyone|anybody)\s+(\w+\s+)?$")


@cache
def _profession_words() -> frozenset[str]:
    """Folded words that name a kind of solver, from the knowledge files' solver names
    (English names end in their head noun, Spanish names start with it)."""
    from lazos.match.knowledge import load_kinds

    found: set[str] = set(_TITLES)
    for kind in load_kinds():
        for name in re.split(r",| or |/", kind.solver_en):
            parts = fold(name).split()
            if parts:
                found.add(parts[-1])
        for name in re.split(r",| o | u |/", kind.solver_es):
            parts = fold(name).split()
            if parts:
                found.add(parts[0])
                if parts[0].endswith("o"):
                    found.add(parts[0][:-1] + "a")
                if parts[0].endswith("or"):
                    found.add(parts[0] + "a")
    return frozenset(w for w in found if w.isalpha() and w not in _NOT_A_TITLE
                     and (w in _TITLES or _AGENT.match(w)))


def _clause_around(folded: str, start: int) -> tuple[int, int]:
    """Where the clause holding position ``start`` begins and ends (commas, brackets,
    colons and semicolons separate clauses)."""
    left = max(folded.rfind(c, 0, start) for c in ",;:()") + 1
    ends = [i for i in (folded.find(c, start) for c in ",;:()") if i != -1]
    return left, min(ends) if ends else len(folded)


def profession_near(folded: str, start: int) -> re.Match[str] | None:
    """A word naming a kind of solver in the clause around ``start``, not "the/su ..."."""
    left, right = _clause_around(folded, start)
    names = _profession_words()
    for m in re.finditer(r"[a-z]+", folded[left:right]):
        if m.group(0) in names and not _ARTICLE_BEFORE.search(folded[left:left + m.start()]) \
                and not re.match(r"\s+(para|for)\b", folded[left + m.end():]):
            return m  # "Abogado para la herencia" is a need: who is wanted, and for what
    return None


# "la cocina está libre y se la deja a quien la necesite", "lends his van to anyone who
# needs it": something they give; the "need" belongs to whoever takes it
_GIVING = re.compile(r"\b(deja|dejan|presta|prestan|cede|ceden|ofrece|ofrecen|alquila|"
                     r"lends?|offers?|rents? (it )?out|shares?|gives?)\b[^.]{0,60}?"
                     r"\b(a quien(es)?|a cualquiera|whoever|any(one|body) who|to any(one|body))\b")
# "busca piso pa gente recién llegada", "finds investors for startups": searching on behalf
# of others is a service; "busca piso para su hija" stays a need
_FOR_OTHERS = re.compile(r"^\W*(\w+\s+){0,3}?(busca|buscan|encuentra|consigue|finds?|sources?|"
                         r"looks? for)\b[^.,;]{0,40}?\b(pa|para|for)\s+(la\s+)?(gente|clientes|"
                         r"extranjeros|expats|empresas|familias|otros|people|clients|customers|"
                         r"companies|families|others|newcomers|recien llegados)\b")
# "Tiene una sala que no usa por las tardes y le vendría bien sacarle algo", "has an empty
# garage he'd like to make some money from": an idle resource the person would let is an
# offer, whatever want it is worded with
_TO_LET = re.compile(r"(?<!\bno )\b(tiene|tienen|has|have|owns?|le sobra|les sobra)\b[^.]{0,60}?\b("
                     r"q(ue)? no usa\w*|"
                     r"sin usar|vaci[oa]s?|libres?|unused|empty|spare|idle)\b[^.]{0,60}?\b("
                     r"sacarle|sacar(le)? (algo|partido|rendimiento|dinero)|rentabilizarl[oa]s?|"
                     r"alquilarl[oa]s?|make (some )?money (from|out of|with) (it|them)|"
                     r"(rent|let) (it|them) out)\b"
                     # "le sobra una habitación, la alquilaría", "has a spare room she'd rent out"
                     r"|\b(le sobra|les sobra|has a spare|have a spare)\b[^.]{0,60}?\b(alquil\w+|"
                     r"rent\w*|let)\b")
# "Solo laboral, herencias no", "only climate/food, no fintech", "nada de penal": the limits
# of the offer just told, not a need and not a second offer
_LIMIT = re.compile(r"^\W*(solo|solamente|unicamente|only|just|nada de)\b(?=.*\b(no|not|nada|"
                    r"ni|never|nunca|don'?t|doesn'?t|won'?t|turns? down)\b)"
                    # "no roofs, no facades, 'too old for ladders'": a list of what they do not
                    # do, one word each ("no tiene coche, no puede..." has verbs: a problem)
                    r"|^\W*(no|ni|not|nada de)\s+[a-z]+\s*,\s*(no|ni|not)\s+[a-z]+\s*(,|$)")


# "Husband Declan does IT for a bank", "Su socio Pedro no pudo venir", "Her mum is visiting
# next wk": news about someone close to them. Not what they offer, and not a need unless a
# problem is told ("Su madre (87) sigue sola..., busca a alguien"); see SOMEONE_ELSE.
_RELATIVE = (r"(husband|wife|partner|boyfriend|girlfriend|son|daughter|kids?|eldest|youngest|"
             r"brother|sister|mum|mom|dad|mother|father|in-laws?|colleague|co-?founder|socio|"
             r"socia|mujer|marido|esposo|esposa|pareja|novio|novia|hij[oa]s?|herman[oa]s?|madre|"
             r"padre|suegr[oa]s?|cunad[oa]s?|cousin|uncle|aunt|nephew|niece|grand\w+|prim[oa]s?|"
             r"ti[oa]s?|sobrin[oa]s?|abuel[oa]s?|niet[oa]s?)")
_SOMEONE_ELSE = re.compile(r"^\W*((y|and|also|plus|tb|tambien|ademas)\s+)?((his|her|their|su|"
                           r"sus|the)\s+)?" + _RELATIVE + r"\b(?!\s+(of|de)\b)")
_SOMEONE_ELSES = re.compile(r"(?<!\bnor )(?<!\bni )\b(his|her|their|su|sus)\s+" + _RELATIVE
                            + r"(\s+[a-z]+)?\s+$")
SOMEONE_ELSE = "(someone else)"


# "He can put forward students for the internship programme", "Offers small businesses help
# with data stuff", "se ofrece a...": what they put at others' disposal, however much "help
# with" or "students" sounds like a need
_PUTS_FORWARD = re.compile(r"^\W*(?:(?:he|she|they|el|ella)\s+)?(?:offers|ofrece|se ofrece|"
                           r"(?:can|could|puede|podria)\s+(?:put forward|offer|lend|host|provide|"
                           r"ofrecer|prestar|ceder|acoger)|(?:is|are|'s|esta|estan)\s+(?:happy|"
                           r"willing|glad|dispuest[oa]s?|encantad[oa]s?)\s+(?:to|a|de)\s)\b")
# "Antes de profe fue aparejador en Madrid", "Was an electrician 40 years but hung up the
# tools", "Tenía un bar que cerró en verano": what someone did or had, not what they offer
# now, and no need unless a wish is told
_FORMER = re.compile(r"^\W*(?:(?:he|she|el|ella)\s+)?(?:was\s+an?\s|used to (?:be|work|run|have|"
                     r"own)\b|antes(?:\s+de\s+\w+)?\s+(?:fue|era|trabajaba|curraba|tenia|llevaba)\b"
                     r"|fue\s+\w+\s+(?:en|durante|\d+)\b)")
_CLOSED = re.compile(r"^\W*(?:tenia|tuvo|had|ran|owned|llevaba)\s+(?:un|una|a|an)\b[^.]*\b(?:cerr\w+|"
                     r"closed|shut|vendi\w+|sold|traspas\w+)\b")
# "Knows 'an amazing lawyer in Madrid'", "conoce a un notario": someone they know, not a
# need ("knows a lot about wine" and "knows everyone in the port" are what they offer)
_KNOWS = re.compile(r"^\W*(?:(?:he|she|el|ella)\s+)?(?:knows|conoce a)\s+(?:'|\")?(?:an?|un|una|"
                    r"someone|somebody|alguien|this|este|esta)\b(?!\s+(?:lot|bit|little|poco)\b)")


# "Su primo es psicólogo infantil en Donosti", "Her brother is a lawyer in Madrid": someone
# close to them who could help, not in the room; news, not their need
_RELATIVE_IS = re.compile(r"^\W*(?:(?:y|and|also|tb|tambien|ademas)\s+)?(?:his|her|their|su|sus)\s+"
                          + _RELATIVE + r"\s+(?:\w+\s+)?(?:es|is|works as|trabaja de|trabaja como)\s")
# "dice que le sobra", "doesn't need it", "no le hace falta": said NOT to be needed
_NOT_NEEDED = re.compile(r"\b(?:no (?:le |les )?hace falta|no (?:lo |la )?necesita|doesn'?t need|"
                         r"does not need|don'?t need|le sobra|les sobra|no le interesa|"
                         r"not interested)\b")


def _unreported(folded: str) -> str:
    """``folded`` without a leading "says (that)" / "dice que"."""
    m = re.match(lexicon.REPORTED, folded)
    return folded[m.end():] if m else folded


def _trade_follows(folded: str, end: int, words: int) -> bool:
    """Does one of the ``words`` words after position ``end`` name a trade?"""
    return bool(set(folded[end:].split()[:words]) & _profession_words())


def _told_before(folded: str, first: bool) -> Evidence | None:
    """Noise for what someone did before or who they know (:data:`_FORMER`, :data:`_KNOWS`),
    unless a wish is told too ("Antes era contable, ahora busca trabajo"); for a relative's
    trade (:data:`_RELATIVE_IS`) and for what they say they do not need (:data:`_NOT_NEEDED`)
    whatever else is said. (Something they would let is read before this: :data:`_TO_LET`.)"""
    if first:
        return None
    folded = _unreported(folded)
    m = _RELATIVE_IS.search(folded)
    if m is not None and not _trade_follows(folded, m.end(), 3):
        m = None  # "Her partner is Australian", "his wife is sure...": not a trade
    m = m or _NOT_NEEDED.search(folded)
    if m is not None:
        return Evidence("noise", m.group(0).strip(), explicit=True, firm=True)
    if explicit_need(folded) is not None:
        return None
    m = _FORMER.search(folded)
    if m is not None and ("was" not in m.group(0).split() or _trade_follows(folded, m.end(), 2)):
        return Evidence("noise", m.group(0).strip(), explicit=True, firm=True)
    m = _CLOSED.search(folded) or _KNOWS.search(folded)
    if m is not None:
        return Evidence("noise", m.group(0).strip(), explicit=True, firm=True)
    return None


def classify(text: str, *, first: bool = False) -> Evidence:
    """Read one sentence. ``first``: the opening sentence, which usually says who they are."""
    folded = fold(text)
    giving = _GIVING.search(folded) or _FOR_OTHERS.search(folded) or _TO_LET.search(folded)
    if giving is not None:
        return Evidence("offer", giving.group(0), explicit=True)
    if not first and (forward := _PUTS_FORWARD.search(_unreported(folded))) is not None:
        return Evidence("offer", forward.group(0).strip(), explicit=True, firm=True)
    if not first and _LIMIT.search(folded):
        return Evidence("noise", folded[:40], explicit=True)
    told = _told_before(folded, first)
    if told is not None:
        return told
    explicit = explicit_need(folded)
    if explicit is not None and _THIRD_PARTY.search(folded[:explicit.start()]):
        explicit = None  # "mentors people who want to switch into tech"
    trouble = problem(folded)
    user_side = re.search(lexicon.USER_SIDE, folded)
    if trouble and not (explicit and explicit.start() <= trouble[0].start()) and not user_side:
        title = profession_near(folded, trouble[0].start())
        if title is not None:
            # "wedding photographer", "fisio, lesiones deportivas": the problem word says
            # what they work on. A need may still follow in a later clause.
            _, end = _clause_around(folded, trouble[0].start())
            rest = classify(folded[end + 1:]) if folded[end + 1:].strip(" ,;:()") else None
            if rest is not None and rest.kind == "need":
                return rest
            return Evidence("offer", title.group(0))
    if (explicit or trouble) and not user_side:
        topic = topic_of(text)
        if explicit and (trouble is None or explicit.start() <= trouble[0].start()):
            return Evidence("need", explicit.group(0), topic, explicit=True)
        assert trouble is not None
        return Evidence("need", trouble[0].group(0), topic)
    if any(p.search(folded) for p in _compiled(lexicon.NOISE)) or \
            (len(folded.split()) <= 1 and not first):
        return Evidence("noise", folded[:40])
    if not first and _SOMEONE_ELSE.search(folded):
        return Evidence("noise", SOMEONE_ELSE)
    offer = _first(lexicon.OFFER, folded)
    if offer is not None and _SOMEONE_ELSES.search(folded[:offer.start()]):
        return Evidence("noise", SOMEONE_ELSE)  # "tiene gemelas y su mujer Rosa es enfermera"
    if offer is not None:
        return Evidence("offer", offer.group(0))
    if user_side:
        return Evidence("noise", user_side.group(0))
    about = domain(folded)
    title = profession_near(folded, about[0].start()) if about is not None else None
    if title is not None:
        # "wedding photographer", "abogada de extranjería": what they work on
        return Evidence("offer", title.group(0))
    if about is not None and not first:
        # "Nursery for the baby from September": no verb, but what a need is about
        return Evidence("need", about[0].group(0), topic_of(text))
    # No cue at all: a description of the person ("fisio, lesiones deportivas"), which is
    # what they offer; the first sentence almost always is.
    return Evidence("offer", "(description)" if not first else "(who they are)")


# Limits _LIMIT does not hear: "Doesn't do logos", "Ojo, she doesn't shoot the photos
# herself", "NO cámaras ni alarmas", "nada de caballos"
_LIMIT_MORE = re.compile(r"^\W*(?:(?:ojo|ojito|nb|ps)\W+)?(?:(?:she|he|ella|el)\s+)?"
                         r"(?:doesn'?t|does not|won'?t|no hace|no toca|nada de)\s+"
                         r"(?!(?:tiene|have|has|know|sabe|idea|time|tiempo)\b)"
                         r"|^\W*(?:(?:ojo|ojito|nb|ps)\W+)?no\s+[a-z]+\s+(?:ni|or|nor)\s+[a-z]+")
_LIMIT_SAID = re.compile(r"^\W*(?:was|is|made it|lo\s+dej\w+|dej\w+)\s+(?:very\s+|muy\s+)?(?:clear|"
                         r"claro|claras?)\b"
                         # "Was clear he's not a physio, doesn't touch injuries", "lo dejó
                         # claro: nada de urgencias"
                         r"|^\W*(?:(?:she|he)(?:'s|\s+is)\s+)?not\s+an?\s+[a-z]+\s*(?:,|;|$|\s+(?:and|but|so)\b)"
                         # "kids only though", "adults only - no teens": who they serve, only
                         r"|^\W*[a-z]+(?:\s+[a-z]+)?\s+only\b(?!\s+(?:want|need|have|has|had|got)\b)"
                         r"|\bnot comfortable (?:doing|with)\b|\bno (?:se siente|esta) comod[oa]\b")


def let_after_news(text: str) -> str | None:
    """The part of a sentence from what they would let, when it opens with news about
    someone close ("Su hija se fue a Madrid y le sobra una habitación, la alquilaría" →
    "le sobra una habitación, la alquilaría"); None otherwise."""
    folded = fold(text)
    if len(folded) != len(text) or not _SOMEONE_ELSE.search(folded):
        return None
    m = _TO_LET.search(folded)
    if m is None or m.start() == 0:
        return None
    return text[m.start():]


def states_limit(text: str) -> bool:
    """Does this sentence limit what the person does ("Solo familia, nada de penal",
    "Only weddings: no corporate, no birthdays")? It is kept as an offer of its own, which
    the matcher reads as a limit (:mod:`lazos.match.limits`), never as something offered.
    """
    folded = fold(text)
    return _LIMIT.search(folded) is not None or _LIMIT_MORE.search(folded) is not None \
        or _LIMIT_SAID.search(folded) is not None


def says_limit(text: str) -> bool:
    """Is this sentence said as a limit, whatever problem words it holds ("Was clear he's
    not a physio, doesn't touch injuries", "kids only though")?"""
    return _LIMIT_SAID.search(fold(text)) is not None


def colour(text: str) -> bool:
    """Does this clause carry colour ("de los nervios", "lol", "apparently")?"""
    folded = fold(text)
    return any(p.search(folded) for p in _compiled(lexicon.NEED_COLOUR))


def about_a_problem(text: str) -> bool:
    """Does this clause name a need, a problem or what a need is about?"""
    folded = fold(text)
    return bool(explicit_need(folded) or problem(folded) or domain(folded))


def untimed(text: str) -> str:
    """``text`` without phrases saying when the problem started or happened."""
    folded = fold(text)
    if len(folded) != len(text):
        return text  # positions would not match: keep the words as they are
    spans: list[tuple[int, int]] = []
    for pattern in _compiled(lexicon.TIME_ADJUNCTS):
        spans.extend(m.span() for m in pattern.finditer(folded))
    out = text
    for start, end in sorted(spans, reverse=True):
        out = out[:start] + out[end:]
    return " ".join(out.split()).strip(" ,")


def unreport(text: str) -> str:
    """``text`` without a leading "says (that)" / "dice que" frame."""
    m = re.match(lexicon.REPORTED, fold(text))
    if m is None:
        return text
    words = len(m.group(0).split())
    return " ".join(text.split()[words:]) or text


def names_profession(text: str) -> bool:
    """Does this clause name a kind of solver ("wedding photographer based in Getxo")?"""
    return profession_near(fold(text), 0) is not None


# "30 años en desinsectación", "12 yrs in insurance claims": years spent *in a trade* (a
# lower-case word), not in a place ("6 yrs in Bilbao")
_EXPERIENCE = re.compile(r"\b\d+\s?(yrs?|years?|años|anos)\s+(en|in|de|doing|haciendo)\s+"
                         r"(?!(el|la|los|las|the|a|un|una|aqui|here|total)\b)[a-záéíóúñ]")


# "en castellano y en inglés (vivió 4 años en Manchester)", "in English or Spanish": the
# languages someone works in, which the matcher reads (a course "in English")
_WORKS_IN = re.compile(r"^(?:en|in)\s+(?:castellano|espanol|ingles|english|spanish|frances|french"
                       r"|aleman|german|italiano|italian|portugues|portuguese|euskera|catalan"
                       r"|valenciano|arabe|arabic)\b")


def works_in_language(text: str) -> bool:
    """Does this clause say which languages someone works in ("en castellano y en inglés")?"""
    return _WORKS_IN.match(fold(text)) is not None


def biography(text: str) -> bool:
    """Is this clause where someone comes from or lives, rather than what they do?"""
    if _EXPERIENCE.search(text):
        return False
    folded = fold(text)
    return any(p.search(folded) for p in _compiled(lexicon.BIOGRAPHY))


def nationality(text: str) -> bool:
    """Is this clause only a nationality or a country ("Polish", "UK")?"""
    return re.match(lexicon.NATIONALITY, fold(text).strip(" ()")) is not None


def languages(text: str) -> bool:
    """Does this clause say which languages someone speaks ("Spanish pretty good")?"""
    return re.search(r"\b(speaks?|habla|fluent|fluido|nativ\w*|bilingu\w*|pretty good|"
                     r"muy bien|good|basic|basico|level|nivel)\b", fold(text)) is not None


_ALSO = re.compile(r"^(also|plus|and|y|tambien|ademas|otra cosa|aparte)\b|"
                   r"\b(too|also|tambien|ademas)\b")


# Words by which a wish points back at the problem just told: "Busca quien se lo haga",
# "asked if I knew someone good", "Wants proper classes".
_BACK = re.compile(r"\b(alguien|quien|algo|se lo|se la|someone|somebody|anyone|anybody|"
                   r"something|it|that|this|one|proper|good|bueno|buena|help|ayuda|consejo|"
                   r"advice|classes|clases|solucion|solution|fix it|arreglarlo)\b")


def points_back(text: str) -> bool:
    """Does this wish lean on what was said before ("asked who he should talk to",
    "busca quien se lo haga")?"""
    return _BACK.search(fold(text)) is not None or \
        re.search(r"\b(who|whom|quien|a quien)\b", fold(text)) is not None


def continues_need(text: str) -> bool:
    """Does this need sentence continue the previous one ("Busca quien se lo haga.")?

    Yes when it opens with an explicit want, points back at the problem just told
    ("quien se lo haga", "someone good", "proper classes") and does not announce something
    new ("Also wants...", "too"). "Busca fotógrafo para su boda" after a back pain is new.
    """
    folded = fold(text)
    if _ALSO.search(folded) or not _BACK.search(folded):
        return False
    m = explicit_need(folded)
    if m is None or len(folded[:m.start()].split()) > 2:
        return False
    # a wish with a subject of its own is a new need, even when it says "someone" or
    # "proper": "Wants someone to redo the pics of the villa before he relists it",
    # "Wants a proper eating plan, she's been living on sandwiches"
    return len(_content_words(folded[m.end():])) <= NEW_SUBJECT_WORDS - 1


# "she wants a second opinion before paying", "ella no sabe qué hacer": a sentence that
# opens with the person as a pronoun after a dash goes on with the thought before it
_PRONOUN_SUBJECT = re.compile(r"^(?:she|he|they|ella|el|ellos|ellas)(?:'s|'re|'d|'ll|\s)")


def tells_on(text: str) -> bool:
    """Does this sentence open with the person as a pronoun ("she wants...", "he's still
    got...")? After a dash, it tells more of the problem just told, not a new one."""
    return _PRONOUN_SUBJECT.match(fold(text)) is not None


NEW_SUBJECT_WORDS = 6  # content words after the want that make it a subject of its own

# short words that carry no subject, in either language (words under 4 letters never count)
_FUNCTION_WORDS = """
algo alguien alguna alguno algun cosa cosas como cuando donde esta este esto eso para pero
porque quien quiere quiera sabe sepa tiene todo unos unas with that this what which would
could should someone somebody anyone anybody something have from they them their there
just like some good proper bueno buena help ayuda ayude will won't doesn't isn't
"""
_FUNCTION = frozenset(_FUNCTION_WORDS.split())


def _content_words(folded: str) -> list[str]:
    return [w for w in re.findall(r"[a-z']+", folded)
            if len(w) >= 4 and w not in _FUNCTION]
