"""Other people named in a note, linked to the network when they are in it.

Why so careful with first names: "el Carmen" is a neighbourhood of Valencia and "Marta"
may be one of three Martas. A first name alone links only when exactly one person in the
network has it and it is not preceded by an article; otherwise the name is proposed
unlinked, and the user decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lazos.i18n import Msg, msg
from lazos.text.fold import fold

Known = tuple[int, str]  # (person id, name)

_NAME = r"[A-ZÁÉÍÓÚÑÜ][a-záéíóúñüç'’-]+(?:\s+[A-ZÁÉÍÓÚÑÜ][a-záéíóúñüç'’-]+)?"
# Words before a name that say "this is a person": "su socio Pedro", "through Ana"...
_CUES = re.compile(
    r"\b(?:socio|socia|amigo|amiga|herman[oa]|prim[oa]|mujer|marido|pareja|novi[oa]|jefe|jefa"
    r"|compañer[oa]|a través de|de parte de|conoce a|presentar(?:le|la)? a|hablar con|con"
    r"|partner|friend|brother|sister|wife|husband|boss|colleague|cofounder|co-founder"
    r"|through|via|introduce (?:him|her|them) to|talk to|knows|met)\s+(" + _NAME + r")")
_NOT_NAMES = frozenset(fold(w) for w in (
    "whatsapp", "linkedin", "instagram", "google", "facebook", "zoom", "teams", "word", "excel",
    "hacienda", "valencia", "madrid", "barcelona", "london", "dublin", "spain", "españa",
    "english", "spanish", "inglés", "español", "german", "alemán", "french", "francés",
))
_ARTICLE = re.compile(r"\b(?:el|la|los|las|the|en el|en la)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    name: str
    person_id: int | None
    why: Msg


def _word_at(text: str, folded_name: str) -> re.Match[str] | None:
    return re.search(rf"(?<!\w){re.escape(folded_name)}(?!\w)", text)


def find_mentions(text: str, people: list[Known], *, self_id: int | None = None,
                  self_name: str | None = None) -> list[Mention]:
    """People named in ``text``: linked to ``people`` when they fit one of them."""
    folded = fold(text)
    self_words = set(fold(self_name).split()) if self_name else set()
    found: dict[str, Mention] = {}
    linked: set[int] = set()
    others = [(pid, name) for pid, name in people if pid != self_id]
    firsts: dict[str, list[Known]] = {}
    for pid, name in others:
        parts = fold(name).split()
        if parts:
            firsts.setdefault(parts[0], []).append((pid, name))
    for pid, name in others:
        full = fold(name)
        if len(full.split()) >= 2 and _word_at(folded, full):
            found[full] = Mention(name, pid, msg("names {name}, who is in your network",
                                                 "nombra a {name}, que está en tu red", name=name))
            linked.add(pid)
    for m in re.finditer(_NAME, text):
        first = re.sub(r"['’]s$", "", fold(m.group(0).split()[0]))
        if first in self_words or first in _NOT_NAMES or len(first) < 3:
            continue
        if m.start() == 0 or text[:m.start()].rstrip().endswith((".", "!", "?", "–", "-", "\n")):
            continue  # a capital at the start of a sentence says nothing
        candidates = [k for k in firsts.get(first, []) if k[0] not in linked]
        if len(candidates) == 1 and not _ARTICLE.search(text[:m.start()]):
            pid, name = candidates[0]
            found[fold(name)] = Mention(name, pid, msg(
                "“{word}” is probably {name} from your network (the only one with that name)",
                "«{word}» seguramente es {name}, de tu red (la única persona con ese nombre)",
                word=m.group(0), name=name))
            linked.add(pid)
    for m in _CUES.finditer(text):
        name = m.group(1)
        key = fold(name)
        if key.split()[0] in _NOT_NAMES or key.split()[0] in self_words:
            continue
        if not any(key in k or k.startswith(key) for k in found):
            found[key] = Mention(name, None, msg("a person named in the note, not in your network",
                                                 "una persona nombrada en la nota, no está en tu red"))
    return list(found.values())
