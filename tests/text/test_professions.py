"""A problem word beside a solver's name says what the person works on, not what they need."""

from __future__ import annotations

import pytest

from lazos.text.classify import classify


@pytest.mark.parametrize("sentence", [
    "English, wedding photographer based in the old town, mostly destination weddings",
    "fisioterapeuta, lesiones deportivas de corredores",
    "psicóloga de ansiedad infantil en consulta privada",
])
def test_a_solver_name_makes_the_clause_an_offer(sentence: str) -> None:
    assert classify(sentence).kind == "offer"


@pytest.mark.parametrize("sentence", [
    "Her boiler broke and the plumber never came",
    "Daughter getting married in June and still no caterer",
    "Abogado para la herencia de su padre",
    "Se le inunda el baño cada vez que llueve",
])
def test_someones_or_a_wanted_solver_leaves_the_need(sentence: str) -> None:
    assert classify(sentence).kind == "need"


def test_a_need_after_the_job_is_still_heard() -> None:
    ev = classify("wedding photographer, her shoulder hurts after every wedding")
    assert ev.kind == "need"
    assert ev.cue == "hurts"


def test_somebody_elses_wish_inside_a_job_is_not_a_need() -> None:
    assert classify("Mentors people who want to switch careers into tech").kind == "offer"
    assert classify("Wants to switch careers into tech").kind == "need"
