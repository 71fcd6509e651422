"""What a workbook or a backup holds, counted on a plain ``sqlite3`` connection.

A backup is only worth offering if the person can tell what it will bring
back: "23 answers in 4 exercises" or "empty". The same count decides whether
an automatic backup is worth taking at all (a workbook holding nothing is
not backed up, so it cannot push a useful copy out of the rotation).
Stdlib and domain only: the restore offer runs before SQLAlchemy is loaded.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import NamedTuple

from bilan_tui.domain.answers import POSITION, is_empty

from .codec import from_json
from .fast_reads import EMPTY_JSON, answered_exercises

_ANSWER_VALUES = (
    "SELECT value FROM answer WHERE field_id != ? "
    "AND value != ? AND value != ? AND value != ? AND value != ?"
)
_COUNT = "SELECT count(*) FROM {table}"


class Contents(NamedTuple):
    """What a workbook holds, in the units a person recognises.

    Attributes:
        answers: Non-empty answers (a record's position does not count).
        exercises: Exercises with at least one non-empty answer.
        hours: Lines of the hours ledger.
        homework: Imported homework assignments.
    """

    answers: int
    exercises: int
    hours: int
    homework: int

    @property
    def empty(self) -> bool:
        """Nothing the person wrote or logged: restoring it brings back a blank workbook."""
        return not (self.answers or self.hours or self.homework)


def count_contents(connection: sqlite3.Connection) -> Contents:
    """Count what ``connection``'s workbook holds (inside one read, for a consistent count)."""
    answers = 0
    found = connection.execute(_ANSWER_VALUES, (POSITION, *EMPTY_JSON))
    with closing(found) as values:
        for (value,) in values:
            if not is_empty(from_json(value)):
                answers += 1
    exercises = len(answered_exercises(connection))
    hours = int(connection.execute(_COUNT.format(table="ledger_entry")).fetchone()[0])
    homework = int(connection.execute(_COUNT.format(table="homework")).fetchone()[0])
    return Contents(answers=answers, exercises=exercises, hours=hours, homework=homework)


def read_contents(path: Path) -> Contents:
    """Count what the workbook file at ``path`` holds, read-only.

    Raises:
        sqlite3.Error: The file cannot be read as a workbook of this schema.
    """
    from bilan_tui.crypto.sqlcipher import connect_read_only

    connection = connect_read_only(path)
    try:
        connection.execute("BEGIN")
        return count_contents(connection)
    finally:
        connection.close()
