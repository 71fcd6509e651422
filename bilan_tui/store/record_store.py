"""Ledger entries, homework and consents: the records that are not answers."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert

from bilan_tui.domain.journal import SessionNote
from bilan_tui.domain.ledger import KINDS, SOURCES, LedgerTotals
from bilan_tui.domain.records import Consent, Homework, LedgerEntry

from . import rows
from .codec import date_text, now, parse_time, time_text, to_json
from .engine import Database
from .fast_reads import ledger_totals, raw_read
from .tables import table


def _ledger_values(entry: LedgerEntry) -> dict[str, Any]:
    """Column values of a ledger entry, refusing what the table's checks would."""
    if entry.kind not in KINDS:
        raise ValueError(f"unknown ledger kind {entry.kind!r}")
    if entry.source not in SOURCES:
        raise ValueError(f"unknown ledger source {entry.source!r}")
    if entry.minutes < 0:
        raise ValueError("a ledger entry cannot last less than nothing")
    return {
        "date": date_text(entry.date),
        "minutes": entry.minutes,
        "phase": entry.phase,
        "kind": entry.kind,
        "note": entry.note,
        "source": entry.source,
        "exercise_id": entry.exercise_id,
    }


def _note_values(note: SessionNote) -> dict[str, Any]:
    """Column values of a journal page."""
    if note.planned_minutes is not None and note.planned_minutes <= 0:
        raise ValueError("a planned session lasts more than nothing")
    return {
        "entry_id": note.entry_id,
        "planned_date": None if note.planned_date is None else date_text(note.planned_date),
        "planned_minutes": note.planned_minutes,
        "prepare": note.prepare,
        "retain": note.retain,
        "todo": to_json([{"text": item.text, "done": item.done} for item in note.todo]),
        "updated_at": time_text(now()),
    }


