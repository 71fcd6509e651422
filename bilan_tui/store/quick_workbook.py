"""A workbook opened for the command line's reads, with the standard ``sqlite3`` module only.

``bilan status``, ``hours``, ``homework list`` and ``export`` read a workbook
and exit. Importing SQLAlchemy and SQLModel for that costs several times the
whole rest of the command (DESIGN §12: a read command within twice ``bilan
--version``), so they read through :class:`QuickWorkbook`, which answers the
read methods of the store's ``Workbook`` with the same results, on the same
file, under the same locks. It is handed to a ``WorkbookSession`` in place of
the full workbook.

What it does not do, it leaves to the full open, which the caller falls back
to: :func:`open_quick_workbook` returns ``None`` for an encrypted workbook
(the passphrase and SQLCipher are the full open's), a file of another schema
version (the full open upgrades it, after a backup, or refuses it), a blank
or damaged file (the full open says what is wrong and offers a backup), and
any other surprise. Nothing here defines the schema: the queries read the
tables of ``tables.py`` (a test checks every column against them), rows
become domain objects through ``rows.py``, states and hours through
``fast_reads.py``, as in the store.

It writes one thing, what an export for the person herself writes: the
folder of the last export (a setting, :meth:`QuickWorkbook.set_setting`),
then, on closing, the backup the store takes after a change.
"""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bilan_tui.domain.answers import Answer, ExerciseAnswers
from bilan_tui.domain.journal import SessionNote
from bilan_tui.domain.ledger_summary import LedgerTotals
from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.domain.records import Consent, Homework, LedgerEntry, WorkbookInfo
from bilan_tui.i18n import _

from . import rows
from .codec import StoredTextError
from .errors import WorkbookDamaged, WorkbookError, from_sqlite
from .fast_reads import ledger_totals, statuses_of
from .files import read_only_uri, writable
from .inspection import APPLICATION_ID, inspect_workbook
from .lock import WorkbookLock, hold_for_writing
from .pragmas import apply_pragmas
from .quick_read import SCHEMA_VERSION

QUERIES: dict[str, str] = {
    "info": "SELECT * FROM workbook",
    "setting": "SELECT value FROM setting WHERE key = ?",
    "all_answers": "SELECT * FROM answer ORDER BY id",
    "answers": "SELECT * FROM answer WHERE pack_id = ? ORDER BY id",
    "exercise_answers": "SELECT * FROM answer WHERE pack_id = ? AND exercise_id = ?",
    "ledger": "SELECT * FROM ledger_entry ORDER BY date, id",
    "ledger_entries": "SELECT * FROM ledger_entry WHERE id IN ({marks})",
    "homework": ("SELECT * FROM homework ORDER BY due IS NULL, due, imported_at, id"),
    "consents": "SELECT * FROM consent ORDER BY date, id",
    "session_notes": "SELECT * FROM session_note ORDER BY id",
}
"""Every read, as the store's SQLAlchemy statements say it (same filters, same order).

``SELECT *``: the columns are the file's, which a current-version workbook
shares with ``tables.py``; a test reads each table both ways and compares.
"""

