"""Where the workbooks live: the only user of platformdirs.

The data directory is private (0700): a bilan falls under professional secrecy
(L6313-4), so nobody but the owner may even list the workbooks.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

APP_NAME = "bilan-tui"
ENV_DATA_DIR = "BILAN_DATA_DIR"
WORKBOOK_NAME = re.compile(r"^[\w][\w .-]{0,63}$")


class BadWorkbookName(ValueError):
    """A workbook name that would not make a safe file name."""


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``override``, else ``$BILAN_DATA_DIR``, else the platform's.

    Nothing is created here; call :func:`ensure_private_dir` before writing.
    """
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def documents_dir() -> Path:
    """The person's documents folder, where the interface offers to save exports."""
    from platformdirs import user_documents_path

    return user_documents_path()


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents, each 0700 whatever the umask.

    A folder that already exists keeps its mode: a ``--data-dir`` the person
    chose is hers, and changing its permissions behind her back would
    surprise her (and fails on read-only media). Only the folders this call
    creates are made private.
    """
    from bilan_tui.store.files import make_private_dir

    make_private_dir(path)
    return path


def workbooks_dir(root: Path) -> Path:
    """The folder that holds the workbook files."""
    return root / "workbooks"


def workbook_path(root: Path, name: str) -> Path:
    """The SQLite file of a named workbook.

    Raises:
        BadWorkbookName: for a name with path separators or odd characters.
    """
    # fullmatch: ``$`` would let a final newline through (``ok\n.sqlite``).
    if not WORKBOOK_NAME.fullmatch(name) or name.startswith(".") or ".." in name:
        raise BadWorkbookName(name)
    return workbooks_dir(root) / f"{name}.sqlite"


def packs_dir(root: Path) -> Path:
    """The folder of the packs installed with ``bilan pack install``, for every workbook."""
    return root / "packs"


def homework_packs_dir(workbook: Path) -> Path:
    """Where the packs carried by a workbook's homework files are kept.

    Beside the workbook and named after it (``workbooks/default.packs/``):
    a homework belongs to the workbook that imported it, and so does its
    pack; other workbooks never see it, and a wipe removes it with the rest.
    """
    return workbook.with_name(workbook.stem + ".packs")
