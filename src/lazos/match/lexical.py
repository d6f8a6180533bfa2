"""The lexical signal: accent-folded, stemmed words scored with BM25.

Why keep a lexical signal next to the embeddings: names, brands and rare terms
("Xing", "NIE", "Shopify") are where sentence models are weakest, and an exact shared
rare word is strong evidence. Each word is stemmed with both the Spanish and the English
Snowball stemmer (a text's language is not always known, and mixed texts are common).

Words listed in the bilingual glossary ``knowledge/concepts.txt`` also give a concept term
(``c:lang_es`` for "español", "castellano" and "Spanish"), so a need and an offer in
different languages can share a lexical term. Glossary words must be unambiguous after
folding and stemming (tests/match/test_concepts.py): "valenciano" was dropped because it
stems like the city, "van" because it is also a Spanish verb.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from lazos.text.fold import words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

_STOP_WORDS = """
a al algo algun alguna alguno algunos ante antes asi aun bien cada casi como con contra cual
cuando de del desde donde dos el ella ellas ellos en entre era es esa ese eso esta estan estas
este esto estoy fue ha hace hacer hay he la las le les lo los mas me mi mis mucho muy nada ni
no nos nosotros o os otra otro para pero poco por porque que quien se ser si sin sobre solo son
su sus tambien tan tanto te tengo tiene tienen todo todos tu tus un una uno unos y ya yo mio mia
necesito necesita quiero quiere busco busca alguien ayuda ayudar puede pueden saber sabe
about after all also am an and any are as at be been but by can could do does for from get got
had has have he her him his how i i'm if in into is it its just like me my need needs no not of
on one or our out over she so some someone somebody than that the their them then there they
this to too up us very want wants was we were what when where which who will with would you
your help anyone
anos ano meses mes semanas semana dias dia horas hora years year months month weeks week days day
hours hour dos tres cuatro cinco seis siete ocho nueve diez two three four five six seven eight
nine ten
"""
STOP = frozenset(_STOP_WORDS.split())

_lock = threading.Lock()
_stemmers: dict[str, Any] = {}


def _stemmer(lang: str) -> Any:
    stemmer = _stemmers.get(lang)
    if stemmer is None:
        with _lock:
            import snowballstemmer

            stemmer = _stemmers.setdefault(
                lang, snowballstemmer.stemmer("spanish" if lang == "es" else "english"))
    return stemmer


def _stems(word: str) -> tuple[str, ...]:
    if word in STOP or len(word) < 3 or word.isdigit():
        return ()
    es, en = str(_stemmer("es").stemWord(word)), str(_stemmer("en").stemWord(word))
    return ("s:" + es,) if en == es else ("s:" + es, "e:" + en)


@dataclass(frozen=True)
class Concept:
    """One entry of ``knowledge/concepts.txt``: words of both languages naming one thing."""

    id: str
    kinds: tuple[str, ...]   # solver kind ids it names (may be empty)
    words: tuple[str, ...]

    @property
    def is_language(self) -> bool:
        return self.id.startswith("lang_")


def parse_concepts(text: str, source: str = "concepts.txt") -> list[Concept]:
    """Concepts from glossary text (``id <TAB> kinds|- <TAB> word | word``); ValueError
    names the line of a malformed entry."""
    out: list[Concept] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 3 or not all(cells):
            raise ValueError(f"{source}:{number}: expected 3 tab-separated non-empty cells "
                             f"(concept id, kinds or -, words), got {len(cells)}")
        if cells[0] in seen:
            raise ValueError(f"{source}:{number}: concept {cells[0]!r} is defined twice")
        seen.add(cells[0])
        kinds = () if cells[1] == "-" else tuple(k.strip() for k in cells[1].split(",")
                                                 if k.strip())
        found = tuple(w.strip() for w in cells[2].split("|") if w.strip())
        out.append(Concept(cells[0], kinds, found))
    return out


_concepts: list[Concept] | None = None
_concept_of: dict[str, tuple[str, ...]] | None = None


def concepts() -> list[Concept]:
    """The bilingual concept glossary (``knowledge/concepts.txt``), loaded once."""
    global _concepts
    if _concepts is None:
        with _lock:
            if _concepts is None:
                text = (resources.files("lazos.match") / "knowledge" / "concepts.txt"
                        ).read_text("utf-8")
                _concepts = parse_concepts(text)
    return _concepts


@lru_cache(maxsize=1)
def concept_table() -> dict[str, Concept]:
    """The glossary's concepts by id."""
    return {c.id: c for c in concepts()}


