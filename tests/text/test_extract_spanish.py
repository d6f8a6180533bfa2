"""Reading Spanish notes: explicit and implicit needs, offers, promises, privacy."""

from __future__ import annotations

from datetime import date

from lazos.text.extract import Finding, extract

THURSDAY = date(2026, 3, 12)  # a Thursday


def _kinds(findings: list[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


def test_alicia_offer_need_and_call_are_told_apart() -> None:
    found = extract("Alicia Gómez – es fotógrafa de producto, tiene estudio en Ruzafa. "
                    "Busca un gestor para los trimestrales. Llamarla el lunes.",
                    on=THURSDAY, name="Alicia Gómez")
    offers = _kinds(found, "offer")
    needs = _kinds(found, "need")
    calls = _kinds(found, "followup")
    assert [o.text for o in offers] == ["es fotógrafa de producto, tiene estudio en Ruzafa"]
    assert [n.text for n in needs] == ["Busca un gestor para los trimestrales"]
    assert calls[0].due_on == date(2026, 3, 16)  # the next Monday
    assert calls[0].date_text == "el lunes"


def test_a_break_in_mentioned_in_passing_is_a_need_and_the_wish_joins_it() -> None:
    found = extract("Berta tiene una tienda de ropa. Le entraron a robar anoche. "
                    "Busca a alguien que le ponga alarma.", on=THURSDAY, name="Berta Ruiz")
    needs = _kinds(found, "need")
    assert len(needs) == 1
    assert "robar" in needs[0].text and "alarma" in needs[0].text
    assert "problem" in needs[0].why.render("en")


def test_a_new_wish_after_a_problem_is_a_second_need() -> None:
    found = extract("Berta. Le duele la espalda. Busca fotógrafo para su boda.", on=THURSDAY,
                    name="Berta Ruiz")
    assert [n.text for n in _kinds(found, "need")] == ["Le duele la espalda",
                                                        "Busca fotógrafo para su boda"]


def test_implicit_problems_without_need_words() -> None:
    found = extract("Carlos, fontanero. Su hijo va fatal en mates y suspende todo. "
                    "La gotera del baño no para.", on=THURSDAY, name="Carlos Pérez")
    needs = [n.text for n in _kinds(found, "need")]
    assert needs == ["Su hijo va fatal en mates y suspende todo", "La gotera del baño no para"]


def test_health_legal_and_immigration_needs_are_private_by_default() -> None:
    found = extract("Dolores. Le duele la espalda desde hace meses. La han despedido sin "
                    "indemnización. A su marido se le caduca el permiso de residencia. "
                    "También quiere aprender a hacer pan.", on=THURSDAY, name="Dolores")
    needs = _kinds(found, "need")
    assert [(n.topic, n.private) for n in needs] == [
        ("health", True), ("legal", True), ("immigration", True), (None, False)]


def test_a_van_is_an_offer() -> None:
    found = extract("Emilio tiene una furgoneta y hace portes los sábados.", on=THURSDAY,
                    name="Emilio")
    assert [f.kind for f in found] == ["offer"]


def test_unpunctuated_note_is_still_cut_into_thoughts() -> None:
    found = extract("fernando es electricista necesita un abogado por un despido llamarle "
                    "en dos semanas", on=THURSDAY, name="Fernando Gil")
    assert [f.text for f in _kinds(found, "offer")] == ["es electricista"]
    assert _kinds(found, "need")[0].text.startswith("necesita un abogado")
    assert _kinds(found, "followup")[0].due_on == date(2026, 3, 26)


def test_same_note_gives_same_keys() -> None:
    text = "Gema busca piso en Valencia. Quedamos en comer el jueves."
    first = extract(text, on=THURSDAY, name="Gema")
    again = extract(text, on=THURSDAY, name="Gema")
    assert [f.key for f in first] == [f.key for f in again]
    assert len({f.key for f in first}) == len(first)


def test_a_run_on_note_starting_with_the_job_keeps_the_job_as_offer() -> None:
    found = extract("laura costa abogada de familia divorcios y herencias necesita urgente alguien "
                    "que le haga la web del despacho quedamos el 3 de abril", on=THURSDAY,
                    name="Laura Costa", lang="es")
    assert [(f.kind, f.text) for f in found] == [
        ("offer", "abogada de familia divorcios y herencias"),
        ("need", "necesita urgente alguien que le haga la web del despacho"),
        ("followup", "quedamos el 3 de abril")]
    assert found[2].due_on == date(2026, 4, 3)


def test_what_they_owe_the_user_is_not_a_need() -> None:
    found = extract("Diego, mecánico con taller propio. Me debe un café.", on=THURSDAY,
                    name="Diego")
    assert [f.kind for f in found] == ["offer"]


def test_spanish_shorthand() -> None:
    found = extract("Hugo tiene furgo y es profe de mates.", on=THURSDAY, name="Hugo", lang="es")
    assert found[0].text == "tiene furgoneta y es profesor de matemáticas"


def test_an_idle_resource_to_let_is_an_offer_and_wanting_one_a_need() -> None:
    idle = extract("Marta - fisio. Tiene una sala pequeña q no usa x las tardes y le vendria "
                   "bien sacarle algo.", on=THURSDAY, name="Marta")
    assert [f.kind for f in idle if f.kind in ("need", "offer")] == ["offer", "offer"]
    wanting = extract("Pau - carpintero. No tiene sitio libre y busca alquilar un trastero.",
                      on=THURSDAY, name="Pau")
    assert [f.kind for f in wanting if f.kind == "need"] == ["need"]


def test_a_place_clause_ends_before_a_new_want_but_a_que_clause_does_not() -> None:
    # "graba donde el cliente | necesita una voz": a place, then a need of his own
    place = extract("Joaco productor de podcasts no tiene estudio propio graba donde el "
                    "cliente necesita una voz masculina pa la intro de un podcast",
                    on=THURSDAY, name="Joaco")
    assert [f.text for f in place if f.kind == "need"][-1].startswith("necesita una voz")
    # "cree que el casero quiere venderlo": the want is the casero's, inside the clause
    inside = extract("Ana diseñadora grafica lleva años en el mismo piso y cree que el casero "
                     "quiere venderlo pronto", on=THURSDAY, name="Ana")
    assert not any(f.text.startswith("quiere venderlo") for f in inside)


def test_an_offer_keeps_its_languages_its_audience_and_its_limits() -> None:
    from lazos.text.extract import _offer_text

    # the languages someone works in stay, even beside where they lived
    assert _offer_text("matrona, cursos de preparación al parto, en castellano y en inglés "
                       "(vivió 4 años en Manchester)").endswith("en castellano y en inglés "
                                                                "(vivió 4 años en Manchester)")
    # who they teach is not their family; a limit stays for the matcher to read
    assert _offer_text("teaches piano + guitar, kids and adults, from her flat") == \
        "teaches piano + guitar, kids and adults, from her flat"
    assert _offer_text("online therapist: anxiety, adults only, no kids or teens").endswith(
        "no kids or teens")
    # family and a bare nationality still go
    assert _offer_text("Polish, runs a bakery, has 2 kids") == "runs a bakery"


def test_a_promise_that_carries_someone_elses_wish_is_the_users_promise() -> None:
    # stop 14: "que busca gestor" is the cuñado's wish, inside the user's promise
    found = extract("Montse – gestora. Le paso contacto de mi cuñado que busca gestor. Me "
                    "apunto lo del catering para la cena de empresa.", on=THURSDAY, name="Montse")
    assert [f.kind for f in found] == ["offer", "followup", "followup"]


def test_an_address_abbreviation_does_not_end_the_sentence() -> None:
    found = extract("Laia – abogada. Le suben el alquiler del despacho de Pl. Universitat un 30% "
                    "en enero, busca compartir oficina.", on=THURSDAY, name="Laia")
    needs = [f.text for f in found if f.kind == "need"]
    assert len(needs) == 1 and "Pl. Universitat" in needs[0] and "compartir oficina" in needs[0]


def test_a_limit_opened_with_ojo_is_a_limit_not_a_need() -> None:
    found = extract("Montse – gestora, lleva autónomos y pymes: IVA, nóminas. Ojo NO hace rentas "
                    "de particulares ni herencias.", on=THURSDAY, name="Montse")
    assert [f.kind for f in found] == ["offer", "offer"]
    assert found[1].why.en.startswith("what they do not")
