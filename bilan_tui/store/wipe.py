"""The end of the bilan: every file that holds the workbook's content, then none.

``bilan wipe`` and the interface's "delete this workbook" both come here, so
they remove exactly the same files: the database, what SQLite keeps beside
it (``-wal``, ``-shm``, ``-journal``), the lock, the rolling backups, damaged
copies set aside by a restore, an interrupted restore's temporary file and the
packs its homework files carried (``paths.homework_packs_dir``).
Nothing here opens the database, so a damaged workbook can be wiped too.
Copies the person made elsewhere (``bilan backup --output``, exports) are
theirs: they are not searched for.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bilan_tui.paths import homework_packs_dir

from .backup import rolling_backups
from .files import backup_dir, companion_files
from .restore import TEMP_SUFFIX, damaged_copies


def wipe_targets(workbook: Path) -> list[Path]:
    """The existing files (or a folder in the workbook's place) a wipe would remove."""
    candidates = [
        workbook,
        *companion_files(workbook),
        workbook.with_name(workbook.name + TEMP_SUFFIX),
        *damaged_copies(workbook),
        *rolling_backups(workbook),
        homework_packs_dir(workbook),
    ]
    return [path for path in candidates if path.exists() or path.is_symlink()]


def wipe_workbook(workbook: Path) -> list[Path]:
    """Remove the workbook and everything of it listed by :func:`wipe_targets`.

    The caller must have closed the workbook and hold (or have checked) its
    single-instance lock. The backups folder goes too once it is empty.

    Returns:
        What was removed, in the order it was removed.
    """
    removed: list[Path] = []
    for path in wipe_targets(workbook):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    folder = backup_dir(workbook)
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        removed.append(folder)
    if workbook.parent.is_dir():
        fd = os.open(workbook.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return removed
