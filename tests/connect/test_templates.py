"""Message templates: both languages for every one, and the user's own copies win."""

from __future__ import annotations

from pathlib import Path

import pytest

from lazos.connect import introductions as intros
from lazos.errors import ValidationError
from lazos.messages.render import BUNDLED
from lazos.store import Store
from tests.connect.conftest import Net


def test_every_template_exists_in_spanish_and_english() -> None:
    en = {p.name for p in (BUNDLED / "en").glob("*.txt")}
    es = {p.name for p in (BUNDLED / "es").glob("*.txt")}
    assert en == es and {"ask_requester.txt", "ask_helper.txt", "introduction.txt",
                         "thank_you.txt", "linkedin_note.txt", "xing_note.txt",
                         "invitation.txt", "checkin.txt"} <= en


def test_a_users_copy_of_a_template_is_used(store: Store, net: Net, tmp_path: Path) -> None:
    mine = tmp_path / "home" / "templates" / "es"
    mine.mkdir(parents=True)
    (mine / "ask_requester.txt").write_text(
        "Subject: ¿Te presento a {{ helper.name }}?\n¡Hola {{ requester.first_name }}! Un abrazo.\n",
        encoding="utf-8")
    [m] = intros.ask(store, need_id=net.roof.id, helper="Bob").messages
    assert m.subject == "¿Te presento a Bob Smith?" and m.body == "¡Hola Lucía! Un abrazo.\n"


def test_a_broken_copy_names_the_file_and_drafts_nothing(store: Store, net: Net,
                                                         tmp_path: Path) -> None:
    mine = tmp_path / "home" / "templates" / "es"
    mine.mkdir(parents=True)
    (mine / "ask_requester.txt").write_text("Hola {{ nadie.nombre }}", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        intros.ask(store, need_id=net.roof.id, helper="Bob")
    assert "ask_requester" in err.value.render("en") and str(mine) in err.value.render("en")
    assert intros.list_introductions(store) == []
