"""Knowledge that bridges problems to the people who solve them, read from data files.

Why: a need is told as a problem ("me duele la espalda", "someone broke into my shop")
and rarely shares words with the offer that solves it ("Fisioterapeuta deportiva",
"CCTV installer"). The files in ``knowledge/*.tsv`` list kinds of solver with, for each,
its names in both languages, what it does, and many everyday phrasings of the problems it
solves. The team extends them by adding lines; nothing here is tuned to particular needs.

File format (tab-separated, ``#`` starts a comment line)::

    id  solver_en  solver_es  does_en  does_es  problems (separated by " | ")

How it is used (see :mod:`lazos.match.index`):
1. A need is compared with every problem phrasing; each solver kind gets the best
   similarity of its phrasings, sharpened into weights over the few closest kinds.
2. A person is compared with each kind's description (names + what it does).
3. The knowledge score of (need, person) is the weighted affinity of the person to the
   need's kinds: the two-hop "back pain → physiotherapist → Marta".
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class SolverKind:
    id: str
    solver_en: str
    solver_es: str
    does_en: str
    does_es: str
    problems: tuple[str, ...]

    @property
    def description(self) -> str:
        """The text a person's offers are compared with."""
        return f"{self.solver_en}: {self.does_en}. {self.solver_es}: {self.does_es}."


def _parse(text: str, source: str) -> list[SolverKind]:
    kinds: list[SolverKind] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 6 or not all(cells):
            raise ValueError(f"{source}:{number}: expected 6 tab-separated non-empty cells "
                             f"(id, solver_en, solver_es, does_en, does_es, problems), "
                             f"got {len(cells)}")
        problems = tuple(p.strip() for p in cells[5].split("|") if p.strip())
        kinds.append(SolverKind(cells[0], cells[1], cells[2], cells[3], cells[4], problems))
    return kinds


def load_kinds(folder: Path | None = None) -> list[SolverKind]:
    """Every solver kind in the knowledge files (sorted by file name, then line)."""
    kinds: list[SolverKind] = []
    if folder is not None:
        files = sorted((p.name, p.read_text("utf-8")) for p in folder.glob("*.tsv"))
    else:
        base = resources.files("lazos.match") / "knowledge"
        files = sorted((f.name, f.read_text("utf-8")) for f in base.iterdir()
                       if f.name.endswith(".tsv"))
    seen: set[str] = set()
    for name, text in files:
        for kind in _parse(text, name):
            if kind.id in seen:
                raise ValueError(f"{name}: solver kind id {kind.id!r} is defined twice")
            seen.add(kind.id)
            kinds.append(kind)
    return kinds


def load_reference_needs() -> list[str]:
    """Generic needs used to measure how "close to everything" each offer is (hubness)."""
    text = (resources.files("lazos.match") / "knowledge" / "reference_needs.txt").read_text("utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]
