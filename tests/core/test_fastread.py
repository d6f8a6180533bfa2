"""The read-only fast path (lazos.store.fastread) says exactly what the ORM path says.

``lazos people``, ``lazos need list`` and ``lazos show`` read a current SQLite store with
the standard library's sqlite3, to start without SQLAlchemy. Each command here runs twice
on the same store, once through the fast path (the ORM path is then not allowed to run)
and once with LAZOS_NO_FASTREAD=1, and the outputs must be byte-identical. Where the fast
path cannot answer (PostgreSQL, an old or new schema, a name that fits several people)
the ORM path answers, with its own errors.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

import lazos
from lazos.model import FollowUpKind, NeedStatus
from lazos.store import Store
from lazos.store.fastread import SCHEMA_HEAD, Reader, read_fast
from tests.conftest import PG_URL, run, start_lazos

on_sqlite = pytest.mark.skipif(bool(PG_URL), reason="the fast path reads SQLite files only")


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of a SQLite store filled once, through the services, for the whole module.

    (SQLite even when the suite runs on PostgreSQL: the fast path reads SQLite files only.)
    """
    url = f"sqlite:///{tmp_path_factory.mktemp('fastread') / 'lazos.db'}"
    with pytest.MonkeyPatch.context() as m, lazos.open_network(url) as store:
        _fill(store, m)
    return url


