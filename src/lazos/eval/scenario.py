"""``lazos eval scenario``: from raw notes of one networking night to suggested connections.

1. Read the scenario file: one note per person, and maybe a last ``{"truth": [...]}`` line
   (errors name the file and line).
2. In a fresh temporary store, add each person and their note through the normal path
   (:func:`lazos.services.capture.capture_note`), accepting everything Lazos proposes -
   exactly what ``lazos note PERSON TEXT --accept`` does.
3. Match every extracted need against the people in the room
   (:func:`lazos.match.service.match_all`) and keep, per need, the helpers Lazos would
   suggest: each of the best two who convinces on their own (``Match.convincing``, see
   :func:`lazos.match.abstain.convincing`), the runner-up only within
   ``lazos.match.service.RUNNER_UP_GAP`` of the best (stop 13). On the development nights a
   convincing best was right 72% of the time, a convincing runner-up 32%, a third 0 of 8
   (stop 11); a third is never named.
4. Write one line per extracted need (``../shared/bench/README.md`` format) and, when the
   truth is present, pair precision/recall over (person with the need, helper) among the
   top helpers, plus extraction figures (needs found per person against the truth).
"""

from __future__ import annotations

import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lazos.errors import ImportFileError, UserError
from lazos.i18n import msg

TOP = 3


@dataclass
class ScenarioRun:
    suggestions: list[dict[str, Any]]
    extraction: dict[str, Any]
    pairs: dict[str, Any] | None = None
    seconds: float = 0.0
    per_person: list[dict[str, Any]] = field(default_factory=list)


def _fold(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(s.lower().split())


def read_scenario(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]] | None]:
    """The notes (``person``, ``note``, optional ``lang``/``date``) and the truth, if any."""
    from lazos.eval.match import read_jsonl

    notes: list[dict[str, Any]] = []
    truth: list[dict[str, Any]] | None = None
    for number, item in enumerate(read_jsonl(path, ()), 1):
        if "truth" in item:
            truth = _truth(item["truth"], path, number)
            continue
        if not isinstance(item.get("person"), str) or not isinstance(item.get("note"), str):
            raise ImportFileError(msg(
                "{file}, entry {n}: each line needs \"person\" and \"note\" (text), or is the "
                "last {{\"truth\": [...]}} line.",
                "{file}, entrada {n}: cada línea necesita \"person\" y \"note\" (texto), o es "
                "la última línea {{\"truth\": [...]}}.", file=str(path), n=number),
                field=str(path))
        notes.append(item)
    return notes, truth


def _is_truth_item(item: object) -> bool:
    return (isinstance(item, dict) and isinstance(item.get("who"), str)
            and isinstance(item.get("helpers"), list)
            and all(isinstance(h, str) for h in item["helpers"]))


def _truth(value: object, path: Path, number: int) -> list[dict[str, Any]]:
    """The truth line's list, each item ``{"who": name, "helpers": [names]}``; else an
    ImportFileError naming the file and entry."""
    if not isinstance(value, list) or not all(_is_truth_item(t) for t in value):
        raise ImportFileError(msg(
            "{file}, entry {n}: \"truth\" must be a list of {{\"who\": NAME, \"helpers\": "
            "[NAMES]}}, e.g. {{\"truth\": [{{\"who\": \"Ana\", \"helpers\": [\"Bob\"]}}]}}.",
            "{file}, entrada {n}: \"truth\" debe ser una lista de {{\"who\": NOMBRE, "
            "\"helpers\": [NOMBRES]}}, p. ej. {{\"truth\": [{{\"who\": \"Ana\", \"helpers\": "
            "[\"Bob\"]}}]}}.", file=str(path), n=number), field=str(path))
    return [dict(t) for t in value]


