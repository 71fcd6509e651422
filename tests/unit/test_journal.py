"""The session journal: planned sessions count no hour, held ones keep their pages."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from bilan_tui.domain.follow_up import reminder, reminder_json
from bilan_tui.domain.journal import (
    SessionNote,
    TodoItem,
    last_debrief,
    next_planned,
    note_json,
    open_todo,
    todo_from_text,
    todo_text,
)
from bilan_tui.domain.records import LedgerEntry
from bilan_tui.store.repository import open_workbook

FIXTURES = Path(__file__).parents[1] / "fixtures" / "db"
DAY = datetime.date(2026, 3, 2)


def held(day: datetime.date, minutes: int = 90, entry_id: int = 1) -> LedgerEntry:
    return LedgerEntry(day, minutes, "investigation", "accompagnement", id=entry_id)


def test_todo_lines_become_items_and_keep_their_ticks() -> None:
    items = todo_from_text("- Appeler Paul\n\n• Lire le guide  \n* ")
    assert items == (TodoItem("Appeler Paul"), TodoItem("Lire le guide"))
    ticked = (TodoItem("Appeler Paul", True),)
    again = todo_from_text("Appeler Paul\nRelancer la CPIR", ticked)
    assert again == (TodoItem("Appeler Paul", True), TodoItem("Relancer la CPIR"))
    assert todo_text(again) == "Appeler Paul\nRelancer la CPIR"


def test_next_planned_is_the_soonest_from_today_on() -> None:
    past = SessionNote(planned_date=DAY - datetime.timedelta(days=1), id=1)
    later = SessionNote(planned_date=DAY + datetime.timedelta(days=9), id=2)
    sooner = SessionNote(planned_date=DAY, id=3)
    undated = SessionNote(prepare="x", id=4)
    held_page = SessionNote(entry_id=7, planned_date=DAY, id=5)
    assert next_planned([past, later, undated, sooner, held_page], DAY) == sooner
    assert next_planned([past, undated], DAY) == undated
    assert next_planned([past], DAY) is None


def test_the_open_items_come_from_the_last_debrief_only() -> None:
    ledger = {1: held(DAY, entry_id=1), 2: held(DAY + datetime.timedelta(days=7), entry_id=2)}
    first = SessionNote(entry_id=1, todo=(TodoItem("Vieux"),), id=1)
    second = SessionNote(entry_id=2, todo=(TodoItem("Fait", True), TodoItem("À faire")), id=2)
    planned = SessionNote(todo=(TodoItem("Pas encore tenu"),), id=3)
    notes = [second, first, planned]
    assert last_debrief(notes, ledger) == second
    assert open_todo(notes, ledger) == [(1, TodoItem("À faire"))]
    assert open_todo([planned], ledger) == []


def test_a_page_in_json_says_planned_or_held() -> None:
    ledger = {1: held(DAY, 120)}
    page = SessionNote(entry_id=1, prepare="P", retain="R", todo=(TodoItem("T", True),))
    assert note_json(page, ledger) == {
        "status": "held",
        "date": "2026-03-02",
        "minutes": 120,
        "phase": "investigation",
        "prepare": "P",
        "retain": "R",
        "todo": [{"text": "T", "done": True}],
    }
    planned = SessionNote(planned_date=DAY, planned_minutes=60)
    assert note_json(planned, ledger)["status"] == "planned"
    assert note_json(planned, ledger)["minutes"] == 60


def test_planned_sessions_count_no_hour_until_held(tmp_path: Path) -> None:
    with open_workbook(tmp_path / "w.sqlite") as workbook:
        page = workbook.save_session_note(
            SessionNote(planned_date=DAY, planned_minutes=120, prepare="Le budget")
        )
        assert sum(a for a, _ in workbook.ledger_totals().by_phase.values()) == 0
        entry = LedgerEntry(DAY, 120, "investigation", "accompagnement")
        stored_page, stored_entry = workbook.hold_session(page, entry)
        assert stored_page.entry_id == stored_entry.id
        assert workbook.ledger_totals().by_phase["investigation"] == (120, 0)
        (only,) = workbook.session_notes()
        assert (only.entry_id, only.prepare, only.planned) == (stored_entry.id, "Le budget", False)


def test_a_page_is_updated_in_place_and_goes_with_its_ledger_line(tmp_path: Path) -> None:
    with open_workbook(tmp_path / "w.sqlite") as workbook:
        entry = workbook.add_ledger_entry(held(DAY))
        assert entry.id is not None
        page = workbook.save_session_note(SessionNote(entry_id=entry.id, retain="Un"))
        workbook.save_session_note(SessionNote(entry_id=entry.id, retain="Deux", id=page.id))
        workbook.save_session_note(SessionNote(entry_id=entry.id, retain="Trois"))
        assert [note.retain for note in workbook.session_notes()] == ["Trois"]
        workbook.delete_ledger_entry(entry.id)
        assert workbook.session_notes() == []


def test_a_planned_duration_must_be_positive(tmp_path: Path) -> None:
    with open_workbook(tmp_path / "w.sqlite") as workbook, pytest.raises(ValueError):
        workbook.save_session_note(SessionNote(planned_minutes=0))


def test_a_v1_workbook_opens_with_an_empty_journal(tmp_path: Path) -> None:
    path = tmp_path / "camille.sqlite"
    shutil.copyfile(FIXTURES / "v1.sqlite", path)
    with open_workbook(path, create=False) as workbook:
        assert workbook.pragma("user_version") == 2
        assert workbook.session_notes() == []
        (entry,) = workbook.ledger()
        assert entry.note == "Premier entretien"
        assert entry.id is not None
        page = workbook.save_session_note(SessionNote(entry_id=entry.id, retain="Retenu"))
        assert workbook.session_notes() == [page]


def test_the_v2_fixture_keeps_its_journal(tmp_path: Path) -> None:
    path = tmp_path / "camille.sqlite"
    shutil.copyfile(FIXTURES / "v2.sqlite", path)
    with open_workbook(path, create=False) as workbook:
        first, planned = workbook.session_notes()
    assert first.entry_id == 1
    assert first.prepare == "Parler de « mes valeurs »"
    assert first.retain == "Ligne 1\nLigne 2 [b]pas du balisage[/b]"
    assert first.todo == (TodoItem("Lire le guide", True), TodoItem("Appeler Paul"))
    assert (planned.planned_date, planned.planned_minutes) == (datetime.date(2026, 1, 26), 120)
    assert planned.planned


@pytest.mark.parametrize(
    ("offset", "state"),
    [(175, "later"), (31, "later"), (30, "soon"), (1, "soon"), (0, "today"), (-1, "past")],
)
def test_the_follow_up_is_mentioned_then_reminded_a_month_before(offset: int, state: str) -> None:
    date = (DAY + datetime.timedelta(days=offset)).isoformat()
    found = reminder(date, DAY)
    assert found is not None
    assert (found.state, found.days) == (state, offset)
    assert reminder_json(found) == {"date": date, "days": offset, "state": state}


def test_no_reminder_once_recorded_or_without_a_date() -> None:
    assert reminder(DAY.isoformat(), DAY, recorded=True) is None
    assert reminder("", DAY) is None
    assert reminder("pas une date", DAY) is None
    assert reminder(None, DAY) is None


def test_the_dashboard_reads_only_the_sessions_with_a_page(tmp_path: Path) -> None:
    with open_workbook(tmp_path / "w.sqlite") as workbook:
        stored = [workbook.add_ledger_entry(held(DAY, entry_id=0)) for _ in range(5)]
        wanted = {stored[1].id, stored[3].id}
        assert None not in wanted
        found = workbook.ledger_entries([stored[1].id or 0, stored[3].id or 0, 999])
        assert set(found) == wanted
        assert workbook.ledger_entries([]) == {}
