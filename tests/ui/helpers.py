"""Building the app for Pilot tests: a real workbook in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bilan_tui.domain.model import Pack
from bilan_tui.packs import load_pack, load_shipped_pack
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp

if TYPE_CHECKING:
    from bilan_tui.ui.screens.exercise import ExerciseScreen

FIXTURES = Path(__file__).parent.parent / "fixtures"
MINI_PACK = FIXTURES / "packs" / "mini"


def mini_pack() -> Pack:
    """The small fixture pack that uses every kind and field type."""
    return load_pack(MINI_PACK)


def shipped_pack(language: str = "en") -> Pack:
    """The shipped pack."""
    return load_shipped_pack(language)


def make_app(workbook: Path, pack: Pack, language: str = "en") -> BilanApp:
    """The app on a workbook file, opened for real (storage included)."""

    def open_session() -> WorkbookSession:
        return WorkbookSession.open(workbook, pack, language=language, create=True)

    return BilanApp(pack, open_session, data_location=str(workbook))


def read_session(workbook: Path, pack: Pack) -> WorkbookSession:
    """A second look at the workbook, as a later run would see it."""
    return WorkbookSession.open(workbook, pack, language="en", create=False)


async def wait_for_session(app: BilanApp, pilot: object, timeout: float = 20.0) -> None:
    """Let the worker open the workbook and the dashboard fill in.

    Polls rather than trusting one ``wait_for_complete``: on a loaded machine
    the worker may not even have started when the first pause returns.
    """
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    waited = 0.0
    while app.session is None and waited < timeout:
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
        waited += 0.05
    await pilot.pause()
    assert app.session is not None, "the workbook did not open"


async def open_exercise(app: BilanApp, pilot: object, exercise_id: str) -> ExerciseScreen:
    """Wait for the workbook, open one exercise and return its screen."""
    from textual.pilot import Pilot

    from bilan_tui.ui.screens.exercise import ExerciseScreen

    assert isinstance(pilot, Pilot)
    await wait_for_session(app, pilot)
    app.open_exercise(exercise_id)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ExerciseScreen)
    return screen


async def settle(pilot: object, rounds: int = 3) -> None:
    """Let the workers finish and the screen settle, before a picture or an assertion.

    The one settle every snapshot and Pilot test shares. One
    ``workers.wait_for_complete()`` may not suffice: a worker may start during
    the refresh that follows (a search, the footer's rebuild two refreshes
    after the keys change), so each round waits for the workers, then for a
    refresh.
    """
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    for _round in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def wait_until(
    pilot: object, condition: Callable[[], bool], timeout: float = 20.0, *, workers: bool = True
) -> None:
    """Poll ``condition`` (a screen shown, a worker's result); fail after ``timeout`` seconds.

    ``workers=False`` when a worker waits for the person (the unlock screen):
    waiting for it to complete would never end.
    """
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    waited = 0.0
    while not condition() and waited < timeout:
        if workers:
            await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.05)
        waited += 0.05
    assert condition(), "timed out"


async def opened(pilot: object) -> None:
    """The workbook open, the dashboard filled in, everything settled."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    app = pilot.app
    assert isinstance(app, BilanApp)
    await wait_for_session(app, pilot)
    await settle(pilot)


async def show_every_field(screen: object, pilot: object) -> None:
    """Mount the fields a form keeps for when they are scrolled to (``FormBody``).

    A form mounts the fields below the fold only when she scrolls or tabs
    near them; a test that reaches for a field further down mounts them all,
    as scrolling to the end would.
    """
    from textual.pilot import Pilot
    from textual.screen import Screen

    from bilan_tui.ui.kinds.form import FormBody

    assert isinstance(screen, Screen) and isinstance(pilot, Pilot)
    for body in screen.query(FormBody):
        body.mount_everything()
    await pilot.pause()
