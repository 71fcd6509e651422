"""The SQLite schema, version 2, as SQLModel tables.

Times are stored as ISO-8601 text in UTC (``2026-11-26T17:09:16+00:00``) and
dates as ``YYYY-MM-DD``: the file stays readable with the ``sqlite3`` shell,
sorts correctly as text, and does not depend on a driver's date handling.
Answer values are JSON text, so any field kind fits one column.

Changing anything here after a release needs a migration step (see
``migrations.py``) and a new fixture database in ``tests/fixtures/db/``.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Index, Table, UniqueConstraint
from sqlmodel import Field, SQLModel


class WorkbookRow(SQLModel, table=True):
    """The single row describing the workbook itself."""

    __tablename__ = "workbook"
    __table_args__ = (CheckConstraint("id = 1", name="single_workbook_row"),)

    id: int = Field(default=1, primary_key=True)
    name: str
    language: str
    created_at: str
    pack_ids: str = "[]"
    """JSON list of the pack ids answered in this workbook, in first-use order."""


class AnswerRow(SQLModel, table=True):
    """One answer value, keyed like ``bilan_tui.domain.answers.AnswerKey``."""

    __tablename__ = "answer"
    __table_args__ = (
        UniqueConstraint("pack_id", "exercise_id", "field_id", "entry_id", name="answer_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    pack_id: str
    exercise_id: str
    field_id: str
    entry_id: str = ""
    value: str
    """The value as JSON text (``"null"`` for a cleared value)."""
    updated_at: str


class ExerciseStateRow(SQLModel, table=True):
    """The person's marks on one exercise."""

    __tablename__ = "exercise_state"

    pack_id: str = Field(primary_key=True)
    exercise_id: str = Field(primary_key=True)
    done: bool = False
    done_at: str | None = None
    first_answer_at: str | None = None


class LedgerRow(SQLModel, table=True):
    """One line of the hours ledger."""

    __tablename__ = "ledger_entry"
    __table_args__ = (
        CheckConstraint("kind IN ('accompagnement', 'personnel')", name="ledger_kind"),
        CheckConstraint("source IN ('manual', 'auto')", name="ledger_source"),
        CheckConstraint("minutes >= 0", name="ledger_minutes"),
        Index("ledger_by_date", "date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    date: str
    minutes: int
    phase: str
    kind: str
    note: str = ""
    source: str = "manual"
    exercise_id: str | None = None
    created_at: str


class HomeworkRow(SQLModel, table=True):
    """An imported homework assignment; a file is imported once (by its hash)."""

    __tablename__ = "homework"

    id: int | None = Field(default=None, primary_key=True)
    imported_at: str
    due: str | None = None
    message: str = ""
    exercises: str = "[]"
    """JSON list of exercise ids."""
    file_hash: str = Field(unique=True)
    pack_id: str


class ConsentRow(SQLModel, table=True):
    """A local record of one export made for someone else."""

    __tablename__ = "consent"

    id: int | None = Field(default=None, primary_key=True)
    date: str
    recipient: str
    scope: str
    format: str
    include_private: bool = False
    path: str = ""


class SessionNoteRow(SQLModel, table=True):
    """A journal page: one session with the consultant, planned or held (schema 2).

    ``entry_id`` links a held session to its ledger line; a planned one has
    none, so its hours are not counted. Deleting the ledger line deletes the page.
    """

    __tablename__ = "session_note"
    __table_args__ = (
        UniqueConstraint("entry_id", name="one_page_a_session"),
        CheckConstraint("planned_minutes IS NULL OR planned_minutes > 0", name="note_minutes"),
    )

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int | None = None
    planned_date: str | None = None
    planned_minutes: int | None = None
    prepare: str = ""
    retain: str = ""
    todo: str = "[]"
    """JSON list of ``{"text": ..., "done": ...}``."""
    updated_at: str


class SettingRow(SQLModel, table=True):
    """A small preference (display name...), as text."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: str


def table(name: str) -> Table:
    """The Core table behind one of the models above, for typed statements."""
    return SQLModel.metadata.tables[name]


TABLE_NAMES: tuple[str, ...] = (
    "workbook",
    "answer",
    "exercise_state",
    "ledger_entry",
    "homework",
    "consent",
    "setting",
    "session_note",
)
"""The tables of the current schema, created together for a new workbook."""
