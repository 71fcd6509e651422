"""A full disk or a read-only folder: told within a second, nothing lost, saved later.

The disk is made "full" three ways: SQLite's own ``SQLITE_FULL`` (the
database may not grow past its current size: ``PRAGMA max_page_count``), the
store raising what the engine raises for it, and an ``OSError(ENOSPC)``.
The text typed meanwhile must stay on screen and in memory, the person must
read why within about a second, and it must reach the disk once space
returns, without any further keystroke.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from bilan_tui.domain.answers import Answer
from bilan_tui.store import WorkbookIOError
from bilan_tui.store.repository import Workbook
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.exercise import ExerciseScreen

from ..ui.helpers import make_app, mini_pack, read_session, wait_for_session

LONG = "Une histoire assez longue pour remplir plusieurs pages. " * 400


class Disk:
    """Switches the failure on and off around the real ``save_answers``."""

    def __init__(self, failure: Callable[[Workbook], Exception]) -> None:
        self.full = False
        self.failure = failure
        self.refused = 0

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        original = Workbook.save_answers

        def save_answers(workbook: Workbook, answers: Iterable[Answer]) -> int:
            if self.full:
                self.refused += 1
                raise self.failure(workbook)
            return original(workbook, answers)

        monkeypatch.setattr(Workbook, "save_answers", save_answers)


FAILURES: dict[str, Callable[[Workbook], Exception]] = {
    "engine reports SQLITE_FULL": lambda wb: WorkbookIOError(wb.path, "database or disk is full"),
    "OSError ENOSPC": lambda wb: OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
}


def save_state(app: BilanApp) -> Static:
    return app.screen.query_one("#save-state", Static)


def stored(path: Path, field: str) -> object:
    pack = mini_pack()
    session = read_session(path, pack)
    try:
        return session.exercise_answers(pack.exercise("about")).get(field)  # type: ignore[arg-type]
    finally:
        session.close()


@pytest.mark.parametrize("name", list(FAILURES))
async def test_a_full_disk_is_reported_then_saved_when_space_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    disk = Disk(FAILURES[name])
    disk.install(monkeypatch)
    path = tmp_path / "wb.sqlite"
    app = make_app(path, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("about")
        await pilot.pause()
        disk.full = True
        field = app.screen.query_one("#field-name Input", Input)
        field.value = "Written while the disk is full"
        await pilot.pause(1.2)
        state = save_state(app)
        assert state.has_class("-error")
        message = str(state.render())
        assert message.startswith("Not saved:")
        assert "Your text is kept here" in message
        assert field.value == "Written while the disk is full"
        assert stored(path, "name") is None
        disk.full = False
        await pilot.pause(1.3)  # the retry comes by itself
        assert not save_state(app).has_class("-error")
        assert str(save_state(app).render()) == "Saved"
    assert disk.refused >= 1
    assert stored(path, "name") == "Written while the disk is full"


async def test_sqlite_full_for_real_keeps_the_text_and_saves_it_later(tmp_path: Path) -> None:
    """The real SQLite error: the database may not grow (``max_page_count``)."""
    path = tmp_path / "wb.sqlite"
    app = make_app(path, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        assert app.session is not None
        database = app.session.workbook._db
        pages = database.pragma("page_count")
        database.pragma(f"max_page_count = {pages}")
        app.open_exercise("about")
        await pilot.pause()
        area = app.screen.query_one("#field-why TextArea", TextArea)
        area.text = LONG
        await pilot.pause(1.2)
        state = save_state(app)
        assert state.has_class("-error")
        assert "full" in str(state.render())
        database.pragma("max_page_count = 1073741823")
        await pilot.pause(1.3)
        assert str(save_state(app).render()) == "Saved"
    assert stored(path, "why") == LONG


async def test_quitting_with_unsaved_text_asks_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = Disk(FAILURES["OSError ENOSPC"])
    disk.install(monkeypatch)
    path = tmp_path / "wb.sqlite"
    app = make_app(path, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("about")
        await pilot.pause()
        disk.full = True
        app.screen.query_one("#field-name Input", Input).value = "Not on disk yet"
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "the first ctrl+q must not throw the text away"
        assert isinstance(app.screen, ExerciseScreen)
        assert any("could not be saved" in str(n.message) for n in app._notifications)
        disk.full = False
        await pilot.press("ctrl+q")
    assert app.return_value == 0
    assert stored(path, "name") == "Not on disk yet"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
async def test_a_read_only_folder_is_reported_then_saved(tmp_path: Path) -> None:
    folder = tmp_path / "books"
    folder.mkdir()
    path = folder / "wb.sqlite"
    app = make_app(path, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("about")
        await pilot.pause()
        path.chmod(stat.S_IRUSR)
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            app.screen.query_one("#field-name Input", Input).value = "Read-only meanwhile"
            await pilot.pause(1.2)
            assert save_state(app).has_class("-error")
        finally:
            folder.chmod(stat.S_IRWXU)
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
        await pilot.pause(1.3)
        assert str(save_state(app).render()) == "Saved"
    assert stored(path, "name") == "Read-only meanwhile"
