"""The records kind from the keyboard (and the mouse): add, edit, move, delete, undo."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from bilan_tui.domain.answers import POSITION, ExerciseAnswers
from bilan_tui.domain.model import Exercise, Kind
from bilan_tui.domain.parts import Choice, Field, FieldType
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.kinds.records import RecordList, RecordsBody
from bilan_tui.ui.kinds.records_order import add_entry, entry_order, restore_entry, take_entry
from bilan_tui.ui.kinds.records_summary import entry_summary
from bilan_tui.ui.screens.confirm import Confirm
from bilan_tui.ui.screens.exercise import ExerciseScreen

from .helpers import make_app, mini_pack, read_session, settle, wait_for_session, wait_until


def lines(app: BilanApp) -> list[str]:
    """The summary lines of the list, as the person reads them."""
    records = app.screen.query_one(RecordList)
    return [str(option.prompt) for option in records.options]


async def open_stories(app: BilanApp, pilot: Pilot[Any]) -> RecordsBody:
    await wait_for_session(app, pilot)
    app.open_exercise("stories")
    await pilot.pause()
    assert isinstance(app.screen, ExerciseScreen)
    return app.screen.query_one(RecordsBody)


async def type_entry(app: BilanApp, pilot: Pilot[Any], title: str, year: str) -> None:
    """Fill the open entry's title and year, then go back to the list."""
    app.screen.query_one("#field-title Input", Input).value = title
    app.screen.query_one("#field-year Input", Input).value = year
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


