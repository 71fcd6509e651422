"""Why a workbook cannot be opened, in words a person can act on.

The command line prints ``str(exc)`` and nothing else, and the interface shows
the same text, so every message names the file, says what is wrong and, when
there is one, what to do next. None of them quotes the person's answers.
"""

from __future__ import annotations

from pathlib import Path

from bilan_tui.i18n import _


class WorkbookError(Exception):
    """Base of every refusal to open or use a workbook.

    Attributes:
        path: The file concerned.
    """

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class WorkbookNotFound(WorkbookError):
    """A read-only command asked for a workbook that does not exist yet."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, _("No workbook at {path}: nothing has been saved there yet.").format(path=path)
        )


class WorkbookDamaged(WorkbookError):
    """The file is not a readable SQLite database, or fails its integrity check.

    The file is left exactly as it was found, so that it can still be
    recovered by hand. What to do next depends on the backups there are, so
    the message does not say it: the command line adds one line for that
    (``cli.recovery.backup_hint``), and only one.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            path,
            _("The workbook {path} cannot be read: {reason}. It has not been modified.").format(
                path=path, reason=reason
            ),
        )
        self.reason = reason


class NotAWorkbook(WorkbookError):
    """The path holds something else: a folder, or another program's database."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            path,
            _("{path} is not a bilan workbook: {reason}. It has been left untouched.").format(
                path=path, reason=reason
            ),
        )
        self.reason = reason


class WorkbookTooNew(WorkbookError):
    """The workbook was written by a newer version of the program.

    Opening it with an older version could lose what the newer one stored, so
    it is refused untouched.
    """

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            path,
            _(
                "The workbook {path} was saved by a newer version of bilan "
                "(format {found}; this version knows up to {known}). "
                "Update bilan to open it; the file has not been modified."
            ).format(path=path, found=found, known=known),
        )
        self.found = found
        self.known = known


class WorkbookInUse(WorkbookError):
    """Another bilan process holds the workbook's single-instance lock."""

    def __init__(self, path: Path, pid: int | None = None) -> None:
        who = _(" (process {pid})").format(pid=pid) if pid else ""
        super().__init__(
            path,
            _(
                "The workbook {name} is already open in another bilan window{who}. "
                "Close it there, then try again."
            ).format(name=path.name, who=who),
        )
        self.pid = pid


class WorkbookBusy(WorkbookError):
    """Another process kept the workbook's write lock longer than the busy timeout."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            _(
                "The workbook {name} stayed busy in another bilan process for too long; "
                "nothing was lost, try again in a moment."
            ).format(name=path.name),
        )


def sqlite_failure(path: Path, reason: str) -> WorkbookError:
    """The store's error for an operational failure SQLite reported as ``reason``."""
    if "locked" in reason or "busy" in reason:
        return WorkbookBusy(path)
    from bilan_tui.system_words import sqlite_reason

    return WorkbookIOError(path, sqlite_reason(reason))


class WorkbookIOError(WorkbookError):
    """SQLite could not read or write the file (disk full, file removed...)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            path,
            _(
                "Could not use the workbook {path}: {reason}. "
                "Check that the disk is not full and the file is still there."
            ).format(path=path, reason=reason),
        )
        self.reason = reason
