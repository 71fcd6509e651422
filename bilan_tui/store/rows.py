"""Stored rows made into domain objects, for both readers of a workbook.

The store (SQLAlchemy rows) and the quick reader of the command line
(``quick_workbook``: ``sqlite3`` rows, before SQLAlchemy is imported) read the
same tables; what a row means is written once, here, so the two cannot
disagree. A row is anything with the table's columns as attributes. This
module imports the standard library and the domain only.
"""

from __future__ import annotations

from typing import Any

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.journal import SessionNote, TodoItem
from bilan_tui.domain.records import Consent, Homework, LedgerEntry, WorkbookInfo

from .codec import from_json, optional_time, parse_date, parse_time


def answer(row: Any) -> Answer:
    """A row of ``answer``."""
    key = AnswerKey(row.pack_id, row.exercise_id, row.field_id, row.entry_id)
    return Answer(key, from_json(row.value), parse_time(row.updated_at))


def ledger_entry(row: Any) -> LedgerEntry:
    """A row of ``ledger_entry``."""
    return LedgerEntry(
        date=parse_date(row.date),
        minutes=row.minutes,
        phase=row.phase,
        kind=row.kind,
        note=row.note,
        source=row.source,
        exercise_id=row.exercise_id,
        id=row.id,
    )


def homework(row: Any) -> Homework:
    """A row of ``homework``."""
    return Homework(
        pack_id=row.pack_id,
        exercises=tuple(from_json(row.exercises)),
        file_hash=row.file_hash,
        due=None if row.due is None else parse_date(row.due),
        message=row.message,
        imported_at=parse_time(row.imported_at),
        id=row.id,
    )


def session_note(row: Any) -> SessionNote:
    """A row of ``session_note``."""
    items = from_json(row.todo)
    return SessionNote(
        entry_id=row.entry_id,
        planned_date=None if row.planned_date is None else parse_date(row.planned_date),
        planned_minutes=row.planned_minutes,
        prepare=row.prepare,
        retain=row.retain,
        todo=tuple(TodoItem(str(item["text"]), bool(item["done"])) for item in items),
        id=row.id,
    )


def consent(row: Any) -> Consent:
    """A row of ``consent``."""
    return Consent(
        recipient=row.recipient,
        scope=row.scope,
        format=row.format,
        include_private=bool(row.include_private),
        path=row.path,
        date=optional_time(row.date),
        id=row.id,
    )


def workbook_info(row: Any) -> WorkbookInfo:
    """The row of ``workbook``."""
    return WorkbookInfo(
        name=row.name,
        language=row.language,
        created_at=parse_time(row.created_at),
        pack_ids=tuple(from_json(row.pack_ids)),
    )
