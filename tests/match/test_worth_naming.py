"""Which helpers after the first are worth naming: a clear score, or a near tie."""

from __future__ import annotations

from lazos.match.abstain import NEAR_TIE, SUGGEST_Z, worth_naming


def test_a_helper_with_a_clear_score_is_named_however_far_behind() -> None:
    assert worth_naming(best=SUGGEST_Z + 3.0, score=SUGGEST_Z)


def test_a_near_tie_is_named_even_below_the_bar() -> None:
    best = SUGGEST_Z - 1.0
    assert worth_naming(best, best - NEAR_TIE / 2)
    assert not worth_naming(best, best - NEAR_TIE * 2)


def test_the_best_is_always_named_and_never_more_than_two() -> None:
    assert worth_naming(best=-5.0, score=-5.0, rank=0)
    assert worth_naming(SUGGEST_Z + 1.0, SUGGEST_Z + 0.9, rank=1)
    assert not worth_naming(SUGGEST_Z + 1.0, SUGGEST_Z + 0.9, rank=2)  # a third: never
