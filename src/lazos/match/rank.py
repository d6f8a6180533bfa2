"""Fusion ranking: the three signals of :mod:`lazos.match.index` into one score per person.

Each signal is put on a common scale per need (z-scores over everyone in the network), so
no signal wins by having larger numbers; the lexical signal is scaled to [0, 1] because
it is zero for almost everyone. The default weights were set before any tuning and held
up under 2-fold cross-validation on the development needs (docs/benchmarks.md).

Why the algebra in :func:`score`: the semantic and knowledge signals are linear in each
person's features, and their per-need means and spreads follow from precomputed moments
(:class:`~lazos.match.index.SemStats`). So the whole fused score of a batch of needs is
ONE matrix product with ``index.features`` plus sparse BM25 additions: ranking one need
against 100,000 offers costs about what the bare cosine does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lazos.match.index import KIND_LEX, KIND_SHARPNESS, KINDS_K, MatchIndex

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


@dataclass(frozen=True)
class Weights:
    # how much of each person's hubness is subtracted. Stop 13: 1.0 -> 0.5, chosen because
    # all three sets agreed on MRR (dev 0.876 -> 0.885, team held-out 0.780 -> 0.784,
    # team_heldout2 0.811 -> 0.819), R@5 rose on both held-out sets (0.898 -> 0.909,
    # 0.932 -> 0.938) and fell on dev (0.964 -> 0.945); docs/matching.md, round 9
    hub: float = 0.5
    kb: float = 0.5     # knowledge two-hop signal, relative to the semantic one
    lex: float = 0.3     # BM25 (scaled to [0, 1] per need)
    lang: float = 1.0    # language fit: + when a person names a language the need names,
    #                      − when they name only other languages ("Spanish" vs "Mandarin")
    limit: float = 3.0   # taken from a person whose stated limits exclude what the need
    #                      names ("nada de penal" for "my son was arrested"): lazos.match.limits


@dataclass
class Scores:
    """Scores of a batch of needs (rows) against every person in the index (columns)."""

    fused: NDArray[np.float32]
    kinds: NDArray[np.int64]          # each need's closest solver kinds, best first
    kind_weights: NDArray[np.float32]
    kind_sim: NDArray[np.float32]     # similarity of the need to its best phrasing
    queries: NDArray[np.float32]      # the needs' vectors (default model)
    person_vecs: NDArray[np.float32]  # the people's vectors (default model)
    person_kinds: NDArray[np.int64]   # each person's strongest solver kinds, best first
    kind_scores: NDArray[np.float32]  # closeness of each need to every kind of solver
    n_models: int = 1                 # embedders whose semantic signals were fused
    need_langs: NDArray[np.float32] | None = None    # needs × language concepts they name
    person_langs: NDArray[np.float32] | None = None  # people × language concepts they name
    ruled_out: NDArray[np.bool_] | None = None       # needs × people their limits exclude
    person_affinity: NDArray[np.float32] | None = None  # people × kinds (centred per person)

    def clashes(self, rows: NDArray[np.int64]) -> NDArray[np.bool_]:
        """:meth:`clash` of every need (row of ``rows``) with each candidate."""
        import numpy as np

        out = self.language_clashes(rows)
        if self.ruled_out is not None:
            out = out | np.take_along_axis(self.ruled_out, rows, axis=1)
        return out

    def clash(self, i: int, row: int) -> bool:
        """Person ``row`` cannot be the one for need ``i``: they teach or translate only
        other languages, or their stated limits exclude what the need names."""
        return self.language_clash(i, row) or (
            self.ruled_out is not None and bool(self.ruled_out[i, row]))

    def kind_fit(self, i: int, row: int) -> float:
        """How much need ``i`` is about what person ``row`` does: its closeness to the
        person's two strongest kinds, minus its closeness to its own closest kind (≤ 0)."""
        own = self.kind_scores[i, self.person_kinds[row, :2]].max()
        return float(own - self.kind_scores[i].max())

    def kind_fits(self, rows: NDArray[np.int64], strength: float = 0.0) -> NDArray[np.float32]:
        """:meth:`kind_fit` of every need (row of ``rows``) with each of its candidates.

        With ``strength`` > 0, how much each candidate IS the kind counts too: the fit is
        the best, over every kind, of the need's closeness to it (minus its closest kind's)
        plus ``strength`` × the person's affinity to it (minus their strongest kind's). A
        groomer whose second-closest kind is hairdresser then fits "my hairdresser closed"
        less than a hairdresser does (docs/matching.md, round 11).
        """
        import numpy as np

        if strength and self.person_affinity is not None:
            c = self.kind_scores
            a = self.person_affinity[rows]                                 # needs × k × kinds
            gap = (c - c.max(axis=1, keepdims=True))[:, None, :] \
                + strength * (a - a.max(axis=2, keepdims=True))
            return np.asarray(gap.max(axis=2), dtype=np.float32)
        strongest = self.person_kinds[rows][..., :2]                  # needs × k × 2
        own = np.take_along_axis(self.kind_scores[:, None, :],
                                 strongest.reshape(len(rows), -1)[:, None, :], axis=2)
        own = own.reshape(strongest.shape).max(axis=2)
        fits: NDArray[np.float32] = own - self.kind_scores.max(axis=1, keepdims=True)
        return fits

    def language_clashes(self, rows: NDArray[np.int64]) -> NDArray[np.bool_]:
        """:meth:`language_clash` of every need (row of ``rows``) with each candidate."""
        import numpy as np

        if self.need_langs is None or self.person_langs is None:
            return np.zeros(rows.shape, dtype=bool)
        wanted, named = self.need_langs[:, None, :], self.person_langs[rows]
        clash = (wanted.any(axis=2) & named.any(axis=2) & ~(wanted * named).any(axis=2))
        return np.asarray(clash, dtype=bool)

    def language_clash(self, i: int, row: int) -> bool:
        """Need ``i`` names a language and person ``row`` names only other ones (a teacher
        of Mandarin for "Spanish lessons", a Japanese translator for a Russian speaker)."""
        if self.need_langs is None or self.person_langs is None:
            return False
        wanted, named = self.need_langs[i], self.person_langs[row]
        return bool(wanted.any() and named.any() and not (wanted * named).any())

    def raw(self, i: int, row: int) -> float:
        """Plain cosine of the default model between need ``i`` and person ``row``."""
        return float(self.queries[i] @ self.person_vecs[row])


