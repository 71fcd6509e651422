"""Finding the pack that ships with the application.

In a wheel, hatch copies ``content/`` to ``bilan_tui/_content/``; in a
development checkout the packs are read from ``content/`` beside the package.
This module stays light: the quick outline uses it before the loader is imported.
"""

from __future__ import annotations

from pathlib import Path

from .names import LANGUAGES

SHIPPED_LANGUAGES: tuple[str, ...] = LANGUAGES
"""The languages the application ships a pack in."""


class UnknownLanguageError(ValueError):
    """No pack ships in the requested language."""


def shipped_pack_root(language: str) -> Path:
    """The folder of the shipped pack in ``language``.

    Raises:
        UnknownLanguageError: if no pack ships in that language.
        FileNotFoundError: if the installation lacks its packs (a broken build).
    """
    if language not in SHIPPED_LANGUAGES:
        available = ", ".join(SHIPPED_LANGUAGES)
        raise UnknownLanguageError(
            f"no shipped pack in language {language!r} (available: {available})"
        )
    package = Path(__file__).resolve().parent.parent
    packaged = package / "_content" / language
    if packaged.is_dir():  # an installed wheel
        return packaged
    checkout = package.parent / "content" / language
    if checkout.is_dir():  # a development checkout
        return checkout
    raise FileNotFoundError(
        f"the shipped {language!r} pack is missing: neither {packaged} nor {checkout} exists"
    )
