"""Every error has one JSON shape (for the coming API) and renders in both languages."""

from __future__ import annotations

import pytest

import lazos
from lazos.errors import AmbiguousError, ValidationError
from lazos.store import Store


def test_validation_error_shape_in_both_languages(store: Store) -> None:
    with pytest.raises(ValidationError) as err:
        lazos.add_person(store, name="Ana", emails=["nope"])
    en, es = err.value.to_dict("en"), err.value.to_dict("es")
    assert en["ok"] is False and en["status"] == 422
    assert en["errors"] == [{"field": "email", "message": en["error"]}]
    assert "name@example.com" in str(en["error"]) and "nombre@ejemplo.com" in str(es["error"])


def test_ambiguous_error_lists_candidates(store: Store) -> None:
    a = lazos.add_person(store, name="Marta López")
    b = lazos.add_person(store, name="Marta Ruiz")
    with pytest.raises(AmbiguousError) as err:
        lazos.get_person(store, "marta")
    shape = err.value.to_dict("en")
    assert shape["status"] == 409
    assert shape["candidates"] == [{"id": a.id, "label": "Marta López"},
                                   {"id": b.id, "label": "Marta Ruiz"}]
