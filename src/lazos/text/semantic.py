"""A second opinion from the sentence model, for sentences no lexicon word decided.

The lexicons (:mod:`lazos.text.lexicon`) decide almost every sentence, and say why. A
sentence with no cue at all would otherwise be read as a description of the person (an
offer). Here the bundled sentence model compares it with short examples of problems and of
descriptions in both languages; when it is clearly closer to the problems, it is proposed
as a need, and the proposal names the example it resembled ("sounds like “the roof leaks
when it rains”"). Deterministic: the same sentence always gets the same opinion.

Why examples and not a trained classifier: they are readable, bilingual, and a wrong
opinion is fixed by adding one example here, not by retraining.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

NEED_EXAMPLES: tuple[str, ...] = (
    "the roof leaks when it rains", "se le inunda el baño", "his car broke down again",
    "se le ha estropeado la caldera", "her back hurts all the time", "no duerme bien",
    "she feels anxious and alone", "está muy estresado con el trabajo",
    "his visa runs out soon", "le caduca el permiso de residencia",
    "they were fired without notice", "le han despedido sin pagarle",
    "nobody buys from their online shop", "el negocio no tiene clientes",
    "they can't find staff", "no encuentra a nadie para trabajar",
    "his son is failing at school", "su hija suspende matemáticas",
    "they got a letter from the tax office", "tiene deudas con Hacienda",
    "the landlord wants them out", "el casero le sube el alquiler",
    "her computer was hacked", "le robaron en la tienda", "their website looks ancient",
    "su web está anticuada", "her mother cannot live alone any more",
    "su padre necesita cuidados en casa", "they are moving to another city", "se muda a Madrid",
)
OFFER_EXAMPLES: tuple[str, ...] = (
    "plumber, works on her own", "fontanero autónomo", "runs a small bakery",
    "tiene una panadería", "freelance web designer", "diseñador gráfico freelance",
    "employment lawyer", "abogada laboralista", "teaches English to companies",
    "da clases de inglés", "accountant for small businesses", "asesor fiscal para autónomos",
    "has a van and does small moves", "tiene furgoneta y hace portes", "physiotherapist",
    "fisioterapeuta deportiva", "knows every investor in town", "conoce a mucha gente del sector",
    "speaks Japanese and Spanish", "habla chino e inglés", "angel investor in early startups",
    "inversor en startups", "photographer for weddings and products", "fotógrafa de producto",
    "from Poland, lives here for years", "argentino, vive aquí desde hace años",
)
MARGIN = 0.04     # how much closer to the problems than to the descriptions, in cosine
MIN_NEED = 0.32   # and how close to some problem at all (below, it is only vaguely alike)


@dataclass(frozen=True)
class Opinion:
    """What the model thinks a sentence is, and the example it resembled most."""

    kind: str          # "need" or "offer"
    example: str
    similarity: float


_lock = threading.Lock()
_examples: dict[str, Any] = {}


def _example_vectors(embedder: Any) -> tuple[Any, Any]:
    key = embedder.model_id("query")
    with _lock:
        if key not in _examples:
            _examples[key] = (embedder.encode(list(NEED_EXAMPLES), "query"),
                              embedder.encode(list(OFFER_EXAMPLES), "query"))
        need, offer = _examples[key]
    return need, offer


def model_opinions(texts: Sequence[str]) -> list[Opinion | None]:
    """The model's opinion on each text (None when it is not clearly one or the other).

    With ``LAZOS_EMBEDDER=fake`` (tests about something else) there is no opinion.
    """
    from lazos.config import load_settings

    if not texts or load_settings().embedder == "fake":
        return [None] * len(texts)
    from lazos.match.embedder import get_embedders

    embedder = get_embedders()[0]
    need, offer = _example_vectors(embedder)
    vectors = embedder.encode(list(texts), "query")
    need_sim = vectors @ need.T
    offer_sim = vectors @ offer.T
    out: list[Opinion | None] = []
    for i in range(len(texts)):
        best_need, best_offer = int(need_sim[i].argmax()), int(offer_sim[i].argmax())
        n, o = float(need_sim[i, best_need]), float(offer_sim[i, best_offer])
        if n - o >= MARGIN and n >= MIN_NEED:
            out.append(Opinion("need", NEED_EXAMPLES[best_need], round(n, 2)))
        elif o - n >= MARGIN:
            out.append(Opinion("offer", OFFER_EXAMPLES[best_offer], round(o, 2)))
        else:
            out.append(None)
    return out
