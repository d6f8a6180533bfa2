"""The knowledge as a later model reads it (problem phrasings and kind descriptions),
shipped with the package.

Why: a need's closest kinds of solver decide the knowledge signal and the kind fit that
abstention leans on. Read by both models, half and half, they are found better than by the
first model alone (stop 12, docs/matching.md round 8: dev MRR 0.847 → 0.876, both team
held-out sets gained too). But there are ~7,400 phrasings and the second model embeds
100-200 texts a second on two cores: one to two minutes for every new store. So the
vectors ship in ``knowledge/phrasings-<model>.npz`` as int8 rows with a scale each
(~3 MB), with the kinds' descriptions, and a fingerprint of the model and every text says
whether the file is current. When it is not (a knowledge file edited without ``make
train``), the store's cache embeds them: slow once, never wrong.

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


def _texts(kinds: Sequence[SolverKind]) -> tuple[list[str], list[str]]:
    return phrasings_of(kinds)[0], [k.description for k in kinds]


def _wanted(embedder: Embedder, kinds: Sequence[SolverKind]) -> str:
    phrasings, descriptions = _texts(kinds)
    return fingerprint(embedder.model_id("query"), phrasings + descriptions)


def _quantised(vectors: NDArray[np.float32]) -> tuple[NDArray[np.int8], NDArray[np.float32]]:
    import numpy as np

    scale = np.maximum(np.abs(vectors).max(axis=1), 1e-9) / 127.0
    return (np.round(vectors / scale[:, None]).astype(np.int8), scale.astype(np.float32))


def _read(path: Path, wanted: str, name: str) -> NDArray[np.float32] | None:
    """Array ``name`` ("phrasings" or "descriptions") of the file, when it is current."""
    import numpy as np

    if not path.exists():
        return None
    try:
        with np.load(path) as data:
            if str(data["fingerprint"]) != wanted:
                return None
            vectors = data[name].astype(np.float32) * data[f"{name}_scale"][:, None]
    except (OSError, ValueError, KeyError):
        return None  # a damaged file: embedded through the store's cache instead
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    out: NDArray[np.float32] = vectors.astype(np.float32)
    return out


_lock = threading.Lock()
_loaded: dict[tuple[str, str], NDArray[np.float32]] = {}


def _vectors(store: Store, embedder: Embedder, kinds: Sequence[SolverKind], name: str
             ) -> NDArray[np.float32]:
    from lazos.match import cache

    wanted = _wanted(embedder, kinds)
    with _lock:
        if (wanted, name) not in _loaded:
            found = _read(path_for(embedder), wanted, name)
            if found is None:
                phrasings, descriptions = _texts(kinds)
                found = (cache.embed(store, embedder, phrasings, "query") if name == "phrasings"
                         else cache.embed(store, embedder, descriptions, "passage"))
            _loaded[(wanted, name)] = found
        return _loaded[(wanted, name)]


def phrasing_vectors(store: Store, embedder: Embedder,
                     kinds: Sequence[SolverKind]) -> NDArray[np.float32]:
    """The phrasings' query vectors of ``embedder`` (one row per phrasing of
    :func:`phrasings_of`): the shipped file when current, else the store's cache."""
    return _vectors(store, embedder, kinds, "phrasings")


def description_vectors(store: Store, embedder: Embedder,
                        kinds: Sequence[SolverKind]) -> NDArray[np.float32]:
    """The kinds' description vectors of ``embedder`` (passages, one row per kind): the
    shipped file when current, else the store's cache."""
    return _vectors(store, embedder, kinds, "descriptions")


def build(embedder: Embedder) -> Path:
    """Embed every phrasing and description with ``embedder`` and write the shipped file."""
    import numpy as np

    kinds = load_kinds()
    phrasings, descriptions = _texts(kinds)
    asked, asked_scale = _quantised(embedder.encode(phrasings, "query"))
    described, described_scale = _quantised(embedder.encode(descriptions, "passage"))
    path = path_for(embedder)
    np.savez_compressed(path, phrasings=asked, phrasings_scale=asked_scale,
                        descriptions=described, descriptions_scale=described_scale,
                        fingerprint=np.array(_wanted(embedder, kinds)))
    return path


def main() -> None:
    """Rebuild the shipped file of every later model of the default pipeline."""
    from lazos.match.embedder import get_embedders

    for embedder in get_embedders()[1:]:
        path = build(embedder)
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