async def test_add_edit_move_delete_undo_and_reopen(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        body = await open_stories(app, pilot)
        records = app.screen.query_one(RecordList)
        assert app.screen.focused is records
        assert "Nothing yet" in str(app.screen.query_one(".records-empty", Static).render())

        await pilot.press("a")
        await pilot.pause()
        assert body.editing is not None
        assert app.screen.focused is app.screen.query_one("#field-title Input")
        await type_entry(app, pilot, "Moved the office [b]", "2019")
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#field-skills Input", Input).value = "listening, planning"
        await type_entry(app, pilot, "Trained [/] two interns", "2021")
        assert lines(app) == [
            " 1  Moved the office [b] · 2019",
            " 2  Trained [/] two interns · 2021",
        ]
        assert app.screen.focused is records

        # Edit the first one.
        await pilot.press("home", "enter")
        await pilot.pause()
        app.screen.query_one("#field-title Input", Input).value = "Moved the whole office"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert lines(app)[0] == " 1  Moved the whole office · 2019"

        # Move the second one up, with ctrl+up then J/K.
        await pilot.press("down", "ctrl+up")
        await pilot.pause()
        assert lines(app) == [
            " 1  Trained [/] two interns · 2021",
            " 2  Moved the whole office · 2019",
        ]
        assert records.highlighted == 0
        await pilot.press("J")
        await pilot.press("K")
        await pilot.pause()
        assert lines(app)[0].endswith("Trained [/] two interns · 2021")

        # Escape keeps the entry; the question names it.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert question == "Delete “Trained [/] two interns · 2021”?"
        await pilot.press("escape")
        await pilot.pause()
        assert len(lines(app)) == 2

        # Delete, then undo: every value is back at its place.
        trained = body.answers.entries()[0]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert lines(app) == [" 1  Moved the whole office · 2019"]
        on_disk = read_session(workbook, pack)
        try:
            stored = on_disk.exercise_answers(pack.exercise("stories"))  # type: ignore[arg-type]
            assert [entry.id for entry in stored.entries()] != [trained.id]
            assert all(owner != trained.id for _field, owner in stored.values)
        finally:
            on_disk.close()
        await pilot.press("u")
        await pilot.pause()
        assert lines(app)[0] == " 1  Trained [/] two interns · 2021"
        restored = body.answers.entries()[0]
        assert (restored.id, restored.values) == (trained.id, trained.values)
        assert restored.values["skills"] == ["listening", "planning"]

        # Delete the other one for good (y confirms too).
        await pilot.press("down", "d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert lines(app) == [" 1  Trained [/] two interns · 2021"]
        await pilot.press("ctrl+q")
    assert app.return_value == 0

    session = read_session(workbook, pack)
    try:
        answers = session.exercise_answers(pack.exercise("stories"))  # type: ignore[arg-type]
        entries = answers.entries()
        assert len(entries) == 1
        assert entries[0].id == trained.id
        assert entries[0].position == 0
        assert entries[0].values == {
            "title": "Trained [/] two interns",
            "year": 2021,
            "skills": ["listening", "planning"],
        }
        assert {owner for _field, owner in answers.values} == {trained.id}
    finally:
        session.close()

    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories(app, pilot)
        assert lines(app) == [" 1  Trained [/] two interns · 2021"]


async def test_order_survives_reopening(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        body = await open_stories(app, pilot)
        for title in ("One", "Two", "Three"):
            await pilot.press("a")
            await pilot.pause()
            await type_entry(app, pilot, title, "")
        await pilot.press("end", "ctrl+up", "ctrl+up")
        await pilot.pause()
        assert [line.split("  ", 1)[1] for line in lines(app)] == ["Three", "One", "Two"]
        positions = {e.values.get("title"): e.position for e in body.answers.entries()}
        assert positions == {"Three": 0, "One": 1, "Two": 2}
        await pilot.press("ctrl+q")

    session = read_session(workbook, pack)
    try:
        answers = session.exercise_answers(pack.exercise("stories"))  # type: ignore[arg-type]
        assert [e.values["title"] for e in answers.entries()] == ["Three", "One", "Two"]
        assert sorted(v for (f, _e), v in answers.values.items() if f == POSITION) == [0, 1, 2]
    finally:
        session.close()


async def test_the_mouse_adds_moves_and_goes_back(tmp_path: Path) -> None:
    pack = mini_pack()
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 24)) as pilot:
        body = await open_stories(app, pilot)
        await pilot.click("#records-add")
        await settle(pilot)
        assert body.editing is not None
        app.screen.query_one("#field-title Input", Input).value = "First"
        await settle(pilot)
        await pilot.click("#record-back")
        await settle(pilot)
        assert body.editing is None
        await pilot.click("#records-add")
        await settle(pilot)
        title = app.screen.query_one("#field-title Input", Input)
        title.value = "Second"
        await settle(pilot)
        await pilot.click("#record-up")
        await wait_until(
            pilot,
            lambda: (
                "Entry 1 of 2" in str(app.screen.query_one(".record-editor-title", Static).render())
            ),
        )
        assert app.screen.focused is title, "the click gives the keyboard back to the field"
        await pilot.click("#record-delete")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.click("#confirm-yes")
        await settle(pilot)
        assert body.editing is None
        assert lines(app) == [" 1  First"]


def test_summary_shows_labels_and_ratings_not_ids() -> None:
    exercise = Exercise(
        id="leads",
        title="Leads",
        kind=Kind.RECORDS,
        phase="investigation",
        summary_fields=("job", "status", "appeal"),
        fields=(
            Field("job", FieldType.TEXT, "Job"),
            Field(
                "status",
                FieldType.CHOICE,
                "Status",
                choices=(Choice("todo", "To explore"), Choice("done", "Explored")),
            ),
            Field("appeal", FieldType.RATING, "Appeal", min=1, max=5),
            Field("notes", FieldType.LONGTEXT, "Notes"),
        ),
    )
    summary = entry_summary(exercise, {"job": "Baker", "status": "done", "appeal": 4})
    assert summary == "Baker · Explored · 4/5"
    assert entry_summary(exercise, {}) == "(empty)"
    assert entry_summary(exercise, {"job": "  "}) == "(empty)"
    assert entry_summary(exercise, {"notes": "First line\nsecond"}) == "First line"


async def test_a_refused_deletion_keeps_the_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = mini_pack()
    app = make_app(tmp_path / "wb.sqlite", pack)
    async with app.run_test(size=(80, 24)) as pilot:
        body = await open_stories(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await type_entry(app, pilot, "Kept", "2020")
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)

        def refuse(*_args: object) -> int:
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(screen.session.workbook, "delete_entry", refuse)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert lines(app) == [" 1  Kept · 2020"]
        assert [entry.values["title"] for entry in body.answers.entries()] == ["Kept"]
        messages = [notice.message for notice in app._notifications]
        assert any(message.startswith("Not deleted: ") for message in messages)


def test_undo_restores_values_and_place() -> None:
    answers = ExerciseAnswers("mini", "stories")
    first, _keys = add_entry(answers)
    second, _keys = add_entry(answers)
    third, _keys = add_entry(answers)
    answers.set("title", "Middle", second)
    answers.set("skills", ["a", "b"], second)
    deleted, moved = take_entry(answers, second)
    assert entry_order(answers) == [first, third]
    assert moved == [(POSITION, third)]
    index, keys = restore_entry(answers, deleted)
    assert index == 1
    assert entry_order(answers) == [first, second, third]
    assert set(keys) >= {("title", second), ("skills", second), (POSITION, second)}
    assert answers.get("skills", second) == ["a", "b"]
    assert [answers.get(POSITION, e) for e in (first, second, third)] == [0, 1, 2]


async def test_a_life_line_keeps_its_events_in_year_order(tmp_path: Path) -> None:
    """The shipped life line sorts by year (``sort_by``); its rating reads as a signed point."""
    from textual.widgets import Button

    from bilan_tui.ui.widgets.rating import RatingScale

    from .helpers import shipped_pack

    pack = shipped_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("ligne-de-vie")
        await pilot.pause()
        screen = app.screen
        assert not screen.query_one("#records-undo", Button).display
        for event, year, intensity in [("Move", "2010", -3), ("School", "1995", 4), ("Job", "", 0)]:
            await pilot.press("a")
            await pilot.pause()
            screen.query_one("#field-evenement Input", Input).value = event
            screen.query_one("#field-annee Input", Input).value = year
            screen.query_one("#field-intensite RatingScale", RatingScale).value = intensity
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        assert lines(app) == [
            " 1  School · 1995 · +4 (from −5 to +5)",
            " 2  Move · 2010 · −3 (from −5 to +5)",
            " 3  Job · 0 (from −5 to +5)",
        ]
        assert "ctrl+up" not in screen.active_bindings
    again = read_session(workbook, pack)
    life_line = pack.exercise("ligne-de-vie")
    assert life_line is not None
    stored = again.exercise_answers(life_line).entries()
    assert [entry.values["evenement"] for entry in stored] == ["School", "Move", "Job"]
    again.close()
