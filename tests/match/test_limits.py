"""Stated limits: "nada de penal", "only treats people, not animals", "adults only"."""

from __future__ import annotations

from datetime import date

import pytest

from lazos.match.limits import excluded, is_limit, named, parse_things
from lazos.match.service import match_need
from lazos.services.needs import add_need, add_offer
from lazos.services.people import add_person
from lazos.text.extract import extract


@pytest.mark.parametrize(("offer", "things"), [
    ("abogado de familia: divorcios. Solo familia, nada de penal ni mercantil", {"criminal"}),
    ("French osteopath, only treats people, not animals", {"animals"}),
    ("cerrajero, aperturas 24h. NO cámaras ni alarmas", {"alarms"}),
    ("online therapist, adults only", {"children"}),
    ("electricista: solo particulares, nada de locales. Alarmas tampoco", {"business", "alarms"}),
    ("gestoría de extranjería. Lo de tráfico/carnets no lo toca", {"traffic"}),
    ("veterinario de pequeños animales, nada de caballos ni granja", {"horses_farm"}),
    ("abogada laboralista. Solo laboral, alquileres y herencias no", {"inheritance"}),
    ("web designer. Doesn't do logos", {"logos"}),
    # a "no" that states a fact, not a limit; a limit the glossary has no word for
    ("mensajería, 3 furgos. No tiene almacén, todo va puerta a puerta", set()),
    ("clinical psychologist, works ONLY with children & adolescents", set()),
])
def test_limits_are_read_from_offers(offer: str, things: set[str]) -> None:
    assert excluded(offer) == things


def test_a_need_names_what_a_limit_can_exclude() -> None:
    assert named("His son (19) got arrested after a fight") >= {"criminal", "children"}
    assert named("Su perro cojea desde el domingo") == {"animals", "dogs_cats"}
    assert named("Panic attacks for months") == set()
    assert named("he is sure an inspector will fine them") == set()  # "will" is no testament


def test_a_broken_limits_line_names_its_line() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_things("# comment\nchildren\tkids | teens\n")


def test_a_limit_sentence_is_kept_as_an_offer_of_its_own() -> None:
    found = extract("Gonzalo - abogado de familia: divorcios, custodias. Solo familia, nada "
                    "de penal ni mercantil, lo dijo 2 veces.", on=date(2026, 3, 12),
                    name="Gonzalo")
    offers = [f.text for f in found if f.kind == "offer"]
    assert offers[0] == "abogado de familia: divorcios, custodias"
    assert is_limit(offers[1]) and "nada de penal" in offers[1]
    assert not is_limit(offers[0])


@pytest.mark.usefixtures("fake")
def test_a_person_is_never_suggested_for_what_they_exclude(store) -> None:
    gary = add_person(store, name="Gary")
    gonzalo = add_person(store, name="Gonzalo")
    rocio = add_person(store, name="Rocío")
    add_offer(store, person=gonzalo.id, text="abogado de familia: divorcios, custodias", lang="es")
    add_offer(store, person=rocio.id, text="asesora fiscal y laboral: IVA, renta", lang="es")
    need = add_need(store, person=gary.id, text="abogado: su hijo fue arrestado tras una pelea",
                    lang="es")
    before = match_need(store, need.id, limit=5)
    assert before.matches[0].person_id == gonzalo.id
    # the limit is an offer of its own: read for the limit, never embedded as an offer
    add_offer(store, person=gonzalo.id, text="Solo familia, nada de penal ni mercantil", lang="es")
    after = match_need(store, need.id, limit=5)
    ruled_out = next(m for m in after.matches if m.person_id == gonzalo.id)
    assert not ruled_out.convincing
    assert ruled_out.score < before.matches[0].score


def test_the_models_read_an_offer_without_what_it_excludes() -> None:
    from lazos.match.limits import embedded, without_limits

    assert without_limits("abogada laboralista: despidos, finiquitos, herencias no") == \
        "abogada laboralista: despidos, finiquitos"
    assert without_limits("designs apps end to end (not branding or illustration, he was "
                          "clear)") == "designs apps end to end (he was clear)"
    # no limit, nothing cut: "No tiene almacén" states a fact
    fact = "mensajería, 3 furgos. No tiene almacén, todo va puerta a puerta"
    assert without_limits(fact) == fact
    # a limit-only offer is not embedded at all
    assert embedded(["cerrajero, aperturas", "Solo aperturas, nada de alarmas"]) == \
        ["cerrajero, aperturas"]


@pytest.mark.usefixtures("fake")
def test_the_index_and_the_backfill_embed_the_same_texts(store) -> None:
    from lazos.match import backfill, cache
    from lazos.match.embedder import get_embedders
    from lazos.match.index import build_index

    ana = add_person(store, name="Ana")
    add_offer(store, person=ana.id, text="veterinaria de perros y gatos, nada de caballos",
              lang="es")
    add_offer(store, person=ana.id, text="Solo pequeños animales, no granja", lang="es")
    index = build_index(store, get_embedders())
    assert index.offers == [["veterinaria de perros y gatos"]]
    assert index.limits.any()
    texts, _ = backfill._texts(store)
    assert texts == ["veterinaria de perros y gatos"]
    assert cache.missing(store, get_embedders()[0], texts, "passage") == []


def test_only_dogs_and_cats_leaves_out_horses_farm_animals_and_exotic_pets() -> None:
    vet = "Veterinario en Fuengirola. Solo perros y gatos, no veo exóticos (conejos, aves, reptiles)"
    assert excluded(vet) == {"horses_farm", "exotic_pets"}
    assert named("My horse has been lame since Sunday") & excluded(vet)
    assert named("A mi conejo le han crecido los dientes") & excluded(vet)
    assert not named("Mi perro cojea desde el domingo") & excluded(vet)