SET_SETTING = (
    "INSERT INTO setting (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
DELETE_SETTING = "DELETE FROM setting WHERE key = ?"


def _named_row(cursor: sqlite3.Cursor, values: Sequence[Any]) -> SimpleNamespace:
    """A row whose columns are attributes, as ``rows.py`` reads SQLAlchemy's rows."""
    return SimpleNamespace(
        **{column[0]: value for column, value in zip(cursor.description, values, strict=True)}
    )


class QuickWorkbook:
    """An open workbook's reads (and a setting), like ``Workbook``'s, without SQLAlchemy.

    Each method reads in one transaction of its own, as the store's do.
    Close it when done: that takes the backup a changed workbook gets,
    closes the file and releases the replace lock.

    Attributes:
        path: The database file.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection, sharing: WorkbookLock | None):
        self.path = path
        self._connection: sqlite3.Connection | None = connection
        self._sharing = sharing
        self._changes_at_open = connection.total_changes

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection."""
        if self._connection is None:
            raise RuntimeError("the workbook is closed")
        return self._connection

    def close(self) -> None:
        """Close the file, then let a waiting ``restore`` replace it."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._sharing is not None:
            self._sharing.release()
            self._sharing = None

    @contextmanager
    def _transaction(self, begin: str = "BEGIN") -> Iterator[sqlite3.Connection]:
        """One transaction; SQLite's failures become the store's errors, as ``Database`` does."""
        connection = self.connection
        try:
            connection.execute(begin)
            try:
                yield connection
            except BaseException:
                connection.rollback()
                raise
            connection.commit()
        except StoredTextError:
            raise WorkbookDamaged(
                self.path, _("one of its stored values was altered and cannot be read")
            ) from None
        except (sqlite3.OperationalError, sqlite3.DatabaseError) as exc:
            if type(exc) not in (sqlite3.OperationalError, sqlite3.DatabaseError):
                raise  # an integrity or programming error: ours, not the disk's
            raise from_sqlite(self.path, exc) from exc

    def _all(self, name: str, *parameters: Any) -> list[SimpleNamespace]:
        with self._transaction() as connection:
            cursor = connection.cursor()
            cursor.row_factory = _named_row
            return list(cursor.execute(QUERIES[name], parameters))

    # The reads of ``Workbook``, with its results -----------------------------------

    def info(self) -> WorkbookInfo:
        """The workbook's name, language, creation time and packs used."""
        return rows.workbook_info(self._all("info")[0])

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """A stored preference, or ``default``."""
        with self._transaction() as connection:
            found = connection.execute(QUERIES["setting"], (key,)).fetchone()
        return default if found is None or found[0] is None else str(found[0])

    def all_answers(self) -> list[Answer]:
        """Every answer of every pack."""
        return [rows.answer(row) for row in self._all("all_answers")]

    def answers(self, pack_id: str) -> list[Answer]:
        """Every answer stored for a pack."""
        return [rows.answer(row) for row in self._all("answers", pack_id)]

    def exercise_answers(self, pack_id: str, exercise_id: str) -> ExerciseAnswers:
        """The answers of one exercise."""
        found = [rows.answer(row) for row in self._all("exercise_answers", pack_id, exercise_id)]
        return ExerciseAnswers.from_answers(pack_id, exercise_id, found)

    def statuses(self, pack_id: str, exercise_ids: Iterable[str] = ()) -> dict[str, ExerciseStatus]:
        """Each exercise's status (see ``fast_reads.statuses_of``)."""
        with self._transaction() as connection:
            return statuses_of(connection, pack_id, exercise_ids)

    def ledger(self) -> list[LedgerEntry]:
        """Every ledger entry, by date then in the order they were added."""
        return [rows.ledger_entry(row) for row in self._all("ledger")]

    def ledger_entries(self, ids: Iterable[int]) -> dict[int, LedgerEntry]:
        """The entries with these ids, by id."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        query = QUERIES["ledger_entries"].format(marks=", ".join("?" * len(wanted)))
        with self._transaction() as connection:
            cursor = connection.cursor()
            cursor.row_factory = _named_row
            return {row.id: rows.ledger_entry(row) for row in cursor.execute(query, wanted)}

    def ledger_totals(self) -> LedgerTotals:
        """The ledger added up by SQLite (see ``fast_reads.ledger_totals``)."""
        with self._transaction() as connection:
            return ledger_totals(connection)

    def homework(self) -> list[Homework]:
        """Every imported assignment: soonest due first, undated ones last."""
        return [rows.homework(row) for row in self._all("homework")]

    def consents(self) -> list[Consent]:
        """Every recorded consent, oldest first."""
        return [rows.consent(row) for row in self._all("consents")]

    def session_notes(self) -> list[SessionNote]:
        """Every journal page, in the order they were written."""
        return [rows.session_note(row) for row in self._all("session_notes")]

    # What an export for herself writes ---------------------------------------------

    def set_setting(self, key: str, value: str | None) -> None:
        """Store a preference; ``None`` removes it (``Workbook.set_setting``)."""
        with self._transaction("BEGIN IMMEDIATE") as connection:
            if value is None:
                connection.execute(DELETE_SETTING, (key,))
            else:
                connection.execute(SET_SETTING, (key, value))

    def changed(self) -> bool:
        """Whether this process wrote anything to the workbook since opening it."""
        return self.connection.total_changes > self._changes_at_open

    def automatic_backup(
        self, *, closing: bool = False, moment: datetime.datetime | None = None
    ) -> Path | None:
        """The backup the store takes by itself (``Workbook.automatic_backup``)."""
        if closing and not self.changed():
            return None
        from . import backup as backups
        from .contents import count_contents

        with self._transaction() as connection:
            if count_contents(connection).empty:
                return None
        return backups.rolling_backup(self.connection, self.path, force=closing, moment=moment)


def open_quick_workbook(path: Path) -> QuickWorkbook | None:
    """Open ``path`` for reading as the store would, or ``None``: then use the full open.

    The replace lock is held shared from before the file is inspected until
    :meth:`QuickWorkbook.close`, as ``open_workbook`` holds it, so a
    ``bilan restore`` waits for the read to end. The whole file is checked
    (``PRAGMA quick_check``) as every command checks it.

    Raises:
        WorkbookBeingReplaced: A restore or wipe kept the file longer than the
            bounded wait (waiting a second time in the full open would only
            double the wait).
    """
    from bilan_tui.crypto.sqlcipher import looks_plain

    if not path.is_file() or not looks_plain(path):
        return None  # missing, a folder, or encrypted: the full open's cases
    sharing = hold_for_writing(path) if writable(path) else None
    connection: sqlite3.Connection | None = None
    try:
        found = inspect_workbook(path, SCHEMA_VERSION)
        if found.blank or found.user_version != SCHEMA_VERSION:
            raise _FullOpen
        if sharing is None:
            connection = sqlite3.connect(
                read_only_uri(path), uri=True, check_same_thread=False, isolation_level=None
            )
        else:
            connection = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        apply_pragmas(connection)
        stamp = connection.execute("PRAGMA application_id").fetchone()[0]
        if stamp & 0xFFFFFFFF != APPLICATION_ID:
            raise _FullOpen
    except (_FullOpen, WorkbookError, sqlite3.Error, OSError):
        if connection is not None:
            connection.close()
        if sharing is not None:
            sharing.release()
        return None
    return QuickWorkbook(path, connection, sharing)


class _FullOpen(Exception):
    """This file needs the full open (another version, blank, no stamp)."""
