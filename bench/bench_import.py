"""Import speed: 10,000 LinkedIn connections into an empty store (bar: ≤ 5 s).

Run alone with ``python bench/bench_import.py``; ``bench/run.py`` calls :func:`run`.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from pathlib import Path

ROWS = 10_000
BAR_S = 5.0
FIRST = ["Marta", "José", "Ana", "Bob", "Alice", "Chen", "Fatima", "Inés", "Lucía", "Tom",
         "Pedro", "Laura", "Sven", "Aiko", "Omar", "Priya", "Jorge", "Elena", "Kofi", "Nadia",
         "Luis", "Sara", "Hugo", "Mei", "Iván", "Rosa", "Yusuf", "Clara", "Diego", "Noor"]
LAST = ["López", "García", "Smith", "Nguyen", "Müller", "Ruiz", "Kim", "Okafor", "Silva", "Ito",
        "Fernández", "Martín", "Jones", "Rossi", "Dubois", "Novak", "Khan", "Sato", "Moreno",
        "Torres", "Gómez", "Díaz", "Brown", "Wang", "Costa", "Peña", "Vidal", "Romero", "Sanz",
        "Castro"]
WORDS = ["Acme", "Globex", "Initech", "Stripe", "Jardines", "Clínica", "Norte", "Sol", "Iberia",
         "Umbrella", "Hooli", "Vértice", "Atlas", "Nova", "Delta", "Cobalto", "Prisma", "Orbita",
         "Faro", "Lumen"]
COMPANIES = [f"{a} {b}" for a in WORDS for b in WORDS if a != b] + ["Self-employed", "Freelance"]


def make_connections(path: Path, rows: int = ROWS, seed: int = 6) -> None:
    """A Connections.csv as LinkedIn writes it, with ``rows`` made-up connections."""
    rnd = random.Random(seed)
    lines = ["Notes:", '"When exporting your connection data, you may notice that some of '
             'your connections don\'t have an email address."', "",
             "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for i in range(rows):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        email = f"{first.lower()}.{i}@example.com" if rnd.random() < 0.3 else ""
        company = rnd.choice(COMPANIES)
        lines.append(f'{first},{last},https://www.linkedin.com/in/{first.lower()}-{i},{email},'
                     f'"{company}",Engineer,{rnd.randint(1, 28):02d} Oct 20{rnd.randint(10, 25)}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run() -> dict[str, object]:
    """Time a first import and a re-import of the same file (which must add nobody)."""
    from lazos.services.imports import import_file
    from lazos.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "Connections.csv"
        make_connections(csv_path)
        with open_store(f"sqlite:///{Path(tmp) / 'bench.db'}") as store:
            start = time.perf_counter()
            first = import_file(store, path=csv_path)
            first_s = time.perf_counter() - start
            start = time.perf_counter()
            again = import_file(store, path=csv_path)
            again_s = time.perf_counter() - start
    return {
        "benchmark": "import_linkedin",
        "rows": ROWS,
        "import_s": round(first_s, 2),
        "reimport_s": round(again_s, 2),
        "rows_per_s": round(ROWS / first_s),
        "added": first.added,
        "reimport_added": again.added,
        "bar_s": BAR_S,
        "ok": first_s <= BAR_S and first.added == ROWS and again.added == 0,
    }


def markdown() -> str:
    """The result as rows of the speed table in docs/benchmarks.md (used by bench/run.py)."""
    r = run()
    return (f"| import {r['rows']:,} LinkedIn connections (Connections.csv → SQLite, one "
            f"transaction; bar ≤ {r['bar_s']} s) | **{r['import_s']} s** "
            f"({r['rows_per_s']:,} rows/s) |\n"
            f"| re-import the same file (adds nobody) | **{r['reimport_s']} s** |\n")


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
