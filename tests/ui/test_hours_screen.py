"""The hours screen, as a person uses it: log, correct, delete; automatic time.

Values are set on the widgets directly (typing costs ~60 ms a key); keys are
pressed for navigation and for the actions a person would take.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from textual.widgets import DataTable, Input, Select, Static

from bilan_tui.domain.dates import long_date, short_date
from bilan_tui.domain.ledger import to_json
from bilan_tui.domain.model import Pack
from bilan_tui.services.session import WorkbookSession
from bilan_tui.store.repository import open_workbook
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.confirm import Confirm
from bilan_tui.ui.screens.dashboard import DashboardScreen
from bilan_tui.ui.screens.exercise import ExerciseScreen
from bilan_tui.ui.screens.hours import HoursScreen
from bilan_tui.ui.widgets.hours_form import LedgerEntryForm
from bilan_tui.ui.widgets.hours_panel import HoursPanel

from .helpers import make_app, mini_pack, read_session, wait_for_session


def shown(widget: Static) -> str:
    return str(widget.render())


def row_texts(screen: HoursScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


def form_error(form: LedgerEntryForm, name: str) -> str:
    line = form.query_one(f"#hours-{name}-error", Static)
    return shown(line) if line.display and line.has_class("-shown") else ""


async def test_log_correct_and_delete_an_entry(tmp_path: Path) -> None:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HoursScreen)
        assert "No hours yet" in shown(screen.query_one("#hours-notes", Static))

        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LedgerEntryForm)
        form.query_one("#hours-duration", Input).value = "soon"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form, "an invalid entry keeps the form open"
        assert "Cannot read the duration 'soon'" in form_error(form, "duration")
        assert app.session is not None and app.session.ledger() == []

        form.query_one("#hours-duration", Input).value = "1h30"
        await pilot.pause()
        assert form_error(form, "duration") == "", "correcting a field clears its error"
        form.query_one("#hours-phase", Select).value = "investigation"
        form.query_one("#hours-note", Input).value = "[b]First[/b] session"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        [entry] = app.session.ledger()
        assert (entry.minutes, entry.phase, entry.kind) == (90, "investigation", "accompagnement")
        assert entry.note == "[b]First[/b] session" and entry.source == "manual"
        today = short_date(datetime.date.today(), "en")
        [row] = row_texts(screen)
        assert row[:5] == [today, "1h 30m", "Investigation", "Accompaniment", "by hand"]
        # Shown literally; at 80 columns the note ends at the screen's edge with "…".
        assert row[5].startswith("[b]First[/b]")
        assert "Accompaniment 1h 30m / 24h" in shown(screen.query_one("#hours-totals", Static))

        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LedgerEntryForm)
        assert form.query_one("#hours-duration", Input).value == "1h 30m"
        form.query_one("#hours-duration", Input).value = "2h"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [e.minutes for e in app.session.ledger()] == [120]
        assert row_texts(screen)[0][1] == "2h"

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.session.ledger()) == 1, "Escape keeps the entry"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.session.ledger() == []
        assert row_texts(screen) == []

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        header = app.screen.query_one("#header-hours", Static)
        assert shown(header) == "Accompaniment 0m / 24h"

    session = read_session(workbook, pack)
    try:
        assert session.ledger() == []
    finally:
        session.close()


async def test_a_future_date_is_refused_and_cancel_saves_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path / "wb.sqlite", mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LedgerEntryForm)
        next_day = datetime.date.today() + datetime.timedelta(days=1)
        tomorrow = next_day.isoformat()
        form.query_one("#hours-date", Input).value = tomorrow
        form.query_one("#hours-duration", Input).value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert f"The date {long_date(next_day, 'en')} is in the future" in form_error(form, "date")
        assert form_error(form, "duration") == "A duration must be longer than zero."
        assert form.focused is form.query_one("#hours-date", Input), "first problem focused"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HoursScreen)
        assert app.session is not None and app.session.ledger() == []


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def app_with_clock(path: Path, pack: Pack, clock: FakeClock) -> BilanApp:
    def open_session() -> WorkbookSession:
        workbook = open_workbook(path, language="en", create=True)
        return WorkbookSession(pack, workbook, clock=clock)

    return BilanApp(pack, open_session, data_location=str(path))


async def test_time_in_an_exercise_is_counted_shown_and_correctable(tmp_path: Path) -> None:
    pack = mini_pack()
    clock = FakeClock()
    app = app_with_clock(tmp_path / "wb.sqlite", pack, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("about")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        clock.now += 120
        await pilot.press("x")
        clock.now += 600  # walked away: not counted
        await pilot.press("y")
        clock.now += 60
        await pilot.press("escape")
        await pilot.pause()
        assert app.session is not None
        [entry] = app.session.ledger()
        assert (entry.minutes, entry.source, entry.kind) == (3, "auto", "personnel")
        assert entry.exercise_id == "about"

        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        panel = dashboard.query_one(HoursPanel)
        assert panel.summary is not None and panel.summary.personnel_minutes == 3
        assert "Personal work 3m" in str(panel.render())

        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HoursScreen)
        assert row_texts(screen) == [
            [
                short_date(datetime.date.today(), "en"),
                "3m",
                "Preliminary",
                "Personal work",
                "automatic",
                "About me",
            ]
        ]
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LedgerEntryForm)
        assert "About me" in shown(form.query_one("#hours-origin", Static))
        form.query_one("#hours-duration", Input).value = "2m"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [corrected] = app.session.ledger()
        assert (corrected.minutes, corrected.source) == (2, "manual")
        report = to_json(app.session.ledger_summary())
        assert report["personnel_hours"] == round(2 / 60, 2)
        assert "Personal work 2m" in shown(screen.query_one("#hours-totals", Static))
