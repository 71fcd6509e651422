"""The welcome screen's words in and out: what it shows, and where her answers go.

The app shows :func:`welcome_screen` once the workbook is open (first launch)
and from the palette, and hands the answers back to :func:`store_welcome`.
Her name goes to the ``display_name`` setting, her consultant and
organisation to ``modalites`` (see ``bilan_tui.services.person``); encrypting first and
restarting in another language are the app's work, as for the palette.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilan_tui.i18n import language
from bilan_tui.services.person import (
    arrangement,
    mark_welcomed,
    person_name,
    set_arrangement,
    set_person_name,
)
from bilan_tui.ui.screens.welcome import WelcomeAnswers, WelcomeScreen

if TYPE_CHECKING:
    from bilan_tui.services.session import WorkbookSession


def welcome_screen(session: WorkbookSession, *, first: bool = False) -> WelcomeScreen:
    """The welcome screen filled in with what the workbook already knows."""
    consultant, organisme = arrangement(session)
    return WelcomeScreen(
        name=person_name(session),
        language=language(),
        consultant=consultant,
        organisme=organisme,
        first=first,
    )


def store_welcome(session: WorkbookSession, answers: WelcomeAnswers | None) -> str | None:
    """Remember that she was welcomed, and her answers if she gave them.

    Returns:
        ``None`` once written, else one sentence saying why not.
    """
    try:
        mark_welcomed(session)
        if answers is not None:
            set_person_name(session, answers.name)
            set_arrangement(session, answers.consultant, answers.organisme)
    except Exception as error:  # noqa: BLE001 - one clear line, the app goes on
        return session.describe_error(error)
    return None
