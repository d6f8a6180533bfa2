"""Shorthand people type in a hurry, written out ("furgo" → "furgoneta", "biz" → "business").

Why: the matching models read whole words; "tiene furgo" means nothing to them, "tiene
furgoneta" does. Only proposals are written out - the note keeps the words as typed, and
the user sees (and can edit) the written-out text before accepting it.

Each entry is a folded, whole word (or two) and what it stands for. Keep entries
unambiguous: "mates" is maths in Spanish but mates in English, so it is only expanded in
Spanish text.
"""

from __future__ import annotations

import re
from functools import cache

# Shorthand that means the same in any note.
ANY: dict[str, str] = {
    "furgo": "furgoneta", "furgos": "furgonetas", "fisio": "fisioterapeuta",
    "fisios": "fisioterapeutas", "profe": "profesor", "profes": "profesores",
    "peluqui": "peluquería", "insti": "instituto", "uni": "universidad", "cole": "colegio",
    "finde": "fin de semana", "bici": "bicicleta",
    "dev": "developer", "devs": "developers",
    "biz": "business", "mgmt": "management", "mktg": "marketing", "acct": "accountant",
    "accts": "accounts", "appt": "appointment", "approx": "approximately", "govt": "government",
    "yrs": "years", "yr": "year", "wk": "week", "wks": "weeks",
    "w/": "with", "w/o": "without", "b/c": "because", "bc": "because", "ppl": "people",
    "pls": "please", "thx": "thanks", "asap": "as soon as possible", "tmrw": "tomorrow",
    "pq": "porque", "xq": "porque", "q": "que", "tb": "también", "tmb": "también",
    "d": "de", "x": "por", "dpto": "departamento", "aprox": "aproximadamente",
    "ayto": "ayuntamiento", "tfno": "teléfono", "tlf": "teléfono", "mkt": "marketing",
    "rrhh": "recursos humanos", "insta": "Instagram", "ig": "Instagram", "esp": "especially",
    "psych": "psychologist", "admin": "administration", "info": "information",
}
# Only in Spanish notes.
SPANISH: dict[str, str] = {"mates": "matemáticas", "boli": "bolígrafo", "compi": "compañero",
                           "compis": "compañeros", "cumple": "cumpleaños"}

_WORD = r"(?<![\w/])({words})(?![\w/])"


@cache
def _pattern(spanish: bool) -> re.Pattern[str]:
    table = {**ANY, **SPANISH} if spanish else ANY
    words = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(_WORD.format(words=words), re.IGNORECASE)


def expand(text: str, *, lang: str | None = None) -> str:
    """``text`` with known shorthand written out; a word in capitals keeps its case style.

    "x" and "d" are only read as "por"/"de" in Spanish text, between two words.
    """
    spanish = lang == "es"
    table = {**ANY, **SPANISH} if spanish else ANY

    def replace(m: re.Match[str]) -> str:
        word = m.group(0)
        key = word.lower()
        if key in ("x", "d", "q") and not spanish:
            return word
        if key in ("x", "d") and (m.start() == 0 or m.end() >= len(text)):
            return word
        full = table[key]
        return full.upper() if word.isupper() and len(word) > 1 else full

    out = _pattern(spanish).sub(replace, text)
    # "esp. people moving" → "especially people moving": the abbreviation's dot goes with it
    return re.sub(r"\b(especially|approximately|aproximadamente)\.(?=\s+[a-záéíóúñ])", r"\1", out)
