"""``lazos eval scenario``: raw notes in, suggested connections and pair metrics out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lazos.eval.scenario import run_scenario, score_pairs
from tests.conftest import SHARED, run

NOTES = [
    {"person": "Alice Moreno", "lang": "es", "note": "Alice – fontanera. Busca un gestor para "
     "los impuestos."},
    {"person": "Bob Stone", "lang": "en", "note": "Bob - tax adviser for freelancers. His roof "
     "is leaking. Coffee next week."},
    {"truth": [{"who": "Alice Moreno", "need": "tax adviser", "helpers": ["Bob Stone"]},
               {"who": "Bob Stone", "need": "leaking roof", "helpers": []}]},
]


def _write(tmp_path: Path, lines: list[dict[str, object]]) -> Path:
    path = tmp_path / "scenario.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                    encoding="utf-8")
    return path


def test_every_extracted_need_gets_a_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_EMBEDDER", "fake")
    result = run_scenario(_write(tmp_path, NOTES))
    assert [(s["who"], s["need"]) for s in result.suggestions] == [
        ("Alice Moreno", "Busca un gestor para los impuestos"),
        ("Bob Stone", "His roof is leaking")]
    assert all(h["name"] != s["who"] for s in result.suggestions for h in s["helpers"])
    assert result.extraction["needs_found"] == 2 and result.extraction["needs_in_truth"] == 2
    assert result.pairs is not None and result.pairs["truth_pairs"] == 1


def test_pair_scoring_counts_top_helpers_once() -> None:
    truth = [{"who": "Ana", "helpers": ["Bob", "Carla"]}]
    suggestions = [{"who": "Ana", "helpers": [{"name": "Bob"}, {"name": "Dan"}]},
                   {"who": "Ana", "helpers": [{"name": "Bob"}]}]
    scored = score_pairs(truth, suggestions)
    assert (scored["precision"], scored["recall"]) == (0.5, 0.5)


def test_cli_writes_suggestions_and_prints_metrics(cli: CliRunner, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_EMBEDDER", "fake")
    out = tmp_path / "suggestions.jsonl"
    code, text = run(cli, "eval", "scenario", "--notes", str(_write(tmp_path, NOTES)),
                     "--out", str(out))
    assert code == 0, text
    assert "precision" in text and "recall" in text
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_a_broken_line_names_the_file_and_line(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"person": "Ana", "note": "hola"}\n{not json\n', encoding="utf-8")
    code, text = run(cli, "eval", "scenario", "--notes", str(path), "--out",
                     str(tmp_path / "o.jsonl"))
    assert code == 2 and "line 2" in text


@pytest.mark.slow
def test_dev_scenario_finds_the_needs_and_connections() -> None:
    """Regression guard on the dev night (the quality bar is measured on held-out data)."""
    result = run_scenario(SHARED / "bench" / "dev" / "scenario.jsonl")
    ex = result.extraction
    assert ex["needs_matched_by_person"] / ex["needs_in_truth"] >= 0.9
    assert result.pairs is not None
    assert result.pairs["recall"] >= 0.45 and result.pairs["precision"] >= 0.5


@pytest.mark.parametrize("truth", [5, [{"who": "Ana"}], [{"who": "Ana", "helpers": "Bob"}]])
def test_a_malformed_truth_line_names_the_file_and_entry(cli: CliRunner, tmp_path: Path,
                                                        truth: object) -> None:
    path = _write(tmp_path, [NOTES[0], {"truth": truth}])
    code, text = run(cli, "eval", "scenario", "--notes", str(path), "--out",
                     str(tmp_path / "o.jsonl"))
    assert code == 2 and "entry 2" in text and '"truth" must be a list' in text, text


def test_a_bad_value_in_a_note_names_the_file_and_entry(cli: CliRunner, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAZOS_EMBEDDER", "fake")
    path = _write(tmp_path, [NOTES[0], dict(NOTES[1], date="yesterday")])
    code, text = run(cli, "eval", "scenario", "--notes", str(path), "--out",
                     str(tmp_path / "o.jsonl"))
    assert code == 2 and "entry 2" in text and "YYYY-MM-DD" in text, text
    assert not (tmp_path / "o.jsonl").exists()