def _concept_map() -> dict[str, tuple[str, ...]]:
    """Stem term → concept terms (``c:<id>``) of the glossary's single-word entries."""
    global _concept_of
    if _concept_of is None:
        found: dict[str, list[str]] = {}
        for concept in concepts():
            for entry in concept.words:
                parts = words(entry)
                if len(parts) != 1:
                    continue
                for stem in _stems(parts[0]):
                    row = found.setdefault(stem, [])
                    if "c:" + concept.id not in row:
                        row.append("c:" + concept.id)
        _concept_of = {k: tuple(v) for k, v in found.items()}
    return _concept_of


@lru_cache(maxsize=200_000)
def _word_terms(word: str) -> tuple[str, ...]:
    """The terms of one folded word (cached: Snowball in pure Python is the slow part):
    its stems, plus a ``c:<concept>`` term when the glossary names it ("fontanero" and
    "plumber" both give ``c:plumber``), so the lexical signal also works across languages."""
    stems = _stems(word)
    if not stems:
        return ()
    table = _concept_map()
    extra = [c for s in stems for c in table.get(s, ())]
    return stems + tuple(dict.fromkeys(extra)) if extra else stems


def content_words(text: str) -> int:
    """How many distinct content words (not stop words, numbers or very short) ``text`` has."""
    return len({w for w in words(text) if _word_terms(w)})


def concept_ids(found_terms: Sequence[str]) -> list[str]:
    """The concept ids among ``terms(...)`` output, in order of appearance, once each."""
    return list(dict.fromkeys(t[2:] for t in found_terms if t.startswith("c:")))


def terms(text: str) -> list[str]:
    """Content terms of ``text``: folded, stop words dropped, stemmed in both languages."""
    out: list[str] = []
    for word in words(text):
        out.extend(_word_terms(word))
    return out


class BM25:
    """A BM25 index over documents (here: one per person, their offers joined)."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        import numpy as np

        self.n = len(docs)
        lengths = np.array([len(d) for d in docs], dtype=np.float32)
        avg = float(lengths.mean()) if self.n and lengths.sum() > 0 else 1.0
        postings: dict[str, dict[int, int]] = {}
        for i, doc in enumerate(docs):
            for term in doc:
                row = postings.setdefault(term, {})
                row[i] = row.get(i, 0) + 1
        self._index: dict[str, tuple[NDArray[np.int64], NDArray[np.float32]]] = {}
        for term, row in postings.items():
            ids = np.fromiter(row.keys(), dtype=np.int64, count=len(row))
            tf = np.fromiter(row.values(), dtype=np.float32, count=len(row))
            idf = math.log(1.0 + (self.n - len(row) + 0.5) / (len(row) + 0.5))
            norm = tf + k1 * (1.0 - b + b * lengths[ids] / avg)
            self._index[term] = (ids, (idf * tf * (k1 + 1.0) / norm).astype(np.float32))

    def scores(self, query: Sequence[str]) -> NDArray[np.float32]:
        """BM25 score of every document for the query terms (zeros when nothing is shared)."""
        import numpy as np

        out = np.zeros(self.n, dtype=np.float32)
        for term in set(query):
            hit = self._index.get(term)
            if hit is not None:
                np.add.at(out, hit[0], hit[1])
        return out

    def sparse(self, query: Sequence[str]) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        """The documents sharing a term with the query, and their BM25 scores (> 0)."""
        import numpy as np

        hits = [self._index[t] for t in set(query) if t in self._index]
        if not hits:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if len(hits) == 1:
            return hits[0]
        # one C pass over the postings (np.unique's sort cost ~2 s of a 10k-need re-match)
        total = np.bincount(np.concatenate([h[0] for h in hits]),
                            weights=np.concatenate([h[1] for h in hits]), minlength=self.n)
        ids = np.flatnonzero(total)
        return ids.astype(np.int64, copy=False), total[ids].astype(np.float32)

    def shared(self, query: Sequence[str], doc: Sequence[str]) -> list[str]:
        return sorted(set(query) & set(doc))
