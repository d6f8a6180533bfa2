"""Spanish and English for every text a person reads.

Why not gettext: Lazos has two languages and the texts live next to the code that uses
them, so a reviewer sees both versions at once. A text is a ``Msg`` holding both; it is
rendered at the edge (CLI, web, API) in the user's language, so library code never needs
to know who is reading.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass, field
from typing import Any, Literal

Lang = Literal["en", "es"]
LANGS: tuple[Lang, ...] = ("en", "es")


@dataclass(frozen=True)
class Msg:
    """A text in English and Spanish, with ``str.format`` placeholders filled from ``params``."""

    en: str
    es: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        template = self.es if (lang or current_lang()) == "es" else self.en
        return template.format(**self.params) if self.params else template

    def __str__(self) -> str:
        return self.render()


def msg(en: str, es: str, **params: Any) -> Msg:
    """Build a bilingual message; placeholders like ``{name}`` are filled from ``params``."""
    return Msg(en=en, es=es, params=params)


def normalise_lang(value: str | None) -> Lang | None:
    """Map ``es_ES.UTF-8``, ``ES``, ``spanish``... to ``es``/``en``; None when unknown."""
    if not value:
        return None
    v = value.strip().lower()
    if v.startswith(("es", "spa")):
        return "es"
    if v.startswith(("en", "eng")):
        return "en"
    return None


def current_lang() -> Lang:
    """The reader's language: ``LAZOS_LANG``, then the locale, then English."""
    for candidate in (os.environ.get("LAZOS_LANG"), os.environ.get("LC_ALL"),
                      os.environ.get("LC_MESSAGES"), os.environ.get("LANG")):
        lang = normalise_lang(candidate)
        if lang:
            return lang
    try:
        loc = locale.getlocale()[0]
    except ValueError:
        loc = None
    return normalise_lang(loc) or "en"


def pick(lang: str | None, en: str, es: str) -> str:
    """Choose between two texts for a given language (``None`` means the reader's)."""
    return es if (lang or current_lang()) == "es" else en
