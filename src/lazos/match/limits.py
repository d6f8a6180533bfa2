"""Stated limits: what a person says they do NOT do, and the needs it rules them out for.

People state limits with what they offer: "abogado de familia. Solo familia, nada de penal
ni mercantil", "osteopath, only treats people, not animals", "cerrajero, NO cámaras ni
alarmas", "therapist, adults only, no kids or teens". Texts that close are close for the
models too ("penal" brings the family lawyer nearer to "my son was arrested", and the
models barely hear a "no"), so a limit is read here, by plain rules, and the matcher
never suggests that person for a need that names what they exclude
(:func:`lazos.match.rank.score`, like a teacher of the wrong language).

What a limit can name is data (``knowledge/limits.txt``): a handful of things people
commonly exclude (children, animals, criminal cases, business premises, alarms, weekends
and emergencies, ...), each with the words that name it in both languages, and for "only
X" the thing it leaves out ("adults only" leaves out children, "solo particulares"
business premises). How a limit is said is the rules below:

- a negation followed by the thing: "nada de penal ni mercantil", "no kids or teens", "not
  animals", "sin urgencias", "won't touch roofs";
- the thing followed by a refusal: "alarmas tampoco", "lo de tráfico no lo toca",
  "herencias no";
- "only"/"solo" with a thing whose complement is listed: "solo particulares", "adults only".

A need's own words decide: "my 7-year-old cries before school" names children; "panic
attacks" names nothing, so a psychologist for children only is not ruled out by this (the
models and the knowledge decide as usual).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from lazos.text.fold import fold

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


@dataclass(frozen=True)
class Thing:
    """Something a limit can exclude, with the words that name it."""

    id: str
    complement: str | None
    exact: frozenset[str]
    prefixes: tuple[str, ...]


def parse_things(text: str) -> list[Thing]:
    """The lines of ``limits.txt`` (comments and blank lines skipped)."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3:
            raise ValueError(f"limits.txt line {number}: expected 3 tab-separated cells")
        words = [fold(w.strip()) for w in cells[2].split("|") if w.strip()]
        out.append(Thing(id=cells[0].strip(),
                         complement=None if cells[1].strip() == "-" else cells[1].strip(),
                         exact=frozenset(w for w in words if not w.endswith("*")),
                         prefixes=tuple(w[:-1] for w in words if w.endswith("*"))))
    return out


@lru_cache(maxsize=1)
def things() -> tuple[Thing, ...]:
    """The things of ``knowledge/limits.txt``, loaded once."""
    text = (resources.files("lazos.match") / "knowledge" / "limits.txt").read_text("utf-8")
    return tuple(parse_things(text))


# a negation and the words it covers (up to five, within the clause)
_NOT = re.compile(r"\b(?:nada de|ni|no|not|sin|nunca|never|except|excepto|salvo|won't|wont"
                  r"|doesn't|doesnt|don't|dont|does not|do not)\s+((?:[\w'/&+]+\s*){1,5})")
# words after "no" that start a statement, not a limit ("no tiene almacén", "no sabe...")
_NOT_A_LIMIT = re.compile(r"^(?:tiene|tienen|has|have|had|sabe|saben|know|knows|puede|pueden"
                          r"|can|es|is|esta|are|hay|there|le|les|lo|la|me|se|se le|quiere"
                          r"|wants|need|needs|necesita|busca|entiende|understand|da|gives)\b")
# the thing, then a refusal: "alarmas tampoco", "lo de tráfico/carnets no lo toca"
_REFUSED = re.compile(r"((?:[\w'/&+]+\s+){1,4})(?:tampoco|no lo toca|no la toca|no los toca"
                      r"|no las toca|no lo hace|no hace|no toca|no se sube|no\s*$)")
_ONLY = re.compile(r"\b(?:solo|solamente|unicamente|exclusivamente|only)\s+((?:[\w'/&+]+\s*){1,4})"
                   r"|((?:[\w'/&+]+\s+){1,2})only\b")
_CLAUSE_END = re.compile(r"[.;:,()\n]|\s[–—-]\s")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.replace("/", " "))


def _fold_chars(text: str) -> str:
    """:func:`fold` character by character (same length as ``text``), so that spans found
    in the folded text cut the text as written."""
    import unicodedata

    out = []
    for c in text:
        d = "".join(x for x in unicodedata.normalize("NFKD", c.casefold())
                    if not unicodedata.combining(x))
        out.append(d[:1] if d else " ")
    return "".join(out)


def _clauses(folded: str) -> list[tuple[int, str]]:
    """(start, clause) of each clause of a folded text."""
    out, pos = [], 0
    for m in _CLAUSE_END.finditer(folded):
        out.append((pos, folded[pos:m.start()]))
        pos = m.end()
    out.append((pos, folded[pos:]))
    return out


