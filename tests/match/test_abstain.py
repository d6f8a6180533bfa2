"""Abstention: suggest when someone fits, say "nobody you know yet" (and whom to look for)
when nobody does."""

from __future__ import annotations

import numpy as np
import pytest

from lazos.match.abstain import THRESHOLD, confidence, convincing, should_suggest
from lazos.match.rank import Scores
from lazos.match.service import who_can
from lazos.services.needs import add_offer
from lazos.services.people import add_person


def _scores(raw: list[float], fused: list[float]) -> Scores:
    """Scores of one need whose cosine to person j is raw[j] (2-d vectors built for it)."""
    r = np.clip(np.array(raw, dtype=np.float32), -1, 1)
    people = np.stack([r, np.sqrt(1 - r * r)], axis=1).astype(np.float32)
    return Scores(fused=np.array([fused], dtype=np.float32),
                  kinds=np.zeros((1, 1), dtype=np.int64),
                  kind_weights=np.ones((1, 1), dtype=np.float32),
                  kind_sim=np.zeros(1, dtype=np.float32),
                  queries=np.array([[1.0, 0.0]], dtype=np.float32), person_vecs=people,
                  person_kinds=np.ones((len(raw), 3), dtype=np.int64),
                  kind_scores=np.array([[0.6, 0.6]], dtype=np.float32))


def test_a_close_standout_candidate_is_suggested_and_a_distant_one_is_not():
    n = 80  # the size the constants were set on: no room adjustment
    fused = [0.0] * n
    fused[0] = 6.0
    assert should_suggest(_scores([0.45] + [0.1] * (n - 1), fused), 0, 0)
    # far from the need, standing out from nobody, and a little off the kind it calls for
    fused[0] = 0.5
    distant = _scores([0.05] + [0.04] * (n - 1), fused)
    distant.kind_scores[0] = [0.6, 0.5]  # the need is about kind 0; this person does kind 1
    assert not should_suggest(distant, 0, 0)
    # in a room of 30 the bar is lower (the best of fewer stands out less), but a clear
    # misfit still keeps a distant candidate back
    fused = [0.0] * 30
    fused[0] = 0.5
    room = _scores([0.05] + [0.04] * 29, fused)
    room.kind_scores[0] = [0.6, 0.4]
    assert not should_suggest(room, 0, 0)
    room.kind_scores[0] = [0.6, 0.6]
    assert should_suggest(room, 0, 0)


def test_confidence_grows_with_both_similarity_and_standing_out():
    n = 50
    low = confidence(_scores([0.2] * n, [3.0] + [0.0] * (n - 1)), 0, 0)
    closer = confidence(_scores([0.3] * n, [3.0] + [0.0] * (n - 1)), 0, 0)
    standout = confidence(_scores([0.2] * n, [5.0] + [0.0] * (n - 1)), 0, 0)
    assert closer > low and standout > low


def test_being_the_kind_of_solver_the_need_calls_for_counts():
    n = 50
    fused = [0.0] * n
    fused[0] = 3.5
    scores = _scores([0.2] * n, fused)
    assert should_suggest(scores, 0, 0)  # the need is as much about kind 1 as about any
    scores.kind_scores[0] = [0.6, 0.3]   # the need is about kind 0; this person does kind 1
    assert scores.kind_fit(0, 0) == pytest.approx(-0.3)
    assert not should_suggest(scores, 0, 0)
    scores.person_kinds[0, 1] = 0        # ...and kind 0 is also one of theirs
    assert should_suggest(scores, 0, 0)


def test_small_networks_decide_on_similarity_alone():
    assert should_suggest(_scores([0.4, 0.1], [1.0, -1.0]), 0, 0)
    assert not should_suggest(_scores([0.05, 0.0], [1.0, -1.0]), 0, 0)
    assert THRESHOLD < 0


@pytest.mark.usefixtures("fake")
def test_who_can_abstains_when_nobody_fits_and_names_whom_to_look_for(store):
    bob = add_person(store, name="Bob")
    add_offer(store, person=bob.id, text="plumber: leaks, taps and boilers", lang="en")
    unrelated = who_can(store, "quiero aprender a tocar el violonchelo")
    assert not unrelated.suggest
    assert unrelated.look_for is not None and unrelated.look_for.render("es")
    fitting = who_can(store, "plumber for leaks in taps and boilers")
    assert fitting.suggest and fitting.look_for is None
    assert fitting.matches[0].person_id == bob.id


def test_a_candidate_who_names_only_other_languages_is_never_suggested():
    n = 50
    fused = [0.0] * n
    fused[0] = 8.0
    scores = _scores([0.6] + [0.1] * (n - 1), fused)
    assert should_suggest(scores, 0, 0)
    scores.need_langs = np.array([[1.0, 0.0, 0.0]], dtype=np.float32)     # "Russian"
    scores.person_langs = np.zeros((n, 3), dtype=np.float32)
    assert should_suggest(scores, 0, 0)          # names no language: left to the scores
    scores.person_langs[0] = [0.0, 1.0, 1.0]     # "Japanese and Spanish translator"
    assert scores.language_clash(0, 0)
    assert not should_suggest(scores, 0, 0)
    scores.person_langs[0, 0] = 1.0              # ...who also speaks Russian
    assert should_suggest(scores, 0, 0)


@pytest.mark.usefixtures("fake")
def test_who_can_does_not_offer_a_teacher_of_another_language(store):
    bob = add_person(store, name="Bob")
    add_offer(store, person=bob.id, text="Mandarin Chinese lessons for adults, all levels",
              lang="en")
    asked = who_can(store, "I need Spanish lessons for adults")
    assert asked.matches and asked.matches[0].person_id == bob.id
    assert not asked.suggest and asked.look_for is not None


