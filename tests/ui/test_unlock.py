"""The unlock screen of an encrypted workbook: outline behind, three tries, then the data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from bilan_tui.crypto import keyring, migrate
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.services.session import WorkbookSession
from bilan_tui.store.repository import DISPLAY_NAME, open_workbook
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.unlock import UnlockScreen

from .helpers import make_app, shipped_pack

PASS = "open sesame please"
NAME = "Séraphine Quillard"


@pytest.fixture(autouse=True)
def _fresh_keyring() -> Iterator[None]:
    keyring.forget()
    yield
    keyring.forget()


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "workbooks" / "default.sqlite"
    with open_workbook(path, language="en") as workbook:
        workbook.set_setting(DISPLAY_NAME, NAME)
        workbook.save_answers([Answer(AnswerKey("bilan", "demande", "raisons"), "marker")])
    migrate.encrypt_workbook(path, PASS)
    return path


async def _until(pilot: Pilot[object], condition: object, timeout: float = 20.0) -> None:
    waited = 0.0
    while not condition() and waited < timeout:  # type: ignore[operator]
        await pilot.pause(0.05)
        waited += 0.05
    assert condition(), "timed out"  # type: ignore[operator]


def _shown(app: BilanApp) -> bool:
    return isinstance(app.screen, UnlockScreen) and bool(app.screen.query("#unlock-message"))


def _message(app: BilanApp) -> str:
    return str(app.screen.query_one("#unlock-message", Static).render())


async def _type(pilot: Pilot[object], text: str) -> None:
    field = pilot.app.screen.query_one("#passphrase", Input)
    assert field.password  # never shown
    field.value = text
    await pilot.press("enter")


async def test_a_wrong_passphrase_gets_another_try_then_the_data_shows(encrypted: Path) -> None:
    app = make_app(encrypted, shipped_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await _until(pilot, lambda: _shown(app))
        assert app.session is None
        behind = " ".join(str(w.render()) for w in app.screen_stack[0].query(Static))
        assert NAME not in behind  # the outline only, no data
        await _type(pilot, "not it at all")
        await _until(pilot, lambda: "Tries left: 2" in _message(app))
        assert app.screen.query_one("#passphrase", Input).value == ""
        await _type(pilot, PASS)
        await _until(pilot, lambda: app.session is not None)
        assert not isinstance(app.screen, UnlockScreen)
        assert app.session is not None
        assert app.session.display_name() == NAME
        shown = " ".join(str(w.render()) for w in app.screen_stack[0].query(Static))
        assert NAME in shown


async def test_three_wrong_tries_close_the_app_and_change_nothing(encrypted: Path) -> None:
    before = encrypted.read_bytes()
    app = make_app(encrypted, shipped_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await _until(pilot, lambda: _shown(app))
        for left in (2, 1):
            await _type(pilot, f"wrong {left}")
            await _until(pilot, lambda left=left: f"Tries left: {left}" in _message(app))
        await _type(pilot, "wrong 0")
        await _until(pilot, lambda: app.open_error is not None)
    assert app.open_error == "Wrong passphrase for the workbook default: nothing was changed."
    assert app.session is None
    assert encrypted.read_bytes() == before


async def test_leaving_the_unlock_screen_opens_nothing(encrypted: Path) -> None:
    app = make_app(encrypted, shipped_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await _until(pilot, lambda: _shown(app))
        await pilot.press("escape")
        await _until(pilot, lambda: app.open_error is not None)
    assert app.open_error is not None and "passphrase is needed" in app.open_error


def test_a_plain_workbook_is_not_asked_for(tmp_path: Path) -> None:
    from bilan_tui.ui.unlock_flow import needs_unlock

    path = tmp_path / "plain.sqlite"
    WorkbookSession.open(path, shipped_pack(), language="en", create=True).close()
    assert not needs_unlock(path)


def test_the_help_says_how_encryption_works_and_what_it_does_not_protect() -> None:
    from bilan_tui.ui.screens.help import help_text

    text = help_text("/somewhere/default.sqlite")
    assert "## Encryption" in text
    assert "argon2id" in text and "Nobody can recover a forgotten passphrase" in text
    assert "someone using your computer while the workbook is open" in text and "malware" in text


async def test_quitting_from_the_unlock_screen_does_not_hang(encrypted: Path) -> None:
    app = make_app(encrypted, shipped_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await _until(pilot, lambda: _shown(app))
        await pilot.press("ctrl+q")
        await pilot.pause(0.3)
    assert app.session is None
