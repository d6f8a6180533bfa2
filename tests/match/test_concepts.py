"""The bilingual concept glossary: shared lexical terms across languages, short-offer
expansion, the language fit, and the room-size-aware abstention threshold."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from lazos.match.abstain import REF_NETWORK, SMALL_NETWORK, SMALL_THRESHOLD, THRESHOLD, threshold
from lazos.match.index import expand_offer, language_ids, language_matrix
from lazos.match.knowledge import load_kinds
from lazos.match.lexical import STOP, concept_ids, concepts, parse_concepts, terms
from lazos.match.rank import _language_fit
from lazos.text.fold import words


def test_the_glossary_is_well_formed_and_names_real_kinds():
    found = concepts()
    assert len(found) >= 50
    assert len({c.id for c in found}) == len(found)
    kinds = {k.id for k in load_kinds()}
    for concept in found:
        assert set(concept.kinds) <= kinds, concept.id
        for entry in concept.words:
            assert not set(words(entry)) & STOP, (concept.id, entry)
    assert sum(c.is_language for c in found) >= 15


def test_a_malformed_glossary_line_names_its_line():
    with pytest.raises(ValueError, match=r"concepts.txt:2: expected 3"):
        parse_concepts("# comment\nplumber\tfontanero | plumber\n")
    with pytest.raises(ValueError, match=r"defined twice"):
        parse_concepts("a\t-\tx\na\t-\ty\n")


@pytest.mark.parametrize(("es", "en", "concept"), [
    ("Fontanero, urgencias", "I need a plumber", "plumber"),
    ("Busco un electricista", "the shop's electrics trip", "electrician"),
    ("Da clases de español", "Spanish lessons", "lang_es"),
    ("tiene el inglés oxidado", "teaches Business English", "lang_en"),
    ("abogada laboralista", "got let go, no severance", "labour_law"),
    ("una carta de Hacienda por el IVA", "my VAT return", "tax"),
])
def test_spanish_and_english_words_share_a_concept_term(es, en, concept):
    assert f"c:{concept}" in terms(es)
    assert f"c:{concept}" in terms(en)


def test_ambiguous_words_are_not_concepts():
    # a city is not a language, a verb is not a van, a name is not a trademark
    assert concept_ids(terms("Vivo en Valencia, se van mañana con Marco")) == []


def test_no_stem_names_two_concepts():
    # stems are shared by every form of a word: "customs" (trade) stems like "custom" and
    # "customers", so one of them may not be a concept word, or "custom furniture" would
    # look like an export need
    owners: dict[str, set[str]] = {}
    for concept in concepts():
        for entry in concept.words:
            for term in terms(entry):
                if not term.startswith("c:"):
                    owners.setdefault(term, set()).add(concept.id)
    assert {t: ids for t, ids in owners.items() if len(ids) > 1} == {}
    assert "c:export" not in terms("custom furniture for our customers")


@pytest.mark.parametrize(("es", "en", "concept"), [
    ("Peluquería canina y adiestrador", "a behaviourist for my anxious dog", "dog_trainer"),
    ("Tengo cucarachas en la cocina", "pest control for cockroaches", "pest"),
    ("la caldera no enciende", "boiler service", "heating"),
    ("un cliente con facturas impagadas", "unpaid invoices", "unpaid"),
    ("quiero adaptarme al RGPD", "GDPR compliance", "gdpr"),
])
def test_round_two_concepts_bridge_the_two_languages(es, en, concept):
    assert f"c:{concept}" in terms(es)
    assert f"c:{concept}" in terms(en)


def test_a_short_label_is_expanded_with_its_kind_and_a_description_is_not():
    kinds = {k.id: k for k in load_kinds()}
    label = expand_offer("electricista autónomo", kinds)
    assert label.startswith("electricista autónomo — ")
    assert kinds["electrician"].description in label
    long = ("Installs CCTV cameras and alarms for shops and homes, can also set up remote "
            "viewing on your phone")
    assert expand_offer(long, kinds) == long
    assert expand_offer("Speaks French", kinds) == "Speaks French"  # speaking is not teaching


def test_a_named_language_favours_its_teacher_over_a_teacher_of_another():
    people = ["teaches Mandarin, also imports Chinese tea", "academia de español",
              "plumber, 24 hours"]
    index = SimpleNamespace(langs=language_matrix([terms(p) for p in people]))
    assert index.langs.shape == (3, len(language_ids()))
    fused = np.zeros((2, 3), dtype=np.float32)
    _language_fit(index, [terms("I need proper Spanish lessons"), terms("my tap leaks")],
                  fused, 1.0)  # type: ignore[arg-type]
    assert fused[0].tolist() == [-1.0, 1.0, 0.0]   # Mandarin down, Spanish up, plumber alone
    assert fused[1].tolist() == [0.0, 0.0, 0.0]    # no language named: nobody moves


def test_small_rooms_need_less_to_suggest_their_clear_best_helper():
    assert threshold(REF_NETWORK) == THRESHOLD
    assert threshold(10_000) == THRESHOLD
    assert threshold(SMALL_NETWORK - 1) == SMALL_THRESHOLD  # tiny networks: their own rule
    assert threshold(SMALL_NETWORK) < threshold(50) < threshold(REF_NETWORK - 1) < THRESHOLD


@pytest.mark.slow
def test_a_language_need_goes_to_a_teacher_of_that_language_with_the_real_model(store):
    from lazos.match.service import who_can
    from lazos.services.needs import add_offer
    from lazos.services.people import add_person

    chen = add_person(store, name="Chen")
    add_offer(store, person=chen.id, text="teaches Mandarin, also imports Chinese tea", lang="en")
    carmen = add_person(store, name="Carmen")
    add_offer(store, person=carmen.id, text="academia de español para extranjeros", lang="es")
    hannah = add_person(store, name="Hannah")
    add_offer(store, person=hannah.id, text="teaches Business English in companies", lang="en")
    sergi = add_person(store, name="Sergi")
    add_offer(store, person=sergi.id, text="electricista autónomo", lang="es")
    first = {text: who_can(store, text).matches[0].person_id for text in (
        "I need proper Spanish lessons, clients talk too fast",
        "tengo el inglés muy oxidado y me voy a trabajar a Dublín",
        "the shop's electrics trip every time the AC is on")}
    assert list(first.values()) == [carmen.id, hannah.id, sergi.id]


def test_the_label_at_the_head_of_a_long_offer_names_its_kinds_qualifier_included():
    kinds = {k.id: k for k in load_kinds()}
    offer = ("gestoria de extranjeria en Tirso de Molina: NIE, TIE, arraigos, renovaciones, "
             "visado de nomada digital")
    expanded = expand_offer(offer, kinds)
    # the head names the trade (gestoría) and what it is about (extranjería): both count
    assert kinds["immig_lawyer"].description in expanded
    assert kinds["accountant"].description in expanded
    # a long head is a description, not a label
    assert expand_offer("Weekdays he teaches PE at the German school on the hill, and "
                        "coaches the under-12 football team", kinds).count(" — ") == 0
