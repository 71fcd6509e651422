"""What the app does once the workbook is open: the background work, and its failure.

The interface opens the workbook without reading every page, then checks the
whole file and takes the daily backup in another worker (``cli/tui.py``). If
that check finds damage, the interface stops as a failed open does, and the
command line offers the newest backup.
"""

from __future__ import annotations

from pathlib import Path

from bilan_tui.services.session import WorkbookSession
from bilan_tui.store import WorkbookDamaged
from bilan_tui.ui.app import BilanApp

from .helpers import mini_pack, wait_for_session


def _app(workbook: Path, after_open: object) -> BilanApp:
    pack = mini_pack()

    def open_session() -> WorkbookSession:
        return WorkbookSession.open(workbook, pack, language="en", create=True)

    return BilanApp(pack, open_session, str(workbook), after_open=after_open)  # type: ignore[arg-type]


async def test_the_background_work_gets_the_open_session(tmp_path: Path) -> None:
    seen: list[WorkbookSession] = []
    app = _app(tmp_path / "wb.sqlite", seen.append)
    async with app.run_test() as pilot:
        await wait_for_session(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen == [app.session]
        assert app.is_running and app.open_error is None


async def test_damage_found_after_opening_stops_the_interface(tmp_path: Path) -> None:
    workbook = tmp_path / "wb.sqlite"

    def damaged(_session: WorkbookSession) -> None:
        raise WorkbookDamaged(workbook, "its integrity check failed")

    app = _app(workbook, damaged)
    async with app.run_test() as pilot:
        await wait_for_session(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.return_value == 1  # leaving, with the status the command line returns
    assert app.open_error is not None
    assert "integrity check failed" in app.open_error
