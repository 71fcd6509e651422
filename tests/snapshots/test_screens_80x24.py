"""Every screen at 80×24, the smallest terminal the workbook supports (#20.13).

Nadia's demo bilan in English, dated around a fixed day, so that the pictures
do not change with the calendar: nothing may be cut (a footer's last key, the
export button), wrap inside a word (a file name) or hide where the focus is.
The kinds of exercise drawn with the mini pack are in the other modules; here
each kind is drawn with the shipped pack's real, longer texts.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from bilan_tui.export.options import ExportOptions
from bilan_tui.services.demo.build import recreate_demo
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.export import ExportScreen
from tests.ui.helpers import opened, settle, shipped_pack

REFERENCE = datetime.date(2025, 3, 14)
SIZE = (80, 24)
SHOWN_LOCATION = "~/.local/share/bilan/workbooks/demo.sqlite"
"""Where the help says the workbook is: fixed, not the test's temporary folder."""


@pytest.fixture
def demo(tmp_path: Path) -> BilanApp:
    """The app on the demo workbook, with today fixed at ``REFERENCE``."""
    pack = shipped_pack("en")
    workbook = tmp_path / "data" / "workbooks" / "demo.sqlite"
    recreate_demo(workbook, pack, reference=REFERENCE)

    def open_session() -> WorkbookSession:
        session = WorkbookSession.open(workbook, pack, language="en", create=False)
        session.today = lambda: REFERENCE
        return session

    return BilanApp(pack, open_session, data_location=SHOWN_LOCATION)


@pytest.fixture
def fixed_export(monkeypatch: pytest.MonkeyPatch) -> None:
    """The export's date and folder fixed: the same picture on any day, on any machine."""
    monkeypatch.setattr(ExportOptions, "date", property(lambda self: REFERENCE))
    monkeypatch.setattr(ExportScreen, "_start_folder", lambda self: Path("/home/nadia/Documents"))


def still_cursor(pilot: Pilot[Any]) -> None:
    """No blinking cursor in the picture."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False


EXERCISES = ["demande", "parcours", "competences", "aptitudes", "valeurs", "pistes", "comparaison"]
"""One exercise of each kind: form, records, grid, likert, cardsort, leads, matrix."""


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_exercise(snap_compare: Any, demo: BilanApp, exercise_id: str) -> None:
    """You should see the exercise's first questions and a footer of whole keys, f1 Help last."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        demo.open_exercise(exercise_id)
        await settle(pilot)
        still_cursor(pilot)

    assert snap_compare(demo, terminal_size=SIZE, run_before=run_before)


def test_dashboard(snap_compare: Any, demo: BilanApp) -> None:
    """You should see the phases, the follow-up date, the item left to do, next step, hours."""
    assert snap_compare(demo, terminal_size=SIZE, run_before=opened)


def test_profile(snap_compare: Any, demo: BilanApp) -> None:
    """You should see Nadia's Holland bars and aptitudes, with Back, Quit and Help below."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("p")
        await settle(pilot)

    assert snap_compare(demo, terminal_size=SIZE, run_before=run_before)


def test_export(snap_compare: Any, demo: BilanApp, fixed_export: None) -> None:
    """You should see the focused "What" choice as a coloured band, and the file name and button."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("e")
        await settle(pilot, 5)
        still_cursor(pilot)

    assert snap_compare(demo, terminal_size=SIZE, run_before=run_before)


def test_export_for_the_consultant(snap_compare: Any, demo: BilanApp, fixed_export: None) -> None:
    """You should see what the copy holds, and below it the whole file name and the button."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("e")
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#export-scope").value = "detail"
        screen.query_one("#export-recipient").value = "consultant"
        await settle(pilot, 5)
        screen.query_one("#export-recipient").focus()
        await settle(pilot)
        still_cursor(pilot)

    assert snap_compare(demo, terminal_size=SIZE, run_before=run_before)


def test_hours(snap_compare: Any, demo: BilanApp) -> None:
    """You should see the ledger, the weekly chart with dated weeks, and every footer key."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("h")
        await settle(pilot)

    assert snap_compare(demo, terminal_size=SIZE, run_before=run_before)


def test_hours_dialog(snap_compare: Any, demo: BilanApp) -> None:
    """You should see the new entry's fields, the focused Phase as a coloured band, the buttons."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"1h30", "tab")  # the duration has the focus first
        await settle(pilot)
        still_cursor(pilot)

    assert snap_compare(demo, terminal_size=SIZE, run_before=run_before)


def test_journal_dialog(snap_compare: Any, demo: BilanApp) -> None:
    """You should see the last session's journal: what to raise, what she keeps, what to do."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("down", "j")  # the synthesis session, second row
        await settle(pilot)
        still_cursor(pilot)

    assert snap_compare(demo, terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare: Any, demo: BilanApp) -> None:
    """You should see the help over a list exercise: all its keys, those the footer drops too."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        demo.open_exercise("parcours")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(demo, terminal_size=SIZE, run_before=run_before)


def test_homework_import(snap_compare: Any, demo: BilanApp) -> None:
    """You should see the import dialog: what to type, the path field, Import and Cancel."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("i")
        await settle(pilot)
        still_cursor(pilot)

    assert snap_compare(demo, terminal_size=SIZE, run_before=run_before)


def test_fiche(snap_compare: Any, tmp_path: Path) -> None:
    """You should see a made-up occupation fiche, its sections and every footer key."""
    from tests.ui.rome_helpers import demo_app, install_referential

    data_dir = tmp_path / "data"  # $BILAN_DATA_DIR (tests/conftest.py)
    install_referential(data_dir).close()

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("m")
        await settle(pilot)
        pilot.app.screen.query_one("#explorer-query", Input).value = "infirm"
        await settle(pilot)
        await pilot.press("enter", "enter")  # to the results, then the first fiche
        await settle(pilot)

    assert snap_compare(demo_app(data_dir), terminal_size=SIZE, run_before=run_before)


def test_skills_gap(snap_compare: Any, tmp_path: Path) -> None:
    """You should see a lead's core skills beside hers, the marks 1 2 3, and Back and Help."""
    from tests.ui.rome_helpers import demo_app, install_referential

    data_dir = tmp_path / "data"
    install_referential(data_dir).close()

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        pilot.app.open_exercise("pistes")  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("g")  # the first lead, linked to a fiche
        await settle(pilot)

    assert snap_compare(demo_app(data_dir), terminal_size=SIZE, run_before=run_before)


def test_share_question(snap_compare: Any, demo: BilanApp, fixed_export: None) -> None:
    """You should see who receives the copy, what it holds, its whole path, and the two buttons."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        await pilot.press("e")
        await settle(pilot)
        pilot.app.screen.query_one("#export-recipient").value = "consultant"
        pilot.app.screen.query_one("#export-folder", Input).value = "/tmp"  # exists everywhere
        await settle(pilot, 5)
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(demo, terminal_size=SIZE, run_before=run_before)
