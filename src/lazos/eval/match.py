"""``lazos eval match``: rank every benchmark need with the production pipeline.

1. Read the people and needs files (errors name the file and line).
2. Load the people and their offers into a fresh temporary store through the normal
   service code (the same validation and language handling as ``lazos offer add``).
3. Add every need, owned by one benchmark asker who offers nothing, and rank them all
   with :func:`lazos.match.service.match_needs` (at least 10 candidates each).
4. Write the rankings (``../shared/bench/README.md`` format) and return metrics per slice.

``method`` other than ``lazos`` ranks with a baseline on the same store: ``cosine`` (raw
cosine of the default model, each person's offers joined) or ``bm25``.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lazos.errors import ImportFileError
from lazos.eval.metrics import score_rankings
from lazos.i18n import msg

METHODS = ("lazos", "cosine", "bm25")


@dataclass
class EvalRun:
    rankings: list[dict[str, Any]]
    metrics: dict[str, dict[str, float]]
    seconds: float


def read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict[str, Any]]:
    """The objects in a JSON-lines file; ImportFileError names the file, line and field."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ImportFileError(msg("Cannot read {file}: {error}.", "No se puede leer {file}: {error}.",
                                  file=str(path), error=exc.strerror or str(exc)),
                              field=str(path)) from None
    out: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ImportFileError(msg("{file}, line {line}: not valid JSON ({error}).",
                                      "{file}, línea {line}: JSON no válido ({error}).",
                                      file=str(path), line=number, error=exc.msg),
                                  field=str(path)) from None
        missing = [k for k in required if k not in item]
        if not isinstance(item, dict) or missing:
            raise ImportFileError(msg("{file}, line {line}: missing field {fields}.",
                                      "{file}, línea {line}: falta el campo {fields}.",
                                      file=str(path), line=number, fields=", ".join(missing)),
                                  field=str(path))
        out.append(item)
    return out


def run_eval(people_path: Path, needs_path: Path, *, method: str = "lazos", limit: int = 10,
             progress: Callable[[int, int], None] | None = None,
             variant: dict[str, Any] | None = None) -> EvalRun:
    """Rank every need of ``needs_path`` against the network of ``people_path``.

    ``variant`` (``weights``, ``embedders``) evaluates a variant of the production pipeline.
    """
    import time

    people = read_jsonl(people_path, ("id", "name", "offers"))
    needs = read_jsonl(needs_path, ("id", "text"))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lazos-eval-") as tmp:
        from lazos.store import open_store

        store = open_store(f"sqlite:///{Path(tmp) / 'eval.db'}")
        try:
            rankings = rank_file_needs(store, people, needs, method=method, limit=limit,
                                       progress=progress, variant=variant)
        finally:
            store.close()
    return EvalRun(rankings=rankings, metrics=score_rankings(needs, rankings),
                   seconds=time.perf_counter() - started)


def load_network(store: Any, people: list[dict[str, Any]], needs: list[dict[str, Any]]
                 ) -> tuple[dict[int, str], list[int]]:
    """Add people, offers and needs; returns (store person id → file id, need ids in order)."""
    from lazos.services.needs import add_need_row, add_offer_row
    from lazos.services.people import add_person_row

    ids: dict[int, str] = {}
    need_ids: list[int] = []
    with store.transaction() as session:
        for person in people:
            lang = person.get("lang")
            row = add_person_row(session, name=person["name"], languages=[lang] if lang else [])
            ids[row.id] = str(person["id"])
            for text in person["offers"]:
                add_offer_row(session, person_id=row.id, text=text, lang=lang)
        asker = add_person_row(session, name="Benchmark asker")
        for need in needs:
            need_ids.append(add_need_row(session, person_id=asker.id, text=need["text"],
                                         lang=need.get("lang")).id)
    return ids, need_ids


def rank_file_needs(store: Any, people: list[dict[str, Any]], needs: list[dict[str, Any]], *,
                    method: str = "lazos", limit: int = 10,
                    progress: Callable[[int, int], None] | None = None,
                    variant: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    from lazos.match.service import match_needs

    ids, need_ids = load_network(store, people, needs)
    if method == "lazos":
        results = match_needs(store, need_ids, limit=max(limit, 10), progress=progress,
                              complete=True, **(variant or {}))
        return [{"need": need["id"], "suggest": r.suggest,
                 "ranking": [{"person": ids[m.person_id], "score": m.score,
                              "why": m.reason.render()} for m in r.matches]}
                for need, r in zip(needs, results, strict=True)]
    from lazos.eval.baselines import baseline_rankings

    return baseline_rankings(store, [n["id"] for n in needs], [n["text"] for n in needs], ids,
                             method=method, limit=max(limit, 10))
