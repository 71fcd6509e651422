"""How the welcome screen looks at 80×24 on a first launch (#20.5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp
from tests.ui.helpers import settle, wait_until


def test_welcome(snap_compare: Any, tmp_path: Path) -> None:
    """You should see the welcome: name, language, consultant, organisation, Save and Skip."""
    pack = load_shipped_pack("en")
    workbook = tmp_path / "default.sqlite"

    def open_session() -> WorkbookSession:
        return WorkbookSession.open(workbook, pack, language="en", create=True)

    async def greeted(pilot: Pilot[Any]) -> None:
        await wait_until(pilot, lambda: pilot.app.screen.id == "welcome")
        await settle(pilot)

    app = BilanApp(pack, open_session, data_location=str(workbook), welcome=True)
    assert snap_compare(app, terminal_size=(80, 24), run_before=greeted)
