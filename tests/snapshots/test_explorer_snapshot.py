"""How "Explore occupations" looks at 80×24: a search typed, her letters, the results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.ui.rome_helpers import demo_app, install_referential


def test_explorer(snap_compare: Any, tmp_path: Path) -> None:
    """You should see a search typed, her Holland letters, and the fiches found."""
    data_dir = tmp_path / "data"  # $BILAN_DATA_DIR (tests/conftest.py)
    install_referential(data_dir).close()

    async def search(pilot: Pilot[Any]) -> None:
        app: Any = pilot.app
        while app.session is None:
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#explorer-query").value = "infirm"
        await pilot.press("enter")  # to the results: no blinking cursor in the picture
        await pilot.pause()

    assert snap_compare(demo_app(data_dir), terminal_size=(80, 24), run_before=search)
