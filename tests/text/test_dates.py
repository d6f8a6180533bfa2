"""Relative dates in Spanish and English, resolved against the note's day."""

from __future__ import annotations

from datetime import date

import pytest

from lazos.text.dates import find_date

THURSDAY = date(2026, 3, 12)


@pytest.mark.parametrize(("text", "expected"), [
    ("llamar mañana", date(2026, 3, 13)),
    ("pasado mañana", date(2026, 3, 14)),
    ("quedamos en comer el jueves", date(2026, 3, 19)),
    ("antes del viernes", date(2026, 3, 13)),
    ("llamar en dos semanas", date(2026, 3, 26)),
    ("la semana que viene", date(2026, 3, 16)),
    ("mail el 20", date(2026, 3, 20)),
    ("el 5", date(2026, 4, 5)),
    ("15/03", date(2026, 3, 15)),
    ("volver a llamarla en abril", date(2026, 4, 1)),
    ("el mes que viene", date(2026, 4, 1)),
    ("send him the deck tomorrow", date(2026, 3, 13)),
    ("coffee next wk", date(2026, 3, 16)),
    ("call her on Monday", date(2026, 3, 16)),
    ("in 3 days", date(2026, 3, 15)),
    ("lunch on the 2nd", date(2026, 4, 2)),
    ("dinner on April 3rd", date(2026, 4, 3)),
    ("check in this week", date(2026, 3, 13)),
])
def test_resolves(text: str, expected: date) -> None:
    found = find_date(text, THURSDAY)
    assert found is not None and found.day == expected


@pytest.mark.parametrize("text", ["llamarla pronto", "quedamos el jueves 21", "el 31/02",
                                  "call her after the summer"])
def test_unresolvable_dates_are_kept_as_text(text: str) -> None:
    found = find_date(text, THURSDAY)
    assert found is not None and found.day is None and found.text


def test_no_date_words() -> None:
    assert find_date("busca un fontanero", THURSDAY) is None
    assert find_date("por la mañana hace yoga", THURSDAY) is None
