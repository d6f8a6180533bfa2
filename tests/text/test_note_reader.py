"""The trained note reader: its data, its training, and when it overrules a lexicon word."""

from __future__ import annotations

import csv
from datetime import date

import numpy as np
import pytest

from lazos.text import kind_model
from lazos.text.extract import extract
from lazos.text.semantic import Reading, trained_readings


def test_every_training_line_has_a_known_label_and_no_duplicate() -> None:
    files = sorted(kind_model.TRAINING_DIR.glob("notes_*.tsv"))
    assert len(files) >= 3
    seen: set[str] = set()
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.reader(handle, delimiter="\t",
                                                    quoting=csv.QUOTE_NONE), 1):
                if number == 1:
                    assert row[0].startswith("#"), path
                    continue
                assert len(row) == 2 and row[0] in kind_model.LABELS, (path, number, row)
                assert row[1].strip() not in seen, (path, number)
                seen.add(row[1].strip())
    labels = [label for label, _ in kind_model.training_examples()]
    assert min(labels.count(k) for k in kind_model.LABELS) >= 300


@pytest.mark.parametrize("choice", kind_model.SHIPPED)
def test_the_shipped_weights_were_trained_on_the_current_data(choice: str) -> None:
    from lazos.match.embedder import get_embedders

    embedders = get_embedders(choice)
    shipped = kind_model._load_file(kind_model.weights_path(embedders))
    assert shipped is not None, f"run `make train` to build the weights for {choice}"
    wanted = kind_model.fingerprint(kind_model.training_examples(),
                                    kind_model.model_key(embedders))
    assert shipped.fingerprint == wanted, "training data changed: run `make train`"
    assert shipped.weights.shape == (sum(e.dim for e in embedders), len(kind_model.LABELS))
    # the remembered lines: every training line, the last embedder's part
    assert shipped.memory is not None and shipped.memory_labels is not None
    assert shipped.memory.shape == (len(kind_model.training_examples()), embedders[-1].dim)
    assert shipped.memory_from == sum(e.dim for e in embedders[:-1])


def test_the_nearest_remembered_lines_move_the_reading() -> None:
    # a regression that cannot tell anything apart (all probabilities equal) reads what the
    # nearest training lines say
    memory = np.eye(3, 4, dtype=np.float32)
    flat = kind_model.with_memory(np.zeros((4, 3), np.float32), np.zeros(3, np.float32), "",
                                  memory, ["need", "offer", "remark"], 0)
    p = flat.probabilities(np.array([[0.0, 1.0, 0.0, 0.0]], dtype=np.float32))
    share = kind_model.NEIGHBOUR_SHARE
    # k is larger than three lines here: all three vote, equally
    assert np.allclose(p, [[1 / 3, 1 / 3, 1 / 3]])
    many = np.repeat(memory, kind_model.NEIGHBOURS, axis=0)
    labels = [lab for lab in ("need", "offer", "remark") for _ in range(kind_model.NEIGHBOURS)]
    sure = kind_model.with_memory(np.zeros((4, 3), np.float32), np.zeros(3, np.float32), "",
                                  many, labels, 0)
    p = sure.probabilities(np.array([[0.0, 1.0, 0.0, 0.0]], dtype=np.float32))
    assert np.allclose(p, [[(1 - share) / 3, (1 - share) / 3 + share, (1 - share) / 3]])


def test_fit_learns_a_separable_problem_and_is_deterministic() -> None:
    rng = np.random.default_rng(7)
    centres = np.eye(3, 8, dtype=np.float32) * 3
    x = np.vstack([c + rng.normal(0, 0.3, (40, 8)) for c in centres]).astype(np.float32)
    labels = [k for k in kind_model.LABELS for _ in range(40)]
    w1, b1 = kind_model.fit(x, labels)
    w2, b2 = kind_model.fit(x, labels)
    assert np.array_equal(w1, w2) and np.array_equal(b1, b2)
    guess = kind_model.KindModel(w1, b1, "").probabilities(x).argmax(axis=1)
    assert [kind_model.LABELS[g] for g in guess] == labels


def test_the_fake_embedder_gives_no_reading() -> None:
    assert trained_readings(["floods, fires, burglaries"]) == [None]


NOTE = "Tomás – perito de seguros. Inundaciones, incendios, robos en comercios. Muy majo."


