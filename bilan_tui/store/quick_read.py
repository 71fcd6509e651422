"""What the dashboard shows, read with the standard ``sqlite3`` module only.

Importing SQLAlchemy and SQLModel costs more than Textual itself, so the
interface first reads the few rows the dashboard needs with ``sqlite3`` on a
read-only connection, shows them, and only then opens the workbook for real
(DESIGN §12). The full ``Workbook`` stays the only writer; this module never
writes and never creates a file.

The queries mirror ``tables.py`` and the store's reads (``homework``,
``get_setting``); states and hours are read by the very functions the store
uses (``fast_reads``). ``SCHEMA_VERSION`` below must follow
``migrations.SCHEMA_VERSION`` (a test checks it): a workbook of any other
version is not read here, the full open upgrades or refuses it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from bilan_tui.domain.answers import Answer, AnswerKey, ExerciseAnswers
from bilan_tui.domain.ledger_summary import LedgerTotals
from bilan_tui.domain.records import Homework

from .codec import from_json, parse_date, parse_time
from .fast_reads import answered_exercises, done_exercises, ledger_totals
from .files import read_only_uri
from .setting_keys import DISPLAY_NAME

SCHEMA_VERSION = 2
"""The only schema version this reader understands."""

_HOMEWORK = (
    "SELECT id, pack_id, exercises, file_hash, due, message, imported_at "
    "FROM homework ORDER BY due IS NULL, due, imported_at, id"
)
_ANSWERS_OF = (
    "SELECT field_id, entry_id, value, updated_at FROM answer WHERE pack_id = ? AND exercise_id = ?"
)


@dataclass(frozen=True)
class QuickView:
    """The dashboard's rows, as the store would return them.

    Attributes:
        display_name: The ``display_name`` setting, else ``""`` (never the file's name).
        answered: ``(pack id, exercise id)`` of exercises with a non-empty answer.
        done: ``(pack id, exercise id)`` of exercises marked done.
        hours: The ledger added up (``RecordStore.ledger_totals``).
        homework: Every assignment, soonest due first, undated ones last.
        plan: The answers of the exercise asked for (the planned hours).
    """

    display_name: str
    answered: frozenset[tuple[str, str]]
    done: frozenset[tuple[str, str]]
    hours: LedgerTotals
    homework: list[Homework]
    plan: ExerciseAnswers


def _plain(path: Path) -> bool:
    """Whether the file begins like a plain SQLite file (an encrypted one does not)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a named pipe would block the read: the full open refuses it
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def read_quick_view(path: Path, plan_pack_id: str, plan_exercise_id: str) -> QuickView | None:
    """Read the dashboard's rows, or ``None`` if that cannot be done cheaply and safely.

    ``None`` covers a missing file, another schema version, a locked or
    damaged file, anything unexpected: the caller then waits for the full
    open, which reports real problems properly.

    Args:
        path: The workbook's file.
        plan_pack_id: The pack of the exercise whose answers are wanted too.
        plan_exercise_id: That exercise (``modalites``: the planned hours).
    """
    if not path.is_file() or not _plain(path):
        return None  # an encrypted workbook is read only once unlocked, by the full open
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=1)
        try:
            return _read(connection, plan_pack_id, plan_exercise_id)
        finally:
            connection.close()
    except Exception:  # noqa: BLE001 - a preview only: the full open reports any problem
        return None


def _read(connection: sqlite3.Connection, plan_pack: str, plan_exercise: str) -> QuickView | None:
    if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return None
    connection.execute("BEGIN")  # one snapshot for every read
    workbook_name = connection.execute("SELECT name FROM workbook WHERE id = 1").fetchone()
    if workbook_name is None:
        return None
    setting = connection.execute(
        "SELECT value FROM setting WHERE key = ?", (DISPLAY_NAME,)
    ).fetchone()
    answered = answered_exercises(connection)
    done = done_exercises(connection)
    hours = ledger_totals(connection)
    homework = [
        Homework(
            pack_id=pack_id,
            exercises=tuple(from_json(exercises)),
            file_hash=file_hash,
            due=None if due is None else parse_date(due),
            message=message,
            imported_at=parse_time(imported_at),
            id=homework_id,
        )
        for homework_id, pack_id, exercises, file_hash, due, message, imported_at in (
            connection.execute(_HOMEWORK)
        )
    ]
    plan_rows = [
        Answer(
            AnswerKey(plan_pack, plan_exercise, field_id, entry_id),
            from_json(value),
            parse_time(updated_at),
        )
        for field_id, entry_id, value, updated_at in connection.execute(
            _ANSWERS_OF, (plan_pack, plan_exercise)
        )
    ]
    connection.rollback()
    name = setting[0] if setting is not None else None
    return QuickView(
        display_name=str(name).strip() if name else "",
        answered=frozenset(answered),
        done=frozenset(done),
        hours=hours,
        homework=homework,
        plan=ExerciseAnswers.from_answers(plan_pack, plan_exercise, plan_rows),
    )
