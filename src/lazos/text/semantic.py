"""A second opinion from the sentence model, for sentences no lexicon word decided.

The lexicons (:mod:`lazos.text.lexicon`) decide most sentences, and say why. A sentence
with no cue at all would otherwise be read as a description of the person (an offer).
Here the bundled sentence model compares it with short examples of three things a line of
a networking note can be: a problem (a need), a description of what someone does (an
offer), or a remark about the person or the evening ("very warm", "gave me his card",
"fully booked until spring"), which is neither and must not become an offer: a remark
read as an offer makes its person look like a helper for whatever the remark is about.
When the sentence is clearly closer to one kind, that is the opinion, and a need names
the example it resembled ("sounds like “the roof leaks when it rains”"). Deterministic:
the same sentence always gets the same opinion.

Why examples and not a trained classifier: they are readable, bilingual, and a wrong
opinion is fixed by adding one example here, not by retraining. The examples are generic
(written from everyday networking, never copied from a benchmark night).
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
    "the bank fees eat a big part of what he earns", "las comisiones del banco se le comen el margen",
    "the heating stopped working and it's freezing at home", "lleva una semana sin agua caliente",
    "her daughter cries every day after school", "su hijo no quiere ir al colegio",
    "his father had a stroke and comes home next month", "a su madre le han diagnosticado demencia",
    "the family can't agree on how to split the inheritance",
    "los hermanos no se ponen de acuerdo con la herencia",
    "he's been sending CVs for months and nobody answers", "lleva meses buscando trabajo sin suerte",
    "the insurance doesn't want to pay for the damage", "el seguro no le quiere pagar los daños",
    "his knee has been swollen since the match", "se torció el tobillo y sigue cojeando",
    "half his clients don't show up to their appointments", "le fallan muchos clientes a las citas",
    "she's pregnant and self-employed and doesn't know her rights",
    "está embarazada y no sabe qué papeles hacer",
)
OFFER_EXAMPLES: tuple[str, ...] = (
    "plumber, works on her own", "fontanero autónomo", "runs a small bakery",
    "tiene una panadería", "freelance web designer", "diseñador gráfico freelance",
    "employment lawyer", "abogada laboralista", "teaches English to companies",
    "da clases de inglés", "accountant for small businesses", "asesor fiscal para autónomos",
    "has a van and does small moves", "tiene furgoneta y hace portes", "physiotherapist",
    "fisioterapeuta deportiva", "knows everyone in the local startup scene",
    "conoce a mucha gente del sector", "angel investor in early startups",
    "inversor en startups", "photographer for weddings and products", "fotógrafa de producto",
    "worked twenty years in a bank's risk department", "fue jefe de compras en una cadena de hoteles",
    "does the books for a few restaurants", "lleva la contabilidad de varias tiendas",
    "builds apps and booking systems for small clinics", "hace webs y tiendas online",
    "owns a garage that repairs vans", "tiene un taller mecánico",
    "organises concerts and summer festivals", "organiza eventos y bodas",
)
REMARK_EXAMPLES: tuple[str, ...] = (
    "very friendly, great sense of humour", "muy majo, super simpático", "a bit shy at first",
    "muy seria pero agradable", "gave me his card", "me pasó su número",
    "we swapped emails", "le di mi tarjeta", "said she'd come to the next meetup",
    "vendrá al próximo evento", "fully booked until the summer", "no tiene hueco hasta marzo",
    "came with his wife and two friends", "vino con su socio", "I owe her a favour",
    "le debo una", "we had a good laugh", "nos reímos mucho", "looked tired but happy",
    "se le veía contento", "her instagram is @anna_studio", "su web es muy chula",
    "met him through Carlos", "la conocí por una amiga", "left early",
    "se fue pronto", "spoke Spanish with me all night", "habla un inglés perfecto",
    "tall guy with glasses", "lleva barba y gafas", "wants to stay in touch",
    "quiere que sigamos en contacto",
    "interesting conversation about football", "hablamos un rato de fútbol",
)
MARGIN = 0.04     # how much closer to the problems than to the descriptions, in cosine
MIN_NEED = 0.32   # and how close to some problem at all (below, it is only vaguely alike)


@dataclass(frozen=True)
class Opinion:
    """What the model thinks a sentence is, and the example it resembled most."""

    kind: str          # "need", "offer" or "remark"
    example: str
    similarity: float


_lock = threading.Lock()
_examples: dict[str, Any] = {}


def _example_vectors(embedder: Any) -> tuple[Any, Any, Any]:
    key = embedder.model_id("query")
    with _lock:
        if key not in _examples:
            _examples[key] = (embedder.encode(list(NEED_EXAMPLES), "query"),
                              embedder.encode(list(OFFER_EXAMPLES), "query"),
                              embedder.encode(list(REMARK_EXAMPLES), "query"))
        need, offer, remark = _examples[key]
    return need, offer, remark


def model_opinions(texts: Sequence[str]) -> list[Opinion | None]:
    """The model's opinion on each text (None when it is not clearly one or the other).

    With ``LAZOS_EMBEDDER=fake`` (tests about something else) there is no opinion.
    """
    from lazos.config import load_settings

    if not texts or load_settings().embedder == "fake":
        return [None] * len(texts)
    from lazos.match.embedder import get_embedders

    embedder = get_embedders()[0]
    need, offer, remark = _example_vectors(embedder)
    vectors = embedder.encode(list(texts), "query")
    sims = [vectors @ need.T, vectors @ offer.T, vectors @ remark.T]
    kinds = (("need", NEED_EXAMPLES), ("offer", OFFER_EXAMPLES), ("remark", REMARK_EXAMPLES))
    out: list[Opinion | None] = []
    for i in range(len(texts)):
        best = [int(m[i].argmax()) for m in sims]
        value = [float(m[i, b]) for m, b in zip(sims, best, strict=True)]
        order = sorted(range(3), key=lambda k: -value[k])
        top, runner_up = order[0], order[1]
        if value[top] - value[runner_up] < MARGIN or (top == 0 and value[0] < MIN_NEED):
            out.append(None)
            continue
        kind, examples = kinds[top]
        out.append(Opinion(kind, examples[best[top]], round(value[top], 2)))
    return out


@dataclass(frozen=True)
class Reading:
    """How sure the trained note reader (:mod:`lazos.text.kind_model`) is of each kind."""

    need: float
    offer: float
    remark: float

    @property
    def kind(self) -> str:
        """The most likely kind."""
        return max(("need", "offer", "remark"), key=lambda k: float(getattr(self, k)))

    @property
    def probability(self) -> float:
        """How sure it is of :attr:`kind` (0-1)."""
        return float(getattr(self, self.kind))


def trained_readings(texts: Sequence[str]) -> list[Reading | None]:
    """The trained reader's probabilities for each text (None with ``LAZOS_EMBEDDER=fake``)."""
    from lazos.config import load_settings

    if not texts or load_settings().embedder == "fake":
        return [None] * len(texts)
    from lazos.match.embedder import get_embedders
    from lazos.text import kind_model

    embedders = get_embedders()
    model = kind_model.load(embedders)
    probabilities = model.probabilities(kind_model.encode(embedders, texts))
    return [Reading(round(float(p[0]), 3), round(float(p[1]), 3), round(float(p[2]), 3))
            for p in probabilities]
