"""Embeddings cached in the store, keyed by (model, content hash): never computed twice.

Why the store and not a file: the cache then travels with backups, works the same on
SQLite and PostgreSQL, and a text edited back to an old wording finds its old vector.
A per-process memo in ``store.cache`` saves even the database read on warm re-matches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from lazos.store import Store
from lazos.store.schema import EmbeddingRow

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from lazos.match.embedder import Embedder, Kind

_CHUNK = 500  # hashes per IN (...) query, and texts per model call


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _memo(store: Store, model: str) -> dict[str, NDArray[np.float32]]:
    memo: dict[str, dict[str, NDArray[np.float32]]] = store.cache.setdefault("embeddings", {})
    return memo.setdefault(model, {})


def embed(store: Store, embedder: Embedder, texts: Sequence[str], kind: Kind, *,
          progress: Callable[[int, int], None] | None = None,
          persist: bool = True) -> NDArray[np.float32]:
    """Vectors for ``texts`` (rows in order), computing only those never seen before.

    New vectors are written to the ``embeddings`` table (unless ``persist`` is false, for
    ad-hoc texts such as a ``who-can`` question). ``progress(done, total)`` is called
    while new texts are embedded.
    """
    import numpy as np

    model = embedder.model_id(kind)
    memo = _memo(store, model)
    hashes = [content_hash(t) for t in texts]
    if persist:
        _load(store, model, hashes)
    by_hash = dict(zip(hashes, texts, strict=True))
    missing = [h for h in dict.fromkeys(hashes) if h not in memo]
    for start in range(0, len(missing), _CHUNK):
        part = missing[start:start + _CHUNK]
        vectors = embedder.encode([by_hash[h] for h in part], kind)
        for h, vec in zip(part, vectors, strict=True):
            memo[h] = vec
        if persist:
            _save(store, model, dict(zip(part, vectors, strict=True)))
        if progress is not None:
            progress(min(start + _CHUNK, len(missing)), len(missing))
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.stack([memo[h] for h in hashes]).astype(np.float32, copy=False)


def missing(store: Store, embedder: Embedder, texts: Sequence[str], kind: Kind) -> list[str]:
    """The distinct texts among ``texts`` that have no vector yet (nothing is computed)."""
    model = embedder.model_id(kind)
    by_hash = {content_hash(t): t for t in texts}
    _load(store, model, list(by_hash))
    memo = _memo(store, model)
    return [t for h, t in by_hash.items() if h not in memo]


def _load(store: Store, model: str, hashes: Sequence[str]) -> None:
    """Bring the stored vectors of ``hashes`` into the per-process memo."""
    import numpy as np

    memo = _memo(store, model)
    wanted = [h for h in dict.fromkeys(hashes) if h not in memo]
    if not wanted:
        return
    with store.read() as session:
        for start in range(0, len(wanted), _CHUNK):
            part = wanted[start:start + _CHUNK]
            rows = session.execute(select(EmbeddingRow.content_hash, EmbeddingRow.vector)
                                   .where(EmbeddingRow.model == model,
                                          EmbeddingRow.content_hash.in_(part))).all()
            for h, blob in rows:
                memo[h] = np.frombuffer(blob, dtype=np.float32)


def _save(store: Store, model: str, vectors: dict[str, NDArray[np.float32]]) -> None:
    """Write new vectors; another process may have written some meanwhile (then skip those)."""
    import numpy as np
    from sqlalchemy.exc import IntegrityError

    def rows(hashes: Sequence[str]) -> list[EmbeddingRow]:
        return [EmbeddingRow(model=model, content_hash=h, dim=int(vectors[h].shape[0]),
                             vector=vectors[h].astype(np.float32).tobytes()) for h in hashes]

    try:
        with store.transaction() as session:
            session.add_all(rows(list(vectors)))
    except IntegrityError:
        with store.transaction() as session:
            present = set(session.scalars(select(EmbeddingRow.content_hash).where(
                EmbeddingRow.model == model, EmbeddingRow.content_hash.in_(list(vectors)))))
            session.add_all(rows([h for h in vectors if h not in present]))