# How much a later model's reading of the phrasings counts in a need's closeness to each
# kind (stop 12, round 8: half and half lifted dev MRR 0.847 -> 0.876, team held-out 0.772 ->
# 0.780 and team_heldout2 0.805 -> 0.811; both held-out sets refused more "nobody" needs)
KIND_MODELS_SHARE = 0.5


def need_kinds(index: MatchIndex, qvec: NDArray[np.float32], need_terms: list[list[str]],
               more: Sequence[NDArray[np.float32]] = ()
               ) -> tuple[NDArray[np.int64], NDArray[np.float32], NDArray[np.float32],
                          NDArray[np.float32]]:
    """Each need's ``KINDS_K`` closest solver kinds, their weights, the best similarity, and
    the closeness of the need to every kind (needs × kinds).

    A kind's closeness is its best phrasing's cosine, plus ``KIND_LEX`` × the BM25 of the
    need against all the kind's words (scaled to [0, 1] per need). ``more``: the needs'
    vectors of the later models; where the index has their phrasing vectors, the first
    later model's closeness, put on the first model's scale per need, counts
    ``KIND_MODELS_SHARE``.
    """
    import numpy as np

    kn = index.knowledge
    n_kinds = len(kn.kinds)
    sims = qvec @ kn.problem_vecs.T                                   # needs × phrasings
    starts = np.searchsorted(kn.problem_kind, np.arange(n_kinds))
    per_kind = np.maximum.reduceat(sims, starts, axis=1)              # needs × kinds
    if len(more) and index.problem_vecs_more:
        other = np.maximum.reduceat(more[0] @ index.problem_vecs_more[0].T, starts, axis=1)
        # the later model's cosines sit in a narrower band: match mean and spread per need
        mean, spread = per_kind.mean(axis=1, keepdims=True), per_kind.std(axis=1, keepdims=True)
        other = (other - other.mean(axis=1, keepdims=True)) \
            / np.maximum(other.std(axis=1, keepdims=True), 1e-9) * spread + mean
        per_kind = (1 - KIND_MODELS_SHARE) * per_kind + KIND_MODELS_SHARE * other
    for i, query_terms in enumerate(need_terms):
        ids, vals = kn.lexical.sparse(query_terms)
        if len(ids):
            per_kind[i, ids] += (KIND_LEX / float(vals.max())) * vals
    k = min(KINDS_K, n_kinds)
    top = np.argsort(-per_kind, axis=1)[:, :k]
    top_sims = np.take_along_axis(per_kind, top, axis=1)
    weights = np.exp(KIND_SHARPNESS * (top_sims - top_sims[:, :1]))
    weights /= weights.sum(axis=1, keepdims=True)
    return (top, weights.astype(np.float32), top_sims[:, 0].astype(np.float32),
            per_kind.astype(np.float32))


