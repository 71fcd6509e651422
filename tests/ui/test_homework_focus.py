"""The homework panel takes the focus and opens what it highlights; the next step is homework."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from bilan_tui.ui.screens.exercise import ExerciseScreen
from bilan_tui.ui.widgets.homework_panel import HomeworkPanel

from .helpers import make_app, shipped_pack, wait_for_session
from .test_homework_ui import homework_file


async def test_tab_to_the_panel_and_enter_opens_the_highlighted_exercise(tmp_path: Path) -> None:
    source = homework_file(tmp_path, "valeurs,about")
    app = make_app(tmp_path / "wb.sqlite", shipped_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_session(app, pilot)
        assert app.session is not None
        app.session.import_homework(source)
        app.use_pack(app.session.pack)
        app.refresh_dashboard()
        await pilot.pause()
        next_step = str(app.screen.query_one("#next-step", Static).render())
        assert next_step.startswith("My values"), "the homework due comes before 'demande'"
        assert "Homework from your consultant, due" in next_step

        panel = app.screen.query_one(HomeworkPanel)
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.focused is panel
        assert panel.highlighted() == "valeurs"
        await pilot.press("down")
        assert panel.highlighted() == "mini:about"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        assert screen.exercise.ref == "mini:about"
