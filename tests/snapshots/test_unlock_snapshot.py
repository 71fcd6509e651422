"""How the unlock screen of an encrypted workbook looks at 80×24: the outline behind, no data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from bilan_tui.crypto import keyring, migrate
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession
from bilan_tui.store.repository import open_workbook
from bilan_tui.ui.app import BilanApp
from tests.ui.helpers import wait_until


def test_unlock(snap_compare: Any, tmp_path: Path) -> None:
    """You should see the unlock dialog, the passphrase as dots, the phases behind, no data."""
    pack = load_shipped_pack("en")
    workbook = tmp_path / "default.sqlite"
    open_workbook(workbook, language="en").close()
    migrate.encrypt_workbook(workbook, "open sesame please")
    keyring.forget()

    def open_session() -> WorkbookSession:
        return WorkbookSession.open(workbook, pack, language="en", create=False)

    async def asked(pilot: Pilot[Any]) -> None:
        # Not settle(): the opening worker waits for the passphrase, on purpose.
        await wait_until(
            pilot,
            lambda: pilot.app.screen.id == "unlock" and bool(pilot.app.screen.query("#passphrase")),
            workers=False,
        )
        pilot.app.screen.query_one("#passphrase", Input).value = "secret"  # shown as dots
        await pilot.pause()

    app = BilanApp(pack, open_session, data_location=str(workbook))
    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=asked)
    finally:
        keyring.forget()
