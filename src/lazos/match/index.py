"""The match index: everyone who offers something, as matrices ready to score needs.

Built once per network state (cached in ``store.cache`` and rebuilt only when an offer or
a person changes) from vectors that come from the embedding cache, so re-matching after a
small change costs almost nothing.

Signals for a need against every person (one row each):
- ``sem``: cosine between the need and the person's offers joined into one text, minus the
  person's *hubness* (mean of its 10 best similarities to a fixed reference set of generic
  needs, which never includes the needs being ranked): offers close to everything stop
  winning everywhere.
- ``kb``: the two-hop knowledge signal (need → kinds of solver → person), see
  :mod:`lazos.match.knowledge`.
- ``lex``: BM25 over folded, stemmed words (names, brands, rare terms).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from lazos.match import cache
from lazos.match.knowledge import SolverKind, load_kinds, load_reference_needs
from lazos.match.lexical import BM25, terms
from lazos.store import Store
from lazos.store.schema import OfferRow, PersonRow

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from lazos.match.embedder import Embedder

Progress = Callable[[int, int], None]
HUB_K = 10
KINDS_K = 3          # a need's knowledge weight is spread over its closest kinds
KIND_SHARPNESS = 20.0


@dataclass
class Knowledge:
    """Solver kinds with their vectors (problem phrasings and descriptions)."""

    kinds: list[SolverKind]
    problem_vecs: NDArray[np.float32]      # one row per phrasing
    problem_kind: NDArray[np.int64]        # which kind each phrasing belongs to
    kind_vecs: NDArray[np.float32]         # one row per kind (its description)


@dataclass
class MatchIndex:
    person_ids: NDArray[np.int64]
    names: list[str]
    offers: list[list[str]]                # each person's offer texts
    offer_vecs: list[NDArray[np.float32]]  # each person's offer vectors (primary model)
    person_vecs: list[NDArray[np.float32]]  # per embedder: joined offers, one row per person
    hub: list[NDArray[np.float32]]         # per embedder: hubness of each person
    affinity: NDArray[np.float32]          # person × kind similarity (primary model)
    bm25: BM25
    person_terms: list[list[str]]
    knowledge: Knowledge
    row_of: dict[int, int]


def joined(offers: Sequence[str]) -> str:
    return "; ".join(offers)


def load_knowledge(store: Store, embedder: Embedder,
                   progress: Progress | None = None) -> Knowledge:
    """The knowledge base with its vectors (cached in the store like any other text)."""
    import numpy as np

    key = f"knowledge:{embedder.model_id('query')}"
    found = store.cache.get(key)
    if isinstance(found, Knowledge):
        return found
    kinds = load_kinds()
    phrasings = [p for k in kinds for p in k.problems]
    owner = np.array([i for i, k in enumerate(kinds) for _ in k.problems], dtype=np.int64)
    problem_vecs = cache.embed(store, embedder, phrasings, "query", progress=progress)
    kind_vecs = cache.embed(store, embedder, [k.description for k in kinds], "passage")
    knowledge = Knowledge(kinds, problem_vecs, owner, kind_vecs)
    store.cache[key] = knowledge
    return knowledge


def _hubness(store: Store, embedder: Embedder, person_vecs: NDArray[np.float32]
             ) -> NDArray[np.float32]:
    import numpy as np

    key = f"reference:{embedder.model_id('query')}"
    ref = store.cache.get(key)
    if ref is None:
        ref = cache.embed(store, embedder, load_reference_needs(), "query")
        store.cache[key] = ref
    out = np.empty(len(person_vecs), dtype=np.float32)
    k = min(HUB_K, len(ref))
    for start in range(0, len(person_vecs), 4096):
        sims = person_vecs[start:start + 4096] @ ref.T
        top = np.partition(sims, sims.shape[1] - k, axis=1)[:, -k:]
        out[start:start + 4096] = top.mean(axis=1)
    return out


def _snapshot(store: Store) -> tuple[list[int], list[str], list[list[str]], str]:
    with store.read() as session:
        rows = session.execute(select(OfferRow.person_id, OfferRow.text)
                               .order_by(OfferRow.person_id, OfferRow.id)).all()
        names = dict(session.execute(select(PersonRow.id, PersonRow.name)).all())
    offers: dict[int, list[str]] = {}
    for pid, text in rows:
        offers.setdefault(pid, []).append(text)
    ids = sorted(offers)
    digest = hashlib.sha256()
    for pid in ids:
        digest.update(f"{pid}\x00{names.get(pid, '')}\x00{joined(offers[pid])}\x01".encode())
    return ids, [names.get(p, "") for p in ids], [offers[p] for p in ids], digest.hexdigest()


def build_index(store: Store, embedders: Sequence[Embedder], *,
                progress: Progress | None = None) -> MatchIndex:
    """The index for the store's current offers (reused while nothing has changed)."""
    import numpy as np

    ids, names, offers, signature = _snapshot(store)
    key = "match_index:" + ",".join(e.model_id("passage") for e in embedders)
    found = store.cache.get(key)
    if found is not None and found[0] == signature:
        return found[1]  # type: ignore[no-any-return]
    primary = embedders[0]
    knowledge = load_knowledge(store, primary)
    texts = [joined(o) for o in offers]
    person_vecs = [cache.embed(store, e, texts, "passage", progress=progress) for e in embedders]
    flat = [t for o in offers for t in o]
    flat_vecs = cache.embed(store, primary, flat, "passage", progress=progress)
    offer_vecs: list[NDArray[np.float32]] = []
    start = 0
    for o in offers:
        offer_vecs.append(flat_vecs[start:start + len(o)])
        start += len(o)
    hub = [_hubness(store, e, v) for e, v in zip(embedders, person_vecs, strict=True)]
    affinity = (person_vecs[0] @ knowledge.kind_vecs.T).astype(np.float32)
    person_terms = [terms(t) for t in texts]
    index = MatchIndex(
        person_ids=np.array(ids, dtype=np.int64), names=names, offers=offers,
        offer_vecs=offer_vecs, person_vecs=person_vecs, hub=hub, affinity=affinity,
        bm25=BM25(person_terms), person_terms=person_terms, knowledge=knowledge,
        row_of={pid: i for i, pid in enumerate(ids)})
    store.cache[key] = (signature, index)
    return index
