"""How labels and queries are folded, the same way on both sides of the index.

SQLite's ``unicode61`` tokenizer with ``remove_diacritics 2`` already ignores case
and accents. Hyphens and apostrophes are turned into spaces *before* indexing and
before querying, so "Éducateur-spécialisé", "l'éducateur" and "aide soignante"
meet the official "Educateur spécialisé / Educatrice spécialisée" and
"Aide-soignant / Aide-soignante" whatever the punctuation. The same folding
removes every other non-word character from a query, which also keeps the FTS5
query syntax out of the person's hands.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+|_+")


def fold_for_index(text: str) -> str:
    """``text`` with hyphens, apostrophes and other punctuation turned to spaces."""
    return " ".join(_NON_WORD.sub(" ", text).split())


def query_words(text: str) -> list[str]:
    """The words of a typed query, folded like the index.

    A one-letter word before the last is dropped: it is an elision ("l'", "d'")
    or an initial, and requiring it would make "l'éducateur" find nothing.
    """
    words = fold_for_index(text).split()
    return [word for word in words[:-1] if len(word) > 1] + words[-1:]


def match_expression(text: str) -> str:
    """An FTS5 ``MATCH`` expression: every word, each as a prefix.

    The prefix lets search-as-you-type find "éducateur" from "éduc", and a
    shortened earlier word ("prof écoles", "dev web") still counts. Words are
    quoted, so nothing the person types is read as FTS5 syntax.
    """
    words = query_words(text)
    if not words:
        return ""
    return " ".join(f'"{word}"*' for word in words)


@functools.lru_cache(maxsize=8192)
def sort_key(text: str) -> str:
    """A key that sorts "Éducateur" with "Educateur": no accents, case folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def clean_official(text: str) -> str:
    """An official text as a person should read it.

    The fiches' sentences (``unix_texte``) carry apostrophes doubled by an SQL
    export ("L''éducateur"); they are undoubled, and runs of spaces collapsed.
    """
    return " ".join(text.replace("''", "'").split())
