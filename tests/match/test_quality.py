"""Matching quality on the development set, with the real bundled model (slow).

Floors sit a little under the figures measured when this was written (docs/benchmarks.md),
so a change that makes matching worse fails here. The held-out set is harder: these are
regression floors, not the quality bar.
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED

DEV = SHARED / "bench" / "dev"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def runs():
    from lazos.eval.match import run_eval

    if not (DEV / "needs.jsonl").exists():
        pytest.skip(f"benchmark data not found at {DEV}")
    return {m: run_eval(DEV / "people.jsonl", DEV / "needs.jsonl", method=m)
            for m in ("lazos", "cosine")}


def test_dev_ranking_quality_stays_above_its_floor(runs):
    m = runs["lazos"].metrics
    # measured at stop 12: 0.876 / 0.812 / 0.964 / 0.835; stop 13 (half the hubness
    # correction, the shortlist ordered with the kind fit): 0.905 / 0.855 / 0.976 / 0.866
    # (docs/benchmarks.md); without the kind-fit order R@5 is 0.945
    assert m["all"]["mrr"] >= 0.88
    assert m["all"]["r1"] >= 0.82
    assert m["all"]["r5"] >= 0.95
    assert m["cross-lingual"]["mrr"] >= 0.84


def test_beats_the_raw_cosine_of_the_default_model(runs):
    assert runs["lazos"].metrics["all"]["mrr"] >= runs["cosine"].metrics["all"]["mrr"] + 0.12


def test_abstains_on_none_needs_while_answering_the_others(runs):
    m = runs["lazos"].metrics
    assert m["all"]["answered"] >= 0.91  # 0.945 at stops 11 and 12
    # 15 "nobody" needs: one need is 0.067, so this floor only catches a collapse; the
    # masked test below (165 cases) is the finer guard
    assert m["none"]["abstain"] >= 0.40


def test_abstains_when_the_right_people_are_missing():
    """Each answerable dev need, with the people who can solve it excluded, is a "nobody
    can help" case (165 of them): round 1 abstained on 48.5%, round 2 on 50.3%; stop 11
    52.7% (either of the best two may convince: more answered, 94.5%, fewer refused); stop
    12 57.6% (the kind fit weighs 30, a need's kinds read by both models)."""
    import tempfile
    from pathlib import Path

    from lazos.eval.match import load_network, read_jsonl
    from lazos.match import service
    from lazos.store import open_store

    if not (DEV / "needs.jsonl").exists():
        pytest.skip(f"benchmark data not found at {DEV}")
    people = read_jsonl(DEV / "people.jsonl", ("id", "name", "offers"))
    needs = read_jsonl(DEV / "needs.jsonl", ("id", "text"))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'masked.db'}")
        try:
            ids, need_ids = load_network(store, people, needs)
            row_of = {v: k for k, v in ids.items()}
            queries = [service._Query(need_id=nid, text=n["text"], owner_id=None, owner=None,
                                      excluded=frozenset(row_of[p] for p in n["relevant"]))
                       for n, nid in zip(needs, need_ids, strict=True) if n.get("relevant")]
            results = service._rank(store, queries, limit=10)
        finally:
            store.close()
    abstained = sum(not r.suggest for r in results) / len(results)
    assert len(results) >= 150
    assert abstained >= 0.53


def test_every_ranking_is_long_enough_and_explained(runs):
    for line in runs["lazos"].rankings:
        assert len(line["ranking"]) >= 10
        assert all(c["why"] for c in line["ranking"])


def test_connections_from_the_dev_night_notes_stay_above_their_floor():
    """Notes → needs → helpers in a room of 30 (issue 4's measure, dev scenario): the
    glossary, short-label expansion and the room-size-aware abstention lifted pair recall
    from 0.59 to 0.79 at precision 0.71. Knowledge round 3 (299 kinds) moved this night to
    recall 0.71 / precision 0.67 (three pairs, all at the suggestion threshold) while it
    raised the team held-out MRR from 0.715 to 0.749 and the second night's top-3 recall:
    a trade made on purpose, see docs/matching.md."""
    from lazos.eval.scenario import run_scenario

    scenario = DEV / "scenario.jsonl"
    if not scenario.exists():
        pytest.skip(f"scenario not found at {scenario}")
    pairs = run_scenario(scenario).pairs
    assert pairs is not None
    # stop 11 (either of the best two may convince, and is named): 0.824 / 0.737
    assert pairs["recall"] >= 0.76
    assert pairs["precision"] >= 0.67
