"""Names shared by the full loader and the quick outline, kept light to import.

The dashboard's first frame imports the outline only; anything it needs from
here must not pull in the validating loader.
"""

from __future__ import annotations

import re

MANIFEST = "pack.toml"
"""The file that describes a pack and orders its exercises."""

LANGUAGES: tuple[str, ...] = ("fr", "en")
"""The languages a pack may be written in (those the interface speaks)."""

ID_PATTERN = re.compile(r"[a-z][a-z0-9_-]*")
"""What every id looks like: it ends up in answer keys and file names."""


def is_valid_id(value: str) -> bool:
    """Whether ``value`` may be used as an id."""
    return ID_PATTERN.fullmatch(value) is not None


def invalid_id_message(value: str) -> str:
    """Why ``value`` is refused as an id."""
    from bilan_tui.i18n import _

    return _(
        "invalid id {id}: use lowercase letters, digits, '-' and '_', starting with a letter"
    ).format(id=repr(value))