@pytest.fixture
def cli(network: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CLI runner on the filled store (the commands here only read it)."""
    monkeypatch.setenv("LAZOS_DATABASE_URL", network)
    return CliRunner()


def _fill(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Alice, Bob, two Martas and friends: needs in every state, private needs, offers,
    notes, events and follow-ups. The clock is pinned, so many rows share a timestamp:
    ties must come out in the same order on both paths.
    """
    monkeypatch.setenv("LAZOS_NOW", "2026-11-27T10:00:00")
    alice = lazos.add_person(
        store, name="Alice Moreno", emails=["alice@example.com", "a.moreno@example.org"],
        phones=["+34 600 000 001"], company="Cerámicas [Levante]", role="Diseñadora",
        city="Valencia", languages=["es", "en"], linkedin_url="https://www.linkedin.com/in/alice",
        met_at="Afterwork de la Cámara", met_through="Bob", tags=["vecinos", "clientes"],
        keep_in_touch_days=30)
    bob = lazos.add_person(store, name="Bob Núñez", company="Fontanería Núñez", city="València",
                           emails=["bob@example.com"], tags=["proveedores"])
    lazos.add_person(store, name="Marta López", company="Café_100%", city="Madrid")
    lazos.add_person(store, name="Marta Ruiz", tags=["vecinos"])
    zoe = lazos.add_person(store, name="Zoë [bold]O'Brien[/]", languages=["en"])
    lazos.add_person(store, name="陈伟 Chen", city="Valencia")
    inigo = lazos.add_person(store, name="Íñigo Ñúñez", role="Abogado")

    def need(person: int, text: str, **kw: object) -> int:
        return lazos.add_need(store, person=person, text=text, **kw).id  # type: ignore[arg-type]

    need(alice.id, "Busco un fontanero de confianza")
    lazos.set_need_status(store, need(alice.id, "Necesito una traductora al alemán"),
                          NeedStatus.IN_PROGRESS)
    lazos.set_need_status(store, need(alice.id, "Quiero aprender cerámica"), NeedStatus.SOLVED)
    lazos.set_need_status(store, need(bob.id, "Busco local en Ruzafa"), NeedStatus.DROPPED)
    need(alice.id, "Me duele la espalda desde hace meses", topic="health")
    lazos.record_consent(store, need(bob.id, "Necesito un préstamo", topic="money"))
    need(zoe.id, "Looking for a [red]piano[/] teacher", lang="en")
    need(inigo.id, "Un asesor para la ley de extranjería", topic="immigration", private=False)
    monkeypatch.setenv("LAZOS_NOW", "2026-11-28T09:30:00")
    lazos.set_need_status(store, need(inigo.id, "Una mudanza el sábado"), NeedStatus.SOLVED)
    lazos.add_offer(store, person=bob.id, text="Arreglo tuberías y calderas")
    lazos.add_offer(store, person=alice.id, text="Clases de inglés")
    lazos.add_note(store, person=alice.id, text="Comimos juntas; busca fontanero", kind="lunch",
                   happened_on="2026-11-20")
    lazos.add_note(store, person=alice.id, text="Nota con [markup] y 100% cosas")
    lazos.add_event(store, name="Afterwork Cámara de Comercio", happened_on="2026-10-22",
                    place="Valencia")
    lazos.add_event(store, name="Meetup Python València", happened_on="2026-11-20")
    lazos.attend(store, event="Afterwork", people=[alice.id, bob.id, "Marta López"])
    lazos.attend(store, event="Meetup", people=[alice.id])
    lazos.add_followup(store, person=alice.id, text="Enviarle el contacto de Bob",
                       due_on="2026-11-29")
    lazos.add_followup(store, person=alice.id, text="Preguntar por la cerámica",
                       kind=FollowUpKind.CHECK_IN)


@contextmanager
def _fast_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The ORM path may not run: the fast path must answer alone."""
    import importlib

    from lazos.cli.app import COMMANDS

    # imported first, so no command module binds the stand-in below for later tests
    for entry in COMMANDS:
        importlib.import_module(entry.module)
    with monkeypatch.context() as m:
        @contextmanager
        def no_orm() -> Iterator[Store]:
            raise AssertionError("the ORM path ran")
            yield  # pragma: no cover

        m.setattr("lazos.cli.common.network", no_orm)
        yield


def _both(cli: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str], lang: str,
          *, fast: bool = True) -> tuple[tuple[int, str], tuple[int, str]]:
    monkeypatch.setenv("LAZOS_LANG", lang)
    if fast:
        with _fast_only(monkeypatch):
            fast_out = run(cli, *args)
    else:
        fast_out = run(cli, *args)
    with monkeypatch.context() as m:
        m.setenv("LAZOS_NO_FASTREAD", "1")
        orm_out = run(cli, *args)
    return fast_out, orm_out


ANSWERED = [
    ["people"], ["people", "--json"], ["people", "--tag", "VECINOS"],
    ["people", "--city", "valencia"], ["people", "--company", "fontaneria"],
    ["people", "--event", "afterwork"], ["people", "--event", "1", "--json"],
    ["people", "--open-needs"], ["people", "--name", "mar"], ["people", "--name", "%"],
    ["people", "--name", "_"], ["people", "--name", "nunez", "--open-needs", "--json"],
    ["people", "--event", "Meetup Python València", "--tag", "vecinos", "--city", "val"],
    ["need", "list"], ["need", "list", "--all"], ["need", "list", "--json"],
    ["need", "list", "--status", "solved"], ["need", "list", "--status", "dropped", "--json"],
    ["need", "list", "--status", "in_progress", "--all"], ["need", "list", "alice"],
    ["need", "list", "alice", "--all", "--json"], ["need", "list", "BOB@example.com", "--all"],
    ["need", "list", "1", "--status", "open"], ["need", "list", "mar lop", "--all"],
    ["show", "alice"], ["show", "Alice Moreno", "--json"], ["show", "1"],
    ["show", "a.moreno@example.org"], ["show", "zoe"], ["show", "zoë o'brien", "--json"],
    ["show", "陈伟"], ["show", "inigo nunez"], ["show", "mar lop"], ["show", "bob", "--json"],
    ["search", "fontanero"], ["search", "VALENCIA", "--json"], ["search", "extranjeria"],
    ["search", "mar"], ["search", "markup"], ["search", "vecinos"], ["search", "nadie aqui"],
]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("args", ANSWERED, ids=" ".join)
def test_fast_path_prints_what_the_orm_path_prints(
        cli: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str],
        lang: str) -> None:
    (fast_code, fast_out), (orm_code, orm_out) = _both(cli, monkeypatch, args, lang)
    assert fast_code == orm_code == 0, orm_out
    assert fast_out == orm_out
    assert fast_out.strip()


def test_comparisons_see_real_content(cli: CliRunner,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Guard against comparing two empty outputs: the stories above are in the output."""
    (_, shown), _ = _both(cli, monkeypatch, ["show", "alice", "--json"], "en")
    detail = json.loads(shown)
    assert detail["person"]["emails"] == ["alice@example.com", "a.moreno@example.org"]
    assert [n["status"] for n in detail["needs"]] == ["open", "in_progress", "solved", "open"]
    assert [n["shareable"] for n in detail["needs"]] == [True, True, True, False]
    assert [e["name"] for e in detail["events"]] == ["Afterwork Cámara de Comercio",
                                                     "Meetup Python València"]
    assert len(detail["followups"]) == 2 and len(detail["notes"]) == 2
    (_, listed), _ = _both(cli, monkeypatch, ["need", "list"], "es")
    assert "🔒 Me duele la espalda" in listed and "Necesito un préstamo" in listed
    assert "🔒 Necesito un préstamo" not in listed  # consent recorded: shareable
    (_, found), _ = _both(cli, monkeypatch, ["search", "fontanero", "--json"], "en")
    assert [(h["kind"], h["person_name"]) for h in json.loads(found)] == [
        ("need", "Alice Moreno"), ("note", "Alice Moreno")]


FALLBACK = [
    ["show", "marta"],                 # several people: the ORM path lists them
    ["show", "nadie"],                 # nobody
    ["show", "999"],
    ["show", "99999999999999999999999"],  # beyond any database integer
    ["show", "nobody@example.com"],
    ["need", "list", "marta"],
    ["need", "list", "--status", "closed"],
    ["people", "--event", "nothing"],
    ["people", "--event", "999"],
]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("args", FALLBACK, ids=" ".join)
def test_what_the_fast_path_cannot_answer_gives_the_orm_paths_errors(
        cli: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str],
        lang: str) -> None:
    (fast_code, fast_out), (orm_code, orm_out) = _both(cli, monkeypatch, args, lang, fast=False)
    assert fast_code == orm_code == 2
    assert fast_out == orm_out
    assert "Error" in fast_out