def test_a_sure_reading_overrules_a_problem_word_and_says_why() -> None:
    # lexicons alone: "inundaciones, incendios, robos" are problems, so a need
    alone = extract(NOTE, on=date(2026, 3, 2), name="Tomás")
    assert any(f.kind == "need" and "Inundaciones" in f.text for f in alone)

    def reader(texts: object) -> list[Reading | None]:
        return [Reading(0.05, 0.9, 0.05) if "Inundaciones" in t else None
                for t in texts]  # type: ignore[attr-defined]

    found = extract(NOTE, on=date(2026, 3, 2), name="Tomás", reader=reader)
    offer = next(f for f in found if "Inundaciones" in f.text)
    assert offer.kind == "offer"
    assert "90%" in offer.why.render("en") and "lector de notas" in offer.why.render("es")
    assert not any(f.kind == "need" for f in found)


def test_an_unsure_reading_or_an_explicit_need_keeps_the_lexicon_word() -> None:
    def unsure(texts: object) -> list[Reading | None]:
        return [Reading(0.3, 0.45, 0.25) for _ in texts]  # type: ignore[attr-defined]

    found = extract(NOTE, on=date(2026, 3, 2), name="Tomás", reader=unsure)
    assert any(f.kind == "need" and "Inundaciones" in f.text for f in found)

    def sure_offer(texts: object) -> list[Reading | None]:
        return [Reading(0.2, 0.8, 0.0) for _ in texts]  # type: ignore[attr-defined]

    found = extract("Ana – busca un fontanero urgente.", on=date(2026, 3, 2), name="Ana",
                    reader=sure_offer)
    assert [f.kind for f in found] == ["need"]


def test_something_given_to_whoever_needs_it_is_an_offer() -> None:
    note = ("Lola – panadera. Por las tardes el obrador está parado y se lo deja a quien lo "
            "necesite.")
    found = extract(note, on=date(2026, 3, 2), name="Lola")
    assert [f.kind for f in found] == ["offer", "offer"]

    def fairly_sure_need(texts: object) -> list[Reading | None]:
        return [Reading(0.7, 0.2, 0.1) if "parado" in t else None
                for t in texts]  # type: ignore[attr-defined]

    # "a quien lo necesite" is said outright: only a very sure reader overrules it
    found = extract(note, on=date(2026, 3, 2), name="Lola", reader=fairly_sure_need)
    assert [f.kind for f in found] == ["offer", "offer"]


def test_a_sentence_no_word_decides_follows_a_plurality_of_the_reader() -> None:
    note = "Dani – fontanero en Getafe. Muy tímido."
    alone = extract(note, on=date(2026, 3, 2), name="Dani")
    assert [f.text for f in alone if f.kind == "offer"] == ["fontanero en Getafe", "Muy tímido"]

    def remark(texts: object) -> list[Reading | None]:
        return [Reading(0.3, 0.25, 0.45) if "tímido" in t else None
                for t in texts]  # type: ignore[attr-defined]

    found = extract(note, on=date(2026, 3, 2), name="Dani", reader=remark)
    assert [f.text for f in found if f.kind == "offer"] == ["fontanero en Getafe"]
    assert not any(f.kind == "need" for f in found)


def test_a_trade_stays_in_the_offer_even_beside_where_they_live() -> None:
    found = extract("Kate – English, wedding photographer based in Sitges.", on=date(2026, 3, 2),
                    name="Kate")
    assert [f.text for f in found if f.kind == "offer"] == ["wedding photographer based in Sitges"]


@pytest.mark.slow
def test_the_real_reader_hears_the_whole_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_EMBEDDER", "default")
    said = trained_readings([
        "works only with teenagers: anxiety, eating disorders, self-harm",
        "vende por Instagram pero nadie le compra y ya no sabe qué hacer",
        "super simpática, vino con su hermana",
    ])
    assert [r.kind if r else None for r in said] == ["offer", "need", "remark"]


def test_limits_searching_for_others_and_addressed_to_dos_are_read_as_such() -> None:
    note = ("Tomás – busca piso pa gente recién llegada, negocia con los caseros. Solo búsqueda, "
            "pleitos con caseros no. Send him the link to the Lavapiés parents group.")
    found = extract(note, on=date(2026, 3, 2), name="Tomás")
    # the limit is an offer of its own, which the matcher reads as a limit (stop 14)
    assert [f.kind for f in found] == ["offer", "offer", "followup"]
    assert "piso pa gente" in found[0].text
    assert found[1].text.startswith("Solo búsqueda") and found[1].why.en.startswith("what they do not")


