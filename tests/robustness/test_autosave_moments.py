"""Saved at once, not a second later: on leaving a field, on leaving a screen, on quit.

The one-second timer is pushed out to a minute here, so that only the
immediate saves can have put the text on disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from bilan_tui.ui.screens import exercise
from bilan_tui.ui.screens.dashboard import DashboardScreen

from ..ui.helpers import make_app, mini_pack, read_session, wait_for_session


def on_disk(path: Path) -> object:
    pack = mini_pack()
    session = read_session(path, pack)
    try:
        return session.exercise_answers(pack.exercise("about")).get("name")  # type: ignore[arg-type]
    finally:
        session.close()


@pytest.fixture(autouse=True)
def slow_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exercise, "SAVE_DELAY", 60.0)


@pytest.mark.parametrize("leave", ["tab", "escape", "ctrl+q"])
async def test_leaving_saves_at_once(tmp_path: Path, leave: str) -> None:
    path = tmp_path / "wb.sqlite"
    app = make_app(path, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("about")
        await pilot.pause()
        app.screen.query_one("#field-name Input", Input).value = f"Saved on {leave}"
        await pilot.pause()
        assert on_disk(path) is None, "the timer must not have saved it"
        await pilot.press(leave)
        await pilot.pause()
        if leave == "escape":
            assert isinstance(app.screen, DashboardScreen)
        if leave != "ctrl+q":
            assert on_disk(path) == f"Saved on {leave}"
    assert on_disk(path) == f"Saved on {leave}"