def _spread(var: NDArray[np.float64]) -> NDArray[np.float64]:
    import numpy as np

    sd = np.sqrt(np.maximum(var, 0.0))
    sd[sd < 1e-6] = 1.0
    return sd


def _language_fit(index: MatchIndex, need_terms: list[list[str]],
                  fused: NDArray[np.float32], weight: float) -> NDArray[np.float32] | None:
    """A need that names a language ("Spanish lessons", "negociar en inglés") favours the
    people who name that language and disfavours those who name only other ones (a teacher
    of Mandarin for "Spanish lessons"); people who name no language are left alone.

    Returns the languages each need names (needs × language concepts), or None when nobody
    in the network names a language."""
    import numpy as np

    from lazos.match.index import language_matrix

    if not index.langs.shape[1] or not index.langs.any():
        return None
    wanted = language_matrix(need_terms)
    rows = np.flatnonzero(wanted.any(axis=1))
    if not len(rows) or not weight:
        return wanted
    named = (index.langs.sum(axis=1) > 0)[None, :]
    shared = (wanted[rows] @ index.langs.T) > 0                       # needs × people
    fit = np.where(shared, 1.0, np.where(named, -1.0, 0.0)).astype(np.float32)
    fused[rows] += weight * fit
    return wanted


SHORTLIST_ABOVE = 20_000  # people; in larger networks a later model rescores a shortlist
SHORTLIST = 500           # each need's best people so far, rescored by a later model


def _add_model(index: MatchIndex, model: int, qvec: NDArray[np.float32],
               fused: NDArray[np.float32], hub_weight: float, n_models: int) -> None:
    """Add a later model's semantic z-score (its share ``1 / n_models``) to ``fused``.

    The z-scores' means and spreads over everyone come from the stored moments (exact). In
    networks above ``SHORTLIST_ABOVE`` people only each need's best ``SHORTLIST`` so far
    are rescored (everyone else keeps the model's mean, z = 0): one need against 100,000
    people then costs a 500-row product instead of a second pass over every vector.
    """
    import numpy as np

    pv, hub, st = index.person_vecs[model], index.hub[model], index.stats[model]
    q = qvec.astype(np.float64)
    mean = q @ st.mean - hub_weight * st.hub_mean
    second = np.einsum("bi,bi->b", q @ st.second, q) - 2 * hub_weight * (q @ st.hub_cross) \
        + hub_weight ** 2 * st.hub_sq
    scale = (1.0 / _spread(second - mean ** 2) / n_models).astype(np.float32)
    shift = mean.astype(np.float32)
    if fused.shape[1] <= SHORTLIST_ABOVE:
        x = qvec @ pv.T - hub_weight * hub[None, :]
        fused += (x - shift[:, None]) * scale[:, None]
        return
    top = np.argpartition(-fused, SHORTLIST, axis=1)[:, :SHORTLIST]
    for i, rows in enumerate(top):
        # pv may be half precision here (index.COMPACT_ABOVE): the 500 rows are cast back
        x = pv[rows].astype(np.float32) @ qvec[i] - hub_weight * hub[rows]
        fused[i, rows] += (x - shift[i]) * scale[i]


