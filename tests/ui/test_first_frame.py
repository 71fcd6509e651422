"""The dashboard drawn from the pack's outline, then from the full library.

``bilan`` gives the app a stand-in pack read in milliseconds (titles only)
and loads the full library with the workbook (DESIGN §12); once the workbook
is open, the app must work with the full library everywhere. Also: a long
one-line answer scrolls as it is typed, though its input no longer asks for a
new layout on each key.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual.widgets import Input

from bilan_tui.packs import outline_pack, read_outline
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp
from bilan_tui.ui.screens.exercise import ExerciseScreen
from bilan_tui.ui.widgets.phase_list import PhaseList

from .helpers import MINI_PACK, mini_pack, read_session, wait_for_session


def _app(workbook: Path, gate: threading.Event | None = None) -> BilanApp:
    full = mini_pack()

    def open_session() -> WorkbookSession:
        if gate is not None:
            gate.wait(10)
        return WorkbookSession.open(workbook, full, language="en", create=True)

    return BilanApp(outline_pack(read_outline(MINI_PACK)), open_session, str(workbook))


async def test_the_library_replaces_the_outline_once_the_workbook_is_open(
    tmp_path: Path,
) -> None:
    app = _app(tmp_path / "wb.sqlite")
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.pack
        await wait_for_session(app, pilot)
        assert app.session is not None
        assert app.pack is app.session.pack is not first
        phases = app.screen.query_one(PhaseList)
        assert phases.pack is app.pack
        about = app.pack.exercise("about")
        assert about is not None and about.fields, "the full pack has the fields"
        title = str(phases.get_option(about.ref).prompt)
        assert about.title in title and "○" in title  # with its state, from the workbook


async def test_an_exercise_asked_for_early_opens_with_the_full_pack(tmp_path: Path) -> None:
    gate = threading.Event()
    app = _app(tmp_path / "wb.sqlite", gate)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_exercise("about")  # the workbook is not open yet
        await pilot.pause()
        assert not isinstance(app.screen, ExerciseScreen)
        gate.set()
        await wait_for_session(app, pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        assert screen.exercise is app.pack.exercise("about")
        assert screen.query_one("#field-name Input", Input)


async def test_a_long_line_scrolls_as_it_is_typed_and_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "wb.sqlite"
    app = _app(path)
    text = "a fairly long answer that does not fit in the field " * 3
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("about")
        await pilot.pause()
        field = app.screen.query_one("#field-name Input", Input)
        field.focus()
        await pilot.pause()
        await pilot.press(*"Camille,", "end")
        field.insert_text_at_cursor(text)
        await pilot.press("x")
        await pilot.pause()
        assert field.value.endswith(text + "x")
        assert field.scroll_x == field.max_scroll_x > 0, "the end of the text is in view"
        await pilot.press("home")
        await pilot.pause()
        assert field.scroll_x == 0
        await pilot.press("ctrl+q")
    session = read_session(path, mini_pack())
    try:
        about = session.pack.exercise("about")
        assert about is not None
        assert session.exercise_answers(about).get("name") == field.value
    finally:
        session.close()


async def test_the_first_frames_outline_shows_the_lines_the_phase_list_shows() -> None:
    """The swap on the second frame must change nothing a person can read."""
    import sys

    from textual.app import App, ComposeResult
    from textual.containers import Horizontal
    from textual.geometry import Region

    from bilan_tui.packs import load_shipped_pack
    from bilan_tui.ui.widgets.phase_list import PhaseOutline

    pack = load_shipped_pack("en")

    class SideBySide(App[None]):
        CSS_PATH = str(Path(sys.modules[BilanApp.__module__].__file__ or "").parent / "app.tcss")
        AUTO_FOCUS = None

        def compose(self) -> ComposeResult:
            with Horizontal():
                yield PhaseOutline(pack)
                yield PhaseList(pack)

        def on_mount(self) -> None:
            for widget in (self.query_one(PhaseOutline), self.query_one(PhaseList)):
                widget.border_title = "Your path"

    app = SideBySide()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        outline, phases = app.query_one(PhaseOutline), app.query_one(PhaseList)
        assert outline.size == phases.size
        region = Region(0, 0, outline.size.width, outline.size.height)
        seen = [strip.text for strip in outline.render_lines(region)]
        listed = [strip.text for strip in phases.render_lines(region)]
    assert seen == listed
    assert any(pack.exercises[0].title in line for line in seen)
    inside = [line.strip("│ ") for line in seen[1:-1]]  # within the border
    assert sum(line.startswith("─" * 10) for line in inside) == len(pack.phases) - 1
