"""Finding a muscle by what people call it: its name or any of its aliases, in any language the data has, with
case and accents set aside and the words of the query in any order ("IT band", "gluteo", "GLÚTEO", "hamstring").

Plain Python, used by the muscle browser; the words searched are Muscle.names (every language), so a person finds
"psoas" or "isquiotibiales" whatever language the window shows."""

from __future__ import annotations

import unicodedata
from typing import Iterable, Mapping

from .vocabulary import AREAS

# How well a text answers a query, best first: the whole text, the start of it, the starts of its words, inside it.
WHOLE, START, WORD_STARTS, INSIDE = range(4)


def fold(text: str) -> str:
    """TEXT for comparing: case and accents set aside, spaces collapsed ("Glúteo  Medio" -> "gluteo medio")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _words(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]


def rank(query: str, texts: Iterable[str]) -> int | None:
    """How well the best of TEXTS answers QUERY (WHOLE ... INSIDE), or None when none holds every word of it.

    A text answers when each word of the query is found in it (anywhere in it: "psoas" is in "iliopsoas")."""
    q = fold(query)
    words = _words(q)
    if not words:
        return None
    best = None
    for text in texts:
        t = fold(text)
        if not all(w in t for w in words):
            continue
        if t == q:
            return WHOLE
        its_words = _words(t)
        if t.startswith(q):
            r = START
        elif all(any(tw.startswith(w) for tw in its_words) for w in words):
            r = WORD_STARTS
        else:
            r = INSIDE
        best = r if best is None else min(best, r)
    return best


def by_area(muscles: Mapping) -> list[str]:
    """The muscle ids in the browser's order: by area (vocabulary.AREAS, top of the body down), then by name."""
    order = {area: i for i, area in enumerate(AREAS)}
    return sorted(muscles, key=lambda m: (order.get(muscles[m].area, len(order)), fold(muscles[m].name), m))


def find_muscles(muscles: Mapping, query: str) -> list[str]:
    """The ids of the muscles whose name or an alias, in any language, holds every word of QUERY: the best
    answers first, then in the browser's order (by_area). An empty query finds nothing."""
    found = []
    for order, muscle_id in enumerate(by_area(muscles)):
        r = rank(query, search_texts(muscles[muscle_id]))
        if r is not None:
            found.append((r, order, muscle_id))
    return [muscle_id for _r, _order, muscle_id in sorted(found)]


def search_texts(muscle) -> tuple[str, ...]:
    """What a muscle is found by: its names and aliases in every language (Muscle.names), else the ones shown."""
    return tuple(dict.fromkeys((muscle.name, *muscle.aliases, *getattr(muscle, "names", ()))))


def names_in(translation) -> dict[str, tuple[str, ...]]:
    """muscle id -> its name and aliases in one translation file's data (translations.read_translation), taking
    only what is well formed: the file's problems are reported where it is loaded for its language."""
    out: dict[str, tuple[str, ...]] = {}
    section = translation.get("muscles") if isinstance(translation, dict) else None
    if not isinstance(section, dict):
        return out
    for muscle_id, record in section.items():
        if not isinstance(record, dict):
            continue
        texts = [record.get("name")]
        aliases = record.get("aliases")
        if isinstance(aliases, list):
            texts.extend(aliases)
        out[str(muscle_id)] = tuple(" ".join(t.split()) for t in texts if isinstance(t, str) and t.strip())
    return out