def test_only_one_unique_person_is_answered_by_the_fast_path(
        network: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_DATABASE_URL", network)
    assert read_fast(lambda r: r.show_person("alice").person.name) == "Alice Moreno"
    assert read_fast(lambda r: r.show_person("mar lop").person.name) == "Marta López"
    assert read_fast(lambda r: r.show_person("marta")) is None  # two Martas
    assert read_fast(lambda r: r.show_person("")) is None
    assert read_fast(lambda r: r.list_needs(person="nobody@example.com")) is None
    assert read_fast(lambda r: r.list_people(event="nothing")) is None


# --- when the fast path is taken, and when it is not ------------------------------------


def _start(args: list[str], url: str, **env: str) -> tuple[int, str, bool]:
    """``lazos ARGS`` in a fresh Python: (exit code, output, whether SQLAlchemy loaded)."""
    full = {k: v for k, v in os.environ.items() if k != "LAZOS_NO_FASTREAD"}
    full.update({"LAZOS_DATABASE_URL": url, "LAZOS_LANG": "en", "COLUMNS": "100", **env})
    code, output, errors, modules = start_lazos(args, full)
    return code, output + errors, "sqlalchemy" in modules


@pytest.fixture
def small(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'small.db'}"
    with lazos.open_network(url) as net:
        alice = lazos.add_person(net, name="Alice Moreno", city="Valencia")
        lazos.add_need(net, person=alice.id, text="Busco un fontanero de confianza")
    return url


@pytest.mark.parametrize("args, expected", [
    (["people"], "Alice Moreno"),
    (["need", "list"], "fontanero"),
    (["show", "alice"], "Valencia"),
])
def test_listing_commands_start_without_sqlalchemy(small: str, args: list[str],
                                                   expected: str) -> None:
    code, out, loaded = _start(args, small)
    assert code == 0 and expected in out and not loaded
    code, orm_out, loaded = _start(args, small, LAZOS_NO_FASTREAD="1")
    assert code == 0 and orm_out == out and loaded


def test_a_store_written_by_a_newer_lazos_is_refused_by_the_orm_path(small: str) -> None:
    _set_revision(small, "9999")
    code, out, loaded = _start(["people"], small)
    assert code == 2 and "newer version of Lazos" in out and loaded


def test_a_missing_file_is_created_by_the_orm_path(tmp_path: Path) -> None:
    db = tmp_path / "new" / "lazos.db"
    code, out, loaded = _start(["people"], f"sqlite:///{db}")
    assert code == 0 and "0 people." in out and loaded
    assert db.is_file()


def _set_revision(url: str, revision: str) -> None:
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


@contextmanager
def _reading(store: Store) -> Iterator[None]:
    """LAZOS_DATABASE_URL pointing at ``store``, for calls to read_fast in this process."""
    with pytest.MonkeyPatch.context() as m:
        m.setenv("LAZOS_DATABASE_URL", store.url)
        yield


def _answer(reader: Reader) -> str:
    return "answered"


@on_sqlite
def test_read_fast_answers_only_for_a_current_sqlite_file(store: Store, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    lazos.add_person(store, name="Alice Moreno")
    with _reading(store):
        assert read_fast(_answer) == "answered"
        monkeypatch.setenv("LAZOS_NO_FASTREAD", "1")
        assert read_fast(_answer) is None
        monkeypatch.delenv("LAZOS_NO_FASTREAD")
        _set_revision(store.url, "0004")  # older than this code: the ORM path migrates it
        assert read_fast(_answer) is None
        _set_revision(store.url, SCHEMA_HEAD)
        assert read_fast(_answer) == "answered"
    for url in ("postgresql://alice@127.0.0.1:1/lazos", "sqlite://",
                f"sqlite:///{tmp_path / 'missing.db'}"):
        monkeypatch.setenv("LAZOS_DATABASE_URL", url)
        assert read_fast(_answer) is None
    assert not (tmp_path / "missing.db").exists()
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    monkeypatch.setenv("LAZOS_DATABASE_URL", f"sqlite:///{tmp_path / 'junk.db'}")
    assert read_fast(_answer) is None


@on_sqlite
def test_the_fast_path_cannot_write(store: Store) -> None:
    lazos.add_person(store, name="Alice Moreno")
    with _reading(store):
        assert read_fast(lambda r: r.db.execute("DELETE FROM people").rowcount) is None
    assert [p.name for p in lazos.list_people(store)] == ["Alice Moreno"]


def test_schema_head_is_the_one_the_engine_knows() -> None:
    from lazos.store.engine import SCHEMA_HEAD as ENGINE_HEAD

    assert SCHEMA_HEAD == ENGINE_HEAD
