"""Automatic personal time, end to end through the session with a fake clock.

What a person does (open an exercise, type, walk away, come back, leave) and
what the ledger must then hold: active minutes only, one automatic entry per
exercise and day, nothing lost when a write fails.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan_tui.domain.model import Exercise, Pack
from bilan_tui.domain.records import LedgerEntry
from bilan_tui.packs import load_pack
from bilan_tui.services.auto_hours import AutoHours
from bilan_tui.services.session import WorkbookSession
from bilan_tui.store.repository import open_workbook

MINI_PACK = Path(__file__).parent.parent / "fixtures" / "packs" / "mini"
MINUTE = 60.0


class FakeClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.day = datetime.date(2026, 3, 10)

    def __call__(self) -> float:
        return self.now

    def today(self) -> datetime.date:
        return self.day

    def advance(self, minutes: float) -> None:
        self.now += minutes * MINUTE


@pytest.fixture
def pack() -> Pack:
    return load_pack(MINI_PACK)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(tmp_path: Path, pack: Pack, clock: FakeClock) -> Iterator[WorkbookSession]:
    workbook = open_workbook(tmp_path / "wb.sqlite", language="en", create=True)
    opened = WorkbookSession(pack, workbook, clock=clock, today=clock.today)
    yield opened
    opened.workbook.close()


def exercise(pack: Pack, exercise_id: str) -> Exercise:
    found = pack.exercise(exercise_id)
    assert found is not None
    return found


def type_for(session: WorkbookSession, ex: Exercise, clock: FakeClock, minutes: int) -> None:
    """A key every 30 seconds for ``minutes`` minutes."""
    for _ in range(minutes * 2):
        clock.advance(0.5)
        session.note_activity(ex)


def auto_entries(session: WorkbookSession) -> list[LedgerEntry]:
    return [entry for entry in session.ledger() if entry.source == "auto"]


def test_active_minutes_become_one_growing_personal_entry(
    session: WorkbookSession, pack: Pack, clock: FakeClock
) -> None:
    values = exercise(pack, "values")
    session.note_activity(values)
    type_for(session, values, clock, 10)
    assert session.flush_activity() == 10
    type_for(session, values, clock, 5)
    assert session.flush_activity() == 5
    [entry] = session.ledger()
    assert (entry.minutes, entry.kind, entry.source) == (15, "personnel", "auto")
    assert (entry.exercise_id, entry.phase, entry.date) == ("values", values.phase, clock.day)


def test_idle_time_is_not_counted(session: WorkbookSession, pack: Pack, clock: FakeClock) -> None:
    about = exercise(pack, "about")
    session.note_activity(about)
    type_for(session, about, clock, 10)
    clock.advance(20)  # away from the keyboard
    session.note_activity(about)  # back: this gap is refused
    type_for(session, about, clock, 5)
    clock.advance(30)  # left the exercise open and went away
    assert session.end_activity() == 15
    assert [entry.minutes for entry in session.ledger()] == [15]


def test_a_gap_of_up_to_five_minutes_still_counts(
    session: WorkbookSession, pack: Pack, clock: FakeClock
) -> None:
    about = exercise(pack, "about")
    session.note_activity(about)
    clock.advance(5)  # reading the guidance, then typing
    session.note_activity(about)
    assert session.end_activity() == 5


def test_flush_before_a_minute_writes_nothing(
    session: WorkbookSession, pack: Pack, clock: FakeClock
) -> None:
    about = exercise(pack, "about")
    session.note_activity(about)
    clock.advance(0.75)
    session.note_activity(about)
    assert session.flush_activity() == 0
    assert session.ledger() == []


def test_short_visits_add_up_instead_of_being_dropped(
    session: WorkbookSession, pack: Pack, clock: FakeClock
) -> None:
    about = exercise(pack, "about")
    for _ in range(3):
        session.note_activity(about)
        clock.advance(0.5)
        session.end_activity()
    assert sum(entry.minutes for entry in session.ledger()) == 1


def test_each_exercise_gets_its_own_entry_in_its_phase(
    session: WorkbookSession, pack: Pack, clock: FakeClock
) -> None:
    about, leads = exercise(pack, "about"), exercise(pack, "leads")
    session.note_activity(about)
    type_for(session, about, clock, 4)
    session.end_activity()
    session.note_activity(leads)
    type_for(session, leads, clock, 6)
    session.end_activity()
    found = {entry.exercise_id: (entry.phase, entry.minutes) for entry in auto_entries(session)}
    assert found == {"about": (about.phase, 4), "leads": (leads.phase, 6)}


def test_a_new_day_starts_a_new_entry(
    session: WorkbookSession, pack: Pack, clock: FakeClock
) -> None:
    about = exercise(pack, "about")
    session.note_activity(about)
    type_for(session, about, clock, 3)
    session.flush_activity()
    clock.day += datetime.timedelta(days=1)
    type_for(session, about, clock, 2)
    session.end_activity()
    assert [(e.date.day, e.minutes) for e in session.ledger()] == [(10, 3), (11, 2)]


def test_an_automatic_entry_corrected_by_hand_is_left_alone(
    session: WorkbookSession, pack: Pack, clock: FakeClock
) -> None:
    about = exercise(pack, "about")
    session.note_activity(about)
    type_for(session, about, clock, 10)
    session.flush_activity()
    [counted] = session.ledger()
    session.update_ledger_entry(dataclasses.replace(counted, minutes=4, source="manual"))
    type_for(session, about, clock, 3)
    session.end_activity()
    assert sorted((e.source, e.minutes) for e in session.ledger()) == [("auto", 3), ("manual", 4)]


def test_manual_personal_work_is_not_merged_into(
    session: WorkbookSession, pack: Pack, clock: FakeClock
) -> None:
    session.add_ledger_entry(LedgerEntry(clock.day, 30, "preliminaire", "personnel"))
    about = exercise(pack, "about")
    session.note_activity(about)
    type_for(session, about, clock, 2)
    session.end_activity()
    assert sorted(e.minutes for e in session.ledger()) == [2, 30]


def test_closing_the_session_writes_what_was_counted(
    tmp_path: Path, pack: Pack, clock: FakeClock
) -> None:
    path = tmp_path / "wb.sqlite"
    first = WorkbookSession(
        pack, open_workbook(path, language="en"), clock=clock, today=clock.today
    )
    about = exercise(pack, "about")
    first.note_activity(about)
    type_for(first, about, clock, 7)
    first.close()
    again = WorkbookSession(pack, open_workbook(path, language="en", create=False))
    try:
        assert [entry.minutes for entry in again.ledger()] == [7]
        assert again.ledger_summary().personnel_minutes == 7
    finally:
        again.close()


class FlakyStore:
    """A ledger in memory whose writes fail while ``broken`` is set."""

    def __init__(self) -> None:
        self.entries: list[LedgerEntry] = []
        self.broken = False

    def ledger(self) -> list[LedgerEntry]:
        return list(self.entries)

    def add_ledger_entry(self, entry: LedgerEntry) -> LedgerEntry:
        if self.broken:
            raise OSError("disk full")
        stored = dataclasses.replace(entry, id=len(self.entries) + 1)
        self.entries.append(stored)
        return stored

    def update_ledger_entry(self, entry: LedgerEntry) -> bool:
        if self.broken:
            raise OSError("disk full")
        for index, old in enumerate(self.entries):
            if old.id == entry.id:
                self.entries[index] = entry
                return True
        return False


def test_minutes_that_could_not_be_written_are_written_later(clock: FakeClock) -> None:
    store = FlakyStore()
    hours = AutoHours(store, clock, clock.today)
    hours.note("about", "preliminaire")
    clock.advance(3)
    hours.note("about", "preliminaire")
    store.broken = True
    with pytest.raises(OSError):
        hours.flush()
    assert hours.unwritten_minutes == 3
    clock.advance(2)
    hours.note("about", "preliminaire")
    store.broken = False
    assert hours.end() == 5
    assert [entry.minutes for entry in store.entries] == [5]
    assert hours.unwritten_minutes == 0


def test_leaving_an_exercise_after_the_next_one_opened_keeps_counting_the_new_one(
    session: WorkbookSession, pack: Pack, clock: FakeClock
) -> None:
    about, leads = exercise(pack, "about"), exercise(pack, "leads")
    session.note_activity(about)
    type_for(session, about, clock, 4)
    session.note_activity(leads)  # the new screen is shown before the old one goes
    assert session.end_activity(about) == 0
    clock.advance(3)  # reading the new exercise's guidance
    session.note_activity(leads)
    assert session.end_activity(leads) == 7
    found = {entry.exercise_id: entry.minutes for entry in session.ledger()}
    assert found == {"about": 4, "leads": 3}
