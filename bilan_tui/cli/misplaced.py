"""Workbooks in a data folder where ``bilan`` does not look (issue 20, point 3).

``--data-dir`` names the data folder, the one that holds ``workbooks/`` (and
``packs/``). Pointed at the ``workbooks/`` folder itself, or at a folder where
a workbook was copied, ``bilan`` would find no workbook and quietly start a
blank one beside the real one. Before that happens, this module looks for
workbook files in the places a person may have meant, and words the one
command that opens or brings back the right one.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from bilan_tui import paths
from bilan_tui.i18n import _

SUFFIX = ".sqlite"


def _is_workbook(path: Path) -> bool:
    """Whether ``path`` is a file whose header says it is one of our workbooks."""
    from bilan_tui.store.errors import WorkbookError
    from bilan_tui.store.inspection import APPLICATION_ID, read_header

    try:
        return path.is_file() and read_header(path).application_id == APPLICATION_ID
    except (OSError, WorkbookError):
        return False


def misplaced_workbooks(root: Path) -> list[Path]:
    """Workbook files directly in the data folder ``root``, where ``bilan`` never looks.

    Sorted by name; empty when ``root`` cannot be listed.
    """
    try:
        candidates = sorted(root.glob("*" + SUFFIX))
    except OSError:
        return []
    return [path for path in candidates if _is_workbook(path)]


def _pick(found: list[Path], workbook: str) -> Path:
    """The file that the asked workbook name most likely meant."""
    return next((path for path in found if path.stem == workbook), found[0])


def _workbook_option(name: str) -> list[str]:
    return [] if name == "default" else ["--workbook", name]


def misplaced_message(root: Path, workbook: str, found: list[Path]) -> str:
    """One line: where ``bilan`` looked, what it found instead, and the command to use.

    A folder named ``workbooks`` is the workbooks folder given as the data
    folder: the command is the same one with its parent. Anywhere else, the
    file is brought in with ``bilan restore``, which checks it and copies it
    into the workbooks folder (never moving or changing the original).
    """
    chosen = _pick(found, workbook)
    expected = paths.workbooks_dir(root)
    if root.name == "workbooks":
        command = ["bilan", "--data-dir", str(root.parent), *_workbook_option(chosen.stem)]
        return _(
            "No workbook {name} in {expected}, but {found} is one: --data-dir names the folder "
            "that holds workbooks/, not workbooks/ itself. Use: {command}"
        ).format(name=workbook, expected=expected, found=chosen, command=shlex.join(command))
    command = [
        "bilan",
        "--data-dir",
        str(root),
        *_workbook_option(chosen.stem),
        "restore",
        str(chosen),
    ]
    return _(
        "No workbook {name} in {expected}, but {found} is one, outside it: bilan reads "
        "workbooks only in the workbooks/ folder. To copy it there: {command}"
    ).format(name=workbook, expected=expected, found=chosen, command=shlex.join(command))
