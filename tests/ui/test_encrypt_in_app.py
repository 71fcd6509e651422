"""Encrypting the open workbook from the interface: passphrase twice, then it goes on working."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from bilan_tui.crypto import keyfile, keyring, migrate
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.ui.screens.encrypt import EncryptScreen

from .helpers import make_app, shipped_pack, wait_for_session
from .test_unlock import _until

MARKER = "Ornithorynquette"
PASS = "a passphrase typed twice"


@pytest.fixture(autouse=True)
def _fresh_keyring() -> Iterator[None]:
    keyring.forget()
    yield
    keyring.forget()


async def click_ok(pilot: Pilot[object]) -> None:
    """Click "Encrypt" once it can be clicked again.

    A ``Button`` ignores a click while it still shows the last one (its
    ``-active`` effect, a fifth of a second): a quick test must wait for it.
    """
    button = pilot.app.screen.query_one("#encrypt-ok", Button)
    await _until(pilot, lambda: not button.has_class("-active"))
    await pilot.click("#encrypt-ok")
    await pilot.pause()


def _found(folder: Path) -> list[Path]:
    return [
        p
        for p in folder.rglob("*")
        if p.is_file() and any(MARKER.encode(c) in p.read_bytes() for c in ("utf-8", "utf-16-le"))
    ]


async def test_the_workbook_is_encrypted_from_the_palette_and_work_goes_on(
    tmp_path: Path,
) -> None:
    workbook = tmp_path / "workbooks" / "default.sqlite"
    app = make_app(workbook, shipped_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_session(app, pilot)
        assert app.session is not None
        app.session.save_answers([Answer(AnswerKey("bilan", "demande", "raisons"), MARKER)])
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Encrypt this workbook" in titles
        app.offer_encryption()
        await _until(
            pilot,
            lambda: isinstance(app.screen, EncryptScreen) and bool(app.screen.query("#encrypt-ok")),
        )
        screen = app.screen
        first, second = (
            screen.query_one("#encrypt-first", Input),
            screen.query_one("#encrypt-second", Input),
        )
        assert first.password and second.password
        first.value, second.value = "short", "short"
        await click_ok(pilot)
        message = screen.query_one("#encrypt-message", Static)
        assert "at least 8 characters" in str(message.render())
        first.value, second.value = PASS, PASS + "x"
        await click_ok(pilot)
        assert "differ" in str(message.render())
        assert not migrate.is_encrypted(workbook)
        first.value, second.value = PASS, PASS
        await click_ok(pilot)
        await _until(pilot, lambda: app.session is not None and migrate.is_encrypted(workbook))
        assert app.session is not None
        app.session.save_answers([Answer(AnswerKey("bilan", "demande", "attentes"), MARKER)])
        assert _found(workbook.parent) == []
        assert keyfile.unlock(workbook, PASS) == keyring.key_of(workbook)
        app.offer_encryption()  # a second time: it says so, nothing more
        await pilot.pause()
        assert not isinstance(app.screen, EncryptScreen)
        await pilot.press("ctrl+q")
    assert app.session is not None
    app.session.close()
    assert _found(workbook.parent) == []


async def test_the_welcome_of_a_new_workbook_offers_encryption(tmp_path: Path) -> None:
    from textual.widgets import Checkbox

    from bilan_tui.services.session import WorkbookSession
    from bilan_tui.ui.app import BilanApp
    from bilan_tui.ui.screens.welcome import WelcomeScreen

    workbook = tmp_path / "workbooks" / "default.sqlite"
    pack = shipped_pack()

    def open_session() -> WorkbookSession:
        return WorkbookSession.open(workbook, pack, language="en", create=True)

    app = BilanApp(pack, open_session, data_location=str(workbook), welcome=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await _until(
            pilot,
            lambda: (
                isinstance(app.screen, WelcomeScreen) and bool(app.screen.query("#welcome-encrypt"))
            ),
        )
        welcome = app.screen
        assert "Nobody can recover a forgotten passphrase" in " ".join(
            str(w.render()) for w in welcome.query(Static)
        )
        welcome.query_one("#welcome-encrypt", Checkbox).value = True
        welcome.query_one("#welcome-name", Input).value = "Nadia"
        await pilot.press("ctrl+s")
        await _until(
            pilot,
            lambda: isinstance(app.screen, EncryptScreen) and bool(app.screen.query("#encrypt-ok")),
        )
        screen = app.screen
        screen.query_one("#encrypt-first", Input).value = PASS
        screen.query_one("#encrypt-second", Input).value = PASS
        await click_ok(pilot)
        await _until(pilot, lambda: app.session is not None and migrate.is_encrypted(workbook))
        assert app.session is not None and app.session.display_name() == "Nadia"
        # her name was written after the encryption: no plain trace of it
        assert not any(
            b"Nadia" in p.read_bytes() for p in workbook.parent.rglob("*") if p.is_file()
        )
        await pilot.press("ctrl+q")
    assert app.session is not None
    app.session.close()
