"""Private files and folders: where a workbook's companions live, created 0600/0700.

A workbook holds a person's reflections on their working life, so nothing of
it may be readable by other accounts on the machine, whatever the umask. The
database file is created here, ``0600``, *before* SQLite opens it: SQLite gives
its ``-wal`` and ``-shm`` files the mode of the database, so they inherit it.
Stdlib only, so that read-only commands can use it without SQLAlchemy.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

FILE_MODE = 0o600
DIR_MODE = 0o700
BACKUP_DIR = "backups"


def make_private_dir(path: Path) -> None:
    """Create a folder and any missing parents, each ``0700``.

    Folders that already exist keep their mode: the data directory may be one
    the person chose (``--data-dir``) and tightening it behind their back
    would surprise them. ``Path.mkdir(parents=True)`` is not used because it
    creates the parents with the default mode.
    """
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        os.chmod(folder, DIR_MODE)


def create_private_file(path: Path) -> bool:
    """Create an empty ``0600`` file if none exists.

    Returns:
        True if this call created the file, False if it was already there
        (it is then left untouched).
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    try:
        # The umask may have removed bits we did not want to set anyway, but
        # never adds any: fchmod makes the mode exact either way.
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return True


def lock_path(workbook: Path) -> Path:
    """The single-instance lock file of a workbook (``<name>.sqlite.lock``)."""
    return workbook.with_name(workbook.name + ".lock")


def replace_lock_path(workbook: Path) -> Path:
    """The lock that keeps writers off a workbook while it is replaced (``.lock-replace``)."""
    return workbook.with_name(workbook.name + ".lock-replace")


def backup_dir(workbook: Path) -> Path:
    """The folder holding a workbook's backups, beside it."""
    return workbook.parent / BACKUP_DIR


def writable(path: Path) -> bool:
    """Whether this process may change ``path`` and create files beside it.

    False on read-only media, in a folder she cannot write to, or for a file
    made read-only (``0400``); ``access`` asks the kernel, so a read-only
    mount says no even to root.
    """
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` read-only in ``sqlite3`` (``uri=True``): never creates it.

    A file nobody here may write, with no ``-wal`` beside it, is opened
    ``immutable``: SQLite then needs no ``-shm`` either, so reading works
    from read-only media and leaves no ``0400`` ``-shm`` behind a ``0400``
    workbook (which would refuse every later write once the file is made
    writable again). With a ``-wal`` present, its frames must be read, so
    the plain read-only mode is kept.
    """
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not writable(path) and not wal.exists():
        uri += "&immutable=1"
    return uri


def draft_path(workbook: Path) -> Path:
    """Where a new workbook is built before it is linked into place (``<name>.sqlite.new``)."""
    return workbook.with_name(workbook.name + ".new")


def sync_dir(folder: Path) -> None:
    """Make a new or renamed entry in ``folder`` survive a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def companion_files(workbook: Path) -> list[Path]:
    """Every file SQLite or the lock may have made beside a workbook.

    ``bilan wipe`` removes these along with the workbook and its backups; the
    first three are SQLite's own, then the single-instance lock, four files
    a creation cut short leaves (see ``repository._create``), and last the
    replace lock (``lock.hold_for_replacing``), which a wipe removes last.
    """
    names = (
        "-wal",
        "-shm",
        "-journal",
        ".lock",
        ".new",
        ".new-wal",
        ".new-shm",
        ".new-journal",
        ".lock-replace",
    )
    return [workbook.with_name(workbook.name + suffix) for suffix in names]
