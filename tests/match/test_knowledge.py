"""The knowledge files parse, are broad, and the hubness reference never holds ranked needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lazos.match.knowledge import _parse, load_kinds, load_reference_needs
from tests.conftest import SHARED


def test_knowledge_is_broad_and_well_formed():
    kinds = load_kinds()
    assert len(kinds) >= 170
    assert len({k.id for k in kinds}) == len(kinds)
    assert sum(len(k.problems) for k in kinds) >= 2000
    for kind in kinds:
        assert len(kind.problems) >= 4, kind.id
        assert kind.solver_en and kind.solver_es and kind.does_en and kind.does_es


def test_a_malformed_line_names_the_file_and_line():
    with pytest.raises(ValueError, match=r"extra.tsv:2: expected 6"):
        _parse("# comment\nplumber\tplumber\tfontanero\n", "extra.tsv")


def test_the_reference_needs_are_generic_not_the_benchmark_ones():
    reference = {r.casefold() for r in load_reference_needs()}
    assert len(reference) >= 80
    needs = Path(SHARED / "bench" / "dev" / "needs.jsonl")
    if needs.exists():
        texts = {json.loads(x)["text"].casefold() for x in needs.read_text().splitlines() if x}
        assert not reference & texts


@pytest.mark.slow
def test_the_shipped_phrasing_vectors_are_current_and_read_like_the_model():
    """The second model's phrasing vectors ship with the package (``make train``); they
    must be of the current phrasings, and equal to what the model computes now."""
    import numpy as np

    from lazos.match import phrasings
    from lazos.match.embedder import get_embedders

    later = get_embedders()[1]
    texts, owner = phrasings.phrasings_of(load_kinds())
    assert len(texts) == len(owner) > 5000
    kinds = load_kinds()
    wanted = phrasings._wanted(later, kinds)
    shipped = phrasings._read(phrasings.path_for(later), wanted, "phrasings")
    described = phrasings._read(phrasings.path_for(later), wanted, "descriptions")
    assert shipped is not None and described is not None, "knowledge changed: run `make train`"
    assert shipped.shape == (len(texts), later.dim)
    assert described.shape == (len(kinds), later.dim)
    sample = [0, len(texts) // 2, len(texts) - 1]
    fresh = later.encode([texts[i] for i in sample], "query")
    assert np.allclose(np.sum(shipped[sample] * fresh, axis=1), 1.0, atol=2e-3)
    fresh = later.encode([kinds[i].description for i in (0, len(kinds) - 1)], "passage")
    assert np.allclose(np.sum(described[[0, len(kinds) - 1]] * fresh, axis=1), 1.0, atol=2e-3)


def _with_shipped_file(tmp_path, monkeypatch, shipped, read, kinds):
    """``read(store, fake embedder, kinds)`` with ``shipped`` standing for the shipped
    phrasings file of the fake embedder."""
    from lazos.match import phrasings
    from lazos.match.embedder import get_embedders
    from lazos.store import open_store

    monkeypatch.setattr(phrasings, "path_for", lambda embedder: shipped)
    store = open_store(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        return read(store, get_embedders("fake")[0], kinds)
    finally:
        store.close()


def test_stale_phrasing_vectors_are_not_used(tmp_path, monkeypatch):
    """A shipped file of other phrasings (a knowledge file edited without ``make train``)
    is ignored: the vectors are embedded through the store's cache instead."""
    import numpy as np

    from lazos.match import phrasings
    from lazos.match.embedder import get_embedders

    fake = get_embedders("fake")[0]
    kinds = load_kinds()[:3]
    texts, _ = phrasings.phrasings_of(kinds)
    stale = tmp_path / "phrasings-fake.npz"
    np.savez_compressed(stale, phrasings=np.ones((len(texts), fake.dim), np.int8),
                        phrasings_scale=np.ones(len(texts), np.float32),
                        fingerprint=np.array("old"))
    vectors = _with_shipped_file(tmp_path, monkeypatch, stale, phrasings.phrasing_vectors,
                                 kinds)
    assert np.allclose(vectors, fake.encode(texts, "query"), atol=1e-6)


def test_a_damaged_phrasings_file_is_not_used(tmp_path, monkeypatch):
    import numpy as np

    from lazos.match import phrasings
    from lazos.match.embedder import get_embedders

    fake = get_embedders("fake")[0]
    kinds = load_kinds()[3:5]
    damaged = tmp_path / "phrasings-fake.npz"
    damaged.write_bytes(b"not a zip file")
    vectors = _with_shipped_file(tmp_path, monkeypatch, damaged, phrasings.description_vectors,
                                 kinds)
    assert np.allclose(vectors, fake.encode([k.description for k in kinds], "passage"),
                       atol=1e-6)
