"""After a big import the second model joins only once its vectors are all there."""

from __future__ import annotations

import pytest

from lazos.match import backfill, embedder, service
from lazos.match.embedder import FakeEmbedder, Kind
from lazos.match.index import build_index
from lazos.services.needs import add_need, add_offer
from lazos.services.people import add_person


class SecondFake(FakeEmbedder):
    """A second (slow, in real life) model: different cache key, same fake vectors."""

    name = "fake2"

    def model_id(self, kind: Kind) -> str:
        return f"fake-2-{kind}"


@pytest.fixture
def two_models(monkeypatch):
    first, second = FakeEmbedder(), SecondFake()
    monkeypatch.setattr(embedder, "get_embedders", lambda choice=None: [first, second])
    monkeypatch.setattr(service, "get_embedders", lambda choice=None: [first, second])
    monkeypatch.setattr(backfill, "get_embedders", lambda choice=None: [first, second])
    return first, second


@pytest.fixture
def imported(store):
    alice = add_person(store, name="Alice")
    for name, offer in (("Marta", "physiotherapist for back pain"), ("Bob", "plumber, leaks"),
                        ("Chen", "immigration lawyer, visas")):
        add_offer(store, person=add_person(store, name=name).id, text=offer, lang="en")
    need = add_need(store, person=alice.id, text="my back pain is terrible", lang="en")
    return store, need


def test_many_new_texts_are_matched_with_the_first_model_until_completed(imported, two_models,
                                                                         monkeypatch):
    store, need = imported
    first, second = two_models
    monkeypatch.setattr(service, "INLINE_TEXTS", 1)  # "a big import": 3 new offers > 1
    result = service.match_need(store, need.id)
    assert result.matches  # matchable at once, with the first model
    assert second.calls == 0
    assert build_index(store, [first, second], inline=1).models == ("fake",)
    assert backfill.pending(store) == 4  # 3 offers + 1 open need

    assert backfill.complete_vectors(store) == 4
    assert backfill.pending(store) == 0
    index = build_index(store, [first, second], inline=1)
    assert index.models == ("fake", "fake2")
    assert service.match_need(store, need.id).matches[0].person_id == \
        result.matches[0].person_id


def test_a_few_new_texts_are_embedded_with_every_model_at_once(imported, two_models):
    store, need = imported
    first, second = two_models
    service.match_need(store, need.id)
    assert second.calls >= 4  # offers and the need, no backfill needed
    assert backfill.pending(store) == 0


def test_match_complete_embeds_what_waits_then_matches(cli, two_models, monkeypatch):
    from tests.conftest import run

    first, second = two_models
    monkeypatch.setattr(service, "INLINE_TEXTS", 0)
    for name in ("Luis", "Marta"):
        assert run(cli, "person", "add", name)[0] == 0
    assert run(cli, "offer", "add", "Marta", "physiotherapist: back pain and knee injuries")[0] == 0
    assert run(cli, "need", "add", "Luis", "back pain physiotherapist please")[0] == 0
    code, out = run(cli, "match")
    assert code == 0, out
    assert "lazos match --complete" in out and "Marta" in out
    code, out = run(cli, "match", "--complete")
    assert code == 0, out
    assert "--complete" not in out and "Marta" in out


def test_a_large_network_keeps_the_later_models_vectors_compact_and_ranks_the_same(
        imported, two_models, monkeypatch):
    """Above index.COMPACT_ABOVE people the later model's vectors are half precision and
    only each need's shortlist is rescored (rank.SHORTLIST_ABOVE): same people, same order."""
    import numpy as np

    from lazos.match import index as index_module
    from lazos.match import rank

    store, need = imported
    backfill.complete_vectors(store)
    before = service.match_need(store, need.id)
    assert index_module.COMPACT_ABOVE == rank.SHORTLIST_ABOVE  # compact only where shortlisted
    monkeypatch.setattr(index_module, "COMPACT_ABOVE", 2)
    monkeypatch.setattr(rank, "SHORTLIST_ABOVE", 2)
    monkeypatch.setattr(rank, "SHORTLIST", 2)
    store.cache.clear()  # the index is kept per process; build it again at the new sizes
    big = index_module.build_index(store, list(two_models))
    assert big.person_vecs[1].dtype == np.float16 and big.person_vecs[0].dtype == np.float32
    after = service.match_need(store, need.id)
    assert [m.person_id for m in after.matches[:2]] == [m.person_id for m in before.matches[:2]]
