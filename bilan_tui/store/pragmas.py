"""The PRAGMAs every connection to a workbook runs, written once for both connections.

The store's engine (SQLAlchemy) and the command line's quick reader
(``quick_workbook``, plain ``sqlite3``) open the same file: both must wait
for a busy file the same time and write with the same durability. This
module imports the standard library only.
"""

from __future__ import annotations

from typing import Any

BUSY_TIMEOUT_MS = 5000

PRAGMAS: tuple[str, ...] = (
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
)
"""Set on every new connection; ``busy_timeout`` first so the others may wait."""


def apply_pragmas(dbapi_connection: Any) -> None:
    """Hand transaction control to the caller (``BEGIN`` by hand) and run :data:`PRAGMAS`."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()