class RecordStore:
    """Ledger, homework and consent methods of ``Workbook``."""

    _db: Database

    def add_ledger_entry(self, entry: LedgerEntry) -> LedgerEntry:
        """Store a new entry (its ``id`` is ignored); returns it with its new id.

        Raises:
            ValueError: Unknown kind or source, or negative minutes.
        """
        values = _ledger_values(entry) | {"created_at": time_text(now())}
        with self._db.write() as connection:
            result = connection.execute(insert(table("ledger_entry")).values(values))
            new_id = result.inserted_primary_key
        assert new_id is not None
        return dataclasses.replace(entry, id=int(new_id[0]))

    def update_ledger_entry(self, entry: LedgerEntry) -> bool:
        """Replace a stored entry, found by its id; returns whether it existed."""
        if entry.id is None:
            raise ValueError("only a stored ledger entry (with an id) can be updated")
        ledger = table("ledger_entry")
        statement = update(ledger).where(ledger.c.id == entry.id).values(_ledger_values(entry))
        with self._db.write() as connection:
            return bool(connection.execute(statement).rowcount)

    def delete_ledger_entry(self, entry_id: int) -> bool:
        """Remove an entry, and its journal page with it; returns whether it existed."""
        ledger = table("ledger_entry")
        notes = table("session_note")
        with self._db.write() as connection:
            connection.execute(delete(notes).where(notes.c.entry_id == entry_id))
            return bool(connection.execute(delete(ledger).where(ledger.c.id == entry_id)).rowcount)

    def session_notes(self) -> list[SessionNote]:
        """Every journal page, planned and held, in the order they were written."""
        notes = table("session_note")
        with self._db.read() as connection:
            return [
                rows.session_note(row)
                for row in connection.execute(select(notes).order_by(notes.c.id))
            ]

    def save_session_note(self, note: SessionNote) -> SessionNote:
        """Store a page: a new one (no id), or over the stored one with its id.

        A page for a ledger line that already has one replaces it, so a
        session never has two pages.

        Raises:
            ValueError: A planned duration of zero or less.
        """
        notes = table("session_note")
        values = _note_values(note)
        with self._db.write() as connection:
            if note.id is not None:
                statement = update(notes).where(notes.c.id == note.id).values(values)
                found = connection.execute(statement)
                if found.rowcount:
                    return note
            if note.entry_id is not None:
                connection.execute(delete(notes).where(notes.c.entry_id == note.entry_id))
            new_id = connection.execute(insert(notes).values(values)).inserted_primary_key
        assert new_id is not None
        return dataclasses.replace(note, id=int(new_id[0]))

    def delete_session_note(self, note_id: int) -> bool:
        """Remove a page (a planned session given up); returns whether it existed."""
        notes = table("session_note")
        with self._db.write() as connection:
            return bool(connection.execute(delete(notes).where(notes.c.id == note_id)).rowcount)

    def hold_session(
        self, note: SessionNote, entry: LedgerEntry
    ) -> tuple[SessionNote, LedgerEntry]:
        """A planned session took place: its ledger line and the linked page, in one write.

        Returns:
            The page and the entry, both with their ids.
        """
        with self._db.write():
            stored = self.add_ledger_entry(entry)
            page = self.save_session_note(dataclasses.replace(note, entry_id=stored.id))
        return page, stored

    def ledger(self) -> list[LedgerEntry]:
        """Every ledger entry, by date then in the order they were added."""
        ledger = table("ledger_entry")
        query = select(ledger).order_by(ledger.c.date, ledger.c.id)
        with self._db.read() as connection:
            return [rows.ledger_entry(row) for row in connection.execute(query)]

    def ledger_entries(self, ids: Iterable[int]) -> dict[int, LedgerEntry]:
        """The entries with these ids, by id: the journal's sessions, without reading the rest.

        The dashboard asks for the few sessions that have a journal page;
        reading the whole ledger would grow with years of entries.
        """
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        ledger = table("ledger_entry")
        query = select(ledger).where(ledger.c.id.in_(wanted))
        with self._db.read() as connection:
            return {row.id: rows.ledger_entry(row) for row in connection.execute(query)}

    def ledger_totals(self) -> LedgerTotals:
        """The ledger added up by week, phase and kind, without reading every entry.

        The same as ``totals_of(self.ledger())``, at a cost that barely
        grows with years of entries: what the dashboard's summary needs.
        Screens that list the entries still read ``ledger()``.
        """
        with raw_read(self._db) as connection:
            return ledger_totals(connection)

    def add_homework(self, homework: Homework) -> tuple[Homework, bool]:
        """Import an assignment once: a file already imported is not added again.

        Returns:
            The stored assignment (the earlier one for a known file hash) and
            whether it was new.
        """
        table_ = table("homework")
        values = {
            "imported_at": time_text(homework.imported_at or now()),
            "due": None if homework.due is None else date_text(homework.due),
            "message": homework.message,
            "exercises": to_json(list(homework.exercises)),
            "file_hash": homework.file_hash,
            "pack_id": homework.pack_id,
        }
        statement = (
            insert(table_).values(values).on_conflict_do_nothing(index_elements=["file_hash"])
        )
        query = select(table_).where(table_.c.file_hash == homework.file_hash)
        with self._db.write() as connection:
            added = bool(connection.execute(statement).rowcount)
            stored = rows.homework(connection.execute(query).one())
        return stored, added

    def homework(self) -> list[Homework]:
        """Every imported assignment: soonest due first, undated ones last."""
        table_ = table("homework")
        query = select(table_).order_by(
            table_.c.due.is_(None), table_.c.due, table_.c.imported_at, table_.c.id
        )
        with self._db.read() as connection:
            return [rows.homework(row) for row in connection.execute(query)]

    def add_consent(self, consent: Consent) -> Consent:
        """Record that the person agreed to an export; returns it with id and date."""
        moment = consent.date or now()
        values = {
            "date": time_text(moment),
            "recipient": consent.recipient,
            "scope": consent.scope,
            "format": consent.format,
            "include_private": consent.include_private,
            "path": consent.path,
        }
        with self._db.write() as connection:
            result = connection.execute(insert(table("consent")).values(values))
            new_id = result.inserted_primary_key
        assert new_id is not None
        return dataclasses.replace(consent, id=int(new_id[0]), date=parse_time(time_text(moment)))

    def consents(self) -> list[Consent]:
        """Every recorded consent, oldest first."""
        table_ = table("consent")
        with self._db.read() as connection:
            found = connection.execute(select(table_).order_by(table_.c.date, table_.c.id))
            return [rows.consent(row) for row in found]
