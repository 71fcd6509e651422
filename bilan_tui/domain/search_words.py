"""Find a title from the words a person types, the way she would write them.

The palette used Textual's fuzzy matcher: it compares characters in order, so
"interets" did not find "Mes centres d'intérêt", "lignes de vie" did not find
"Ma ligne de vie" and "synthese" found nothing. People type without accents,
with a plural, in any order, and sometimes the word is in the description, not
the title. Here every word of the query must begin a word of the title or of the
description, after folding case, accents, hyphens and apostrophes, and after
dropping a plural ending; the score prefers the title, whole words and words in
the title's order. Stdlib only: the command palette and the métier explorer
share it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_SEPARATORS = frozenset("-‐‑‒–—'’ʼ`´/.,;:!?()[]{}«»\"“”_")


def fold_char(char: str) -> str:
    """One character without case or accent; separators become a space."""
    if char in _SEPARATORS:
        return " "
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.casefold()


def fold(text: str) -> str:
    """``text`` without case, accents, hyphens or apostrophes ("Éducateur-spécialisé")."""
    return "".join(fold_char(char) for char in text)


def stem(word: str) -> str:
    """A folded word without its plural ending: "interets" → "interet", "travaux" → "travau".

    Crude on purpose: both the query and the titles go through it, so it only
    has to be the same on both sides, never a real lemma.
    """
    if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class _Word:
    """A word of a candidate: its stem and where it starts in the original text."""

    stem: str
    start: int
    end: int


def _words(text: str) -> list[_Word]:
    """The words of ``text``, folded and stemmed, with their offsets in ``text``."""
    words: list[_Word] = []
    current: list[str] = []
    start = 0
    for index, char in enumerate(text):
        folded = fold_char(char)
        if folded.strip() and folded.isalnum():
            if not current:
                start = index
            current.append(folded)
        elif current:
            words.append(_Word(stem("".join(current)), start, index))
            current = []
    if current:
        words.append(_Word(stem("".join(current)), start, len(text)))
    return words


def query_words(query: str) -> list[str]:
    """The folded, stemmed words of what the person typed."""
    return [word.stem for word in _words(query)]


@dataclass(frozen=True, slots=True)
class WordMatch:
    """How well a title (and its description) answers a query.

    Attributes:
        score: Above 0 when every query word was found; higher is better.
        spans: Where the query's words are in the title, as (start, end) offsets,
            for highlighting.
    """

    score: float
    spans: tuple[tuple[int, int], ...]


NO_MATCH = WordMatch(0.0, ())


def match_words(query: str, title: str, description: str = "") -> WordMatch:
    """Every word of ``query`` must begin a word of ``title`` or ``description``.

    Args:
        query: What the person typed.
        title: The candidate's title.
        description: Its help line, searched too but worth less.

    Returns:
        ``NO_MATCH`` when a query word is found nowhere; otherwise a score that
        prefers whole words, the title over the description, and the title's own
        word order, and the title spans to highlight.
    """
    wanted = query_words(query)
    if not wanted:
        return NO_MATCH
    title_words = _words(title)
    description_words = _words(description)
    score = 0.0
    spans: list[tuple[int, int]] = []
    last_position = -1
    for word in wanted:
        position = _find(word, title_words)
        if position is not None:
            found = title_words[position]
            score += 3.0 if found.stem == word else 2.0
            if position > last_position:
                score += 0.5
            last_position = position
            spans.append((found.start, min(found.end, found.start + len(word))))
        elif _find(word, description_words) is not None:
            score += 1.0
        else:
            return NO_MATCH
    return WordMatch(score / (len(wanted) * 3.5), tuple(spans))


def _find(word: str, words: list[_Word]) -> int | None:
    """The index of the first word that ``word`` begins (a whole word first)."""
    for index, candidate in enumerate(words):
        if candidate.stem == word:
            return index
    for index, candidate in enumerate(words):
        if candidate.stem.startswith(word):
            return index
    return None
