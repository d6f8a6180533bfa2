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
from collections.abc import Callable
from dataclasses import dataclass

from lazos.text.fold import fold

MAX_SENTENCES = 400  # a 10,000-character paste stays fast; the rest is kept, not read

_HIDDEN = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLANKS = re.compile(r"[ \t]{2,}")
_TAG = re.compile(r"<(?:/?[A-Za-z!][^<>]{0,200})>")
_ENTITY = re.compile(r"&(nbsp|amp|lt|gt|quot|#\d+);")
_INITIAL = re.compile(r"(?<![\w.])[A-ZÁÉÍÓÚÑ]\.$")
_ABBREV = re.compile(r"\b(?:p\. ej|e\.g|i\.e|approx|aprox|sr|sra|dr|dra|vs|nº|tel|ej|ud|uds|mr|mrs|ms"
                     r"|esp|incl|etc|pl|pza|avda|av|ctra|st)\.$",
                     re.IGNORECASE)
_BREAK = re.compile(r"(?<=[.!?])\s+|\n+|\s+[–—-]\s+|(?<=[.!?])$")
_CLAUSE = re.compile(r"[,;]\s+|\s+\b(?:pero|but|and also|y también|y tambien|además|ademas)\b\s+")
# Words that start a new thought when a note has no punctuation at all.
_RESTART = re.compile(
    r"\s(?=(?:necesita|busca|quiere|le entraron|llamar(?:la|le|los|las)|quedamos|hablamos"
    r"|le prometí|le prometi|le mando|le paso"
    r"|needs|wants|is looking for|looking for|call (?:him|her)|send (?:him|her)|promised)\b)",
    re.IGNORECASE)
# A new subject in a run-on note ("...en una gestoría su hijo tiene dislexia"), unless a
# preposition ties it to what comes before ("le robaron en su tienda").
_NEW_SUBJECT = re.compile(
    r"(?<!\sa)(?<!\sde)(?<!\sen)(?<!\scon)(?<!\spara)(?<!\spor)(?<!\sto)(?<!\sof)(?<!\sin)"
    r"(?<!\swith)(?<!\sfor)(?<!\sat)(?<!\son)(?<!\sy)(?<!\sand)\s(?="
    r"(?:su|sus|his|her|their) (?:hijo|hija|hijos|hijas|madre|padre|mujer|marido|pareja|socio"
    r"|socia|casero|jefe|wife|husband|partner|son|daughter|kids?|mother|father|landlord|boss)\b)",
    re.IGNORECASE)
_UNPUNCTUATED_WORDS = 8
# A subordinate clause opened in the last few words ("...stuck bc the Registro Civil",
# "dice que su casero"): a restart word that follows is its verb, not a new thought.
# Only clauses whose verb is still to come: "graba donde el cliente | necesita una voz" is
# two thoughts (a place, then a need), "stuck bc the Registro Civil wants..." one.
_OPEN_CLAUSE = re.compile(r"\b(?:because|bc|cause|cos|since|porque|xq|pq|que|q|that)"
                          r"(?:\s+\S+){0,3}\s*$")
_DASH_BEFORE = re.compile(r"\s[–—-]\s*$")


@dataclass(frozen=True)
class Sentence:
    """A piece of the note: its text as typed and where it starts in the cleaned note."""

    text: str
    start: int
    first: bool = False  # the first sentence: usually who the person is and what they do
    after_dash: bool = False  # cut from the one before by a spaced dash, not a full stop


def readable(text: str) -> str:
    """The note without markup: tags become spaces, a few entities their character."""
    no_tags = _BLANKS.sub(" ", _TAG.sub(" ", _HIDDEN.sub(" ", text)))
    return _ENTITY.sub(lambda m: {"nbsp": " ", "amp": "&", "lt": "<", "gt": ">",
                                  "quot": '"'}.get(m.group(1), " "), no_tags)


def strip_name(text: str, name: str | None) -> str:
    """Drop a leading mention of the note's person ("Elena Vargas – ...", "Javi Moll – ...",
    "Carmen O. – ...", "tomasz instala..."): it says who, not what."""
    if not name:
        return text
    name_words = [w for w in fold(name).split() if len(w) > 1]

    def close(word: str) -> bool:
        return len(word) >= 3 and any(n.startswith(word) or word.startswith(n[:4])
                                      for n in name_words)

    pos = 0
    taken = 0
    for m in re.finditer(r"\s*([^\s,(–—:-]+)", text):
        if m.start() != pos or taken >= 4:
            break
        word = fold(m.group(1)).strip(".'’")
        initial = taken > 0 and len(word) == 1 and m.group(1).endswith(".")
        if not (close(word) or initial):
            break
        pos = m.end()
        taken += 1
    if not taken:
        return text
    rest = text[pos:].lstrip()
    return rest.lstrip("–—:,- ").lstrip() if not rest.startswith("(") else rest


