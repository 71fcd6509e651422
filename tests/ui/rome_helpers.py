"""The métier explorer's tests: a real referential imported from the hand-written fixtures.

The fixtures (``tests/fixtures/rome``) are in the official CSV format, written by
hand: nothing in them comes from France Travail's files, not even the fiche codes.
The referential goes to the test's data folder (``$BILAN_DATA_DIR``), where the app looks for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bilan_tui.domain.answers import Answer
from bilan_tui.referentiel.importer import import_referentiel
from bilan_tui.referentiel.reader import Referentiel, open_latest
from bilan_tui.services.demo.build import recreate_demo
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.app import BilanApp
from tests.ui.helpers import FIXTURES, make_app, shipped_pack, wait_for_session

ROME_FIXTURES = FIXTURES / "rome"


def install_referential(data_dir: Path) -> Referentiel:
    """Import the fixtures into ``data_dir``; the referential, open (close it)."""
    import_referentiel(ROME_FIXTURES, data_dir)
    found = open_latest(data_dir)
    assert found is not None
    return found


FIXTURE_CODES = {"J1512": "J9512", "J1511": "J9511"}
"""The demo's leads point at real fiches; the made-up fixtures hold stand-ins for them."""


def demo_app(data_dir: Path) -> BilanApp:
    """The app on the demo workbook (Nadia's bilan, her Holland code answered).

    Her leads on real fiches are pointed at the fixtures' stand-ins, so that the
    explorer and the skills gap find them in the made-up referential.
    """
    workbook = data_dir / "workbooks" / "demo.sqlite"
    pack = shipped_pack("en")
    recreate_demo(workbook, pack)
    session = WorkbookSession.open(workbook, pack, language="en", create=False)
    try:
        leads = pack.exercise("pistes")
        assert leads is not None
        answers = session.exercise_answers(leads)
        moved = [
            Answer(answers.key("code_rome", entry.id), FIXTURE_CODES[code])
            for entry in answers.entries()
            if isinstance(code := entry.values.get("code_rome"), str) and code in FIXTURE_CODES
        ]
        assert moved, "the demo has leads on the fiches the fixtures stand in for"
        session.save_answers(moved)
    finally:
        session.close()
    return make_app(workbook, pack)


async def open_explorer(app: BilanApp, pilot: Pilot[Any]) -> Any:
    """Wait for the workbook, press m on the dashboard; the explorer screen."""
    from bilan_tui.ui.screens.explorer import ExplorerScreen

    await wait_for_session(app, pilot)
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(app.screen, ExplorerScreen)
    return app.screen


def lines(widget: Any) -> list[str]:
    """The plain text of every option of an option list."""
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]
