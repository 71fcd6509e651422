"""The follow-up, as she lives it: reminded on the dashboard, recorded on the day, compared."""

from __future__ import annotations

import datetime
from pathlib import Path

from textual.widgets import Input, Select

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.screens.dashboard import DashboardScreen
from bilan_tui.ui.screens.exercise import ExerciseScreen
from bilan_tui.ui.widgets.journal_panel import JournalPanel
from bilan_tui.ui.widgets.rating import RatingScale

from .helpers import make_app, read_session, shipped_pack, show_every_field, wait_for_session
from .test_export_screen import open_export, preview_text, settle

DAY = datetime.date.today()


def workbook_after_the_bilan(tmp_path: Path) -> Path:
    """A bilan whose follow-up was due three days ago; workload rated 3 at the start."""
    workbook = tmp_path / "wb.sqlite"
    session = WorkbookSession.open(workbook, shipped_pack(), language="en", create=True)
    try:
        due = (DAY - datetime.timedelta(days=3)).isoformat()
        session.save_answers(
            [
                Answer(AnswerKey("bilan", "situation", "satisfaction_charge"), 3),
                Answer(AnswerKey("bilan", "suivi", "date_suivi"), due),
            ]
        )
    finally:
        session.close()
    return workbook


def reminder(app: object) -> str:
    from bilan_tui.ui.app import BilanApp

    assert isinstance(app, BilanApp)
    panel = app.screen_stack[0].query_one(JournalPanel)
    return "\n".join(line.plain for line in panel.lines()) if panel.display else ""


async def test_the_review_is_reminded_recorded_then_compared(tmp_path: Path) -> None:
    workbook = workbook_after_the_bilan(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    app = make_app(workbook, shipped_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        text = reminder(app)
        assert "Your follow-up interview was planned for" in text and "(3 days ago)" in text
        assert "Record it in “The six-month review”" in text

        app.open_exercise("entretien-suivi")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        screen.query_one("#field-date_entretien Input", Input).value = DAY.isoformat()
        await show_every_field(screen, pilot)
        scale = screen.query_one("#field-satisfaction_charge RatingScale", RatingScale)
        scale.focus()
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session is not None
        exercise = app.session.pack.exercise("entretien-suivi")
        assert exercise is not None
        assert app.session.status(exercise) is ExerciseStatus.DONE
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "follow-up" not in reminder(app), "recorded: no more reminder"

        screen = await open_export(app, pilot, folder)
        screen.query_one("#export-scope", Select).value = "suivi"
        await settle(app, pilot)
        text = " ".join(preview_text(screen).split())
        assert "Follow-up interview report" in text
        assert "Workload" in text and "+3" in text
    session = read_session(workbook, shipped_pack())
    try:
        found = session.exercise_answers(exercise)
        assert found.get("satisfaction_charge") == 6
    finally:
        session.close()
