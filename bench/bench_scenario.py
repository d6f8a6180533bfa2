"""Notes → needs → connections on the dev scenario (issue 4), as a benchmarks.md section.

Run alone with ``python bench/bench_scenario.py``; the bench runner can call :func:`markdown`.
It runs ``lazos eval scenario`` on ``../shared/bench/dev/scenario.jsonl`` (a fresh temporary
store, every proposal accepted, matching among the people in the room) and reports
extraction figures and (person with a need, helper) pair precision/recall among the top 3.
"""

from __future__ import annotations

import sys
from pathlib import Path

SCENARIO = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "dev" / "scenario.jsonl"


def markdown(path: Path = SCENARIO) -> str:
    from lazos.eval.scenario import run_scenario

    run = run_scenario(path)
    ex, pairs = run.extraction, run.pairs or {}
    lines = [
        "## Notes → needs (issue 4)",
        "",
        "*Written by `bench/bench_scenario.py`. Details: `docs/capture.md`.*",
        "",
        "Raw notes from one networking night (`../shared/bench/dev/scenario.jsonl`, "
        f"{ex['notes']} people), read by `lazos eval scenario` exactly as `lazos note PERSON "
        "TEXT --accept` reads them, then matched among the people in the room.",
        "",
        "| measure | dev |",
        "|---|---|",
        f"| needs extracted / needs in the truth | {ex['needs_found']} / "
        f"{ex.get('needs_in_truth', '—')} |",
        f"| people whose needs were all found (by count) | "
        f"{ex.get('needs_matched_by_person', '—')} of {ex.get('needs_in_truth', '—')} needs |",
        f"| pair precision (top 3 suggested helpers) | {pairs.get('precision', 0):.3f} |",
        f"| pair recall (top 3 suggested helpers) | {pairs.get('recall', 0):.3f} |",
        f"| suggested pairs / truth pairs / hits | {pairs.get('predicted_pairs', 0)} / "
        f"{pairs.get('truth_pairs', 0)} / {pairs.get('hits', 0)} |",
        f"| time ({ex['notes']} notes, extraction + matching, model load included) | "
        f"{run.seconds:.1f} s |",
        "",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown())
