"""Embeddings are computed once per (model, text) and reused from the store."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from lazos.match import cache
from lazos.match.embedder import FakeEmbedder
from lazos.store import open_store
from lazos.store.schema import EmbeddingRow


def test_unchanged_text_is_never_embedded_again(store, db_url):
    fake = FakeEmbedder()
    first = cache.embed(store, fake, ["fontanero urgente", "tax advisor"], "passage")
    assert fake.calls == 2
    again = cache.embed(store, fake, ["tax advisor", "fontanero urgente", "new text"], "passage")
    assert fake.calls == 3  # only "new text"
    assert (again[0] == first[1]).all() and (again[1] == first[0]).all()
    # a new process (fresh store object, no memo) reads the vectors from the database
    other = open_store(db_url)
    try:
        cache.embed(other, fake, ["tax advisor", "fontanero urgente"], "passage")
        assert fake.calls == 3
        with other.read() as session:
            assert session.scalar(select(func.count()).select_from(EmbeddingRow)) == 3
    finally:
        other.close()


def test_ad_hoc_texts_are_not_persisted(store):
    fake = FakeEmbedder()
    cache.embed(store, fake, ["who can fix my roof"], "query", persist=False)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(EmbeddingRow)) == 0


@pytest.mark.usefixtures("fake")
def test_rematching_an_unchanged_network_embeds_nothing(store):
    from lazos.match.embedder import get_embedders
    from lazos.match.service import match_all
    from lazos.services.needs import add_need, add_offer
    from lazos.services.people import add_person

    alice = add_person(store, name="Alice")
    bob = add_person(store, name="Bob")
    add_offer(store, person=bob.id, text="Plumber, fixes leaks", lang="en")
    add_need(store, person=alice.id, text="my tap leaks", lang="en")
    match_all(store)
    fake = get_embedders("fake")[0]
    assert isinstance(fake, FakeEmbedder)
    before = fake.calls
    store.cache.clear()  # as if in a new process: vectors come from the store
    match_all(store)
    assert fake.calls == before


def test_vectors_written_meanwhile_by_another_process_are_not_a_conflict(store, db_url):
    fake = FakeEmbedder()
    other = open_store(db_url)
    try:
        cache.embed(other, fake, ["tax advisor"], "passage")  # the other process wrote it
    finally:
        other.close()
    store.cache.clear()
    from lazos.match.cache import _save, content_hash

    vec = fake.encode(["tax advisor", "plumber"], "passage")
    _save(store, fake.model_id("passage"),
          {content_hash("tax advisor"): vec[0], content_hash("plumber"): vec[1]})
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(EmbeddingRow)) == 2
