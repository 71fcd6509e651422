"""Commands asked before the workbook is open: one guard says so, nothing half-opens (#22)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.dashboard import DashboardScreen

from .helpers import shipped_pack, wait_for_session, wait_until


async def test_every_command_waits_for_the_workbook(tmp_path: Path) -> None:
    pack = shipped_pack()
    workbook = tmp_path / "wb.sqlite"
    release = threading.Event()

    def open_session() -> WorkbookSession:
        release.wait(20)
        return WorkbookSession.open(workbook, pack, language="en", create=True)

    app = BilanApp(pack, open_session, data_location=str(workbook))
    messages: list[str] = []
    shown = app.notify

    def notify(message: str, **options: Any) -> None:
        messages.append(message)
        shown(message, **options)

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        commands = [
            app.open_hours,
            app.open_export,
            app.open_profile,
            app.open_explorer,
            app.action_import_homework,
            app.open_welcome,
            app.offer_encryption,
            app.start_wipe,
            app.switch_language,
        ]
        for command in commands:
            command()
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen), command.__name__
        assert messages.count("Opening your workbook…") == len(commands)
        assert app.is_running, "switch_language did not quit without a workbook"

        app.open_exercise("demande")  # asked early: it opens once the workbook is
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        release.set()
        await wait_for_session(app, pilot)
        await wait_until(pilot, lambda: getattr(app.screen, "exercise", None) is not None)
        assert app.screen.exercise.id == "demande"  # type: ignore[attr-defined]
