"""Copies of a workbook made with SQLite's online backup API, each ``0600``.

The backup API copies a consistent snapshot while the workbook stays open,
including whatever still sits in the ``-wal`` file; copying the file with
``cp`` would not. Each copy is switched to the classic rollback journal so it
is one self-contained file that can be moved or restored as is.
"""

from __future__ import annotations

import datetime
import re
import sqlite3
from pathlib import Path

from .files import backup_dir, create_private_file, make_private_dir

KEEP = 5
"""How many rolling backups are kept per workbook."""


def backup_to(source: sqlite3.Connection, dest: Path) -> Path:
    """Copy the database behind ``source`` into a new ``0600`` file.

    Raises:
        FileExistsError: ``dest`` exists; a backup never overwrites a file.
    """
    make_private_dir(dest.parent)
    if not create_private_file(dest):
        raise FileExistsError(f"{dest} already exists; choose another file name")
    try:
        target = sqlite3.connect(str(dest), isolation_level=None)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    return dest


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(name)}-(\d{{8}})-(\d{{6}})(?:-(\d+))?\.sqlite")


def rolling_backups(workbook: Path) -> list[Path]:
    """A workbook's rolling backups, oldest first."""
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


def newest_backup(workbook: Path) -> Path | None:
    """The most recent rolling backup, to offer when the workbook is damaged."""
    backups = rolling_backups(workbook)
    return backups[-1] if backups else None


def rolling_backup(
    source: sqlite3.Connection,
    workbook: Path,
    *,
    force: bool = False,
    keep: int = KEEP,
    moment: datetime.datetime | None = None,
) -> Path | None:
    """Take today's backup unless there is one, then keep only the newest ``keep``.

    Args:
        source: An open connection to the workbook.
        workbook: The workbook's path (names the backups).
        force: Take one even if today already has one (before a migration
            or any other risky operation).
        keep: How many to keep.
        moment: The local time to name it by (tests pass one).

    Returns:
        The new backup, or None if today's already existed.
    """
    stamp = (moment or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")
    existing = rolling_backups(workbook)
    if not force and existing and existing[-1].name.startswith(f"{workbook.stem}-{stamp[:8]}-"):
        return None
    folder = backup_dir(workbook)
    dest = folder / f"{workbook.stem}-{stamp}.sqlite"
    counter = 1
    while dest.exists():
        counter += 1
        dest = folder / f"{workbook.stem}-{stamp}-{counter}.sqlite"
    backup_to(source, dest)
    backups = rolling_backups(workbook)
    for old in backups[: max(len(backups) - keep, 0)]:
        old.unlink(missing_ok=True)
    return dest
