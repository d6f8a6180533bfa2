"""Cutting a messy note into sentences and clauses.

Notes are typed in a hurry: "Carmen O. – academia...", "15/03 – le dije...", no full
stops, HTML pasted from somewhere. The rules here are deliberately plain:

1. Markup is removed for reading only (the note itself is stored exactly as typed).
2. A sentence ends at . ! ? ; a line break, or a spaced dash, except after an initial
   ("O.") or a common abbreviation ("p. ej.", "approx.").
3. When the note starts with the person's name (or a short form of it: "Javi Moll" for
   Javier Moll, "Hannah S."), that name is dropped: it says who, not what.
4. A long sentence without punctuation is cut before words that start a new thought
   ("necesita", "wants", "llamarle"...), so "es fontanero necesita abogado" is two clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lazos.text.fold import fold

MAX_SENTENCES = 400  # a 10,000-character paste stays fast; the rest is kept, not read

_TAG = re.compile(r"<[^>]{0,200}>")
_ENTITY = re.compile(r"&(nbsp|amp|lt|gt|quot|#\d+);")
_ABBREV = re.compile(r"(?:\b[A-ZÁÉÍÓÚÑ]|\b(?:p\. ej|e\.g|i\.e|approx|aprox|etc|sr|sra|dr|dra|vs|nº|no|tel|ej|ud|uds|st|mr|mrs|ms))\.$",
                     re.IGNORECASE)
_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[–—-]\s+|(?<=[.!?])$")
_CLAUSE = re.compile(r",\s+|\s+\b(?:pero|but|and also|y también|y tambien|además|ademas)\b\s+")
# Words that start a new thought when a note has no punctuation at all.
_RESTART = re.compile(
    r"\s(?=(?:necesita|busca|quiere|le entraron|llamar(?:la|le)?|quedamos|le prometi|le prometí"
    r"|needs|wants|is looking for|looking for|call (?:him|her)|send (?:him|her)|promised)\b)",
    re.IGNORECASE)
_UNPUNCTUATED_WORDS = 14


@dataclass(frozen=True)
class Sentence:
    """A piece of the note: its text as typed and where it starts in the cleaned note."""

    text: str
    start: int
    first: bool = False  # the first sentence: usually who the person is and what they do


def readable(text: str) -> str:
    """The note without markup: tags become spaces, a few entities their character."""
    no_tags = _TAG.sub(" ", text)
    return _ENTITY.sub(lambda m: {"nbsp": " ", "amp": "&", "lt": "<", "gt": ">",
                                  "quot": '"'}.get(m.group(1), " "), no_tags)


def strip_name(text: str, name: str | None) -> str:
    """Drop a leading mention of the note's person ("Elena Vargas – ...", "Javi Moll – ...")."""
    if not name:
        return text
    name_words = [w for w in fold(name).split() if len(w) > 1]
    m = re.match(r"\s*((?:[A-ZÁÉÍÓÚÑ][\w'’.-]*\s?){1,4})\s*(?:[–—:,-]|\(|$)", text)
    if not m:
        return text
    head = [w.strip(".") for w in fold(m.group(1)).split()]
    if not head:
        return text

    def close(word: str) -> bool:
        return any(n.startswith(word) or word.startswith(n[:4]) for n in name_words if word)

    if not close(head[0]):
        return text
    rest = text[m.end(1):].lstrip()
    return rest.lstrip("–—:,- ").lstrip() if not rest.startswith("(") else rest


def _pieces(text: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    pos = 0
    buffer_start = 0
    for m in _BREAK.finditer(text):
        chunk = text[buffer_start:m.start()]
        if chunk.rstrip().endswith(".") and _ABBREV.search(chunk.rstrip()) and "\n" not in m.group(0) \
                and not re.match(r"\s+[–—-]\s+", m.group(0)):
            continue  # "Carmen O. academia": the full stop closes an initial, not a sentence
        out.append((chunk, buffer_start))
        buffer_start = m.end()
        pos = m.end()
    out.append((text[max(pos, buffer_start):], max(pos, buffer_start)))
    return [(c.strip(" \t.!?;()[]\"'“”‘’«»–—-"), s) for c, s in out if c.strip(" .!?;-–—")]


def sentences(text: str, *, name: str | None = None) -> list[Sentence]:
    """The note's sentences, in order, with the person's leading name removed."""
    clean = strip_name(readable(text), name)
    result: list[Sentence] = []
    pending = ""
    for chunk, start in _pieces(clean):
        if not any(c.isalpha() for c in chunk) and re.search(r"\d", chunk) and len(chunk) <= 12:
            pending = f"{pending} {chunk}".strip()  # "15/03 – le dije...": the date goes along
            continue
        words = chunk.split()
        parts = [chunk]
        if len(words) > _UNPUNCTUATED_WORDS and not re.search(r"[,;:]", chunk):
            parts = [p for p in _RESTART.split(chunk) if p.strip()]
        for part in parts:
            body = f"{pending} {part}".strip() if pending else part
            pending = ""
            result.append(Sentence(text=body, start=start, first=not result))
        if len(result) >= MAX_SENTENCES:
            break
    if pending and result:
        last = result[-1]
        result[-1] = Sentence(text=f"{last.text} {pending}", start=last.start, first=last.first)
    return result


def clauses(sentence: str) -> list[str]:
    """A sentence cut at commas and at "but"/"pero"/"además" (each piece stripped)."""
    return [c.strip() for c in _CLAUSE.split(sentence) if c and c.strip()]