def _negated(folded: str) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, things) of each negation or refusal naming things of ``limits.txt``."""
    found = []
    for start, clause in _clauses(folded):
        for m in _NOT.finditer(clause):
            if _NOT_A_LIMIT.match(m.group(1)):
                continue
            if named_here := _things_in(_words(m.group(1))):
                found.append((start + m.start(), start + m.end(), named_here))
        for m in _REFUSED.finditer(clause):
            if named_here := _things_in(_words(m.group(1))):
                found.append((start + m.start(), start + m.end(), named_here))
    return found


# any word a limit can open with: texts without one are read in one regex search (a re-match
# of 10,000 people reads 20,000 offers on every run)
_ANY_CUE = re.compile(r"\b(?:no|not|ni|nada|sin|nunca|never|except|excepto|salvo|won'?t|doesn'?t"
                      r"|don'?t|does|do|tampoco|solo|sólo|solamente|únicamente|unicamente"
                      r"|exclusivamente|only)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def excluded(offer: str) -> frozenset[str]:
    """The things an offer text says its person does not do (ids of ``limits.txt``)."""
    if _ANY_CUE.search(offer) is None:
        return frozenset()
    folded = _fold_chars(offer)
    found: set[str] = set()
    for _, _, named_here in _negated(folded):
        found |= named_here
    complement = {t.id: t.complement for t in things() if t.complement}
    for _, clause in _clauses(folded):
        for m in _ONLY.finditer(clause):
            for t in _things_in(_words(m.group(1) or m.group(2))):
                if t in complement:
                    # "solo perros y gatos" leaves out horses and farm animals, and exotic pets
                    found.update(complement[t].split(","))
    return frozenset(found)


@lru_cache(maxsize=65536)
def without_limits(offer: str) -> str:
    """The offer as the models and the lexical index read it: without what it excludes
    ("abogada laboralista: despidos, herencias no" → "abogada laboralista: despidos").
    The words of a limit would bring the person closer to exactly what they exclude."""
    if _ANY_CUE.search(offer) is None:
        return offer
    spans = _negated(_fold_chars(offer))
    if not spans:
        return offer
    out, pos = [], 0
    for start, end, _ in sorted(spans):
        if start >= pos:
            out.append(offer[pos:start])
            pos = end
    out.append(offer[pos:])
    text = re.sub(r"\s*([,;:])(\s*[,;:])+", r"\1", "".join(out))
    text = re.sub(r"\(\s*[,;:]\s*", "(", text)
    text = re.sub(r"\(\s*\)|\s{2,}", " ", text).strip(" ,;:-–")
    return text or offer


def embedded(offers: list[str]) -> list[str]:
    """The texts to embed and search for a person's ``offers``: limit-only offers left out
    (:func:`is_limit`), the others :func:`without_limits`."""
    return [without_limits(o) for o in offers if not is_limit(o)]


@lru_cache(maxsize=65536)
def is_limit(offer: str) -> bool:
    """An offer that only limits what the person does ("Solo familia, nada de penal"): read
    for its limits, never embedded or searched as something they offer (its words would
    bring them closer to exactly what they exclude)."""
    from lazos.text.classify import states_limit

    return _ANY_CUE.search(offer) is not None and states_limit(offer)


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, frozenset[str]], re.Pattern[str] | None, dict[str, str]]:
    """Exact word → things, one regex for every prefix, and prefix → thing."""
    exact: dict[str, set[str]] = {}
    prefixes: dict[str, str] = {}
    for t in things():
        for w in t.exact:
            exact.setdefault(w, set()).add(t.id)
        for p in t.prefixes:
            prefixes[p] = t.id
    pattern = (re.compile("|".join(sorted(map(re.escape, prefixes), key=len, reverse=True)))
               if prefixes else None)
    return {w: frozenset(ids) for w, ids in exact.items()}, pattern, prefixes


def _things_in(folded_words: list[str]) -> frozenset[str]:
    """The things of ``limits.txt`` these folded words name (no word starts two things'
    prefixes, so the longest prefix that matches is the only one)."""
    exact, pattern, prefixes = _lookup()
    found: set[str] = set()
    for word in folded_words:
        found |= exact.get(word, frozenset())
        if pattern is not None and (m := pattern.match(word)) is not None:
            found.add(prefixes[m.group(0)])
    return frozenset(found)


@lru_cache(maxsize=65536)
def named(need: str) -> frozenset[str]:
    """The things of ``limits.txt`` a need's text names."""
    return _things_in(_words(fold(need)))


def limit_matrix(texts_per_person: Sequence[Sequence[str]]) -> NDArray[np.bool_]:
    """One row per person: True for each thing any of their offers excludes."""
    import numpy as np

    column = {t.id: i for i, t in enumerate(things())}
    out = np.zeros((len(texts_per_person), len(column)), dtype=bool)
    for row, offers in enumerate(texts_per_person):
        for offer in offers:
            for thing in excluded(offer):
                out[row, column[thing]] = True
    return out


def need_matrix(needs: list[str]) -> NDArray[np.bool_]:
    """One row per need: True for each thing it names."""
    import numpy as np

    column = {t.id: i for i, t in enumerate(things())}
    out = np.zeros((len(needs), len(column)), dtype=bool)
    for row, need in enumerate(needs):
        for thing in named(need):
            out[row, column[thing]] = True
    return out
