"""Copies of a workbook made with SQLite's online backup API, each ``0600``.

The backup API copies a consistent snapshot while the workbook stays open,
including whatever still sits in the ``-wal`` file; copying the file with
``cp`` would not. Each copy is switched to the classic rollback journal so it
is one self-contained file that can be moved or restored as is.

A backup is never written under its final name: it is built in a temporary
file (``<name>.partial-<pid>``, no journal), flushed to the disk, then linked
into place in one step, and the folder is flushed too. A kill at any moment
leaves either no backup or a whole one, plus at most a temporary file, which
the next backup of the workbook removes once its writer is gone.

Which backups are kept (see :func:`kept`): the five newest, whatever their
day, and the newest of each of the five days before those, so that a mistake
noticed a week later can still be undone even by someone who opens the
workbook several times a day. A backup that cannot be read is never counted,
offered or kept.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import os
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from bilan_tui.crypto.sqlcipher import connect_like, database_errors
from bilan_tui.i18n import _

from .contents import Contents, read_contents
from .errors import NotAWorkbook, WorkbookDamaged, WorkbookError
from .files import backup_dir, create_private_file, make_private_dir, sync_dir

KEEP_RECENT = 5
"""The newest backups kept whatever their day."""

KEEP_DAYS = 5
"""Earlier days of which the newest backup is kept too."""

MOST_KEPT = KEEP_RECENT + KEEP_DAYS
"""The most backups a workbook has at once (said in wipe's and restore's text)."""

PARTIAL = ".partial-"
"""Part of the name of a backup being written: ``<final name>.partial-<pid>``."""

SQLITE_COMPANIONS = ("-journal", "-wal", "-shm")


class Backup(NamedTuple):
    """A rolling backup that can be restored, and what it holds.

    Attributes:
        path: The file.
        taken: When it was taken (local time, from its name).
        contents: What restoring it would bring back.
    """

    path: Path
    taken: datetime.datetime
    contents: Contents


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(path: Path) -> None:
    """Remove a temporary file and whatever SQLite may have left beside it."""
    for leftover in (path, *(path.with_name(path.name + s) for s in SQLITE_COMPANIONS)):
        leftover.unlink(missing_ok=True)


def _publish(temp: Path, dest: Path) -> None:
    """Give ``temp`` the name ``dest`` in one step, never replacing a file.

    A hard link cannot replace anything; a folder on a file system without
    hard links (a FAT memory stick) gets a rename after a last check instead.
    """
    try:
        os.link(temp, dest)
    except FileExistsError:
        raise FileExistsError(f"{dest} already exists; choose another file name") from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if dest.exists() or dest.is_symlink():
            raise FileExistsError(f"{dest} already exists; choose another file name") from None
        os.rename(temp, dest)


def backup_to(source: sqlite3.Connection, dest: Path, key: bytes | None = None) -> Path:
    """Copy the database behind ``source`` into a new ``0600`` file, atomically.

    ``key``: the workbook's data key if it is encrypted; the copy is then
    encrypted with the same key (``bilan_tui.crypto``), so destroying the
    key file makes every backup unreadable too.

    Raises:
        FileExistsError: ``dest`` exists; a backup never overwrites a file.
    """
    make_private_dir(dest.parent)
    if dest.exists() or dest.is_symlink():
        raise FileExistsError(f"{dest} already exists; choose another file name")
    temp = dest.with_name(f"{dest.name}{PARTIAL}{os.getpid()}")
    _discard(temp)  # left by a killed process that had this process id
    create_private_file(temp)
    try:
        target = connect_like(temp, key, isolation_level=None)
        try:
            # No journal while copying: the file is thrown away if anything
            # fails, so there is nothing to roll back, and nothing left beside it.
            target.execute("PRAGMA journal_mode = OFF")
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        _sync_file(temp)
        _publish(temp, dest)
        sync_dir(dest.parent)
    finally:
        _discard(temp)
    return dest


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(name)}-(\d{{8}})-(\d{{6}})(?:-(\d+))?\.sqlite")


def _partial_pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"{re.escape(name)}-\d{{8}}-\d{{6}}(?:-\d+)?\.sqlite"
        rf"{re.escape(PARTIAL)}(\d+)(?:-journal|-wal|-shm)?"
    )


def rolling_backups(workbook: Path) -> list[Path]:
    """Every file named as one of the workbook's rolling backups, oldest first.

    Readable or not: ``bilan wipe`` removes them all. Use
    :func:`usable_backups` for the ones worth offering.
    """
    folder = backup_dir(workbook)
    if not folder.is_dir():
        return []
    pattern = _pattern(workbook.stem)
    found: list[tuple[str, str, int, Path]] = []
    for candidate in folder.iterdir():
        match = pattern.fullmatch(candidate.name)
        if match:
            day, clock, counter = match.groups()
            found.append((day, clock, int(counter or 0), candidate))
    found.sort()
    return [item[3] for item in found]


def taken_at(backup: Path) -> datetime.datetime:
    """When a rolling backup was taken, from its name (else its file's time)."""
    match = re.search(r"-(\d{8}-\d{6})(?:-\d+)?\.sqlite$", backup.name)
    if match:
        with contextlib.suppress(ValueError):
            return datetime.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    return datetime.datetime.fromtimestamp(backup.stat().st_mtime)


def check_backup_file(path: Path) -> Contents:
    """Check a backup read-only (header, size, ``quick_check``) and count what it holds.

    Raises:
        WorkbookError: It cannot be restored by this version: damaged,
            unfinished, foreign, blank or too new.
    """
    from .inspection import inspect_workbook
    from .quick_read import SCHEMA_VERSION  # migrations' own, without importing SQLAlchemy

    if _hot_journal(path):
        raise WorkbookDamaged(path, _("its writing was cut short (a journal is left beside it)"))
    inspection = inspect_workbook(path, SCHEMA_VERSION)
    if inspection.blank:
        raise NotAWorkbook(path, _("it holds no workbook"))
    try:
        return read_contents(path)
    except database_errors() as error:
        raise WorkbookDamaged(path, _("SQLite reports: {error}").format(error=error)) from None


def _hot_journal(path: Path) -> bool:
    """Whether a rollback journal is left beside ``path``: its writing was cut short.

    A finished backup has none (it is written without one, and older
    versions deleted theirs on success).
    """
    journal = path.with_name(path.name + "-journal")
    try:
        return journal.stat().st_size > 0
    except OSError:
        return False


def _cut_short(path: Path) -> bool:
    """Whether an unusable backup is certainly broken, not merely unreadable right now."""
    from .inspection import inspect_header

    if _hot_journal(path):
        return True
    try:
        inspect_header(path)
    except WorkbookDamaged:
        return True
    except (WorkbookError, OSError):
        return False
    return False


def usable_backups(workbook: Path) -> list[Backup]:
    """The rolling backups that can be restored, with what each holds, oldest first.

    Each is checked read-only (header, ``quick_check``, a count of its rows):
    a few milliseconds each for a workbook of ordinary size.
    """
    usable: list[Backup] = []
    for path in rolling_backups(workbook):
        try:
            usable.append(Backup(path, taken_at(path), check_backup_file(path)))
        except (WorkbookError, OSError):
            continue
    return usable


def newest_backup(workbook: Path) -> Path | None:
    """The most recent backup that can be restored."""
    backups = usable_backups(workbook)
    return backups[-1].path if backups else None


def kept(taken: Sequence[datetime.datetime]) -> set[int]:
    """Which backups to keep, given when each was taken (oldest first): their indexes.

    The :data:`KEEP_RECENT` newest, then, going back in time, the newest
    backup of each earlier day until :data:`KEEP_DAYS` days are covered.
    """
    count = len(taken)
    keep = set(range(max(count - KEEP_RECENT, 0), count))
    days = {taken[index].date() for index in keep}
    earlier = 0
    for index in range(count - KEEP_RECENT - 1, -1, -1):  # newest first: a day's newest
        if earlier >= KEEP_DAYS:
            break
        day = taken[index].date()
        if day not in days:
            keep.add(index)
            days.add(day)
            earlier += 1
    return keep


def _writer_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process: a backup may be under way in another thread
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # another account's process (the pid was reused): leave it
    return False


def clean_leftovers(workbook: Path) -> list[Path]:
    """Remove what killed backups of ``workbook`` left: temporary files and cut-short copies.

    A temporary file is removed only once the process that wrote it is gone.
    A backup with a rollback journal beside it was written by an older
    version and cut short: both go.

    Returns:
        What was removed.
    """
    folder = backup_dir(workbook)
    if not folder.is_dir():
        return []
    partial = _partial_pattern(workbook.stem)
    final = _pattern(workbook.stem)
    removed: list[Path] = []
    for candidate in sorted(folder.iterdir()):
        match = partial.fullmatch(candidate.name)
        if match and _writer_gone(int(match.group(1))):
            candidate.unlink(missing_ok=True)
            removed.append(candidate)
            continue
        owner = candidate.name.removesuffix("-journal")
        if owner != candidate.name and final.fullmatch(owner) and _hot_journal(folder / owner):
            for path in (folder / owner, candidate):
                path.unlink(missing_ok=True)
                removed.append(path)
    if removed:
        sync_dir(folder)
    return removed


def prune(workbook: Path) -> list[Path]:
    """Keep the backups :func:`kept` chooses among the readable ones; remove the rest.

    A backup certainly cut short (a journal beside it, a truncated or
    zeroed file) goes too. Any other that cannot be read now (one a newer
    version wrote, say) is left alone and not counted.

    Returns:
        What was removed.
    """
    clean_leftovers(workbook)
    usable: list[Backup] = []
    removed: list[Path] = []
    for path in rolling_backups(workbook):
        try:
            usable.append(Backup(path, taken_at(path), check_backup_file(path)))
        except (WorkbookError, OSError):
            if _cut_short(path):
                path.unlink(missing_ok=True)
                removed.append(path)
    keep = kept([backup.taken for backup in usable])
    for index, backup in enumerate(usable):
        if index not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def rolling_backup(
    source: sqlite3.Connection,
    workbook: Path,
    *,
    force: bool = False,
    moment: datetime.datetime | None = None,
    key: bytes | None = None,
) -> Path | None:
    """Take today's backup unless there is one, then prune (see :func:`kept`).

    Args:
        source: An open connection to the workbook.
        workbook: The workbook's path (names the backups).
        force: Take one even if today already has one (before a migration,
            a restore, or when a session that changed something closes).
        moment: The local time to name it by (tests pass one).
        key: The workbook's data key if it is encrypted (see :func:`backup_to`).

    Returns:
        The new backup, or None if today's already existed.
    """
    now = moment or datetime.datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    if not force and any(taken_at(p).date() == now.date() for p in _readable(workbook)):
        return None
    folder = backup_dir(workbook)
    dest = folder / f"{workbook.stem}-{stamp}.sqlite"
    counter = 1
    while dest.exists():
        counter += 1
        dest = folder / f"{workbook.stem}-{stamp}-{counter}.sqlite"
    backup_to(source, dest, key)
    prune(workbook)
    return dest


def _readable(workbook: Path) -> list[Path]:
    return [backup.path for backup in usable_backups(workbook)]
