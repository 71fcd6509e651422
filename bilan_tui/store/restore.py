"""Putting a backup back in place, and moving a damaged workbook out of the way.

A restore must never make things worse: the chosen file is checked before
anything else happens, it is copied (with SQLite's backup API, so whatever
its ``-wal`` holds comes along) into a temporary file first, the current
workbook is backed up (or, if it is damaged, renamed aside untouched), and
only then does one atomic ``os.replace`` put the copy in place. A crash at
any point leaves either the old workbook or the new one, never a mix.

The caller holds the workbook's single-instance lock, so no window of the
interface edits the workbook while it is being replaced; the restore itself
waits for the commands that have it open (``bilan hours add``, an import, an
export) to close it, and keeps new ones waiting until the swap is done.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from bilan_tui.i18n import _

from .errors import NotAWorkbook, WorkbookDamaged, WorkbookError, WorkbookTooNew
from .files import create_private_file, make_private_dir
from .inspection import inspect_workbook
from .lock import hold_for_replacing

SQLITE_SUFFIXES = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside a database; they belong to it and move with it."""

DAMAGED_MARK = ".damaged-"
"""Part of the name given to a damaged workbook moved aside."""

TEMP_SUFFIX = ".restoring"


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore did, for the message shown to the person.

    Attributes:
        previous_backup: The backup taken of the workbook that was replaced.
        set_aside: Where a damaged workbook was moved, untouched.
    """

    previous_backup: Path | None
    set_aside: Path | None


class SameFile(WorkbookError):
    """The file to restore is the workbook itself."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, _("{path} is the workbook itself; choose a backup to restore.").format(path=path)
        )


class NotReplaced(WorkbookError):
    """The workbook in place is whole (newer, or not ours): a backup never replaces it."""

    def __init__(self, path: Path, why: WorkbookError) -> None:
        super().__init__(
            path,
            _(
                "{problem} A backup is restored only in place of a damaged workbook, so "
                "nothing was changed. To restore it anyway, move {path} elsewhere first."
            ).format(problem=why, path=path),
        )


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SQLITE_SUFFIXES]


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable: the folder's entry must reach the disk too."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def set_aside(workbook: Path, moment: datetime.datetime | None = None) -> Path:
    """Rename a damaged workbook (and its SQLite companions) without opening it.

    The new name is ``<name>.damaged-<YYYYmmdd-HHMMSS>.sqlite`` in the same
    folder, so the file can still be examined or recovered by hand. Renaming
    does not change a byte of it.

    Returns:
        The new path of the damaged file (or folder).
    """
    stamp = (moment or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = workbook.with_name(f"{workbook.stem}{DAMAGED_MARK}{stamp}.sqlite")
    counter = 1
    while target.exists() or any(p.exists() for p in _companions(target)):
        counter += 1
        target = workbook.with_name(f"{workbook.stem}{DAMAGED_MARK}{stamp}-{counter}.sqlite")
    os.rename(workbook, target)
    for old, new in zip(_companions(workbook), _companions(target), strict=True):
        if old.exists():
            os.rename(old, new)
    _fsync_dir(workbook.parent)
    return target


def check_backup(source: Path, known_version: int) -> None:
    """Refuse, without writing to it, a file that is not a workbook worth restoring.

    Raises:
        WorkbookError: Missing, damaged, foreign, too new or empty.
    """
    if not source.exists():
        raise WorkbookDamaged(source, _("there is no such file"))
    if inspect_workbook(source, known_version).blank:
        raise NotAWorkbook(source, _("it holds no workbook"))


def _copy_database(source: Path, dest: Path) -> None:
    """Copy ``source`` (read-only) into the new file ``dest`` with the backup API."""
    if not create_private_file(dest):
        raise FileExistsError(f"{dest} already exists")
    from bilan_tui.crypto.sqlcipher import connect_like, connect_read_only, file_key

    reader = connect_read_only(source)
    try:
        writer = connect_like(dest, file_key(source), isolation_level=None)
        try:
            writer.execute("PRAGMA journal_mode = OFF")  # a failed copy is thrown away whole
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode = DELETE")
        finally:
            writer.close()
    finally:
        reader.close()
    fd = os.open(dest, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def restore_workbook(
    workbook: Path,
    source: Path,
    *,
    moment: datetime.datetime | None = None,
) -> Restored:
    """Replace ``workbook`` by a copy of ``source``; the caller holds the lock.

    Args:
        workbook: The workbook to replace (it may be missing or damaged).
        source: A backup, checked read-only before anything is written.
        moment: Local time naming the backup or the damaged copy (tests).

    Raises:
        WorkbookError: ``source`` is not a workbook this version can open
            (nothing has been written), or is the workbook itself.
        NotReplaced: The workbook in place is from a newer version, or not
            a workbook: only a damaged one is set aside for a backup.
        WorkbookBeingWritten: A command kept the workbook open past the wait.
    """
    from .migrations import SCHEMA_VERSION

    if source.exists() and workbook.exists() and source.resolve() == workbook.resolve():
        raise SameFile(source)
    check_backup(source, SCHEMA_VERSION)
    make_private_dir(workbook.parent)
    with hold_for_replacing(workbook):  # every command that has it open closes first
        return _replace(workbook, source, moment)


def _replace(workbook: Path, source: Path, moment: datetime.datetime | None) -> Restored:
    """The swap itself, under the exclusive replace lock (see :func:`restore_workbook`)."""
    from .migrations import SCHEMA_VERSION
    from .repository import open_workbook

    damaged = False
    if workbook.exists():
        try:
            inspect_workbook(workbook, SCHEMA_VERSION)
        except WorkbookDamaged:
            damaged = True
        except (NotAWorkbook, WorkbookTooNew) as whole:
            raise NotReplaced(workbook, whole) from None
    temp = workbook.with_name(workbook.name + TEMP_SUFFIX)
    for leftover in (temp, *_companions(temp)):
        leftover.unlink(missing_ok=True)
    previous: Path | None = None
    moved: Path | None = None
    try:
        _copy_database(source, temp)
        inspect_workbook(temp, SCHEMA_VERSION)
        if damaged:
            moved = set_aside(workbook, moment)
        elif workbook.exists():
            with open_workbook(workbook, create=False, share=False) as current:
                previous = current.rolling_backup(force=True, moment=moment)
        for stale in _companions(workbook):
            stale.unlink(missing_ok=True)
        os.replace(temp, workbook)
        _fsync_dir(workbook.parent)
    finally:
        temp.unlink(missing_ok=True)
    with open_workbook(workbook, create=False, share=False):
        pass  # upgrades an older backup now, and proves the result opens
    return Restored(previous_backup=previous, set_aside=moved)
