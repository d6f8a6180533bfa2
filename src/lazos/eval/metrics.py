"""Ranking metrics per slice: R@1, R@5, MRR, nDCG@5, and abstention.

The same definitions as the independent scorer (``../shared/bench/score.py``): over needs
with relevant people, the rank of the first relevant person and graded nDCG@5; over
``none`` needs the share where Lazos did not suggest anyone; over the others, the share
where it did.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

SLICES = ("all", "lang:es", "lang:en", "cross-lingual", "no-overlap", "distractor", "multi",
          "none")


def score_rankings(needs: Sequence[dict[str, Any]], rankings: Sequence[dict[str, Any]]
                   ) -> dict[str, dict[str, float]]:
    """Metrics for each slice (tag) of ``needs`` given ``rankings`` (one per need id)."""
    by_id = {r["need"]: r for r in rankings}
    sums: dict[str, dict[str, list[float]]] = {}

    def add(tags: list[str], key: str, value: float) -> None:
        for tag in tags:
            sums.setdefault(tag, {}).setdefault(key, []).append(value)

    for need in needs:
        found = by_id.get(need["id"], {"suggest": False, "ranking": []})
        ranked = [c["person"] for c in found["ranking"]]
        suggest = bool(found["suggest"])
        rel: dict[str, int] = need.get("relevant") or {}
        tags = ["all", *need.get("tags", []), "lang:" + str(need.get("lang"))]
        if not rel:
            add(tags, "abstain", 0.0 if suggest else 1.0)
            continue
        first = next((i for i, p in enumerate(ranked) if p in rel), None)
        dcg = sum(rel.get(p, 0) / math.log2(i + 2) for i, p in enumerate(ranked[:5]))
        ideal = sorted(rel.values(), reverse=True)[:5]
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
        add(tags, "r1", 1.0 if first == 0 else 0.0)
        add(tags, "r5", 1.0 if first is not None and first < 5 else 0.0)
        add(tags, "mrr", 0.0 if first is None else 1.0 / (first + 1))
        add(tags, "ndcg5", dcg / idcg if idcg else 0.0)
        add(tags, "answered", 1.0 if suggest else 0.0)
    out: dict[str, dict[str, float]] = {}
    for tag, metrics in sums.items():
        out[tag] = {k: sum(v) / len(v) for k, v in metrics.items()}
        out[tag]["n"] = float(max(len(v) for v in metrics.values()))
    return out


def format_table(metrics: dict[str, dict[str, float]]) -> str:
    """A plain-text table: one line per slice."""
    cols = ("n", "r1", "r5", "mrr", "ndcg5", "answered", "abstain")
    lines = ["slice            " + "".join(f"{c:>9}" for c in cols)]
    for tag in [*SLICES, *sorted(set(metrics) - set(SLICES))]:
        if tag not in metrics:
            continue
        row = metrics[tag]
        cells = "".join(f"{'' if c not in row else (f'{row[c]:.0f}' if c == 'n' else f'{row[c]:.3f}'):>9}"
                        for c in cols)
        lines.append(f"{tag:<17}{cells}")
    return "\n".join(lines)