def test_years_in_a_trade_stay_in_the_offer_and_a_problem_heard_whole_is_not_split() -> None:
    from lazos.text.classify import classify

    problem = "Hace 2 semanas alguien se metió en el correo del despacho, uno ya pagó 4.000€"
    assert classify(problem).cue == "(description)"  # "hace 2 semanas" is "ago", not "does"

    def reader(texts: object) -> list[Reading | None]:
        return [Reading(0.78, 0.17, 0.05) if "correo" in t else None
                for t in texts]  # type: ignore[attr-defined]

    found = extract(f"Manolo – 30 años en desinsectación: termitas, chinches. {problem}.",
                    on=date(2026, 3, 2), name="Manolo", reader=reader)
    assert [(f.kind, f.text) for f in found] == [
        ("offer", "30 años en desinsectación: termitas, chinches"), ("need", problem)]


def _reads_need_at(marker: str, p: float = 0.7) -> object:
    def reader(texts: object) -> list[Reading | None]:
        return [Reading(p, 0.2, 1 - p - 0.2) if t.startswith(marker) else None
                for t in texts]  # type: ignore[attr-defined]
    return reader


def test_a_problem_after_but_in_an_offer_sentence_is_a_need_of_its_own() -> None:
    note = ("Lukas has a Ford Transit he uses for small moves on weekends, but his insurance "
            "only covers private use. Weekdays he teaches PE.")
    found = extract(note, on=date(2026, 3, 2), name="Lukas",
                    reader=_reads_need_at("his insurance"))  # type: ignore[arg-type]
    offers = [f.text for f in found if f.kind == "offer"]
    needs = [f.text for f in found if f.kind == "need"]
    assert offers[0] == "has a Ford Transit he uses for small moves on weekends"
    assert needs == ["his insurance only covers private use"]
    # the reader not sure of it: the sentence stays one offer
    found = extract(note, on=date(2026, 3, 2), name="Lukas",
                    reader=_reads_need_at("his insurance", 0.55))  # type: ignore[arg-type]
    assert not any(f.kind == "need" for f in found)


def test_a_limit_after_pero_stays_part_of_the_offer() -> None:
    note = "Pepe Gil – es fontanero en Gracia, pero no hace calefacción ni gas."
    found = extract(note, on=date(2026, 3, 2), name="Pepe Gil",
                    reader=_reads_need_at("no hace", 0.9))  # type: ignore[arg-type]
    assert [f.kind for f in found] == ["offer"]
    assert "no hace calefacción" in found[0].text


def test_an_aside_in_parentheses_before_the_dash_is_not_the_opening_sentence() -> None:
    from lazos.text.segment import sentences

    read = sentences("Sofi Paredes (peruana) - tiene una guarde bilingüe en Embajadores. "
                     "Busca un seguro.", name="Sofía Paredes")
    assert [(s.text, s.first) for s in read] == [
        ("peruana", True), ("tiene una guarde bilingüe en Embajadores", True),
        ("Busca un seguro", False)]


def test_what_follows_the_need_in_the_opening_sentence_stays_with_the_need() -> None:
    note = ("Rodrigo tiene un estudio de grabación en Lavapies, lo alquila por horas, y quiere "
            "que alguien le arme una app de reservas, diseño y todo, hoy lo lleva por whatsapp.")
    found = extract(note, on=date(2026, 3, 2), name="Rodrigo")
    offers = [f.text for f in found if f.kind == "offer"]
    needs = [f.text for f in found if f.kind == "need"]
    assert offers == ["tiene un estudio de grabación en Lavapies, lo alquila por horas"]
    assert len(needs) == 1 and needs[0].endswith("hoy lo lleva por whatsapp")


def test_an_offer_word_keeps_its_clause_even_when_a_word_fits_a_biography() -> None:
    found = extract("Rob – Aussie, runs a surf school in Sopelana (lessons, board hire, summer "
                    "camps for kids).", on=date(2026, 3, 2), name="Rob")
    assert [f.text for f in found if f.kind == "offer"] == [
        "runs a surf school in Sopelana (lessons, board hire, summer camps for kids)"]


def test_a_list_of_what_they_do_not_do_is_no_need() -> None:
    found = extract("Gary – painter & decorator 20 yrs. Interiors only - no roofs, no facades, "
                    "'too old for ladders'.", on=date(2026, 3, 2), name="Gary")
    assert not any(f.kind == "need" for f in found)
    # one-word items only: "no tiene coche, no puede..." is a problem
    found = extract("Ana – fisio. No tiene coche, no puede ir a domicilio.", on=date(2026, 3, 2),
                    name="Ana")
    assert [f.kind for f in found] == ["offer", "need"]


