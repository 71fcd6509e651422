"""Automatic personal time: turning active minutes into ``auto`` ledger entries.

The :class:`~bilan_tui.domain.activity.ActivityTracker` counts the minutes a
person is active in an exercise (idle gaps over five minutes are not counted).
This module writes them down: one ``personnel`` entry per exercise and day,
with ``source = "auto"``, grown in place at each flush rather than a new tiny
row every few minutes. An automatic entry the person corrected by hand becomes
``manual`` and is left alone; later minutes start a new automatic entry.

Minutes that could not be written (a full disk, a locked file) are kept and
written at the next flush, so a passing failure loses no time.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterable
from typing import Protocol

from bilan_tui.domain.activity import ActivityTracker, Slice
from bilan_tui.domain.ledger import MAX_ENTRY_MINUTES
from bilan_tui.domain.records import LedgerEntry


class LedgerStore(Protocol):
    """The part of a workbook that automatic hours need."""

    def ledger(self) -> list[LedgerEntry]:
        """Every entry."""

    def add_ledger_entry(self, entry: LedgerEntry) -> LedgerEntry:
        """Store a new entry."""

    def update_ledger_entry(self, entry: LedgerEntry) -> bool:
        """Replace a stored entry; whether it still existed."""


class AutoHours:
    """Counts active time in exercises and writes it to the ledger."""

    def __init__(
        self,
        store: LedgerStore,
        clock: Callable[[], float],
        today: Callable[[], datetime.date],
    ) -> None:
        """Count nothing yet.

        Args:
            store: Where entries are written (the session's workbook).
            clock: Monotonic seconds (``time.monotonic``; a fake in tests).
            today: The local date the minutes are logged on.
        """
        self.tracker = ActivityTracker(clock)
        self._store = store
        self._today = today
        self._unwritten: dict[tuple[str, str], int] = {}

    @property
    def unwritten_minutes(self) -> int:
        """Minutes counted but not yet in the ledger (a write failed)."""
        return sum(self._unwritten.values())

    def note(self, exercise_id: str, phase: str) -> None:
        """The person is in this exercise and just typed or moved: count the gap."""
        if self.tracker.current == (exercise_id, phase):
            self.tracker.touch()
        else:
            self.tracker.open(exercise_id, phase)

    def flush(self) -> int:
        """Write the whole minutes counted so far in the open exercise.

        Returns:
            Minutes written (0 when less than a minute has built up).

        Raises:
            Exception: the store's error; the minutes are kept for the next try.
        """
        current = self.tracker.current
        minutes = self.tracker.flush() if current else 0
        slices = [Slice(current[0], current[1], minutes)] if current and minutes else []
        return self._write(slices)

    def end(self, exercise_id: str | None = None, *, final: bool = False) -> int:
        """Stop counting (the exercise was left or the app quits) and write what is due.

        Less than a minute stays pending for the next visit to that exercise,
        unless ``final`` (the workbook closes): then the seconds left over in all
        exercises are rounded once (``ActivityTracker.close``).

        Args:
            exercise_id: The exercise being left. When another one is already
                open (its screen was shown first), that one keeps counting and
                the left one's minutes are written at the next ``end``.

        Raises:
            Exception: the store's error; the minutes are kept for the next try.
        """
        current = self.tracker.current
        if exercise_id is not None and current is not None and current[0] != exercise_id:
            return 0
        return self._write(self.tracker.close(final=final))

    def _write(self, slices: Iterable[Slice]) -> int:
        for piece in slices:
            key = (piece.exercise_id, piece.phase)
            self._unwritten[key] = self._unwritten.get(key, 0) + piece.minutes
        written = 0
        for (exercise_id, phase), minutes in list(self._unwritten.items()):
            self._record(exercise_id, phase, minutes)
            del self._unwritten[exercise_id, phase]
            written += minutes
        return written

    def _record(self, exercise_id: str, phase: str, minutes: int) -> None:
        """Add ``minutes`` to today's automatic entry for the exercise, or start one."""
        day = self._today()
        today_auto = [
            entry
            for entry in self._store.ledger()
            if entry.source == "auto"
            and entry.kind == "personnel"
            and entry.exercise_id == exercise_id
            and entry.phase == phase
            and entry.date == day
        ]
        if today_auto and today_auto[-1].minutes + minutes <= MAX_ENTRY_MINUTES:
            grown = dataclasses.replace(today_auto[-1], minutes=today_auto[-1].minutes + minutes)
            if self._store.update_ledger_entry(grown):
                return
        fresh = LedgerEntry(
            date=day,
            minutes=minutes,
            phase=phase,
            kind="personnel",
            source="auto",
            exercise_id=exercise_id,
        )
        self._store.add_ledger_entry(fresh)
