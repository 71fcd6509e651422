"""The consultant's part typed during a session turns the draft into the synthesis."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from bilan_tui.export.api import render
from bilan_tui.export.options import ExportOptions
from bilan_tui.services.export_source import collect

from .helpers import make_app, open_exercise, read_session, shipped_pack


def synthesis(workbook: Path) -> str:
    session = read_session(workbook, shipped_pack())
    try:
        return render(collect(session), ExportOptions(scope="synthese")).text
    finally:
        session.close()


async def test_typing_the_consultants_part_makes_the_draft_the_synthesis(tmp_path: Path) -> None:
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, shipped_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "synthese-consultant")
        screen.query_one(
            "#field-texte TextArea", TextArea
        ).text = "A clear project [b]checked[/b] in the field.\n\nNext step: apply."
        screen.query_one("#field-nom Input", Input).value = "Sophie Marchal"
        screen.query_one("#field-organisme Input", Input).value = "Cap Parcours Conseil"
        screen.query_one("#field-remis_le Input", Input).value = "7/3/2025"
        await pilot.pause()
        assert screen.autosaver.answers.get("remis_le") == "2025-03-07"
        await pilot.press("ctrl+q")
    assert app.return_value == 0

    text = synthesis(workbook)
    assert text.startswith("# Synthesis document\n")
    assert "*Handed over on 7 March 2025 by Sophie Marchal (Cap Parcours Conseil)*" in text
    section = text.split("## 8. The consultant's synthesis\n")[1].split("\n## ")[0]
    assert "*Written by Sophie Marchal (Cap Parcours Conseil). Handed over on 7 March 2025.*" in (
        section
    )
    assert "A clear project \\[b\\]checked\\[/b\\] in the field." in section


async def test_a_fresh_workbook_shows_the_synthesis_as_a_draft(tmp_path: Path) -> None:
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, shipped_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exercise(app, pilot, "demande")
        screen.query_one("#field-declencheur TextArea", TextArea).text = "Nights."
        await pilot.pause()
        await pilot.press("ctrl+q")
    text = synthesis(workbook)
    assert text.startswith("# Draft for the synthesis\n")
    assert "This document is a draft" in text


async def test_the_export_screen_offers_the_evaluation_on_its_own(tmp_path: Path) -> None:
    from textual.widgets import Select

    from bilan_tui.domain.answers import Answer, AnswerKey
    from bilan_tui.services.session import WorkbookSession

    from .test_export_screen import open_export, preview_text, settle

    workbook = tmp_path / "wb.sqlite"
    session = WorkbookSession.open(workbook, shipped_pack(), language="en", create=True)
    try:
        session.save_answers([Answer(AnswerKey("bilan", "evaluation", "manques"), "More time.")])
    finally:
        session.close()
    folder = tmp_path / "out"
    folder.mkdir()
    app = make_app(workbook, shipped_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot, folder)
        assert "More time." not in preview_text(screen)
        screen.query_one("#export-scope", Select).value = "evaluation"
        await settle(app, pilot)
        text = preview_text(screen)
        assert "Evaluation of the bilan" in text and "More time." in text
