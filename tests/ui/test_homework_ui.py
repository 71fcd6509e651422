"""Homework in the interface: the dashboard panel, the import dialog, a consultant's exercises."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.dates import short_date
from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.packs import load_library, load_pack
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.kinds.grid import GridBody
from bilan_tui.ui.screens.exercise import ExerciseScreen
from bilan_tui.ui.screens.homework_import import HomeworkImportScreen
from bilan_tui.ui.widgets.homework_panel import HomeworkPanel
from bilan_tui.ui.widgets.phase_list import PhaseList

from .helpers import MINI_PACK, make_app, read_session, shipped_pack, wait_for_session

DUE = datetime.date.today() + datetime.timedelta(days=3)


def homework_file(tmp_path: Path, exercises: str, *, pack: Path = MINI_PACK) -> Path:
    """A homework file as the consultant writes it, carrying ``pack``."""
    output = tmp_path / "devoir.toml"
    args = ["homework", "new", "--exercises", exercises, "--due", DUE.isoformat()]
    args += ["--message", "Before Thursday [b]please[/b]", "--output", str(output)]
    args += ["--pack", str(pack)]
    assert main(args) == 0
    return output


def panel_text(app: BilanApp) -> str:
    panel = app.screen.query_one(HomeworkPanel)
    return "\n".join(line.plain for line in panel.lines())


def phase_lines(app: BilanApp) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one(PhaseList).options]


async def test_no_homework_no_panel(tmp_path: Path) -> None:
    app = make_app(tmp_path / "wb.sqlite", shipped_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        assert not app.screen.query_one(HomeworkPanel).display


async def test_import_from_the_dashboard_then_do_the_homework(tmp_path: Path) -> None:
    source = homework_file(tmp_path, "valeurs,about")
    workbook = tmp_path / "wb.sqlite"
    app = make_app(workbook, shipped_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, HomeworkImportScreen)
        path_input = dialog.query_one(Input)
        assert dialog.focused is path_input

        path_input.value = str(tmp_path / "missing.toml")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is dialog, "a refused file keeps the dialog open"
        error = dialog.query_one("#homework-import-error", Static)
        assert error.display and "no such file" in str(error.render())

        path_input.value = str(source)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, HomeworkImportScreen)

        text = panel_text(app)
        assert f"Due {short_date(DUE, 'en')} (in 3 days)" in text
        assert "○ My values" in text and "○ About me  · Mini pack" in text
        assert "“Before Thursday [b]please[/b]”" in text, "the message is shown as typed"
        assert "○ About me  · Mini pack" in phase_lines(app)

        app.open_exercise("mini:about")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        assert screen.exercise.pack_id == "mini"
        screen.query_one("#field-name Input", Input).value = "Camille"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "◐ About me  · Mini pack" in panel_text(app)
        assert "○ My values" in panel_text(app)

    library = load_library(shipped_pack(), workbook.parent / "data")
    session = read_session(workbook, library)
    try:
        about = session.pack.find("mini", "about")
        assert about is not None
        assert session.exercise_answers(about).get("name") == "Camille"
        assert session.statuses()["mini:about"] is ExerciseStatus.STARTED
        assert len(session.workbook.homework()) == 1
    finally:
        session.close()


async def test_the_palette_offers_import_and_marks_a_consultants_exercise(
    tmp_path: Path,
) -> None:
    pack = Path(shutil.copytree(MINI_PACK, tmp_path / "mini"))
    manifest = pack / "pack.toml"
    title = 'title = "Mini [/] pack [@click=app.quit]"'
    manifest.write_text(manifest.read_text("utf-8").replace('title = "Mini pack"', title), "utf-8")
    source = homework_file(tmp_path, "about", pack=pack)
    app = make_app(tmp_path / "wb.sqlite", shipped_pack())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_session(app, pilot)
        assert app.session is not None
        outcome = app.session.import_homework(source)
        assert outcome.added
        app.use_pack(app.session.pack)
        app.refresh_dashboard()
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        palette.query_one(Input).value = "About me"
        await wait_for_text(pilot, palette, "Preliminary phase · Mini [/] pack [@click=app.quit]")
        palette.query_one(Input).value = "Import homework"
        await wait_for_text(pilot, palette, "Import a homework file from your consultant")


async def wait_for_text(pilot: Pilot[Any], palette: CommandPalette, text: str) -> None:
    """The palette searches in the background: wait for ``text`` among its hits."""
    for _attempt in range(100):
        await pilot.pause(0.05)
        if text in _palette_text(palette):
            return
    raise AssertionError(f"{text!r} not in {_palette_text(palette)!r}")


def _palette_text(palette: CommandPalette) -> str:
    from textual.widgets import OptionList

    options = palette.query_one(OptionList)
    return " ".join(
        str(options.get_option_at_index(index).prompt) for index in range(options.option_count)
    )


def test_due_dates_read_as_distances() -> None:
    from bilan_tui.ui.widgets.homework_panel import due_text

    today = datetime.date(2025, 1, 10)
    assert due_text(today, today) == "due 10 Jan 2025 (today)"
    assert due_text(datetime.date(2025, 1, 11), today) == "due 11 Jan 2025 (tomorrow)"
    assert due_text(datetime.date(2025, 1, 13), today) == "due 13 Jan 2025 (in 3 days)"
    assert due_text(datetime.date(2025, 1, 9), today) == "due 9 Jan 2025 (1 day late)"
    assert due_text(datetime.date(2025, 1, 1), today) == "due 1 Jan 2025 (9 days late)"


def test_due_dates_in_french_read_as_people_write_them() -> None:
    """The panel and the next step say "20/12/2026", never the ISO "2026-12-20" (#20.8)."""
    from bilan_tui.i18n import set_language
    from bilan_tui.ui.widgets.homework_panel import due_text

    set_language("fr")  # the conftest fixture sets English back
    text = due_text(datetime.date(2026, 12, 20), datetime.date(2026, 12, 5))
    assert "20/12/2026" in text and "(dans 15 jours)" in text
    assert "2026-12-20" not in text


async def test_a_consultants_grid_reads_the_tags_of_its_own_pack(tmp_path: Path) -> None:
    """Both packs have ``stories``; the installed grid takes its tags from its own pack's."""
    twin = Path(shutil.copytree(MINI_PACK, tmp_path / "twin"))
    manifest = twin / "pack.toml"
    manifest.write_text(manifest.read_text("utf-8").replace('id = "mini"', 'id = "twin"'), "utf-8")
    source = homework_file(tmp_path, "skills", pack=twin)
    app = make_app(tmp_path / "wb.sqlite", load_pack(MINI_PACK))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        assert app.session is not None
        app.session.import_homework(source)
        app.session.save_answers(
            [
                Answer(AnswerKey("mini", "stories", "skills", "e1"), ["home tag"]),
                Answer(AnswerKey("twin", "stories", "skills", "e1"), ["twin tag"]),
            ]
        )
        app.use_pack(app.session.pack)
        app.open_exercise("twin:skills")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        texts = [item.text for item in screen.query_one(GridBody).items]
        assert "twin tag" in texts
        assert "home tag" not in texts
