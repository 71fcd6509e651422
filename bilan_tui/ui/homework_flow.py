"""Importing homework from the interface: the words around the dialog.

The app shows ``HomeworkImportScreen`` with ``WorkbookSession.import_homework``
(exactly what ``bilan homework import`` runs) and :func:`error_text`; the
dialog returns the outcome, and the app redraws the dashboard from the new
library (a pack's exercises appear under their phases) and says what came
with :func:`imported_notice`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilan_tui.domain.dates import long_date
from bilan_tui.i18n import _, language, ngettext
from bilan_tui.services.session import WorkbookSession

if TYPE_CHECKING:
    from bilan_tui.services.homework.importer import ImportOutcome


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


def imported_notice(session: WorkbookSession, outcome: ImportOutcome) -> str:
    """What the notification says once ``outcome`` is in ``session``'s workbook."""
    from bilan_tui.services.homework.view import already_done_of

    return imported_message(outcome, already_done_of(session, outcome))
