"""Content packs: a folder of Markdown files with TOML front matter -> domain objects.

The public API is re-exported here and imported on first use (PEP 562): the
dashboard's first frame needs only the quick outline, and importing the
validating loader would cost it tens of milliseconds.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .archive import PackArchiveError
    from .install import InstallOutcome, InstallRefused, install_pack
    from .library import InstalledPack, installed_packs, load_library, merge_library
    from .loader import check_pack, load_pack
    from .names import LANGUAGES
    from .outline import (
        ExerciseOutline,
        PackOutline,
        PhaseOutline,
        load_shipped_outline,
        outline_pack,
        read_outline,
    )
    from .problems import PackError, PackProblem
    from .shipped import SHIPPED_LANGUAGES, UnknownLanguageError, shipped_pack_root
    from .shipped_cache import load_shipped_pack

_HOMES = {
    "check_pack": "loader",
    "load_pack": "loader",
    "load_shipped_pack": "shipped_cache",
    "LANGUAGES": "names",
    "ExerciseOutline": "outline",
    "PackOutline": "outline",
    "PhaseOutline": "outline",
    "load_shipped_outline": "outline",
    "outline_pack": "outline",
    "read_outline": "outline",
    "PackError": "problems",
    "PackProblem": "problems",
    "SHIPPED_LANGUAGES": "shipped",
    "UnknownLanguageError": "shipped",
    "shipped_pack_root": "shipped",
    "PackArchiveError": "archive",
    "InstallOutcome": "install",
    "InstallRefused": "install",
    "install_pack": "install",
    "InstalledPack": "library",
    "installed_packs": "library",
    "load_library": "library",
    "merge_library": "library",
}

__all__ = [
    "LANGUAGES",
    "SHIPPED_LANGUAGES",
    "ExerciseOutline",
    "InstallOutcome",
    "InstallRefused",
    "InstalledPack",
    "PackArchiveError",
    "PackError",
    "PackOutline",
    "PackProblem",
    "PhaseOutline",
    "UnknownLanguageError",
    "check_pack",
    "install_pack",
    "installed_packs",
    "load_library",
    "load_pack",
    "load_shipped_outline",
    "load_shipped_pack",
    "merge_library",
    "outline_pack",
    "read_outline",
    "shipped_pack_root",
]


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` on first access."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
