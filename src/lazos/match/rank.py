"""Fusion ranking: the three signals of :mod:`lazos.match.index` into one score per person.

Each signal is put on a common scale per need (z-scores over everyone in the network), so
no signal wins by having larger numbers; the lexical signal is scaled to [0, 1] because
it is zero for almost everyone. Weights were chosen by cross-validation on halves of the
development set (see ``bench/run.py``), not by looking at single needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lazos.match.index import KIND_SHARPNESS, KINDS_K, MatchIndex

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


@dataclass(frozen=True)
class Weights:
    hub: float = 1.0     # how much of each person's hubness is subtracted
    kb: float = 0.5      # knowledge two-hop signal, relative to the semantic one
    lex: float = 0.3     # BM25 (scaled to [0, 1] per need)


@dataclass
class Scores:
    """Scores of a batch of needs (rows) against every person in the index (columns)."""

    fused: NDArray[np.float32]
    sem: NDArray[np.float32]
    kb: NDArray[np.float32]
    lex: NDArray[np.float32]
    kinds: NDArray[np.int64]          # each need's closest solver kinds, best first
    kind_weights: NDArray[np.float32]
    kind_sim: NDArray[np.float32]     # similarity of the need to its best phrasing
    top_z: NDArray[np.float32] = field(default_factory=lambda: _empty())


def _empty() -> NDArray[np.float32]:
    import numpy as np

    return np.zeros(0, dtype=np.float32)


def _z(x: NDArray[np.float32]) -> NDArray[np.float32]:
    import numpy as np

    mean = x.mean(axis=1, keepdims=True)
    std = x.std(axis=1, keepdims=True)
    std[std < 1e-6] = 1.0
    return ((x - mean) / std).astype(np.float32)


def need_kinds(index: MatchIndex, qvec: NDArray[np.float32]
               ) -> tuple[NDArray[np.int64], NDArray[np.float32], NDArray[np.float32]]:
    """Each need's ``KINDS_K`` closest solver kinds, their weights, and the best similarity."""
    import numpy as np

    kn = index.knowledge
    n_kinds = len(kn.kinds)
    sims = qvec @ kn.problem_vecs.T                                   # needs × phrasings
    starts = np.searchsorted(kn.problem_kind, np.arange(n_kinds))
    per_kind = np.maximum.reduceat(sims, starts, axis=1)              # needs × kinds
    k = min(KINDS_K, n_kinds)
    top = np.argsort(-per_kind, axis=1)[:, :k]
    top_sims = np.take_along_axis(per_kind, top, axis=1)
    weights = np.exp(KIND_SHARPNESS * (top_sims - top_sims[:, :1]))
    weights /= weights.sum(axis=1, keepdims=True)
    return top, weights.astype(np.float32), top_sims[:, 0].astype(np.float32)


def score(index: MatchIndex, qvecs: list[NDArray[np.float32]], need_terms: list[list[str]],
          weights: Weights | None = None) -> Scores:
    """Score needs (one query-vector row per need, per embedder) against every person."""
    import numpy as np

    w = weights or Weights()
    sem = np.zeros((len(need_terms), len(index.person_ids)), dtype=np.float32)
    for q, pv, hub in zip(qvecs, index.person_vecs, index.hub, strict=True):
        sem += _z(q @ pv.T - w.hub * hub[None, :])
    sem /= max(len(qvecs), 1)
    kinds, kind_w, kind_sim = need_kinds(index, qvecs[0])
    aff = index.affinity - index.affinity.mean(axis=1, keepdims=True)  # person-side hubness
    kb = np.einsum("pnk,nk->np", aff[:, kinds], kind_w)               # needs × people
    kb = _z(kb.astype(np.float32))
    lex = np.stack([index.bm25.scores(t) for t in need_terms]) if need_terms else sem * 0
    top_lex = lex.max(axis=1, keepdims=True)
    top_lex[top_lex <= 0] = 1.0
    lex = (lex / top_lex).astype(np.float32)
    fused = (sem + w.kb * kb + w.lex * lex).astype(np.float32)
    return Scores(fused=fused, sem=sem, kb=kb, lex=lex, kinds=kinds, kind_weights=kind_w,
                  kind_sim=kind_sim)