def score_pairs(truth: list[dict[str, Any]], suggestions: list[dict[str, Any]],
                top: int = TOP) -> dict[str, Any]:
    """Pair precision/recall as the benchmark's independent scorer computes them."""
    truth_pairs = {(_fold(t["who"]), _fold(h)) for t in truth for h in t["helpers"]}
    pred: set[tuple[str, str]] = set()
    for s in suggestions:
        for h in s.get("helpers", [])[:top]:
            if _fold(h["name"]) != _fold(s["who"]):
                pred.add((_fold(s["who"]), _fold(h["name"])))
    hits = truth_pairs & pred
    p = len(hits) / len(pred) if pred else 0.0
    r = len(hits) / len(truth_pairs) if truth_pairs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"truth_pairs": len(truth_pairs), "predicted_pairs": len(pred), "hits": len(hits),
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "missed": sorted(f"{w} → {h}" for w, h in truth_pairs - pred),
            "wrong": sorted(f"{w} → {h}" for w, h in pred - truth_pairs)}


def _extraction(notes: list[dict[str, Any]], found: dict[str, int],
                truth: list[dict[str, Any]] | None) -> dict[str, Any]:
    out: dict[str, Any] = {"notes": len(notes), "needs_found": sum(found.values())}
    if truth is not None:
        expected: dict[str, int] = {}
        for t in truth:
            expected[_fold(t["who"])] = expected.get(_fold(t["who"]), 0) + 1
        out["needs_in_truth"] = sum(expected.values())
        # a person's truth needs count as found up to the number of needs extracted for them
        out["needs_matched_by_person"] = sum(min(n, found.get(w, 0)) for w, n in expected.items())
        out["people_with_needs_missed"] = sorted(w for w in expected if not found.get(w))
        out["people_with_extra_needs"] = sorted(w for w, n in found.items()
                                                if n > expected.get(w, 0))
    return out


def run_scenario(path: Path, *, top: int = TOP, on: date | None = None) -> ScenarioRun:
    """Run the whole scenario in a temporary store (the user's network is never touched)."""
    from lazos.match.service import match_all
    from lazos.services.capture import capture_note, decide_all
    from lazos.services.needs import list_needs
    from lazos.services.people import add_person
    from lazos.store import open_store

    started = time.perf_counter()
    notes, truth = read_scenario(path)
    with tempfile.TemporaryDirectory(prefix="lazos-scenario-") as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'scenario.db'}")
        try:
            names: dict[int, str] = {}
            for number, item in enumerate(notes, 1):
                lang = item.get("lang") if item.get("lang") in ("es", "en") else None
                try:
                    person = add_person(store, name=item["person"],
                                        languages=[lang] if lang else [])
                    capture = capture_note(store, person=person.id, text=item["note"],
                                           happened_on=item.get("date") or on)
                except UserError as exc:
                    raise ImportFileError(msg("{file}, entry {n}: {reason}",
                                              "{file}, entrada {n}: {reason}", file=str(path),
                                              n=number, reason=exc.msg), field=str(path)) from None
                names[person.id] = person.name
                decide_all(store, capture.note.id, accept=True)
            needs = {n.id: n for n in list_needs(store)}
            results = match_all(store, limit=top)
        finally:
            store.close()
    suggestions: list[dict[str, Any]] = []
    found: dict[str, int] = {}
    for result in results:
        need = needs[result.need_id] if result.need_id is not None else None
        if need is None:
            continue
        who = names[need.person_id]
        found[_fold(who)] = found.get(_fold(who), 0) + 1
        helpers = []
        if result.suggest:
            for m in result.matches[:top]:
                if m.convincing:
                    helpers.append({"name": names[m.person_id], "score": m.score,
                                    "why": m.reason.render("en")})
        suggestions.append({"who": who, "need": need.text, "helpers": helpers})
    run = ScenarioRun(suggestions=suggestions, extraction=_extraction(notes, found, truth),
                      seconds=time.perf_counter() - started)
    if truth is not None:
        run.pairs = score_pairs(truth, suggestions, top)
    return run