def score(index: MatchIndex, qvecs: list[NDArray[np.float32]], need_terms: list[list[str]],
          weights: Weights | None = None, need_texts: Sequence[str] | None = None) -> Scores:
    """Score needs (one query-vector row per need, per embedder) against every person.

    fused = z(cos − hub·w.hub) + w.kb · z(knowledge) + w.lex · BM25/max(BM25), with the
    z-scores taken over all people in the index; with several embedders the semantic term
    is the mean of their z-scores. ``qvecs`` may hold fewer models than the index (a
    second model's need vectors not computed yet): the others are then left out.
    ``need_texts`` (the needs as written) lets stated limits rule people out.
    """
    import numpy as np

    w = weights or Weights()
    qvecs = qvecs[:len(index.person_vecs)]
    n_needs, n_models = len(need_terms), len(qvecs)
    d, n_kinds = index.dim, len(index.knowledge.kinds)
    q = qvecs[0].astype(np.float64)
    kinds, kind_w, kind_sim, kind_scores = need_kinds(index, qvecs[0], need_terms, qvecs[1:])
    kw = np.zeros((n_needs, n_kinds), dtype=np.float64)
    np.put_along_axis(kw, kinds, kind_w.astype(np.float64), axis=1)
    st = index.stats[0]
    # semantic: x = q·p − β·hub; E[x] and E[x²] over people from the stored moments
    mean_s = q @ st.mean - w.hub * st.hub_mean
    second = np.einsum("bi,bi->b", q @ st.second, q) - 2 * w.hub * (q @ st.hub_cross) \
        + w.hub ** 2 * st.hub_sq
    a = 1.0 / _spread(second - mean_s ** 2) / n_models
    # knowledge: k = Σ_t weight_t · affinity_t
    mean_k = kw @ index.aff_mean
    b = w.kb / _spread(np.einsum("bt,bt->b", kw @ index.aff_cov, kw))
    query = np.empty((n_needs, d + n_kinds + 2), dtype=np.float32)
    query[:, :d] = q * a[:, None]
    query[:, d:d + n_kinds] = kw * b[:, None]
    query[:, d + n_kinds] = -w.hub * a
    query[:, d + n_kinds + 1] = -(a * mean_s + b * mean_k)
    fused = query @ index.features.T                                   # needs × people
    for model in range(1, n_models):
        _add_model(index, model, qvecs[model], fused, w.hub, n_models)
    if w.lex:
        for i, query_terms in enumerate(need_terms):
            ids, vals = index.bm25.sparse(query_terms)
            if len(ids):
                fused[i, ids] += (w.lex / float(vals.max())) * vals
    need_langs = _language_fit(index, need_terms, fused, w.lang)
    ruled_out = None
    if need_texts is not None and index.limits.any():
        from lazos.match.limits import need_matrix

        named = need_matrix(list(need_texts))
        if named.any():  # most needs name nothing a limit can exclude
            ruled_out = (named.astype(np.float32) @ index.limits.T.astype(np.float32)) > 0
            fused[ruled_out] -= w.limit
    return Scores(fused=fused, kinds=kinds, kind_weights=kind_w, kind_sim=kind_sim,
                  queries=qvecs[0], person_vecs=index.person_vecs[0],
                  person_kinds=index.top_kinds, kind_scores=kind_scores, n_models=n_models,
                  need_langs=need_langs, person_langs=index.langs, ruled_out=ruled_out,
                  person_affinity=index.affinity)
