"""Sentences with no lexicon word: the sentence model gives a second opinion."""

from __future__ import annotations

from datetime import date

import pytest

from lazos.text.extract import extract
from lazos.text.semantic import Opinion, model_opinions

NOTE = "Hugo – ex-Salesforce, now consults. La caldera hace un ruido raro."


def test_without_a_second_opinion_an_uncued_sentence_is_a_description() -> None:
    found = extract(NOTE, on=date(2026, 3, 12), name="Hugo")
    assert [f.kind for f in found] == ["offer", "offer"]


def test_a_second_opinion_turns_it_into_a_need_and_says_why() -> None:
    def opinion(texts: object) -> list[Opinion | None]:
        assert list(texts) == ["La caldera hace un ruido raro"]  # type: ignore[call-overload]
        return [Opinion("need", "se le ha estropeado la caldera", 0.66)]

    found = extract(NOTE, on=date(2026, 3, 12), name="Hugo", second_opinion=opinion)
    need = next(f for f in found if f.kind == "need")
    assert need.text == "La caldera hace un ruido raro"
    assert "se le ha estropeado la caldera" in need.why.render("en")
    assert "suena a problema" in need.why.render("es")


def test_the_fake_embedder_gives_no_opinion() -> None:
    assert model_opinions(["La caldera hace un ruido raro"]) == [None]


@pytest.mark.slow
def test_the_real_model_hears_problems_without_problem_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_EMBEDDER", "default")
    said = model_opinions(["La caldera hace un ruido raro", "His landlord is selling the building",
                           "knows everyone at the port", "3 años en Valencia"])
    kinds = [o.kind if o else None for o in said]
    assert kinds[:3] == ["need", "need", "offer"]
    assert kinds[3] != "need"


def test_a_remark_is_neither_an_offer_nor_a_need() -> None:
    """"Muy simpática" says nothing about what she does: read as an offer, it would make her
    look like a helper for whatever the remark is about."""
    def opinion(texts: object) -> list[Opinion | None]:
        return [Opinion("remark", "muy majo, super simpático", 0.6) for _ in texts]  # type: ignore[attr-defined]

    found = extract("Hugo – ex-Salesforce, now consults. Muy simpático, nos reímos mucho.",
                    on=date(2026, 3, 12), name="Hugo", second_opinion=opinion)
    assert [(f.kind, f.text) for f in found] == [("offer", "ex-Salesforce, now consults")]


@pytest.mark.slow
def test_the_real_model_hears_remarks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_EMBEDDER", "default")
    said = model_opinions(["Super friendly, we laughed a lot", "Me dio su tarjeta al final",
                           "Gives accounting advice to freelancers"])
    assert [o.kind if o else None for o in said] == ["remark", "remark", "offer"]
