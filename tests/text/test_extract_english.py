"""Reading English (and mixed) notes."""

from __future__ import annotations

from datetime import date

from lazos.text.extract import extract

THURSDAY = date(2026, 3, 12)


def test_bob_offer_with_company_need_and_promise() -> None:
    found = extract("Bob Lee - does bookkeeping for restaurants at Ledger & Co. Looking for a "
                    "cheap flat near the beach. Send him the deck tomorrow.", on=THURSDAY,
                    name="Bob Lee")
    by_kind = {f.kind: f for f in found}
    assert by_kind["offer"].text == "does bookkeeping for restaurants at Ledger & Co"
    assert by_kind["need"].text == "Looking for a cheap flat near the beach"
    assert by_kind["followup"].due_on == date(2026, 3, 13)
    assert by_kind["followup"].followup_kind == "promise"


def test_problems_in_passing_in_english() -> None:
    found = extract("Carol runs a bakery. Her visa expires in June. Can't hire anyone for "
                    "the morning shift. Her knee has been hurting for weeks.", on=THURSDAY,
                    name="Carol")
    needs = [(f.text, f.topic, f.private) for f in found if f.kind == "need"]
    assert needs == [("Her visa expires in June", "immigration", True),
                     ("Can't hire anyone for the morning shift", None, False),
                     ("Her knee has been hurting for weeks", "health", True)]


def test_a_sick_pet_is_not_the_owners_health() -> None:
    found = extract("Dan - her dog is sick and needs a vet who visits at home.", on=THURSDAY,
                    name="Dan")
    need = next(f for f in found if f.kind == "need")
    assert need.private is False


def test_mixed_languages_typos_and_abbreviations() -> None:
    found = extract("Erin, dentist, speaks spanish. necesita un electricista urgente pq se le "
                    "va la luz. coffee next wk?", on=THURSDAY, name="Erin")
    assert [f.kind for f in found] == ["offer", "need", "followup"]
    assert found[2].due_on == date(2026, 3, 16)  # Monday of next week


def test_colour_is_not_an_item() -> None:
    found = extract("Frank - architect. Very nice. Sent me his card.", on=THURSDAY, name="Frank")
    assert [f.kind for f in found] == ["offer"]


def test_the_users_own_wish_is_not_the_persons_need() -> None:
    found = extract("Gina - trainer. Follow up re workshops for my team!", on=THURSDAY,
                    name="Gina")
    assert [f.kind for f in found] == ["offer", "followup"]


def test_biography_and_a_bare_nationality_stay_out_of_the_offer() -> None:
    found = extract("Hank (Nigerian, been here 2 yrs) - mobile app developer, moved from Lagos "
                    "via London. His landlord won't return the deposit.", on=THURSDAY, name="Hank")
    assert [f.text for f in found if f.kind == "offer"] == ["mobile app developer"]


def test_shorthand_is_written_out_in_proposals_only() -> None:
    found = extract("Ivy - freelance web dev for small biz. Coffee next wk.", on=THURSDAY,
                    name="Ivy")
    assert found[0].text == "freelance web developer for small business"
    assert found[1].date_text == "next wk"


def test_a_possessive_name_is_still_linked() -> None:
    found = extract("Jack - landlord. I promised to send him Graciela's number.", on=THURSDAY,
                    name="Jack", people=[(7, "Graciela Torres")])
    assert [(f.text, f.person_id) for f in found if f.kind == "mention"] == [("Graciela Torres", 7)]


def test_when_a_problem_started_is_left_out_of_the_need() -> None:
    found = extract("Kai - baker. Hasn't slept properly since she moved here in Jan, anxious all "
                    "the time. His van broke down last week.", on=THURSDAY, name="Kai")
    assert [f.text for f in found if f.kind == "need"] == [
        "Hasn't slept properly, anxious all the time", "His van broke down"]


