"""The session journal, as a person uses it: plan, prepare, hold, debrief, tick off."""

from __future__ import annotations

import datetime
from pathlib import Path

from textual.widgets import Button, DataTable, Input, TextArea

from bilan_tui.domain.dates import input_date
from bilan_tui.domain.journal import TodoItem
from bilan_tui.ui.screens.dashboard import DashboardScreen
from bilan_tui.ui.screens.hours import HoursScreen
from bilan_tui.ui.widgets.hours_form import LedgerEntryForm
from bilan_tui.ui.widgets.journal_form import JournalForm
from bilan_tui.ui.widgets.journal_panel import JournalPanel

from .helpers import make_app, mini_pack, read_session, wait_for_session


def panel_text(app: object) -> str:
    from bilan_tui.ui.app import BilanApp

    assert isinstance(app, BilanApp)
    panel = app.screen_stack[0].query_one(JournalPanel)
    return "\n".join(line.plain for line in panel.lines()) if panel.display else ""


def rows(screen: HoursScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def test_plan_hold_debrief_and_tick_a_session(tmp_path: Path) -> None:
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, mini_pack())
    soon = datetime.date.today() + datetime.timedelta(days=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        assert app.session is not None
        assert panel_text(app) == "", "nothing planned: the panel keeps its room"
        await pilot.press("h")
        await pilot.pause()
        hours = app.screen
        assert isinstance(hours, HoursScreen)

        await pilot.press("s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, JournalForm)
        assert not form.query("#journal-retain"), "no debrief before the session"
        form.query_one("#journal-date", Input).value = "31/02/2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form, "an impossible day keeps the form open"
        assert app.session.session_notes() == []
        form.query_one("#journal-date", Input).value = input_date(soon, "en")
        form.query_one("#journal-duration", Input).value = "1h30"
        form.query_one("#journal-prepare", TextArea).text = "The training budget\n[b]CPF[/b]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is hours
        [plan] = app.session.session_notes()
        assert (plan.planned_date, plan.planned_minutes, plan.planned) == (soon, 90, True)
        assert app.session.ledger() == [], "a planned session counts no hour"
        [row] = rows(hours)
        assert row[3] == "Planned" and row[5].startswith("✎ The training budget")

        await pilot.press("escape")
        await pilot.pause()
        text = panel_text(app)
        assert "Next session:" in text and "(in 3 days), 1h 30m" in text
        assert "· The training budget" in text and "· [b]CPF[/b]" in text

        await pilot.press("h")
        await pilot.pause()
        hours = app.screen
        assert isinstance(hours, HoursScreen)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, JournalForm)
        form.query_one("#journal-held", Button).press()
        await pilot.pause()
        ledger_form = app.screen
        assert isinstance(ledger_form, LedgerEntryForm)
        assert ledger_form.query_one("#hours-duration", Input).value == "1h 30m"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is hours
        [entry] = app.session.ledger()
        today = datetime.date.today()
        assert (entry.minutes, entry.kind, entry.date) == (90, "accompagnement", today)
        [page] = app.session.session_notes()
        assert page.entry_id == entry.id and page.prepare.startswith("The training budget")

        await pilot.press("j")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, JournalForm)
        form.query_one("#journal-retain", TextArea).text = "Ask for the CPIR file"
        form.query_one("#journal-todo", TextArea).text = "- Call Paul\n\n- Read the guide"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [page] = app.session.session_notes()
        assert page.retain == "Ask for the CPIR file"
        assert page.todo == (TodoItem("Call Paul"), TodoItem("Read the guide"))
        assert rows(hours)[0][5].startswith("✎"), "a session with a journal page is marked"

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        text = panel_text(app)
        assert "Next session" not in text
        assert "To do before next time:\n☐ Call Paul\n☐ Read the guide" in text
        panel = app.screen.query_one(JournalPanel)
        panel.focus()
        await pilot.press("down", "space")
        await pilot.pause()
        assert "☐ Read the guide" not in panel_text(app)
        assert "☐ Call Paul" in panel_text(app)
    later = read_session(workbook, mini_pack())
    try:
        [page] = later.session_notes()
        assert page.todo == (TodoItem("Call Paul"), TodoItem("Read the guide", True))
    finally:
        later.close()


async def test_personal_work_has_no_journal_and_a_plan_can_be_given_up(tmp_path: Path) -> None:
    from bilan_tui.domain.journal import SessionNote
    from bilan_tui.domain.records import LedgerEntry
    from bilan_tui.ui.screens.confirm import Confirm

    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        assert app.session is not None
        day = datetime.date.today()
        app.session.add_ledger_entry(LedgerEntry(day, 30, "investigation", "personnel"))
        app.session.save_session_note(SessionNote(planned_date=day, prepare="Budget"))
        await pilot.press("h")
        await pilot.pause()
        hours = app.screen
        assert isinstance(hours, HoursScreen)
        await pilot.press("down", "j")
        await pilot.pause()
        assert app.screen is hours, "personal work has no journal page"
        await pilot.press("up", "d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert app.session.session_notes() == []
        assert len(app.session.ledger()) == 1