def test_a_convincing_runner_up_gets_the_need_suggested_but_a_third_never_does():
    n = 50
    fused = [0.0] * n
    fused[0], fused[1], fused[2] = 8.0, 7.8, 7.6
    scores = _scores([0.6, 0.6, 0.6] + [0.1] * (n - 3), fused)
    scores.need_langs = np.array([[1.0, 0.0]], dtype=np.float32)       # "Russian"
    scores.person_langs = np.zeros((n, 2), dtype=np.float32)
    scores.person_langs[0] = [0.0, 1.0]                                # only Japanese
    assert convincing(scores, 0, [0, 1, 2]) == [False, True, False]    # the third may not
    scores.person_langs[1] = [0.0, 1.0]                                # Japanese too
    assert convincing(scores, 0, [0, 1, 2]) == [False, False, False]   # nobody: abstain


def test_how_many_helpers_are_shown_never_changes_whether_a_need_is_suggested(store):
    """The decision looks at the best two whatever the limit; with limit 1 the helper shown
    is one who convinces (the sample network, real models)."""
    from lazos.match.service import match_all
    from lazos.services.sample import load_sample

    load_sample(store)
    one = match_all(store, limit=1)
    five = match_all(store, limit=5)
    assert [r.suggest for r in one] == [r.suggest for r in five]
    assert any(r.suggest for r in one) and not all(r.suggest for r in one)
    for r in one:
        if r.suggest:
            assert r.matches[-1].convincing and len(r.matches) <= 2
    assert all(not m.convincing for r in five for m in r.matches[2:])


def test_the_batched_kind_fits_and_language_clashes_agree_with_one_pair_at_a_time():
    rng = np.random.default_rng(3)
    n_needs, n_people, n_kinds = 4, 6, 5
    scores = Scores(fused=rng.normal(size=(n_needs, n_people)).astype(np.float32),
                    kinds=np.zeros((n_needs, 1), dtype=np.int64),
                    kind_weights=np.ones((n_needs, 1), dtype=np.float32),
                    kind_sim=np.zeros(n_needs, dtype=np.float32),
                    queries=np.zeros((n_needs, 2), dtype=np.float32),
                    person_vecs=np.zeros((n_people, 2), dtype=np.float32),
                    person_kinds=rng.integers(0, n_kinds, size=(n_people, 3)),
                    kind_scores=rng.random((n_needs, n_kinds)).astype(np.float32),
                    need_langs=(rng.random((n_needs, 3)) > 0.5).astype(np.float32),
                    person_langs=(rng.random((n_people, 3)) > 0.5).astype(np.float32))
    rows = np.array([[5, 0, 2], [1, 1, 3], [4, 2, 0], [3, 5, 1]], dtype=np.int64)
    fits, clashes = scores.kind_fits(rows), scores.clashes(rows)
    for i in range(n_needs):
        for j, row in enumerate(rows[i]):
            assert fits[i, j] == pytest.approx(scores.kind_fit(i, int(row)))
            assert clashes[i, j] == scores.clash(i, int(row))


def test_the_runner_up_is_named_only_near_the_best(store, monkeypatch):
    """Whatever else convinces, a runner-up far behind the best is shown but not named."""
    from lazos.match import service

    for name, offer in (("Marta", "fisioterapeuta, lesiones deportivas y dolor de espalda"),
                        ("Liam", "personal trainer for people with bad backs"),
                        ("Sergi", "electricista autónomo")):
        person = add_person(store, name=name)
        add_offer(store, person=person.id, text=offer)
    need = "me duele la espalda desde hace meses y no puedo ni atarme los zapatos"
    monkeypatch.setattr(service, "RUNNER_UP_GAP", 1e9)
    wide = who_can(store, need)
    monkeypatch.setattr(service, "RUNNER_UP_GAP", -1e9)
    narrow = who_can(store, need)
    assert [m.person_id for m in wide.matches] == [m.person_id for m in narrow.matches]
    assert not narrow.matches[1].convincing
    assert sum(m.convincing for m in narrow.matches) == 1


def test_with_strength_a_candidate_fits_by_what_they_most_are_not_their_second_trade():
    """A dog groomer whose second-closest kind is "hairdresser" fits "my hairdresser closed"
    less than a hairdresser does, once how much each IS the kind counts (the shortlist order:
    lazos.match.service.ORDER_FIT_STRENGTH)."""
    kinds = ["hairdresser", "groomer"]
    need_closeness = np.array([[0.7, 0.5]], dtype=np.float32)      # the need: a hairdresser
    affinity = np.array([[0.30, 0.05],                              # person 0: a hairdresser
                         [0.20, 0.40]], dtype=np.float32)           # person 1: a groomer
    scores = Scores(fused=np.zeros((1, 2), dtype=np.float32),
                    kinds=np.zeros((1, 1), dtype=np.int64),
                    kind_weights=np.ones((1, 1), dtype=np.float32),
                    kind_sim=np.zeros(1, dtype=np.float32),
                    queries=np.zeros((1, 2), dtype=np.float32),
                    person_vecs=np.zeros((2, 2), dtype=np.float32),
                    person_kinds=np.argsort(-affinity, axis=1)[:, :len(kinds)],
                    kind_scores=need_closeness, person_affinity=affinity)
    rows = np.array([[0, 1]], dtype=np.int64)
    plain = scores.kind_fits(rows)
    assert plain[0, 0] == plain[0, 1] == pytest.approx(0.0)  # both "have" the kind in their top two
    strong = scores.kind_fits(rows, strength=1.0)
    assert strong[0, 0] == pytest.approx(0.0)
    assert strong[0, 1] == pytest.approx(max(0.0 + (0.20 - 0.40), (0.5 - 0.7) + 0.0))
    assert strong[0, 1] < strong[0, 0]
