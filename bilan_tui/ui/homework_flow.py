"""Importing homework from the interface: the dialog, then a dashboard that shows it.

Kept out of ``app.py`` (which holds wiring): the app calls
:func:`open_homework_import` from its binding and palette command. The import
runs through ``WorkbookSession.import_homework``, exactly as ``bilan homework
import`` does; when it installed a pack, the dashboard is redrawn from the new
library so the pack's exercises appear under their phases.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bilan_tui.domain.dates import long_date
from bilan_tui.i18n import _, language, ngettext
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.screens.homework_import import HomeworkImportScreen

if TYPE_CHECKING:
    from bilan_tui.services.homework.importer import ImportOutcome
    from bilan_tui.ui.app import BilanApp


def imported_message(outcome: ImportOutcome, already_done: str = "") -> str:
    """What the notification says after an import (``already_done``: see ``view.py``)."""
    from bilan_tui.services.homework.view import synthesis_received

    stored = outcome.homework
    if not outcome.added:
        text = _("This homework was already imported; nothing changed.")
        return f"{text} {already_done}".strip()
    received = synthesis_received(outcome)
    if received and not stored.exercises:
        return received
    count = len(stored.exercises)
    due = long_date(stored.due, language()) if stored.due else "?"
    text = ngettext(
        "Homework imported: {count} exercise, due {due}.",
        "Homework imported: {count} exercises, due {due}.",
        count,
    ).format(count=count, due=due)
    if outcome.pack is not None:
        text += " " + _("Its exercises are in your path, marked with the pack's title.")
    return f"{text} {received} {already_done}".strip().replace("  ", " ")


def error_text(error: BaseException) -> str:
    """One sentence for a refused file or a failure while importing."""
    from bilan_tui.services.homework.fileformat import HomeworkError

    if isinstance(error, HomeworkError):
        return str(error)
    return WorkbookSession.describe_error(error)


def open_homework_import(app: BilanApp) -> None:
    """Show the import dialog; on success, redraw the dashboard and say what was added."""
    session = app.session
    if session is None:
        app.notify(_("Opening your workbook…"), timeout=2)
        return
    if isinstance(app.screen, HomeworkImportScreen):
        return
    outcomes: list[ImportOutcome] = []

    def run(path: Path) -> None:
        outcomes.append(session.import_homework(path))

    def done(path: Path | None) -> None:
        if path is None or not outcomes:
            return
        app.use_pack(session.pack)
        app.refresh_dashboard()
        from bilan_tui.services.homework.view import already_done_of

        outcome = outcomes[-1]
        message = imported_message(outcome, already_done_of(session, outcome))
        app.notify(message, title=_("Homework"), markup=False, timeout=10)

    app.push_screen(HomeworkImportScreen(run, error_text), done)
