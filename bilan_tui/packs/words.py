"""The nouns a pack problem names its tables with, in the person's language.

Loader messages are built from a few parts: what the table is ("field
'motif'"), what it should have been ("a likert exercise") and what went wrong.
The parts are looked up here by their English id, so that every message is
translated whole by the catalog and keeps its ``path:line: message`` shape.
"""

from __future__ import annotations

from collections.abc import Callable

from bilan_tui.i18n import _

_NOUNS: dict[str, Callable[[], str]] = {
    "field": lambda: _("field"),
    "choice": lambda: _("choice"),
    "scale": lambda: _("scale"),
    "dimension": lambda: _("dimension"),
    "item": lambda: _("item"),
    "pile": lambda: _("pile"),
    "card": lambda: _("card"),
    "group": lambda: _("group"),
    "source": lambda: _("source"),
    "criterion": lambda: _("criterion"),
    "phase": lambda: _("phase"),
}

_WITH_ARTICLE: dict[str, Callable[[], str]] = {
    "field": lambda: _("a field"),
    "choice": lambda: _("a choice"),
    "scale": lambda: _("a scale"),
    "dimension": lambda: _("a dimension"),
    "item": lambda: _("an item"),
    "pile": lambda: _("a pile"),
    "card": lambda: _("a card"),
    "group": lambda: _("a group"),
    "source": lambda: _("a source"),
    "criterion": lambda: _("a criterion"),
    "phase": lambda: _("a phase"),
    "likert item": lambda: _("a likert item"),
    "grid item": lambda: _("a grid item"),
}

_PLURALS: dict[str, Callable[[], str]] = {
    "dimensions": lambda: _("dimensions"),
    "cards": lambda: _("cards"),
}


def noun(name: str) -> str:
    """``field`` → "champ" in French; an unknown id is shown as it is."""
    found = _NOUNS.get(name)
    return found() if found else name


def with_article(name: str) -> str:
    """``field`` → "un champ"; for "does not apply to ..." messages."""
    found = _WITH_ARTICLE.get(name)
    return found() if found else name


def plural(name: str) -> str:
    """``cards`` → "cartes"."""
    found = _PLURALS.get(name)
    return found() if found else name


def type_name(value: object) -> str:
    """How a TOML value's type is named in messages ("a string")."""
    from collections.abc import Mapping

    if isinstance(value, bool):
        return _("a boolean")
    if isinstance(value, int):
        return _("an integer")
    if isinstance(value, float):
        return _("a decimal number")
    if isinstance(value, str):
        return _("a string")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, Mapping):
        return _("a table")
    return _("a date or time")
