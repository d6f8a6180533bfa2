"""`import lazos` offers the same use cases as the CLI."""

from __future__ import annotations

from pathlib import Path

import lazos


def test_the_readme_story_works_from_python(tmp_path: Path) -> None:
    with lazos.open_network(f"sqlite:///{tmp_path / 'mi-red.db'}") as net:
        marta = lazos.add_person(net, name="Marta López", emails=["marta@example.com"],
                                 role="Fisioterapeuta", languages=["es"])
        need = lazos.add_need(net, person="marta@example.com",
                              text="Me duele la espalda desde hace meses")
        lazos.add_offer(net, person=marta.id, text="Fisioterapia deportiva: espalda y rodilla")
        marta = lazos.update_person(net, marta.id, city="Valencia", add_tags=["salud"])
        detail = lazos.show_person(net, "marta")
    assert detail.person.city == "Valencia" and detail.person.tags == ["salud"]
    assert [n.id for n in detail.needs] == [need.id]
    assert detail.person.lang == "es"
    assert {t.kind for t in detail.timeline} >= {"need", "offer"}


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        lazos.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