def _pieces(text: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    pos = 0
    buffer_start = 0
    for m in _BREAK.finditer(text):
        chunk = text[buffer_start:m.start()]
        tail = chunk.rstrip()
        if (_INITIAL.search(tail) or _ABBREV.search(tail)) and "\n" not in m.group(0) \
                and not re.match(r"\s+[–—-]\s+", m.group(0)):
            continue  # "Carmen O. academia": the full stop closes an initial, not a sentence
        if open_parentheses(text[buffer_start:m.start()]) > 0 and "\n" not in m.group(0):
            continue  # inside parentheses: "(logos, packaging; labels)" is one piece
        out.append((chunk, buffer_start))
        buffer_start = m.end()
        pos = m.end()
    out.append((text[max(pos, buffer_start):], max(pos, buffer_start)))
    return [(_tidy(c), s) for c, s in out if c.strip(" .!?;-–—")]


def _aside(text: str, start: int) -> bool:
    """Whether the piece at ``start`` is an aside wholly in parentheses ("(peruana)")."""
    rest = text[start:]
    if not rest.startswith("("):
        return False
    depth = 0
    for i, c in enumerate(rest):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth == 0:
            return not rest[i + 1:].strip(" \t") or re.match(r"\s*[–—-]\s", rest[i + 1:]) is not None
    return False


def open_parentheses(text: str) -> int:
    """How many parentheses are open at the end of ``text``."""
    depth = 0
    for c in text:
        if c == "(":
            depth += 1
        elif c == ")" and depth:
            depth -= 1
    return depth


def _tidy(chunk: str) -> str:
    """Strip stray punctuation around a piece, keeping balanced parentheses."""
    out = chunk.strip(" \t.!?;\"'“”‘’«»–—-")
    while out.startswith("(") and out.endswith(")") and open_parentheses(out[1:-1]) == 0 \
            and "(" not in out[1:-1]:
        out = out[1:-1].strip()
    if out.endswith("(") or open_parentheses(out) > 0 and not out.endswith(")"):
        out = out.rstrip("(").rstrip()
    return out.strip(" .,;")


def sentences(text: str, *, name: str | None = None,
              stands_alone: Callable[[str], bool] | None = None) -> list[Sentence]:
    """The note's sentences, in order, with the person's leading name removed.

    ``stands_alone(words)`` says whether the words before a restart word ("necesita",
    "wants"...) in an unpunctuated sentence are a thought of their own; without it, any
    three words are.
    """
    clean = strip_name(readable(text), name)
    result: list[Sentence] = []
    pending = ""
    opened = False  # a sentence that says who the person is has been read
    for chunk, start in _pieces(clean):
        if not any(c.isalpha() for c in chunk) and re.search(r"\d", chunk) and len(chunk) <= 12:
            pending = f"{pending} {chunk}".strip()  # "15/03 – le dije...": the date goes along
            continue
        words = chunk.split()
        parts = [chunk]
        if len(words) > _UNPUNCTUATED_WORDS and not re.search(r"[,;:]", chunk):
            parts = []
            for p in (q for piece in _NEW_SUBJECT.split(chunk) for q in [None, *_RESTART.split(piece)]):
                if p is None:  # a new subject: always a new thought
                    parts.append("")
                    continue
                if parts and not parts[-1]:
                    parts[-1] = p
                    continue
                alone = (stands_alone(parts[-1]) if stands_alone is not None
                         else len(parts[-1].split()) >= 3) if parts else True
                if parts and alone and _OPEN_CLAUSE.search(fold(parts[-1])):
                    alone = False
                if parts and (not alone or len(p.split()) < 2):
                    # "se quiere", "en vez de llamar", "Le ha llegado una carta y": the
                    # words before do not make a thought of their own
                    parts[-1] = f"{parts[-1]} {p}"
                elif p.strip():
                    parts.append(p)
        for part in (p for p in parts if p.strip()):
            body = f"{pending} {part}".strip() if pending else part
            pending = ""
            result.append(Sentence(text=body, start=start, first=not opened,
                                   after_dash=_DASH_BEFORE.search(clean[:start]) is not None))
            # "Sofi Paredes (peruana) - tiene una guardería...": an aside in parentheses
            # before the dash is not the opening sentence; what follows it still says
            # what they do
            opened = opened or not _aside(clean, start)
        if len(result) >= MAX_SENTENCES:
            break
    if pending and result:
        last = result[-1]
        result[-1] = Sentence(text=f"{last.text} {pending}", start=last.start, first=last.first,
                              after_dash=last.after_dash)
    return result


def clauses(sentence: str) -> list[str]:
    """A sentence cut at commas and at "but"/"pero"/"además", never inside parentheses."""
    out: list[str] = []
    start = 0
    for m in _CLAUSE.finditer(sentence):
        if open_parentheses(sentence[:m.start()]) == 0:
            out.append(sentence[start:m.start()])
            start = m.end()
    out.append(sentence[start:])
    return [c.strip() for c in out if c.strip()]
