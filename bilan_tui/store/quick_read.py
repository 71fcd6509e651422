"""What the dashboard shows, read with the standard ``sqlite3`` module only.

Importing SQLAlchemy and SQLModel costs more than Textual itself, so the
interface first reads the few rows the dashboard needs with ``sqlite3`` on a
read-only connection, shows them, and only then opens the workbook for real
(DESIGN §12). The full ``Workbook`` stays the only writer; this module never
writes and never creates a file.

The queries mirror ``tables.py`` and the store's reads (``statuses``,
``ledger``, ``homework``, ``get_setting``); ``SCHEMA_VERSION`` below must
follow ``migrations.SCHEMA_VERSION`` (a test checks it): a workbook of any
other version is not read here, the full open upgrades or refuses it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bilan_tui.domain.answers import POSITION, Answer, AnswerKey, ExerciseAnswers, is_empty
from bilan_tui.domain.records import Homework, LedgerEntry

from .codec import from_json, parse_date, parse_time

SCHEMA_VERSION = 1
"""The only schema version this reader understands."""

_EMPTY_JSON = ("null", '""', "[]", "{}")

_ANSWERED = (
    "SELECT pack_id, exercise_id, value FROM answer "
    "WHERE field_id != ? AND value NOT IN (?, ?, ?, ?)"
)
_DONE = "SELECT pack_id, exercise_id FROM exercise_state WHERE done"
_LEDGER = (
    "SELECT id, date, minutes, phase, kind, note, source, exercise_id "
    "FROM ledger_entry ORDER BY date, id"
)
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
        display_name: The ``display_name`` setting, else the workbook's name.
        answered: ``(pack id, exercise id)`` of exercises with a non-empty answer.
        done: ``(pack id, exercise id)`` of exercises marked done.
        ledger: Every ledger entry, by date then in the order they were added.
        homework: Every assignment, soonest due first, undated ones last.
        plan: The answers of the exercise asked for (the planned hours).
    """

    display_name: str
    answered: frozenset[tuple[str, str]]
    done: frozenset[tuple[str, str]]
    ledger: list[LedgerEntry]
    homework: list[Homework]
    plan: ExerciseAnswers


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
    if not path.is_file():
        return None
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=1)
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
    setting = connection.execute("SELECT value FROM setting WHERE key = 'display_name'").fetchone()
    answered = {
        (pack_id, exercise_id)
        for pack_id, exercise_id, value in connection.execute(_ANSWERED, (POSITION, *_EMPTY_JSON))
        if not is_empty(from_json(value))
    }
    done = {(pack_id, exercise_id) for pack_id, exercise_id in connection.execute(_DONE)}
    ledger = [
        LedgerEntry(
            date=parse_date(date),
            minutes=minutes,
            phase=phase,
            kind=kind,
            note=note,
            source=source,
            exercise_id=exercise_id,
            id=entry_id,
        )
        for entry_id, date, minutes, phase, kind, note, source, exercise_id in connection.execute(
            _LEDGER
        )
    ]
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
        display_name=str(name) if name else str(workbook_name[0]),
        answered=frozenset(answered),
        done=frozenset(done),
        ledger=ledger,
        homework=homework,
        plan=ExerciseAnswers.from_answers(plan_pack, plan_exercise, plan_rows),
    )
