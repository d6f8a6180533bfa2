"""The knowledge files parse, are broad, and the hubness reference never holds ranked needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lazos.match.knowledge import _parse, load_kinds, load_reference_needs
from tests.conftest import SHARED


def test_knowledge_is_broad_and_well_formed():
    kinds = load_kinds()
    assert len(kinds) >= 170
    assert len({k.id for k in kinds}) == len(kinds)
    assert sum(len(k.problems) for k in kinds) >= 2000
    for kind in kinds:
        assert len(kind.problems) >= 4, kind.id
        assert kind.solver_en and kind.solver_es and kind.does_en and kind.does_es


def test_a_malformed_line_names_the_file_and_line():
    with pytest.raises(ValueError, match=r"extra.tsv:2: expected 6"):
        _parse("# comment\nplumber\tplumber\tfontanero\n", "extra.tsv")


def test_the_reference_needs_are_generic_not_the_benchmark_ones():
    reference = {r.casefold() for r in load_reference_needs()}
    assert len(reference) >= 80
    needs = Path(SHARED / "bench" / "dev" / "needs.jsonl")
    if needs.exists():
        texts = {json.loads(x)["text"].casefold() for x in needs.read_text().splitlines() if x}
        assert not reference & texts
