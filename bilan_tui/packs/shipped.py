"""Finding and loading the pack that ships with the application.

In a wheel, hatch copies ``content/`` to ``bilan_tui/_content/``; in a
development checkout the packs are read from ``content/`` beside the package.
Nothing is read at import time.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from bilan_tui.domain.model import Pack

from .loader import load_pack
from .manifest import LANGUAGES

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
    packaged = resources.files("bilan_tui").joinpath("_content", language)
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent.parent / "content" / language
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"the shipped {language!r} pack is missing: neither {packaged} nor {checkout} exists"
    )


@functools.lru_cache(maxsize=len(SHIPPED_LANGUAGES))
def load_shipped_pack(language: str) -> Pack:
    """The shipped pack in ``language``, read once per process (packs are immutable).

    Raises:
        UnknownLanguageError: if no pack ships in that language.
        PackError: if the shipped pack is broken (a bug caught by the tests).
    """
    return load_pack(shipped_pack_root(language))