def test_only_the_first_part_of_an_unpunctuated_opening_is_the_opening_sentence() -> None:
    from lazos.text.segment import sentences

    read = sentences("tomasz instala placas solares en chalets necesita un gestor para el iva "
                     "de la empresa", name="Tomasz")
    assert len(read) == 2 and [s.first for s in read] == [True, False]


def _read(note: str, name: str) -> list[tuple[str, str]]:
    from lazos.text.semantic import model_opinions

    found = extract(note, on=date(2026, 3, 2), name=name, reader=trained_readings,
                    second_opinion=model_opinions)
    return [(f.kind, f.text) for f in found if f.kind in ("need", "offer", "followup")]


@pytest.mark.slow
def test_news_about_someone_close_is_neither_a_need_nor_an_offer() -> None:
    read = _read("Tom - architect, restores old farmhouses. Husband Marco runs a bakery in "
                 "Gracia. Su socia Lidia no pudo venir.", "Tom")
    assert read == [("offer", "architect, restores old farmhouses")]
    read = _read("Lola - gestora. Tiene dos niños y su marido Iván es electricista en la "
                 "fábrica.", "Lola")
    assert read == [("offer", "gestora")]


@pytest.mark.slow
def test_a_problem_of_someone_close_is_still_a_need() -> None:
    read = _read("Tom - architect. His mum (82) fell on the stairs last month and can barely "
                 "walk now. Su hijo no pronuncia la ese y la profe dice que lo miren.", "Tom")
    assert [k for k, _ in read] == ["offer", "need", "need"]


@pytest.mark.slow
def test_a_status_with_no_trouble_is_no_need_but_a_deadline_is() -> None:
    read = _read("Kim - Korean, UX researcher. Here on a student visa.", "Kim")
    assert not any(k == "need" for k, _ in read)
    read = _read("Kim - UX researcher. Her visa expires in March and the renewal was refused.",
                 "Kim")
    assert any(k == "need" for k, _ in read)


def test_dropping_by_next_week_is_a_plan_not_a_need() -> None:
    read = _read("Ines - runs a bakery. Drop by the bakery next week.", "Ines")
    assert [k for k, _ in read] == ["offer", "followup"]


# ---- stop 15: lines the user writes to themself, limits said outright, what someone did
# before or who they know, and what they put forward for others


def test_a_line_the_user_marks_as_theirs_is_their_to_do_never_the_persons_need() -> None:
    note = ("Alba Castro, traductora jurada inglés-español. Yo: mirar si necesito traducción "
            "jurada para lo de la herencia. Me: ask her about the Kerala trip.")
    found = extract(note, on=date(2026, 3, 2), name="Alba Castro")
    assert [f.kind for f in found] == ["offer", "followup", "followup"]
    assert found[1].text == "mirar si necesito traducción jurada para lo de la herencia"
    assert found[2].followup_kind == "promise" and found[2].text == "ask her about the Kerala trip"


def test_a_limit_said_outright_is_a_limit_even_with_problem_words() -> None:
    from lazos.match.limits import is_limit

    note = ("Dan – personal trainer, groups in the park. Was clear he's not a physio, doesn't "
            "touch injuries or rehab. Babysits on weekends – kids only though, she's not "
            "comfortable doing elderly care.")
    found = extract(note, on=date(2026, 3, 2), name="Dan")
    assert "need" not in [f.kind for f in found]
    limits = [f.text for f in found if f.kind == "offer" and f.why.en.startswith("what they do not")]
    assert limits[0].startswith("Was clear he's not a physio")
    # never embedded as something offered: it would pull in every injury
    assert is_limit(limits[0])


def test_what_someone_did_before_or_who_they_know_is_no_need_even_when_the_reader_says_so() -> None:
    for sentence in ("Antes de profe fue aparejador en Madrid.",
                     "Was an electrician 40 years but hung up the tools, won't do any jobs now.",
                     "Tenía un bar en Santutxu que cerró en verano (le subieron el alquiler).",
                     "Knows 'an amazing lawyer in Madrid'."):
        found = extract(f"Josu – profe de FP en Txurdinaga. {sentence}", on=date(2026, 3, 2),
                        name="Josu", reader=_reads_need_at(sentence[:6], 0.75))  # type: ignore[arg-type]
        assert [f.kind for f in found] == ["offer"], sentence
    # a wish told with it is still a need
    found = extract("Josu – profe de FP. Antes era contable y ahora busca trabajo de lo suyo.",
                    on=date(2026, 3, 2), name="Josu")
    assert "need" in [f.kind for f in found]


