"""Accent- and case-folding, so "jardinería", "Jardineria" and "JARDINERÍA" compare equal."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, strip accents (ñ becomes n), collapse whitespace."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped).strip()


def words(text: str) -> list[str]:
    """Folded word tokens (letters and digits)."""
    return _WORD.findall(fold(text))
