"""The end of the bilan: every file that holds the workbook's content, then none.

``bilan wipe`` and the interface's "delete this workbook" both come here, so
they remove exactly the same files: the rolling backups (and what a killed
backup left), damaged copies set aside by a restore, an interrupted
restore's temporary file, the packs its homework files carried
(``paths.homework_packs_dir``), then the database, what SQLite keeps beside it
(``-wal``, ``-shm``, ``-journal``) and the lock. Only names this program
produces are matched: ``alice.damaged-keepme`` is not a copy of ``alice``.

The copies go first: a wipe cut short (a kill, a power cut) must never leave
full copies of the answers behind while the workbook itself looks empty.
Each file is overwritten with zeros and flushed before it is removed, where
that reaches the disk: not on an SSD (which writes elsewhere and erases
later) nor on a copy-on-write file system or a snapshot, so the interface
says so rather than promising that nothing can be recovered.
Nothing here opens the database, so a damaged workbook can be wiped too.
Copies the person made elsewhere (``bilan backup --output``, exports) are
theirs: they are not searched for.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
from pathlib import Path

from bilan_tui.paths import homework_packs_dir

from .backup import PARTIAL, rolling_backups
from .files import backup_dir, companion_files, sync_dir
from .restore import DAMAGED_MARK, TEMP_SUFFIX

_CHUNK = 1 << 20


def damaged_copies(workbook: Path) -> list[Path]:
    """Damaged workbooks a restore set aside, with their companions: exact names only."""
    folder = workbook.parent
    if not folder.is_dir():
        return []
    pattern = re.compile(
        rf"{re.escape(workbook.stem)}{re.escape(DAMAGED_MARK)}\d{{8}}-\d{{6}}(?:-\d+)?"
        r"\.sqlite(?:-wal|-shm|-journal)?"
    )
    return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))


def _backup_leftovers(workbook: Path) -> list[Path]:
    """Temporary files of backups of ``workbook`` (a kill may have left some)."""
    folder = backup_dir(workbook)
    if not folder.is_dir():
        return []
    pattern = re.compile(
        rf"{re.escape(workbook.stem)}-\d{{8}}-\d{{6}}(?:-\d+)?\.sqlite"
        rf"(?:{re.escape(PARTIAL)}\d+)?(?:-journal|-wal|-shm)"
        rf"|{re.escape(workbook.stem)}-\d{{8}}-\d{{6}}(?:-\d+)?\.sqlite{re.escape(PARTIAL)}\d+"
    )
    return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))


def key_files_first(workbook: Path) -> list[Path]:
    """An encrypted workbook's key files, and what its conversions cut short left.

    The key files go before anything else: once they are gone, every copy of
    the encrypted workbook (backups, old blocks on an SSD) is unreadable,
    even if the wipe is cut short (``bilan_tui.crypto``).
    """
    from bilan_tui.crypto.keyfile import existing_key_files
    from bilan_tui.crypto.migrate import leftovers

    found = existing_key_files(workbook) + leftovers(workbook)
    for backup in rolling_backups(workbook):
        found.extend(leftovers(backup))
    return found


def wipe_targets(workbook: Path) -> list[Path]:
    """The existing files a wipe would remove, in the order it removes them: copies first."""
    restoring = workbook.with_name(workbook.name + TEMP_SUFFIX)
    own = companion_files(workbook)  # -wal, -shm, -journal, .lock, .new...
    sqlite_own, lock, drafts, replacing = own[:3], own[3], own[4:-1], own[-1]
    candidates = [
        *key_files_first(workbook),
        *rolling_backups(workbook),
        *_backup_leftovers(workbook),
        *damaged_copies(workbook),
        restoring,
        *(restoring.with_name(restoring.name + s) for s in ("-journal", "-wal", "-shm")),
        homework_packs_dir(workbook),
        *drafts,
        *sqlite_own,
        workbook,
        lock,
        replacing,  # last: commands waiting on it must find the workbook gone
    ]
    return [path for path in candidates if path.exists() or path.is_symlink()]


def overwrite(path: Path) -> None:
    """Write zeros over a regular file's bytes and flush them, where the file is only ours.

    A symbolic link is not followed, and a file with another hard link is
    left as it is: the other name may be a copy the person keeps.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW)
    except OSError:
        return
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
            return
        zeros = bytes(min(_CHUNK, info.st_size))
        left = info.st_size
        while left > 0:
            left -= os.write(fd, zeros[: min(left, _CHUNK)])
        os.fsync(fd)
    except OSError:
        return  # a full or read-only disk: removing the file is still worth doing
    finally:
        os.close(fd)


def remove(path: Path) -> None:
    """Overwrite, then remove one file (or a folder in the workbook's place)."""
    if path.is_dir() and not path.is_symlink():
        for child in path.rglob("*"):
            overwrite(child)
        shutil.rmtree(path)
    else:
        overwrite(path)
        path.unlink(missing_ok=True)


def wipe_workbook(workbook: Path) -> list[Path]:
    """Remove the workbook and everything of it listed by :func:`wipe_targets`.

    The caller must have closed the workbook and hold (or have checked) its
    single-instance lock. The backups folder goes too once it is empty.

    Returns:
        What was removed, in the order it was removed.
    """
    removed: list[Path] = []
    folder = backup_dir(workbook)
    keys = set(key_files_first(workbook))
    for path in wipe_targets(workbook):
        if removed and removed[-1] in keys and path not in keys:
            with contextlib.suppress(OSError):
                sync_dir(workbook.parent)  # the key is gone for good before anything else goes
        if path.parent != folder and removed and removed[-1].parent == folder:
            with contextlib.suppress(OSError):
                sync_dir(folder)  # the copies are gone for good before anything else goes
        remove(path)
        removed.append(path)
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        removed.append(folder)
    if workbook.parent.is_dir():
        sync_dir(workbook.parent)
    return removed
