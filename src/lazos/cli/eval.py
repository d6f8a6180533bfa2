"""``lazos eval ...``: quality benchmarks (``match`` here; ``scenario`` is added by capture)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lazos.cli.common import console, err_console, h

eval_app = typer.Typer(help=h("Measure matching quality on labeled benchmark files.",
                              "Mide la calidad del emparejamiento con ficheros etiquetados."),
                       no_args_is_help=True)

File = Annotated[Path, typer.Option(exists=True, dir_okay=False, readable=True)]


@eval_app.command("match", help=h(
    "Rank every need of NEEDS against the people of PEOPLE (a fresh temporary store), write "
    "RANKINGS and print R@1, R@5, MRR, nDCG@5 and abstention per slice.",
    "Ordena cada necesidad de NEEDS frente a las personas de PEOPLE (en un almacén temporal "
    "nuevo), escribe RANKINGS e imprime R@1, R@5, MRR, nDCG@5 y abstención por grupo."))
def eval_match(people: Annotated[Path, typer.Option("--people", exists=True, dir_okay=False, help=h(
                   "people.jsonl", "people.jsonl"))],
               needs: Annotated[Path, typer.Option("--needs", exists=True, dir_okay=False, help=h(
                   "needs.jsonl", "needs.jsonl"))],
               out: Annotated[Path, typer.Option("--out", dir_okay=False, help=h(
                   "Where to write the rankings (JSON lines).",
                   "Dónde escribir las clasificaciones (JSON lines)."))],
               method: Annotated[str, typer.Option(help=h(
                   "lazos (production), or a baseline: cosine, bm25.",
                   "lazos (producción) o una referencia: cosine, bm25."))] = "lazos") -> None:
    import json

    from lazos.errors import field_error
    from lazos.eval.match import METHODS, run_eval
    from lazos.eval.metrics import format_table

    if method not in METHODS:
        raise field_error("--method", "{field} must be one of lazos, cosine, bm25.",
                          "{field} debe ser lazos, cosine o bm25.")
    run = run_eval(people, needs, method=method)
    with out.open("w", encoding="utf-8") as f:
        for line in run.rankings:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    console.print(format_table(run.metrics), highlight=False, markup=False)
    err_console.print(h(f"{len(run.rankings)} needs ranked in {run.seconds:.1f} s → {out}",
                        f"{len(run.rankings)} necesidades ordenadas en {run.seconds:.1f} s → {out}"),
                      markup=False)


@eval_app.command("scenario", help=h(
    "Read the raw notes of NOTES (one person each) into a fresh temporary store, accepting "
    "everything Lazos proposes, match every extracted need among the people in the room, "
    "write SUGGESTIONS and print pair precision/recall when the file has a truth line.",
    "Lee las notas de NOTES (una por persona) en un almacén temporal nuevo, aceptando todo lo "
    "que Lazos propone, busca ayuda para cada necesidad entre la gente de la sala, escribe "
    "SUGGESTIONS e imprime precisión/exhaustividad por pares si hay línea de verdad."))
def eval_scenario(notes: Annotated[Path, typer.Option("--notes", exists=True, dir_okay=False, help=h(
                      "scenario.jsonl: {person, note} lines, maybe a last {truth} line.",
                      "scenario.jsonl: líneas {person, note} y quizá una última {truth}."))],
                  out: Annotated[Path, typer.Option("--out", dir_okay=False, help=h(
                      "Where to write the suggestions (JSON lines).",
                      "Dónde escribir las sugerencias (JSON lines)."))],
                  top: Annotated[int, typer.Option(min=1, max=10, help=h(
                      "Helpers counted per need.", "Ayudantes contados por necesidad."))] = 3,
                  ) -> None:
    import json

    from lazos.eval.scenario import run_scenario

    run = run_scenario(notes, top=top)
    with out.open("w", encoding="utf-8") as f:
        for line in run.suggestions:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    ex = run.extraction
    lines = [h(f"notes: {ex['notes']}  needs extracted: {ex['needs_found']}",
               f"notas: {ex['notes']}  necesidades extraídas: {ex['needs_found']}")]
    if "needs_in_truth" in ex:
        lines.append(h(f"needs in truth: {ex['needs_in_truth']}  found (per person): "
                       f"{ex['needs_matched_by_person']}",
                       f"necesidades en la verdad: {ex['needs_in_truth']}  encontradas (por "
                       f"persona): {ex['needs_matched_by_person']}"))
    if run.pairs is not None:
        p = run.pairs
        lines.append(h(f"pairs (top {top}): precision {p['precision']:.3f}  recall {p['recall']:.3f}"
                       f"  f1 {p['f1']:.3f}  ({p['hits']} of {p['truth_pairs']} found, "
                       f"{p['predicted_pairs']} suggested)",
                       f"pares (top {top}): precisión {p['precision']:.3f}  exhaustividad "
                       f"{p['recall']:.3f}  f1 {p['f1']:.3f}  ({p['hits']} de {p['truth_pairs']} "
                       f"encontrados, {p['predicted_pairs']} sugeridos)"))
    for text in lines:
        console.print(text, highlight=False, markup=False)
    err_console.print(h(f"{len(run.suggestions)} needs in {run.seconds:.1f} s → {out}",
                        f"{len(run.suggestions)} necesidades en {run.seconds:.1f} s → {out}"),
                      markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
