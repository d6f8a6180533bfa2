"""The knowledge's problem phrasings as a later model reads them, shipped with the package.

Why: a need's closest kinds of solver decide the knowledge signal and the kind fit that
abstention leans on. Read by both models, half and half, they are found better than by the
first model alone (stop 12, docs/matching.md round 8: dev MRR 0.847 → 0.876, both team
held-out sets gained too). But there are ~7,400 phrasings and the second model embeds ~200
texts a second on two cores: over half a minute for every new store. So the vectors ship
in ``knowledge/phrasings-<model>.npz`` as int8 rows with a scale each (~3 MB), and a
fingerprint of the model and every phrasing says whether the file is current. When it is
not (a knowledge file edited without ``make train``), the store's cache embeds them: slow
once, never wrong.

Rebuild with ``make train`` (``python -m lazos.match.phrasings``).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from lazos.match.knowledge import SolverKind, load_kinds

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from lazos.match.embedder import Embedder
    from lazos.store import Store

KNOWLEDGE_DIR = Path(str(resources.files("lazos.match") / "knowledge"))


def phrasings_of(kinds: Sequence[SolverKind]) -> tuple[list[str], list[int]]:
    """Every phrasing a need may be compared with, and the kind (index) it belongs to.

    A need may name the solver itself ("necesito un abogado de patentes"): the kind's
    names count as phrasings too."""
    texts: list[str] = []
    owner: list[int] = []
    for i, kind in enumerate(kinds):
        for text in (*kind.problems, kind.solver_en, kind.solver_es):
            texts.append(text)
            owner.append(i)
    return texts, owner


def fingerprint(model_id: str, texts: Sequence[str]) -> str:
    digest = hashlib.sha256(model_id.encode())
    for text in texts:
        digest.update(b"\x00" + text.encode())
    return digest.hexdigest()[:24]


def path_for(embedder: Embedder) -> Path:
    return KNOWLEDGE_DIR / f"phrasings-{embedder.name}.npz"


def _quantised(vectors: NDArray[np.float32]) -> tuple[NDArray[np.int8], NDArray[np.float32]]:
    import numpy as np

    scale = np.maximum(np.abs(vectors).max(axis=1), 1e-9) / 127.0
    return (np.round(vectors / scale[:, None]).astype(np.int8), scale.astype(np.float32))


def _read(path: Path, wanted: str) -> NDArray[np.float32] | None:
    import numpy as np

    if not path.exists():
        return None
    with np.load(path) as data:
        if str(data["fingerprint"]) != wanted:
            return None
        vectors = data["vectors"].astype(np.float32) * data["scale"][:, None]
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    out: NDArray[np.float32] = vectors.astype(np.float32)
    return out


_lock = threading.Lock()
_loaded: dict[str, NDArray[np.float32]] = {}


def phrasing_vectors(store: Store, embedder: Embedder,
                     kinds: Sequence[SolverKind] | None = None) -> NDArray[np.float32]:
    """The phrasings' query vectors of ``embedder`` (one row per phrasing of
    :func:`phrasings_of`): the shipped file when current, else embedded through the store's
    cache."""
    from lazos.match import cache

    texts, _ = phrasings_of(kinds if kinds is not None else load_kinds())
    wanted = fingerprint(embedder.model_id("query"), texts)
    with _lock:
        if wanted not in _loaded:
            found = _read(path_for(embedder), wanted)
            if found is None:
                found = cache.embed(store, embedder, texts, "query")
            _loaded[wanted] = found
        return _loaded[wanted]


def build(embedder: Embedder) -> Path:
    """Embed every phrasing with ``embedder`` and write the shipped file."""
    import numpy as np

    texts, _ = phrasings_of(load_kinds())
    vectors, scale = _quantised(embedder.encode(texts, "query"))
    path = path_for(embedder)
    np.savez_compressed(path, vectors=vectors, scale=scale,
                        fingerprint=np.array(fingerprint(embedder.model_id("query"), texts)))
    return path


def main() -> None:
    """Rebuild the shipped file of every later model of the default pipeline."""
    from lazos.match.embedder import get_embedders

    for embedder in get_embedders()[1:]:
        path = build(embedder)
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
