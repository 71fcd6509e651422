"""An unhandled exception: save what can be saved, leave quietly, exit non-zero.

Textual's own crash screen prints the local variables of every frame, and
those hold the person's answers; the app replaces it (the command line then
prints one short line, see ``test_terminal``).
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual.widgets import Input

from bilan_tui.domain.answers import Answer
from bilan_tui.store.repository import Workbook
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.exercise import ExerciseScreen

from ..ui.helpers import make_app, mini_pack, read_session, wait_for_session


class Boom(RuntimeError):
    """The unexpected error."""


def explode(self: ExerciseScreen) -> None:
    raise Boom(f"holding {self.autosaver.answers!r}")


async def crash_with_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> BilanApp:
    monkeypatch.setattr(ExerciseScreen, "action_mark_done", explode)
    app = make_app(tmp_path / "wb.sqlite", mini_pack())
    with pytest.raises(Boom):
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_session(app, pilot)
            app.open_exercise("about")
            await pilot.pause()
            app.screen.query_one("#field-name Input", Input).value = text
            await pilot.pause()
            await pilot.press("ctrl+s")  # raises before the one-second autosave
            await pilot.pause()
    assert isinstance(app.crash, Boom)
    assert app.return_code == 1
    assert not app._exit_renderables, "no traceback (with local variables) is printed"
    return app


async def test_a_crash_saves_the_text_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = await crash_with_text(tmp_path, monkeypatch, "Saved by the crash handler")
    assert not app.crash_save_failed
    pack = mini_pack()
    session = read_session(tmp_path / "wb.sqlite", pack)
    try:
        answers = session.exercise_answers(pack.exercise("about"))  # type: ignore[arg-type]
        assert answers.get("name") == "Saved by the crash handler"
    finally:
        session.close()


async def test_a_crash_on_a_full_disk_says_the_text_was_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_workbook: Workbook, _answers: list[Answer]) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "save_answers", full)
    app = await crash_with_text(tmp_path, monkeypatch, "Lost to a full disk")
    assert app.crash_save_failed
