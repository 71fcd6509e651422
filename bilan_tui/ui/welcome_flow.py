"""The welcome screen's wiring: when it greets her, and what her answers change.

Kept out of ``app.py`` (which holds wiring only): the app calls
:func:`open_welcome` once the workbook is open (first launch) and from the
palette. Her name goes to the ``display_name`` setting, her consultant and
organisation to ``modalites`` (see ``bilan_tui.services.person``); another language
restarts the interface in it, as the palette's language command does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilan_tui.i18n import _, language
from bilan_tui.services.person import (
    arrangement,
    mark_welcomed,
    person_name,
    set_arrangement,
    set_person_name,
)
from bilan_tui.ui.screens.welcome import WelcomeAnswers, WelcomeScreen

if TYPE_CHECKING:
    from bilan_tui.ui.app import BilanApp


def open_welcome(app: BilanApp, *, first: bool = False) -> None:
    """Show the welcome screen over the dashboard (exercises are saved and closed first).

    An open exercise is closed so that ``modalites``, if it is the one open,
    cannot write back an older consultant over what she types here.
    """
    session = app.session
    if session is None:
        app.notify(_("Opening your workbook…"), timeout=2)
        return
    if isinstance(app.screen, WelcomeScreen):
        return
    app.save_everything()
    while len(app.screen_stack) > 1:
        app.pop_screen()
    consultant, organisme = arrangement(session)
    screen = WelcomeScreen(
        name=person_name(session),
        language=language(),
        consultant=consultant,
        organisme=organisme,
        first=first,
    )

    def store(answers: WelcomeAnswers | None) -> None:
        current = app.session or session  # reopened if the workbook was just encrypted
        try:
            mark_welcomed(current)
            if answers is not None:
                set_person_name(current, answers.name)
                set_arrangement(current, answers.consultant, answers.organisme)
        except Exception as error:  # noqa: BLE001 - one clear line, the app goes on
            app.notify(current.describe_error(error), severity="error", markup=False)
            return
        app.refresh_dashboard()
        if answers is not None and answers.language != language():
            app.switch_language()

    def answered(answers: WelcomeAnswers | None) -> None:
        if answers is not None and answers.encrypt and answers.language == language():
            # Encrypted first, her name written after: no plain trace of it on the disk.
            app.offer_encryption(after=lambda: store(answers))
            return
        store(answers)

    app.push_screen(screen, answered)
