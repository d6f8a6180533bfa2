"""Start-up speed of commands that do not match (bar: ≤ 0.3 s from start to exit).

Runs each command as a fresh process against a small store (the bundled 40-person sample
network in a temporary LAZOS_HOME), several times, interleaved so that noise from other
work on the machine spreads over all commands alike, and prints medians.

    python bench/startup.py [--runs 15]

``wall`` is start-to-exit time; ``cpu`` is the child's user+system time, which is less
disturbed by other processes on a shared machine. To compare with another source tree
(say, a copy of ``src/`` from before a change), ``--baseline /elsewhere/src`` runs it
right after each run of this tree, so that both see the same load. ``--orm`` does the same
with this tree's ORM path (``LAZOS_NO_FASTREAD=1``: the listings without
lazos.store.fastread).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

BAR_S = 0.3
ENTRY = "import sys; from lazos.cli.app import main; sys.argv[0] = 'lazos'; main()"
COMMANDS: list[tuple[str, ...]] = [
    ("--help",),
    ("people",),
    ("need", "list"),
    ("show", "Lucía"),
]


def _run(args: tuple[str, ...], env: dict[str, str]) -> tuple[float, float]:
    """One run of ``lazos ARGS``: (wall seconds, child CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", ENTRY, *args], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(runs: int, baseline: str | None = None,
            orm: bool = False) -> dict[str, tuple[list[float], list[float]]]:
    """Per label ("lazos ARGS", and "  baseline" rows): (wall times, CPU times)."""
    times: dict[str, tuple[list[float], list[float]]] = {}
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "LAZOS_HOME": home, "LAZOS_LANG": "en", "COLUMNS": "100"}
        env.pop("LAZOS_DATABASE_URL", None)
        env.pop("LAZOS_NO_FASTREAD", None)
        trees = [("", env)]
        if baseline:
            trees.append(("  baseline", {**env, "PYTHONPATH": baseline}))
        if orm:
            trees.append(("  orm", {**env, "LAZOS_NO_FASTREAD": "1"}))
        subprocess.run([sys.executable, "-c", ENTRY, "demo"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        for args in COMMANDS:  # warm the OS file cache and Python's bytecode cache
            for _, tree_env in trees:
                _run(args, tree_env)
        for _ in range(runs):
            for args in COMMANDS:
                for suffix, tree_env in trees:
                    wall, cpu = _run(args, tree_env)
                    walls, cpus = times.setdefault("lazos " + " ".join(args) + suffix, ([], []))
                    walls.append(wall)
                    cpus.append(cpu)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per command (default 15)")
    parser.add_argument("--baseline", metavar="SRC", help="another src/ to time alongside")
    parser.add_argument("--orm", action="store_true",
                        help="also time this tree's ORM path (LAZOS_NO_FASTREAD=1)")
    options = parser.parse_args()
    floor = [_run_python_only() for _ in range(options.runs)]
    times = measure(options.runs, options.baseline, options.orm)
    print(f"lazos start-up, {options.runs} runs each, medians (bar: ≤ {BAR_S:.1f} s wall)")
    print(f"{'command':<26} {'wall s':>7} {'cpu s':>7} {'min wall':>9}")
    print(f"{'(python -c pass)':<26} {statistics.median(floor):>7.3f}")
    for name, (walls, cpus) in times.items():
        mark = "" if statistics.median(walls) <= BAR_S else "  over the bar"
        print(f"{name:<26} {statistics.median(walls):>7.3f} "
              f"{statistics.median(cpus):>7.3f} {min(walls):>9.3f}{mark}")


def _run_python_only() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
