"""Who the workbook belongs to (#20.5): the welcome screen, her name everywhere, never "default"."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Input, RadioButton, Static

from bilan_tui.export.api import ExportOptions, render
from bilan_tui.services.export_source import collect
from bilan_tui.services.session import WorkbookSession
from bilan_tui.store.saved_language import read_saved_language
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.welcome import WelcomeScreen

from .helpers import read_session, shipped_pack, wait_for_session
from .test_homework_ui import wait_for_text


def first_launch(workbook: Path) -> BilanApp:
    """The app as ``bilan`` starts it: greeting a workbook with no name yet."""
    pack = shipped_pack()

    def open_session() -> WorkbookSession:
        return WorkbookSession.open(workbook, pack, language="en", create=True)

    return BilanApp(pack, open_session, data_location=str(workbook), welcome=True)


def title(app: BilanApp) -> str:
    return str(app.get_screen_stack_bottom().query_one("#workbook-title", Static).render())


async def test_a_first_launch_asks_her_name_and_her_consultant(tmp_path: Path) -> None:
    workbook = tmp_path / "default.sqlite"
    app = first_launch(workbook)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WelcomeScreen)
        assert screen.focused is screen.query_one("#welcome-name", Input)
        tour = str(screen.query_one("#welcome-tour", Static).render())
        assert "Preliminary phase" in tour and "Investigation" in tour and "Conclusions" in tour
        screen.query_one("#welcome-name", Input).value = "Anne-Sophie L."
        screen.query_one("#welcome-consultant", Input).value = "Marc D."
        screen.query_one("#welcome-organisme", Input).value = "CIBC Lyon"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, WelcomeScreen)
        assert title(app) == "Skills assessment — Anne-Sophie L."
    assert app.switch_language_to is None, "the language she kept needs no restart"

    session = read_session(workbook, shipped_pack())
    try:
        modalites = session.exercise_answers(session.pack.exercise("modalites"))  # type: ignore[arg-type]
        assert modalites.get("consultant") == "Marc D."
        assert modalites.get("organisme") == "CIBC Lyon"
        text = render(collect(session), ExportOptions(scope="synthese", format="md")).text
        assert "of Anne-Sophie L." in text and "default" not in text
    finally:
        session.close()

    again = first_launch(workbook)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_for_session(again, pilot)
        await pilot.pause()
        assert not isinstance(again.screen, WelcomeScreen), "she is greeted once"


async def test_skipping_leaves_no_name_and_never_default(tmp_path: Path) -> None:
    workbook = tmp_path / "default.sqlite"
    app = first_launch(workbook)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert title(app) == "Skills assessment — My bilan"
        assert app.session is not None
        text = render(collect(app.session), ExportOptions(scope="synthese", format="md")).text
        assert "default" not in text
        assert "of the beneficiary" in text and "This document is for the beneficiary" in text
        assert app.session.workbook.get_setting("display_name") is None

        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        palette.query_one(Input).value = "my name"
        await wait_for_text(pilot, palette, "My name and my consultant")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WelcomeScreen), "the palette reopens it"
        assert str(screen.query_one("#welcome-title", Static).render()) == (
            "My name and my consultant"
        )
        screen.query_one("#language-fr", RadioButton).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.switch_language_to == "fr", "another language restarts in it"
    assert read_saved_language(workbook) == "fr"
