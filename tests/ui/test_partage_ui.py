"""Her modalités on screen: "no one" stands alone, and the export asks twice when they disagree."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, SelectionList

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.screens.export import ExportScreen
from bilan_tui.ui.screens.export_confirm import ConfirmShare

from .helpers import (
    make_app,
    open_exercise,
    read_session,
    shipped_pack,
    show_every_field,
    wait_for_session,
)


def workbook_with(tmp_path: Path, ticked: list[str]) -> Path:
    workbook = tmp_path / "wb.sqlite"
    session = WorkbookSession.open(workbook, shipped_pack(), language="en", create=True)
    try:
        session.save_answers([Answer(AnswerKey("bilan", "modalites", "partage"), [*ticked])])
    finally:
        session.close()
    return workbook


def stored_ticks(workbook: Path) -> object:
    pack = shipped_pack()
    session = read_session(workbook, pack)
    try:
        return session.exercise_answers(pack.exercise("modalites")).get("partage")  # type: ignore[arg-type]
    finally:
        session.close()


async def test_ticking_no_one_clears_the_recipients_and_a_recipient_clears_no_one(
    tmp_path: Path,
) -> None:
    workbook = workbook_with(tmp_path, ["consultant", "cep"])
    app = make_app(workbook, shipped_pack())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_exercise(app, pilot, "modalites")
        await show_every_field(screen, pilot)
        ticks = screen.query_one("#field-partage SelectionList", SelectionList)
        ticks.select("personne")
        await pilot.pause()
        assert sorted(ticks.selected) == ["personne"]
        ticks.select("employeur")
        await pilot.pause()
        assert sorted(ticks.selected) == ["employeur"]
        await pilot.press("ctrl+q")
    assert stored_ticks(workbook) == ["employeur"]


async def test_a_recipient_her_modalites_do_not_name_needs_a_second_agreement(
    tmp_path: Path,
) -> None:
    workbook = workbook_with(tmp_path, ["consultant"])
    folder = tmp_path / "out"
    folder.mkdir()
    app = make_app(workbook, shipped_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.press("e")
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#export-folder", Input).value = str(folder)
        screen.query_one("#export-recipient", Select).value = "employer"
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmShare)
        await pilot.press("y")
        await pilot.pause()
        second = app.screen
        assert isinstance(second, ConfirmShare)
        assert second.title_text == "Not in your modalités"
        assert "This copy is for your employer, who is not among them." in second.lines
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and list(folder.iterdir()) == []

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("y")
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        [written] = list(folder.iterdir())
        assert "employer" in written.name
        await pilot.press("ctrl+q")
    session = read_session(workbook, shipped_pack())
    try:
        assert [consent.recipient for consent in session.consents()] == ["employer"]
    finally:
        session.close()
