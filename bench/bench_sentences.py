"""The note reader sentence by sentence, against hand labels (issue 4), as a markdown section.

Run alone with ``python bench/bench_sentences.py``; ``bench/run.py`` appends it to the
scenario section. For every labelled sentence of the four development nights
(``bench/data/note_sentences``) it asks what the production reading
(:func:`lazos.text.extract.extract` with the trained reader and the second opinion, exactly
as ``lazos note`` reads) made of it: a need, an offer, a promise, or nothing (a remark).
A finding belongs to a sentence when most of the shorter one's words are in the other (the
reader tidies texts, so exact equality would undercount). Side by side, in the same run:
the lexicons alone (no trained reader, no second opinion). The reading of stop 9 (a reader
over USE alone, overruling a lexicon word at 60%, never deciding a sentence no word
decided) read 0.838, 0.676 and 0.723 of the three team nights (docs/capture.md).

Labels ``both`` count as ``need`` (the part a networker must not miss); for matching, a
promise read as a remark is harmless, so a second figure merges the two.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "data" / "note_sentences" / "labels.tsv"
NIGHTS = {
    "dev": ROOT.parent / "shared" / "bench" / "dev" / "scenario.jsonl",
    "team_night": ROOT / "bench" / "data" / "team_night" / "scenario.jsonl",
    "team_night4": ROOT / "bench" / "data" / "team_night4" / "scenario.jsonl",
    "team_night5": ROOT / "bench" / "data" / "team_night5" / "scenario.jsonl",
}


def _sha(text: str) -> str:
    return hashlib.sha1(text.strip().encode()).hexdigest()[:12]


def _labels() -> dict[tuple[str, str, str], str]:
    with LABELS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {(r["night"], r["person"], r["sentence_sha1"]):
            "need" if r["label"] == "both" else r["label"] for r in rows}


def _belongs(sentence: str, finding: str) -> bool:
    from lazos.text.fold import fold

    a, b = set(fold(sentence).split()), set(fold(finding).split())
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.6


def _read_kind(sentence: str, findings: list[Any]) -> str:
    from lazos.match.limits import is_limit

    # a limit ("Solo familia, nada de penal") is kept as an offer the matcher reads as a
    # limit (stop 14): for these labels it is what it was before, a remark about the offer
    kinds = {f.kind for f in findings if _belongs(sentence, f.text)
             and not (f.kind == "offer" and is_limit(f.text))}
    for kind, name in (("need", "need"), ("offer", "offer"), ("followup", "promise")):
        if kind in kinds:
            return name
    return "remark"


def accuracy(*, trained: bool) -> dict[str, tuple[int, int, int]]:
    """Per night: (right, right when remark and promise are one, sentences checked)."""
    from lazos.text import extract as ex
    from lazos.text.segment import sentences
    from lazos.text.semantic import model_opinions, trained_readings

    labels = _labels()
    out: dict[str, tuple[int, int, int]] = {}
    for night, path in NIGHTS.items():
        if not path.exists():
            continue
        right = merged = checked = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if "person" not in item:
                continue
            findings = ex.extract(item["note"], on=date(2026, 11, 27), name=item["person"],
                                  lang=item.get("lang"),
                                  reader=trained_readings if trained else None,
                                  second_opinion=model_opinions if trained else None)
            findings = [f for f in findings if f.kind in ("need", "offer", "followup")]
            for s in sentences(item["note"], name=item["person"], stands_alone=ex._stands_alone):
                gold = labels.get((night, item["person"], _sha(s.text)))
                if gold is None:
                    continue
                got = _read_kind(s.text, findings)
                checked += 1
                right += got == gold
                merged += got == gold or {got, gold} == {"remark", "promise"}
        out[night] = (right, merged, checked)
    return out


def markdown() -> str:
    runs = {"production reading": accuracy(trained=True),
            "lexicons alone": accuracy(trained=False)}
    nights = list(next(iter(runs.values())))
    lines = ["### The note reader, sentence by sentence", "",
             "*Written by `bench/bench_sentences.py`; labels in `bench/data/note_sentences`.*",
             "",
             "Share of hand-labelled sentences read as the right kind (need, offer, promise or "
             "remark); in brackets, with promise and remark as one (what matters for matching). "
             "All four are development nights, read item by item while the rules grew: these "
             "figures flatter the reader; the measurement-only nights have no labels.", "",
             "| reading | " + " | ".join(f"{n} ({runs['production reading'][n][2]})"
                                         for n in nights) + " |",
             "|---|" + "---|" * len(nights)]
    for name, acc in runs.items():
        lines.append(f"| {name} | " + " | ".join(
            f"{acc[n][0] / acc[n][2]:.3f} ({acc[n][1] / acc[n][2]:.3f})" for n in nights) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown())
