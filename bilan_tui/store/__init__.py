"""Storage: one SQLite file per workbook, private, versioned, backed up.

Importing this package is cheap: it does not import SQLModel (about half a
second), so the interface can draw its first frame before paying for it.
The errors are here; the rest lives in submodules, imported on first use:

- ``bilan_tui.store.repository``: ``open_workbook(path, ...) -> Workbook``,
  the object every caller uses (answers, statuses, ledger, homework,
  consents, settings, backups, the single-instance lock).
- ``bilan_tui.store.inspection``: read-only checks of a file (``bilan restore``).
- ``bilan_tui.store.backup``: ``newest_backup(path)``, ``rolling_backups(path)``.
- ``bilan_tui.store.files``: companion file names (``bilan wipe``).

``from bilan_tui.store import open_workbook, Workbook`` also works and
imports the repository at that moment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    NotAWorkbook,
    WorkbookBeingReplaced,
    WorkbookBeingWritten,
    WorkbookBusy,
    WorkbookDamaged,
    WorkbookError,
    WorkbookInUse,
    WorkbookIOError,
    WorkbookNotFound,
    WorkbookTooNew,
)

if TYPE_CHECKING:
    from .repository import Workbook, open_workbook

__all__ = [
    "NotAWorkbook",
    "Workbook",
    "WorkbookBeingReplaced",
    "WorkbookBeingWritten",
    "WorkbookBusy",
    "WorkbookDamaged",
    "WorkbookError",
    "WorkbookIOError",
    "WorkbookInUse",
    "WorkbookNotFound",
    "WorkbookTooNew",
    "open_workbook",
]


def __getattr__(name: str) -> Any:
    """Import the repository only when its names are first asked for."""
    if name in ("Workbook", "open_workbook"):
        from . import repository

        return getattr(repository, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
