"""Baselines ranked on the same store as the production pipeline, for side-by-side figures.

- ``cosine``: the raw cosine of the default model between the need and each person's
  offers joined into one text (what the quality bar is measured against).
- ``bm25``: accent-folded, stemmed BM25 alone.
Both always suggest (they have no abstention).
"""

from __future__ import annotations

from typing import Any

from lazos.store import Store


def baseline_rankings(store: Store, need_keys: list[str], texts: list[str],
                      ids: dict[int, str], *, method: str, limit: int) -> list[dict[str, Any]]:
    import numpy as np

    from lazos.match import cache
    from lazos.match.embedder import get_embedders
    from lazos.match.index import build_index, joined
    from lazos.match.lexical import terms

    embedder = get_embedders()[0]
    index = build_index(store, [embedder])
    if method == "cosine":
        people = cache.embed(store, embedder, [joined(o) for o in index.offers], "passage")
        scores = cache.embed(store, embedder, texts, "query") @ people.T
    elif method == "bm25":
        scores = np.stack([index.bm25.scores(terms(t)) for t in texts])
    else:
        raise ValueError(f"unknown method {method!r}")
    out = []
    for key, row in zip(need_keys, scores, strict=True):
        top = np.argsort(-row, kind="stable")[:limit]
        out.append({"need": key, "suggest": True,
                    "ranking": [{"person": ids[int(index.person_ids[i])],
                                 "score": round(float(row[i]), 4), "why": method} for i in top]})
    return out
