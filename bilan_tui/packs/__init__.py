"""Content packs: a folder of Markdown files with TOML front matter -> domain objects.

The public API is re-exported here; the modules behind it are private.
"""

from .loader import check_pack, load_pack
from .manifest import LANGUAGES
from .outline import (
    ExerciseOutline,
    PackOutline,
    PhaseOutline,
    load_shipped_outline,
    read_outline,
)
from .problems import PackError, PackProblem
from .shipped import (
    SHIPPED_LANGUAGES,
    UnknownLanguageError,
    load_shipped_pack,
    shipped_pack_root,
)

__all__ = [
    "LANGUAGES",
    "SHIPPED_LANGUAGES",
    "ExerciseOutline",
    "PackError",
    "PackOutline",
    "PackProblem",
    "PhaseOutline",
    "UnknownLanguageError",
    "check_pack",
    "load_pack",
    "load_shipped_outline",
    "load_shipped_pack",
    "read_outline",
    "shipped_pack_root",
]
