"""The language saved in a workbook, read before anything else is imported.

``bilan`` chooses its language before it draws anything (``--lang``, then the
workbook's own setting, then ``$LANG``): this read must cost a file open, not
the storage layer's import. Stdlib only, read-only, never creates a file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .files import read_only_uri


def read_saved_language(path: Path) -> str | None:
    """The language stored in an existing workbook, or ``None``.

    Any problem (no file, not a workbook, locked, damaged) simply means "no
    saved language": the real open reports it properly a moment later.
    """
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=1)
        try:
            row = connection.execute("SELECT language FROM workbook WHERE id = 1").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None
