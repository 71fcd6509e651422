"""The export screen: preview, write for oneself, and the consent asked before sharing."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.dashboard import DashboardScreen
from bilan_tui.ui.screens.export import ExportScreen
from bilan_tui.ui.screens.export_confirm import ConfirmShare
from bilan_tui.ui.widgets.preview_lines import PreviewLines

from .helpers import make_app, mini_pack, read_session, wait_for_session

TYPED = "# not a title [/] [@click=app.quit] <b>x</b>"


def filled_workbook(tmp_path: Path) -> Path:
    pack = mini_pack()
    workbook = tmp_path / "wb.sqlite"
    session = WorkbookSession.open(workbook, pack, language="en", create=True)
    try:
        session.save_answers([Answer(AnswerKey("mini", "about", "why"), TYPED)])
    finally:
        session.close()
    return workbook


async def open_export(app: BilanApp, pilot: Pilot[int], folder: Path) -> ExportScreen:
    await wait_for_session(app, pilot)
    await pilot.press("e")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ExportScreen)
    screen.query_one("#export-folder", Input).value = str(folder)
    return screen


async def settle(app: BilanApp, pilot: Pilot[int]) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def preview_text(screen: ExportScreen) -> str:
    screen.preview_everything()
    return screen.query_one("#export-preview", PreviewLines).text


async def test_the_preview_shows_the_document_and_writing_for_oneself_records_nothing(
    tmp_path: Path,
) -> None:
    workbook = filled_workbook(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    app = make_app(workbook, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot, folder)
        assert "Draft for the synthesis" in preview_text(screen)
        screen.query_one("#export-scope", Select).value = "detail"
        await settle(app, pilot)
        text = preview_text(screen)
        assert "Detailed results" in text
        assert TYPED in " ".join(text.split()), "typed markup is shown literally"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmShare)
        [written] = list(folder.iterdir())
        assert written.name.startswith("wb-detailed-results-") and written.suffix == ".md"
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        assert "Detailed results" in written.read_text(encoding="utf-8")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    session = read_session(workbook, mini_pack())
    try:
        assert session.consents() == []
    finally:
        session.close()


async def test_sharing_asks_first_and_records_the_consent(tmp_path: Path) -> None:
    workbook = filled_workbook(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    app = make_app(workbook, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot, folder)
        content = screen.query_one("#export-content", Static)
        assert not content.display  # her own copy holds everything
        screen.query_one("#export-recipient", Select).value = "consultant"
        screen.query_one("#export-format", Select).value = "html"
        await settle(app, pilot)
        assert content.display
        listed = str(content.content)
        assert "Parts left out:" in listed
        assert "  − your personal constraints and resources" in listed
        await pilot.press("ctrl+s")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmShare)
        assert "This export is for: your consultant." in confirm.lines
        assert any("your synthesis document (HTML)" in line for line in confirm.lines)
        assert "  − what people around you said (their names and their words)" in confirm.lines
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert list(folder.iterdir()) == []

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmShare)
        await pilot.press("y")
        await settle(app, pilot)
        [written] = list(folder.iterdir())
        assert written.name.startswith("wb-synthesis-consultant-")
        assert written.suffix == ".html"
        consents = str(screen.query_one("#export-consents", Static).content)
        assert "your consultant" in consents and "synthesis (HTML)" in consents
    session = read_session(workbook, mini_pack())
    try:
        [consent] = session.consents()
        assert (consent.recipient, consent.scope, consent.format) == (
            "consultant",
            "synthese",
            "html",
        )
        assert consent.path == str(written.resolve())
    finally:
        session.close()
