"""How the welcome screen looks at 80×24 on a first launch (#20.5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp


def test_welcome(snap_compare: Any, tmp_path: Path) -> None:
    """You should see the welcome: name, language, consultant, organisation, Save and Skip."""
    pack = load_shipped_pack("en")
    workbook = tmp_path / "default.sqlite"

    def open_session() -> WorkbookSession:
        return WorkbookSession.open(workbook, pack, language="en", create=True)

    async def settle(pilot: Pilot[Any]) -> None:
        for _attempt in range(100):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if pilot.app.screen.id == "welcome":
                break
        await pilot.pause()

    app = BilanApp(pack, open_session, data_location=str(workbook), welcome=True)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
