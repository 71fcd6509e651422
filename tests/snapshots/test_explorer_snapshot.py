"""How "Explore occupations" looks at 80×24: a search typed, her letters, the results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.ui.helpers import opened, settle
from tests.ui.rome_helpers import demo_app, install_referential


def test_explorer(snap_compare: Any, tmp_path: Path) -> None:
    """You should see a search typed, her Holland letters, and the fiches found."""
    data_dir = tmp_path / "data"  # $BILAN_DATA_DIR (tests/conftest.py)
    install_referential(data_dir).close()

    async def search(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("m")
        await settle(pilot)
        pilot.app.screen.query_one("#explorer-query", Input).value = "infirm"
        await pilot.press("enter")  # to the results: no blinking cursor in the picture
        await settle(pilot)

    assert snap_compare(demo_app(data_dir), terminal_size=(80, 24), run_before=search)
