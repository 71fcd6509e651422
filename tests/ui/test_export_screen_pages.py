"""The export screen offers PDF and Word; without typst, the PDF choice says how to add it."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from textual.widgets import Button, Select

from bilan_tui.export.typst_render import forget_compiler
from bilan_tui.ui.screens.export_confirm import ConfirmShare

from .helpers import make_app, mini_pack, read_session
from .test_export_screen import filled_workbook, open_export, preview_text, settle


async def test_a_word_file_for_the_consultant_is_written_after_agreement(
    tmp_path: Path,
) -> None:
    import docx

    workbook = filled_workbook(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    app = make_app(workbook, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot, folder)
        screen.query_one("#export-format", Select).value = "docx"
        screen.query_one("#export-recipient", Select).value = "consultant"
        await settle(app, pilot)
        assert "Draft for the synthesis" in preview_text(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmShare)
        assert any("your synthesis document (Word)" in line for line in confirm.lines)
        await pilot.press("y")
        await settle(app, pilot)
        [written] = list(folder.iterdir())
        assert written.suffix == ".docx"
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        document = docx.Document(str(written))
        assert document.paragraphs[0].text == "Draft for the synthesis"
    session = read_session(workbook, mini_pack())
    try:
        [consent] = session.consents()
        assert (consent.recipient, consent.format) == ("consultant", "docx")
    finally:
        session.close()


async def test_without_typst_the_pdf_choice_says_how_to_add_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forget_compiler()  # an earlier test may have made one
    monkeypatch.setitem(sys.modules, "typst", None)
    workbook = filled_workbook(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    app = make_app(workbook, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot, folder)
        screen.query_one("#export-format", Select).value = "pdf"
        await settle(app, pilot)
        assert " ".join(preview_text(screen).split()) == (
            "PDF needs the Typst package: pip install 'bilan-tui[pdf]' (other formats work)."
        )
        assert screen.query_one("#export-write", Button).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert list(folder.iterdir()) == []
        screen.query_one("#export-format", Select).value = "html"
        await settle(app, pilot)
        assert not screen.query_one("#export-write", Button).disabled
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert [path.suffix for path in folder.iterdir()] == [".html"]