def test_a_wish_that_points_back_joins_the_problem_but_a_new_subject_stands_alone() -> None:
    # "someone good" leans on the back pain just told: one need
    joined = extract("Ana - architect. Her back has been killing her for months. Asked if I "
                     "knew someone good.", on=THURSDAY, name="Ana")
    assert [f.text for f in joined if f.kind == "need"] == [
        "Her back has been killing her for months. Asked if I knew someone good"]
    # "someone" again, but with a subject of its own (photos of a villa): a second need
    apart = extract("Rick - retired. His wife can't sleep since the stroke. Wants someone to "
                    "redo the pics of the villa before he relists it, the agent's are dark.",
                    on=THURSDAY, name="Rick")
    needs = [f.text for f in apart if f.kind == "need"]
    assert len(needs) == 2 and needs[1].startswith("Wants someone to redo the pics")


def test_a_move_is_a_need_and_a_moving_company_an_offer() -> None:
    moving = extract("Jon - UX designer. Moving Malasaña -> Carabanchel on the 5th, no car, "
                     "mostly boxes.", on=THURSDAY, name="Jon")
    assert [f.text for f in moving if f.kind == "need"] == [
        "Moving Malasaña -> Carabanchel on the 5th, no car, mostly boxes"]
    mover = extract("Ray - runs a moving company, vans and 4 guys.", on=THURSDAY, name="Ray")
    assert [f.kind for f in mover if f.kind in ("need", "offer")] == ["offer"]


def test_after_a_dash_she_tells_on_the_same_problem() -> None:
    # stop 14: a sentence after a spaced dash that opens with the person as a pronoun goes
    # on with the problem before it; a full stop still starts a new one
    found = extract("Hana - psychologist. Her car died on the motorway and a garage quoted 2k "
                    "for the clutch - she wants a second opinion before paying. Looking for "
                    "a flat near the beach.", on=THURSDAY, name="Hana")
    needs = [f.text for f in found if f.kind == "need"]
    assert needs == ["Her car died on the motorway and a garage quoted 2k for the clutch – she "
                     "wants a second opinion before paying", "Looking for a flat near the beach"]


def test_a_want_inside_a_because_clause_does_not_cut_the_sentence() -> None:
    # "...stuck bc the Registro Civil wants..." is one thought: the verb belongs to "bc"
    found = extract("Chloe - wedding planner. This yr 3 of her couples are stuck bc the "
                    "Registro Civil wants official Spanish versions of their birth certs",
                    on=THURSDAY, name="Chloe")
    needs = [f.text for f in found if f.kind == "need"]
    assert len(needs) == 1 and "Registro Civil wants official Spanish versions" in needs[0]


def test_who_an_offer_is_for_stays_in_the_offer() -> None:
    # "kids" after "for" is the audience, not the person's family (stop 14)
    found = extract("Claire runs a language school: Spanish for foreigners (DELE prep), English "
                    "for kids & adults. Has 2 kids.", on=THURSDAY, name="Claire")
    offers = [f.text for f in found if f.kind == "offer"]
    assert offers == ["runs a language school: Spanish for foreigners (DELE prep), English for "
                      "kids & adults"]


def test_after_a_dash_what_they_do_goes_on() -> None:
    # "exam" is what needs are about, but after "English teacher -" no trouble is told
    taught = extract("Emily - from Leeds. English teacher - in-company classes + Cambridge exam "
                     "prep (B2 First, C1 Advanced). Sings in a choir.", on=THURSDAY, name="Emily")
    assert [f.kind for f in taught if f.kind in ("need", "offer")] == ["offer", "offer"]
    assert any("Cambridge exam prep" in f.text for f in taught if f.kind == "offer")


def test_a_pronoun_after_a_remark_and_a_dash_takes_the_remark_as_its_subject() -> None:
    from lazos.text.semantic import Reading

    def reader(texts: object) -> list[Reading | None]:
        # the remark is a remark; the rest is left to the lexicons
        return [Reading(0.1, 0.1, 0.8) if t.startswith("His 8yo") else None
                for t in texts]  # type: ignore[attr-defined]

    found = extract("David - data scientist. His 8yo started at the local school and everything "
                    "is taught in Catalan - she comes home crying, doesn't understand a word.",
                    on=THURSDAY, name="David", reader=reader)
    needs = [f.text for f in found if f.kind == "need"]
    assert needs == ["His 8yo started at the local school and everything is taught in Catalan – "
                     "she comes home crying, doesn't understand a word"]
