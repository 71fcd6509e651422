"""The dashboard shows the workbook's data before the storage layer is loaded.

The app reads the dashboard's rows with ``sqlite3`` and shows them while the
full session (SQLAlchemy) is still opening (DESIGN §12). The opener is held
back here by a gate, so "before" is certain rather than a race.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual.widgets import Static

from bilan_tui.packs import outline_pack, read_outline
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.exercise import ExerciseScreen
from bilan_tui.ui.widgets.phase_list import PhaseList

from .helpers import MINI_PACK, mini_pack, wait_for_session


def _app(workbook: Path, gate: threading.Event) -> BilanApp:
    full = mini_pack()

    def open_session() -> WorkbookSession:
        gate.wait(10)
        return WorkbookSession.open(workbook, full, language="en", create=True)

    return BilanApp(outline_pack(read_outline(MINI_PACK)), open_session, str(workbook))


def _title(app: BilanApp) -> str:
    return str(app.screen.query_one("#workbook-title", Static).render())


def _prepare(path: Path) -> None:
    session = WorkbookSession.open(path, mini_pack(), language="en", create=True)
    try:
        session.workbook.set_setting("display_name", "Camille [b]Q.")
        about = session.pack.exercise("about")
        assert about is not None
        answers = session.exercise_answers(about)
        answers.set("name", "Camille")
        session.save_answers(answers)
    finally:
        session.close()


async def test_the_data_shows_before_the_session_and_an_early_exercise_still_opens(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wb.sqlite"
    _prepare(path)
    gate = threading.Event()
    app = _app(path, gate)
    async with app.run_test(size=(80, 24)) as pilot:
        waited = 0.0
        while "Camille" not in _title(app) and waited < 10:
            await pilot.pause(0.05)
            waited += 0.05
        assert app.session is None, "shown before the full session"
        assert "Camille [b]Q." in _title(app)
        phases = app.screen.query_one(PhaseList)
        about = app.pack.exercise("about")
        assert about is not None
        assert "◐" in str(phases.get_option(about.ref).prompt)
        app.open_exercise("about")  # still waits for the full session
        await pilot.pause()
        assert not isinstance(app.screen, ExerciseScreen)
        gate.set()
        await wait_for_session(app, pilot)
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        assert app.screen.exercise is app.pack.exercise("about")


async def test_a_new_workbook_waits_for_the_full_open(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    gate = threading.Event()
    app = _app(path, gate)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        assert app.session is None
        assert not path.exists(), "the quick read creates nothing"
        assert "—" not in _title(app)
        gate.set()
        await wait_for_session(app, pilot)
        assert path.exists()
        assert "—" in _title(app)
