"""The dashboard follows hours logged by another process while it is open (#20.15)."""

from __future__ import annotations

import datetime
from pathlib import Path

from textual.widgets import Static

from bilan_tui.domain.records import LedgerEntry

from .helpers import make_app, read_session, shipped_pack, wait_for_session


def header_hours(app: object) -> str:
    from bilan_tui.ui.app import BilanApp

    assert isinstance(app, BilanApp)
    return str(app.get_screen_stack_bottom().query_one("#header-hours", Static).render())


async def test_hours_added_elsewhere_appear_without_a_restart(tmp_path: Path) -> None:
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, shipped_pack())
    app.outside_check_seconds = 0.1
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_session(app, pilot)
        assert header_hours(app).startswith("Accompaniment 0m")
        other = read_session(workbook, shipped_pack())  # `bilan hours add`, another connection
        try:
            today = datetime.date.today()
            other.add_ledger_entry(LedgerEntry(today, 90, "preliminaire", "accompagnement"))
        finally:
            other.close()
        for _attempt in range(40):
            await pilot.pause(0.05)
            if "1h 30m" in header_hours(app):
                break
        assert "1h 30m" in header_hours(app), header_hours(app)