def test_what_someone_puts_forward_for_others_is_an_offer_however_needy_it_sounds() -> None:
    note = ("Tom – structural engineer at the wind firm. He can put forward engineering students "
            "for the summer internship programme, they're short of applicants. Offers small "
            "businesses help with data stuff for cheap.")
    found = extract(note, on=date(2026, 3, 2), name="Tom")
    assert [f.kind for f in found] == ["offer", "offer", "offer"]


def test_good_news_and_no_problem_are_not_trouble_words() -> None:
    from lazos.text.classify import problem
    from lazos.text.fold import fold

    assert problem(fold("Tiene más alumnos que nunca")) is None
    assert problem(fold("da hipotecas a extranjeros sin problema")) is None
    assert problem(fold("no problem at all with the landlord")) is None
    assert problem(fold("Nunca le contestan del ayuntamiento")) is not None


def test_a_place_lent_or_a_spare_room_let_is_an_offer_even_in_news_about_family() -> None:
    found = extract("Iñaki – asador en Deusto. Además es socio de un txoko y lo presta/alquila "
                    "para cenas de hasta 40 personas.", on=date(2026, 3, 2), name="Iñaki")
    assert [f.kind for f in found] == ["offer", "offer"] and "txoko" in found[1].text
    found = extract("Maite – profe de euskera. Su hija se fue a Madrid y le sobra una habitación, "
                    "la alquilaría a una estudiante.", on=date(2026, 3, 2), name="Maite")
    assert [f.kind for f in found] == ["offer", "offer"] and "habitación" in found[1].text


def test_came_from_is_no_glass_of_wine_and_a_short_role_opening_stays_an_offer() -> None:
    found = extract("Carlos Pérez, headhunter, se vino de Madrid en septiembre.",
                    on=date(2026, 3, 2), name="Carlos Pérez",
                    reader=_reads_need_at("zzz"))  # type: ignore[arg-type]
    assert [(f.kind, f.text) for f in found] == [("offer", "headhunter")]
    found = extract("Pepe – fontanero. Quedamos para un vino el jueves.", on=date(2026, 3, 2),
                    name="Pepe")
    assert [f.kind for f in found] == ["offer", "followup"]


def test_the_reader_cannot_turn_a_short_role_opening_into_a_remark() -> None:
    from lazos.text import classify as cls
    from lazos.text.extract import _overrule

    opening = cls.classify("headhunter, se vino de Madrid en septiembre", first=True)
    remark = Reading(0.05, 0.15, 0.8)
    assert _overrule("headhunter, se vino de Madrid en septiembre", opening, remark).kind == "offer"
    # a first sentence that is only where they are from is still the reader's to judge
    opening = cls.classify("from Leeds, lives in Deusto", first=True)
    assert _overrule("from Leeds, lives in Deusto", opening, remark).kind == "noise"


def test_a_relatives_trade_and_what_they_say_they_do_not_need_are_no_needs() -> None:
    note = ("Gorka – gestor de hipotecas en Kutxabank. Su primo es psicólogo infantil en "
            "Donosti pero no quiere meter a la familia. La página de fb se la lleva su hija y "
            "dice que le sobra, con el boca a boca va servido.")
    found = extract(note, on=date(2026, 3, 2), name="Gorka",
                    reader=_reads_need_at("Su primo", 0.95))  # type: ignore[arg-type]
    assert [f.kind for f in found] == ["offer"]
    # a relative who is not named by a trade is still the reader's to judge
    found = extract("Ana – fisio. Her partner is Australian and his visa runs out in spring, "
                    "they need to sort out his residency.", on=date(2026, 3, 2), name="Ana")
    assert "need" in [f.kind for f in found]


def test_a_reported_offer_and_a_room_let_after_family_news_keep_only_the_offer() -> None:
    found = extract("Tom – structural engineer. Said he can put forward engineering students "
                    "for the internship programme at his firm.", on=date(2026, 3, 2), name="Tom",
                    reader=_reads_need_at("Said", 0.9))  # type: ignore[arg-type]
    assert [f.kind for f in found] == ["offer", "offer"]
    found = extract("Maite – profe de euskera. Su hija se fue a Madrid y le sobra una "
                    "habitación, la alquilaría a una estudiante.", on=date(2026, 3, 2), name="Maite")
    assert found[1].text == "le sobra una habitación, la alquilaría a una estudiante"
