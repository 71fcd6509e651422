"""Reading the demo's data files: the facts, and the texts of one language.

The files live inside the package (``data/``), so an installed wheel carries
them. They are read on demand, never at import time.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from importlib import resources
from typing import Any

from bilan_tui.domain.answers import JSONValue

Table = dict[str, Any]
"""A TOML table as ``tomllib`` returns it."""

TEXT_LANGUAGES: tuple[str, ...] = ("fr", "en")
"""The languages the demo's texts are written in."""


class DemoDataError(ValueError):
    """The demo's data does not fit the pack (a typo, a pack change): a bug."""


def _read(name: str) -> Table:
    source = resources.files("bilan_tui.services.demo").joinpath("data", name)
    return tomllib.loads(source.read_text(encoding="utf-8"))


def load_facts() -> Table:
    """The language-neutral facts: ratings, choices, day offsets, the ledger."""
    return _read("facts.toml")


def load_texts(language: str) -> Table:
    """The texts in ``language``, under the same names as the facts.

    Raises:
        DemoDataError: The demo is not written in that language.
    """
    if language not in TEXT_LANGUAGES:
        raise DemoDataError(f"the demo has no texts in language {language!r}")
    return _read(f"{language}.toml")


def as_table(value: object, where: str) -> Table:
    """``value`` if it is a table, else a clear error naming ``where``."""
    if not isinstance(value, dict):
        raise DemoDataError(f"{where}: expected a table")
    return value


def as_int(value: object, where: str) -> int:
    """``value`` if it is an integer (not a boolean)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise DemoDataError(f"{where}: expected a whole number")
    return value


def as_str(value: object, where: str) -> str:
    """``value`` if it is a string."""
    if not isinstance(value, str):
        raise DemoDataError(f"{where}: expected a string")
    return value


def as_str_list(value: object, where: str) -> list[str]:
    """``value`` if it is a list of strings."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DemoDataError(f"{where}: expected a list of strings")
    return list(value)


def as_pair(value: object, where: str) -> list[int]:
    """A grid rating: two whole numbers ``[mastery, desire]``."""
    if not isinstance(value, list) or len(value) != 2:
        raise DemoDataError(f"{where}: expected [mastery, desire]")
    return [as_int(value[0], where), as_int(value[1], where)]


def json_list(values: Iterable[JSONValue]) -> list[JSONValue]:
    """A list typed as an answer value (``list[str]`` is not one, being invariant)."""
    return list(values)
