"""Notes → needs → connections on networking nights (issue 4), as a benchmarks.md section.

Run alone with ``python bench/bench_scenario.py``; the bench runner can call :func:`markdown`.
It runs ``lazos eval scenario`` on each night (a fresh temporary store, every proposal
accepted, matching among the people in the room) and reports extraction figures and
(person with a need, helper) pair precision/recall among the top 3, side by side:

- ``dev``: ``../shared/bench/dev/scenario.jsonl``, the night the rules were developed on;
- ``team night``: ``bench/data/team_night``, written blind to the code on 2026-11-27 and
  used since as a second development night;
- ``team night 2``: ``bench/data/team_night2``, written blind the same day, measurement
  only (never tuned on, never read item by item): the closest thing to the held-out night;
- ``team night 3``: ``bench/data/team_night3`` (a Seville referral breakfast), written blind
  on the same day by another helper, measurement only as well;
- ``team night 4`` and ``5``: ``bench/data/team_night4`` (a chamber mixer in Málaga) and
  ``team_night5`` (a startup meetup in Madrid), written blind on the same day (stop 10) as
  development nights: read item by item, with hand labels for every sentence;
- ``team night 6``: ``bench/data/team_night6``, written blind at stop 11 by a helper,
  measurement only (the stop 11 decisions looked at nights 2-3's aggregates, so this one was
  kept unread until the end).
- ``team night 7``: ``bench/data/team_night7``, written blind at stop 12 by a helper (Alicante),
  measurement only and unread, like night 6.
- ``team night 8``: ``bench/data/team_night8``, written blind at stop 13 by a helper (Bilbao),
  run once at the end of that stop (stop 12's code, same day: precision 0.635, recall 0.800).
- ``team night 9``: ``bench/data/team_night9``, written blind at stop 14 by a helper (Valencia),
  run only after that stop's decisions, with stop 13's code beside it (docs/capture.md).
- ``team night 10``: ``bench/data/team_night10`` (Barcelona), written blind at stop 14 by a
  helper as a development night: read item by item.
- ``team night 11``: ``bench/data/team_night11`` (Sevilla), written blind at stop 15 by a
  helper, measurement only (aggregates, never items).
- ``team night 12``: ``bench/data/team_night12`` (Bilbao), written blind at stop 15 by a
  helper as a development night with deliberately messy notes: read item by item.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NIGHTS = {
    "dev": ROOT.parent / "shared" / "bench" / "dev" / "scenario.jsonl",
    "team night": ROOT / "bench" / "data" / "team_night" / "scenario.jsonl",
    "team night 2 (measurement only)": ROOT / "bench" / "data" / "team_night2" / "scenario.jsonl",
    "team night 3 (measurement only)": ROOT / "bench" / "data" / "team_night3" / "scenario.jsonl",
    "team night 4": ROOT / "bench" / "data" / "team_night4" / "scenario.jsonl",
    "team night 5": ROOT / "bench" / "data" / "team_night5" / "scenario.jsonl",
    "team night 6 (measurement only)": ROOT / "bench" / "data" / "team_night6" / "scenario.jsonl",
    "team night 7 (measurement only)": ROOT / "bench" / "data" / "team_night7" / "scenario.jsonl",
    "team night 8 (measurement only)": ROOT / "bench" / "data" / "team_night8" / "scenario.jsonl",
    "team night 9 (measurement only)": ROOT / "bench" / "data" / "team_night9" / "scenario.jsonl",
    "team night 10": ROOT / "bench" / "data" / "team_night10" / "scenario.jsonl",
    "team night 11 (measurement only)": ROOT / "bench" / "data" / "team_night11" / "scenario.jsonl",
    "team night 12": ROOT / "bench" / "data" / "team_night12" / "scenario.jsonl",
}


def markdown() -> str:
    from lazos.eval.scenario import run_scenario

    runs = {name: run_scenario(path) for name, path in NIGHTS.items() if path.exists()}

    def row(label: str, cell: object) -> str:
        return f"| {label} | " + " | ".join(str(cell(r)) for r in runs.values()) + " |"  # type: ignore[operator]

    lines = [
        "## Notes → needs (issue 4)",
        "",
        "*Written by `bench/bench_scenario.py`. Details: `docs/capture.md`.*",
        "",
        "Raw notes from networking nights (30 people each), read by `lazos eval scenario` "
        "exactly as `lazos note PERSON TEXT --accept` reads them, then matched among the "
        "people in the room. The team nights were written blind to the code; the second, "
        "third, sixth, seventh, eighth, ninth and eleventh are measurement only, the others "
        "development nights.",
        "",
        "| measure | " + " | ".join(runs) + " |",
        "|---|" + "---|" * len(runs),
        row("needs extracted / needs in the truth",
            lambda r: f"{r.extraction['needs_found']} / {r.extraction.get('needs_in_truth', '—')}"),
        row("truth needs found (counted per person)",
            lambda r: f"{r.extraction.get('needs_matched_by_person', '—')}"),
        row("pair precision (top 3 suggested helpers)",
            lambda r: f"{(r.pairs or {}).get('precision', 0):.3f}"),
        row("pair recall (top 3 suggested helpers)",
            lambda r: f"{(r.pairs or {}).get('recall', 0):.3f}"),
        row("suggested pairs / truth pairs / hits",
            lambda r: f"{(r.pairs or {}).get('predicted_pairs', 0)} / "
                      f"{(r.pairs or {}).get('truth_pairs', 0)} / {(r.pairs or {}).get('hits', 0)}"),
        row("time (30 notes, extraction + matching, model load included)",
            lambda r: f"{r.seconds:.1f} s"),
        "",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown())
