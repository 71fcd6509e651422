"""Why a workbook cannot be opened, in words a person can act on.

The command line prints ``str(exc)`` and nothing else, and the interface shows
the same text, so every message names the file, says what is wrong and, when
there is one, what to do next. None of them quotes the person's answers.
"""

from __future__ import annotations

from pathlib import Path


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
        super().__init__(path, f"No workbook at {path}: nothing has been saved there yet.")


class WorkbookDamaged(WorkbookError):
    """The file is not a readable SQLite database, or fails its integrity check.

    The file is left exactly as it was found, so that it can still be
    recovered by hand; the newest backup is the usual way out.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            path,
            f"The workbook {path} cannot be read: {reason}. "
            "It has not been modified; restore the newest backup "
            f"(in {path.parent / 'backups'}) or move the file aside.",
        )
        self.reason = reason


class NotAWorkbook(WorkbookError):
    """The path holds something else: a folder, or another program's database."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            path,
            f"{path} is not a bilan workbook: {reason}. It has been left untouched.",
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
            f"The workbook {path} was saved by a newer version of bilan "
            f"(format {found}; this version knows up to {known}). "
            "Update bilan to open it; the file has not been modified.",
        )
        self.found = found
        self.known = known


class WorkbookInUse(WorkbookError):
    """Another bilan process holds the workbook's single-instance lock."""

    def __init__(self, path: Path, pid: int | None = None) -> None:
        who = f" (process {pid})" if pid else ""
        super().__init__(
            path,
            f"The workbook {path.name} is already open in another bilan window{who}. "
            "Close it there, then try again.",
        )
        self.pid = pid


class WorkbookBusy(WorkbookError):
    """Another process kept the workbook's write lock longer than the busy timeout."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"The workbook {path.name} stayed busy in another bilan process for too long; "
            "nothing was lost, try again in a moment.",
        )


class WorkbookIOError(WorkbookError):
    """SQLite could not read or write the file (disk full, file removed...)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            path,
            f"Could not use the workbook {path}: {reason}. "
            "Check that the disk is not full and the file is still there.",
        )
        self.reason = reason
