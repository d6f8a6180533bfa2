"""Reasons a person can read: who offers what, and what the need was, in both languages."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from lazos.i18n import Msg, msg
from lazos.match.index import MatchIndex
from lazos.match.knowledge import SolverKind
from lazos.match.lexical import _word_terms, terms
from lazos.text.fold import words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

_MAX = 90


def short(text: str, limit: int = _MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip(" ,;.") + "…"


def best_offer(index: MatchIndex, row: int, qvec: NDArray[np.float32]) -> str:
    offers = index.offers[row]
    if len(offers) == 1:
        return offers[0]
    return offers[int((index.person_offer_vecs(row) @ qvec).argmax())]


@lru_cache(maxsize=100_000)
def _term_set(text: str) -> frozenset[str]:
    return frozenset(terms(text))


def shared_words(need_words: Sequence[str], offer_text: str) -> list[str]:
    """Words of the need whose stem also appears in the offer ("espalda" ~ "espalda")."""
    offer_terms = _term_set(offer_text)
    found: list[str] = []
    for word in dict.fromkeys(need_words):
        if set(_word_terms(word)) & offer_terms:
            found.append(word)
    return found[:3]


def reason(index: MatchIndex, row: int, *, need_text: str, owner: str | None,
           qvec: NDArray[np.float32], kind: SolverKind | None,
           need_words: Sequence[str] | None = None) -> Msg:
    """"Marta — “treats back and knee injuries” (physiotherapist); Luis said: “my back hurts”"."""
    offer = short(best_offer(index, row, qvec))
    need = short(need_text, 70)
    helper = index.names[row]
    en = "{helper} — “{offer}”"
    es = "{helper} — «{offer}»"
    params: dict[str, str] = {"helper": helper, "offer": offer, "need": need}
    if kind is not None:
        en += " ({solver_en})"
        es += " ({solver_es})"
        params["solver_en"], params["solver_es"] = kind.solver_en, kind.solver_es
    if owner:
        en += "; {owner} said: “{need}”"
        es += "; {owner} dijo: «{need}»"
        params["owner"] = owner
    else:
        en += "; you asked: “{need}”"
        es += "; preguntaste: «{need}»"
    common = shared_words(words(need_text) if need_words is None else need_words, offer)
    if common:
        en += " (both mention {common})"
        es += " (ambos mencionan {common})"
        params["common"] = ", ".join(common)
    return msg(en, es, **params)


def look_for(kinds: list[SolverKind], need_text: str) -> Msg:
    """What kind of person to look for when nobody in the network can help yet."""
    if not kinds:
        return msg("Nobody you know can help with this yet: ask around for someone who can "
                   "help with “{need}”.",
                   "Nadie que conozcas puede ayudar con esto todavía: pregunta por alguien que "
                   "ayude con «{need}».", need=short(need_text, 70))
    return msg("Nobody you know can help with this yet. Look for: {kind_en}.",
               "Nadie que conozcas puede ayudar con esto todavía. Busca: {kind_es}.",
               kind_en=" or ".join(k.solver_en for k in kinds),
               kind_es=" o ".join(k.solver_es for k in kinds))
