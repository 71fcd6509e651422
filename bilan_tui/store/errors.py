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


class WorkbookIOError(WorkbookError):
    """SQLite could not read or write the file (disk full, read-only, file removed...).

    Never a reason to offer a backup: the workbook is whole, the disk around
    it is the problem, so the advice is about the disk.

    Attributes:
        disk: ``"full"``, ``"read-only"`` or ``""`` (another failure).
    """

    def __init__(self, path: Path, reason: str, disk: str = "") -> None:
        if disk == FULL:
            text = _(
                "Could not use the workbook {path}: the disk is full. Free some space, "
                "then try again; the workbook itself is not damaged."
            )
        elif disk == READ_ONLY:
            text = _(
                "Could not write to the workbook {path}: the file or its folder is read-only. "
                "It can still be read (status, hours, export); to change it, make its folder "
                "writable or copy it to a folder you can write to."
            )
        else:
            text = _(
                "Could not use the workbook {path}: {reason}. "
                "Check that the disk is not full and the file is still there."
            )
        super().__init__(path, text.format(path=path, reason=reason))
        self.reason = reason
        self.disk = disk


class WorkbookBeingReplaced(WorkbookError):
    """A restore or wipe of the workbook did not finish within the writer's wait."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            _(
                "The workbook {name} is being restored or deleted by another bilan command; "
                "nothing was written. Try again once it has finished."
            ).format(name=path.name),
        )


class WorkbookBeingWritten(WorkbookError):
    """Another command kept the workbook open longer than a restore or wipe would wait."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            _(
                "Another bilan command is still using the workbook {name}; nothing was "
                "changed. Try again once it has finished."
            ).format(name=path.name),
        )


FULL = "full"
READ_ONLY = "read-only"

# SQLite's primary result codes (the low byte of ``sqlite_errorcode``).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26

_NEARLY_FULL = 1 << 20
"""Less free space than this (bytes) and SQLite's input/output errors are the disk being full."""


def disk_state(path: Path) -> str:
    """``"full"`` or ``"read-only"`` when the file system holding ``path`` is, else ``""``.

    SQLite reports a full disk as a plain input/output error when it cannot
    grow its shared-memory file, and a read-only mount as "unable to open":
    asking the file system tells the person what is really wrong.
    """
    import os

    folder = path if path.is_dir() else path.parent
    try:
        stats = os.statvfs(folder)
    except OSError:
        return ""
    if stats.f_flag & os.ST_RDONLY:
        return READ_ONLY
    blocks = stats.f_bfree if os.geteuid() == 0 else stats.f_bavail  # root has a reserve
    if blocks * stats.f_frsize < _NEARLY_FULL:
        return FULL
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return READ_ONLY
    return ""


def sqlite_failure(path: Path, reason: str, code: int | None = None) -> WorkbookError:
    """The store's error for a failure SQLite reported as ``reason`` (and ``code``).

    Damage (a corrupt page, a file that is not a database, a missing table)
    is :class:`WorkbookDamaged`, the only error that offers a backup; a busy
    workbook is :class:`WorkbookBusy`; everything else is the disk's doing
    (:class:`WorkbookIOError`), told as "disk full" or "read-only" when the
    file system says so.
    """
    from bilan_tui.system_words import sqlite_reason

    primary = -1 if code is None else code & 0xFF
    lowered = reason.lower()
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in lowered or "busy" in lowered:
        return WorkbookBusy(path)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in lowered:
        return WorkbookDamaged(path, sqlite_reason(reason))
    if "not a database" in lowered:
        return WorkbookDamaged(path, sqlite_reason(reason))
    if "no such table" in lowered or "no such column" in lowered:
        return WorkbookDamaged(
            path, _("part of its structure is missing ({detail})").format(detail=reason)
        )
    if primary == _SQLITE_FULL or "disk is full" in lowered:
        disk = FULL
    elif primary == _SQLITE_READONLY or "readonly" in lowered:
        disk = disk_state(path) or READ_ONLY
    else:
        unclear = (_SQLITE_IOERR, _SQLITE_CANTOPEN, _SQLITE_PERM, -1)
        disk = disk_state(path) if primary in unclear else ""
    return WorkbookIOError(path, sqlite_reason(reason), disk)


def from_sqlite(path: Path, error: BaseException) -> WorkbookError:
    """:func:`sqlite_failure` for an ``sqlite3`` exception, using its result code."""
    return sqlite_failure(path, str(error), getattr(error, "sqlite_errorcode", None))
