"""Dates in notes, in Spanish and English, resolved against the day the note is about.

"el jueves", "next wk", "en dos semanas", "antes del viernes", "Mail el 20", "15/03",
"in April": :func:`find_date` returns the words it read and the day they mean, or the
words alone with ``resolved=False`` when they cannot be pinned to one day ("pronto",
"el 31/02") - the caller keeps them as text and flags them, so nothing is lost.

Why the rules are simple: a follow-up needs a day to show up in "what is due", not a
calendar engine. "el martes" means the next Tuesday *after* the note's day; a bare day of
the month means the next such day on or after it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from lazos.text.fold import fold

WEEKDAYS: dict[str, int] = {
    "lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5, "domingo": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
MONTHS: dict[str, int] = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
}
NUMBERS: dict[str, int] = {
    "un": 1, "una": 1, "uno": 1, "a": 1, "an": 1, "one": 1, "dos": 2, "two": 2, "tres": 3,
    "three": 3, "cuatro": 4, "four": 4, "cinco": 5, "five": 5, "seis": 6, "six": 6, "siete": 7,
    "seven": 7, "ocho": 8, "eight": 8, "nueve": 9, "nine": 9, "diez": 10, "ten": 10,
    "quince": 15, "fifteen": 15, "couple": 2, "par": 2, "few": 3, "unos": 3, "unas": 3,
}
UNITS: dict[str, int] = {
    "dia": 1, "dias": 1, "day": 1, "days": 1, "d": 1,
    "semana": 7, "semanas": 7, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "sem": 7,
    "mes": 30, "meses": 30, "month": 30, "months": 30,
}

_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MO = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUM = r"\d{1,2}|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))

# (pattern on folded text, resolver name); first match in this order wins.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), name) for p, name in (
    (r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?\b", "numeric"),
    (rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:de )?({_MO})\b", "day_month"),
    (rf"\b({_MO}) (\d{{1,2}})(?:st|nd|rd|th)?\b", "month_day"),
    (r"\bpasado manana\b|\bday after tomorrow\b", "plus2"),
    (r"(?<!la )(?<!por )\bmanana\b|\btomorrow\b|\btmrw?\b|\btmw\b", "plus1"),
    (r"\bhoy\b|\btoday\b|\btonight\b|\besta (noche|tarde)\b|\bthis (evening|afternoon)\b", "today"),
    (rf"\b(?:en|dentro de|in|within)\s+(?:(?:unos|unas|a)\s+)?({_NUM})?\s*({_UNIT})\b", "in_n"),
    (rf"\b({_NUM})\s*({_UNIT}) (?:from now|later|despues)\b", "in_n"),
    (r"\b(?:la )?(?:semana que viene|proxima semana|semana proxima)\b|\bnext (?:week|wk)\b", "next_week"),
    (r"\besta semana\b|\bthis (?:week|wk)\b|\b(?:end of|by the end of) the week\b|\bfin de semana\b",
     "this_week"),
    (r"\b(?:el )?mes que viene\b|\bproximo mes\b|\bnext month\b", "next_month"),
    (r"\b(?:a )?(?:final(?:es)? de|fin de) mes\b|\bend of (?:the )?month\b", "end_month"),
    (rf"\b(?:el |on |next |this |este |el proximo |by |antes del? |before )?({_WD})\.?(?: (\d{{1,2}}))?\b",
     "weekday"),
    (r"\b(?:el |on |the |el dia )(\d{1,2})(?:st|nd|rd|th)?\b(?! (?:anos|years|h\b|min))", "day"),
    (rf"\b(?:en|in|para|by|antes de|before|a principios de|early) ({_MO})\b", "month"),
    (r"\bpronto\b|\bsoon\b|\bun dia de estos\b|\bsome ?time\b|\bal rato\b|\bcuando pueda\b"
     r"|\bwhen (?:she|he|they) (?:is|are|gets?) back\b|\bafter the summer\b|\bdespues del verano\b"
     r"|\bdespues de (?:pascua|navidad|semana santa|fallas|reyes|vacaciones)\b"
     r"|\bafter (?:easter|christmas|the holidays|the break)\b",
     "vague"),
))


@dataclass(frozen=True)
class FoundDate:
    """A date phrase in a note: ``text`` as read, ``day`` when it could be resolved."""

    text: str
    day: date | None

    @property
    def resolved(self) -> bool:
        return self.day is not None


def _next_weekday(base: date, weekday: int) -> date:
    ahead = (weekday - base.weekday()) % 7
    return base + timedelta(days=ahead or 7)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_day_of_month(base: date, day: int) -> date | None:
    if not 1 <= day <= 31:
        return None
    for add in range(0, 13):
        month = (base.month - 1 + add) % 12 + 1
        year = base.year + (base.month - 1 + add) // 12
        found = _safe(year, month, day)
        if found and found >= base:
            return found
    return None


def _upcoming(base: date, month: int, day: int, year: int | None = None) -> date | None:
    if year is not None:
        return _safe(year if year > 99 else 2000 + year, month, day)
    found = _safe(base.year, month, day)
    if found is None:
        return None
    if found < base - timedelta(days=7):  # "15/03" written in December means next March
        return _safe(base.year + 1, month, day)
    return found


def _number(token: str | None) -> int:
    if not token:
        return 1
    return int(token) if token.isdigit() else NUMBERS.get(token, 1)


def _resolve(kind: str, m: re.Match[str], base: date) -> date | None:  # noqa: C901 - a table
    if kind == "numeric":
        day, month = int(m.group(1)), int(m.group(2))
        year = int(m.group(3)) if m.group(3) else None
        return _upcoming(base, month, day, year)
    if kind == "day_month":
        return _upcoming(base, MONTHS[m.group(2)], int(m.group(1)))
    if kind == "month_day":
        return _upcoming(base, MONTHS[m.group(1)], int(m.group(2)))
    if kind == "plus2":
        return base + timedelta(days=2)
    if kind == "plus1":
        return base + timedelta(days=1)
    if kind == "today":
        return base
    if kind == "in_n":
        return base + timedelta(days=_number(m.group(1)) * UNITS[m.group(2)])
    if kind == "next_week":
        return base + timedelta(days=7 - base.weekday())
    if kind == "this_week":
        friday = base + timedelta(days=(4 - base.weekday()) % 7)
        return friday
    if kind == "next_month":
        year, month = (base.year + 1, 1) if base.month == 12 else (base.year, base.month + 1)
        return date(year, month, 1)
    if kind == "end_month":
        return date(base.year, base.month, calendar.monthrange(base.year, base.month)[1])
    if kind == "weekday":
        target = _next_weekday(base, WEEKDAYS[m.group(1)])
        if m.group(2):  # "el jueves 21": trust the day of the month, if it is that weekday
            dated = _next_day_of_month(base, int(m.group(2)))
            if dated is not None and dated.weekday() == WEEKDAYS[m.group(1)]:
                return dated
            return None
        return target
    if kind == "day":
        return _next_day_of_month(base, int(m.group(1)))
    if kind == "month":
        month = MONTHS[m.group(1)]
        year = base.year if month > base.month else base.year + 1
        return date(year, month, 1) if month != base.month else base
    return None  # vague


def find_date(text: str, base: date) -> FoundDate | None:
    """The first date phrase in ``text``, resolved against ``base`` when possible.

    Returns None when the text has no date words at all.
    """
    folded = fold(text)
    best: tuple[int, re.Match[str], str] | None = None
    for rank, (pattern, kind) in enumerate(_RULES):
        m = pattern.search(folded)
        if m is None:
            continue
        if kind == "weekday" and m.group(0).strip() in ("mar", "sat", "sun", "wed") and not \
                m.group(0).startswith(("el ", "on ", "next ", "this ", "by ")):
            continue  # "mar" is also a sea, "sun" a star: only with a preposition
        if kind == "month" and m.group(1) in ("may", "mar") and not m.group(0).startswith("in "):
            continue
        if best is None or rank < best[0]:
            best = (rank, m, kind)
            break
    if best is None:
        return None
    _, m, kind = best
    words = m.group(0).strip()
    if len(folded) == len(text):  # same positions: show the words as the user wrote them
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        words = text[start:start + len(words)]
    return FoundDate(text=words, day=_resolve(kind, m, base))
