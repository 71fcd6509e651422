"""The métier explorer from the interface: opening the referential, its screens, a new lead.

Kept out of ``app.py`` (which holds wiring): the dashboard's key, the palette
and the ``pistes`` exercise all come here, through the app, which hands over
the open session and its :class:`Referentials` (never itself: these helpers
only show screens and notifications, with Textual's own ``App``). The referential is opened once per
app and kept (a read-only SQLite file shared by every workbook, DESIGN §13);
while there is none, each place shows what it is and the one command that
imports it, and looks again next time (an import may have been run meanwhile).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilan_tui.i18n import _
from bilan_tui.services.session import WorkbookSession

if TYPE_CHECKING:
    from textual.app import App

    from bilan_tui.referentiel.model import FicheRef
    from bilan_tui.referentiel.reader import Referentiel


class Referentials:
    """The newest imported referential of one data folder, opened on first use."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._open: Referentiel | None = None

    def get(self) -> Referentiel | None:
        """The referential, or ``None`` while none is imported (or it cannot be read)."""
        if self._open is None:
            from bilan_tui.referentiel.reader import open_latest

            try:
                self._open = open_latest(self.data_dir)
            except Exception:  # noqa: BLE001 - unreadable is shown like absent, with the fix
                self._open = None
        return self._open

    def close(self) -> None:
        """Release the database."""
        if self._open is not None:
            self._open.close()
            self._open = None


def missing_text() -> str:
    """What the referential is, where France Travail publishes it, the command to import it."""
    from bilan_tui.referentiel.messages import missing_referential

    return missing_referential()


def open_explorer(
    app: App[Any],
    session: WorkbookSession,
    referentials: Referentials,
    closed: Callable[[], None],
) -> None:
    """Show "Explore occupations" over the current screen.

    Args:
        app: Shows the screen and the notifications.
        session: The open workbook (her profile, her leads).
        referentials: The app's access to the imported referential.
        closed: Called when the explorer is closed (the dashboard is redrawn).
    """
    from bilan_tui.services.profile import profile_of
    from bilan_tui.ui.screens.explorer import ExplorerScreen

    if isinstance(app.screen, ExplorerScreen):
        return
    referential = referentials.get()
    found = referential is not None
    app.push_screen(
        ExplorerScreen(
            referential,
            profile_of(session) if found else None,
            add_lead=lambda ref: add_to_leads(app, session, referentials, ref),
            mine=lead_codes(app, session) if found else None,
            missing="" if found else missing_text(),
        ),
        lambda _result: closed(),
    )


def lead_codes(app: App[Any], session: WorkbookSession) -> set[str]:
    """The ROME codes her leads already carry (marked in the explorer's lists)."""
    from bilan_tui.services.leads import lead_code
    from bilan_tui.ui.lead_book import lead_book

    book = lead_book(app.screen_stack, session)
    entries = book.answers.entries() if book is not None else []
    return {code for code in (lead_code(entry.values) for entry in entries) if code}


def add_to_leads(
    app: App[Any], session: WorkbookSession, referentials: Referentials, ref: FicheRef
) -> bool:
    """Make a fiche a new lead in ``pistes`` (once: a lead with its code is named instead).

    Returns:
        Whether the fiche is among her leads now.
    """
    from bilan_tui.services.leads import TITLE_FIELD, add_lead, find_lead
    from bilan_tui.ui.lead_book import lead_book

    referential = referentials.get()
    if referential is None:
        return False
    book = lead_book(app.screen_stack, session)
    if book is None:
        app.notify(_("This workbook has no “leads” exercise to add it to."), severity="warning")
        return False
    existing = find_lead(book.answers, ref.code)
    if existing is not None:
        name = book.answers.get(TITLE_FIELD, existing)
        app.notify(
            _("Already in your leads: {name}.").format(name=name if name else ref.code),
            markup=False,
        )
        return True
    _entry_id, keys = add_lead(book.answers, ref, referential.version.number)
    problem = book.save(keys)
    if problem is not None:
        app.notify(
            _("Added, but not saved yet: {reason}. It will be saved as soon as possible.").format(
                reason=problem
            ),
            severity="error",
            markup=False,
        )
        return True
    app.notify(_("Added to your leads: {title}.").format(title=ref.title), markup=False)
    return True


def open_skills_gap(
    app: App[Any], session: WorkbookSession, referentials: Referentials, entry_id: str
) -> None:
    """Show the skills gap of one lead, or say what is missing (a code, the referential)."""
    from bilan_tui.referentiel.messages import attribution
    from bilan_tui.services.leads import inventory, lead_code, story_titles
    from bilan_tui.services.profile import profile_of
    from bilan_tui.ui.lead_book import lead_book
    from bilan_tui.ui.screens.skills_gap import SkillsGapScreen

    book = lead_book(app.screen_stack, session)
    if book is None:
        return
    values = {
        field: value for (field, owner), value in book.answers.values.items() if owner == entry_id
    }
    code = lead_code(values)
    if not code:
        app.notify(
            _(
                "This lead has no ROME code yet. Find its fiche with m (explore occupations), "
                "or type the code in the lead."
            ),
            timeout=8,
        )
        return
    referential = referentials.get()
    if referential is None:
        from bilan_tui.ui.screens.referential_missing import ReferentialMissing

        app.push_screen(ReferentialMissing(missing_text()))
        return
    fiche = referential.fiche(code)
    if fiche is None:
        app.notify(
            _("No fiche {code} in the referential (version {number}).").format(
                code=code, number=referential.version.number
            ),
            severity="warning",
            markup=False,
        )
        return
    profile = profile_of(session)
    stories = story_titles(profile, session.source_entries("realisations"))
    app.push_screen(
        SkillsGapScreen(
            book,
            entry_id,
            fiche,
            referential.version.number,
            (inventory(profile), stories),
            attribution(referential.version),
        )
    )
