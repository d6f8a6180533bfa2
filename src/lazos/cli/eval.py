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


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
