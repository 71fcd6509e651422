"""The commands that act on the whole workbook, each a dialog that answers and the app that works.

Her name and consultant (the welcome screen), encryption, the end of the bilan
(wipe), importing homework and the occupation explorer: each shows a screen
that only returns a result (``WelcomeAnswers``, a passphrase, yes or no, an
import's outcome), and the method here does what follows, on the session only
the app holds. Kept apart from ``app.py``, which wires the start-up, the
dashboard and the palette, and whose app class inherits these commands. The
helpers they call (``welcome_flow``, ``encrypt_flow``, ``explorer_flow``,
``homework_flow``, ``screens/wipe.py``) are given the session and never the app.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual import on

from bilan_tui.i18n import _
from bilan_tui.ui.holds_answers import HoldsAnswers
from bilan_tui.ui.quiet_crash import QuietCrashApp
from bilan_tui.ui.requests import ExploreOccupations, OpenSkillsGap
from bilan_tui.ui.screens.dashboard import DashboardScreen

if TYPE_CHECKING:
    from bilan_tui.domain.model import Pack
    from bilan_tui.services.homework.importer import ImportOutcome
    from bilan_tui.services.session import WorkbookSession
    from bilan_tui.ui.explorer_flow import Referentials
    from bilan_tui.ui.screens.welcome import WelcomeAnswers

SessionOpener = Callable[[], "WorkbookSession"]


class WorkbookCommands(QuietCrashApp[int]):
    """The app's commands on the open workbook (see the module's docstring).

    Attributes:
        session: The open workbook; ``None`` while it opens, and while it is
            converted or deleted (nothing may write then).
        referentials: The occupation referential, opened when first asked for.
        switch_language_to: Set when the person chose the other language.
    """

    session: WorkbookSession | None
    referentials: Referentials | None
    switch_language_to: str | None
    _open_session: SessionOpener

    def refresh_dashboard(self) -> None:
        """Redraw the dashboard with the workbook's data (the app draws it)."""
        raise NotImplementedError

    def use_pack(self, pack: Pack) -> None:
        """Show ``pack`` from now on (the app's dashboard)."""
        raise NotImplementedError

    def use_session(self, session: WorkbookSession) -> None:
        """Work with ``session`` from now on (the workbook was reopened)."""
        raise NotImplementedError

    def ready_session(self) -> WorkbookSession | None:
        """The open workbook; ``None`` after saying it is still opening.

        Every command that needs the workbook starts here: the first frame
        comes before the storage layer is loaded (DESIGN §12), so a key
        pressed at once meets a workbook that is not open yet.
        """
        if self.session is None:
            self.notify(_("Opening your workbook…"), timeout=2)
        return self.session

    def save_everything(self) -> bool:
        """Write whatever is pending on every open exercise screen; False if some failed."""
        saved = True
        for screen in self.screen_stack:
            if isinstance(screen, HoldsAnswers):
                saved = screen.save() and saved
        return saved

    def back_to_dashboard(self) -> None:
        """Save every open screen and close them all: the dashboard is on top again."""
        self.save_everything()
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def open_welcome(self, *, first: bool = False) -> None:
        """Her name, language and consultant, over the dashboard (see ``ui/welcome_flow.py``).

        An open exercise is saved and closed first, so that ``modalites``, if it
        is the one open, cannot write back an older consultant over her answer.
        """
        from bilan_tui.ui.screens.welcome import WelcomeScreen
        from bilan_tui.ui.welcome_flow import welcome_screen

        session = self.ready_session()
        if session is None or isinstance(self.screen, WelcomeScreen):
            return
        self.back_to_dashboard()
        self.push_screen(welcome_screen(session, first=first), self._welcomed)

    def _welcomed(self, answers: WelcomeAnswers | None) -> None:
        from bilan_tui.i18n import language

        if answers is not None and answers.encrypt and answers.language == language():
            # Encrypted first, her name written after: no plain trace of it on the disk.
            self.offer_encryption(after=lambda: self._store_welcome(answers))
            return
        self._store_welcome(answers)

    def _store_welcome(self, answers: WelcomeAnswers | None) -> None:
        """Keep her answers (in the workbook reopened if it was just encrypted)."""
        from bilan_tui.i18n import language
        from bilan_tui.ui.welcome_flow import store_welcome

        if self.session is None:
            return
        problem = store_welcome(self.session, answers)
        if problem is not None:
            self.notify(problem, severity="error", markup=False)
            return
        self.refresh_dashboard()
        if answers is not None and answers.language != language():
            self.switch_language()

    @on(DashboardScreen.OpenExplorer)
    @on(ExploreOccupations)
    def open_explorer(self) -> None:
        """Show "Explore occupations" (see ``ui/explorer_flow.py``)."""
        from bilan_tui.ui.explorer_flow import open_explorer

        session = self.ready_session()
        if session is None:
            return
        self.save_everything()
        open_explorer(self, session, self._referentials(session), self.refresh_dashboard)

    @on(OpenSkillsGap)
    def _open_skills_gap(self, event: OpenSkillsGap) -> None:
        from bilan_tui.ui.explorer_flow import open_skills_gap

        if self.session is not None:
            open_skills_gap(self, self.session, self._referentials(self.session), event.entry_id)

    def _referentials(self, session: WorkbookSession) -> Referentials:
        """The occupation referential of the workbook's data folder, opened on first use."""
        if self.referentials is None:
            from bilan_tui import paths
            from bilan_tui.ui.explorer_flow import Referentials

            self.referentials = Referentials(session.data_dir or paths.data_dir())
        return self.referentials

    @on(DashboardScreen.ImportHomework)
    def action_import_homework(self) -> None:
        """Ask for a homework file; once imported, show its exercises and say what came."""
        from bilan_tui.ui.homework_flow import error_text
        from bilan_tui.ui.screens.homework_import import HomeworkImportScreen

        session = self.ready_session()
        if session is None or isinstance(self.screen, HomeworkImportScreen):
            return
        self.push_screen(
            HomeworkImportScreen(session.import_homework, error_text),
            partial(self._homework_imported, session),
        )

    def _homework_imported(self, session: WorkbookSession, outcome: ImportOutcome | None) -> None:
        """Redraw the dashboard from the library (a pack may have come with it), then say so."""
        from bilan_tui.ui.homework_flow import imported_notice

        if outcome is None:
            return
        self.use_pack(session.pack)
        self.refresh_dashboard()
        self.notify(
            imported_notice(session, outcome), title=_("Homework"), markup=False, timeout=10
        )

    def offer_encryption(self, after: Callable[[], None] | None = None) -> None:
        """Ask for a passphrase, then encrypt; says so if the workbook already is.

        Args:
            after: Called once it is over, whatever the outcome (the welcome's
                answers are stored then, in the encrypted workbook).
        """
        from bilan_tui.crypto.migrate import is_encrypted
        from bilan_tui.ui.screens.encrypt import EncryptScreen

        then = after or (lambda: None)
        session = self.ready_session()
        if session is None:
            return
        if is_encrypted(session.path):
            self.notify(_("This workbook is already encrypted."), timeout=4)
            then()
            return
        self.push_screen(EncryptScreen(), partial(self._encrypt, then))

    def _encrypt(self, then: Callable[[], None], passphrase: str | None) -> None:
        """Close the workbook, encrypt it in a worker, open it again (``ui/encrypt_flow.py``)."""
        from bilan_tui.ui.encrypt_flow import encrypt_and_reopen

        session = self.session
        if passphrase is None or session is None or not self.save_everything():
            then()
            return
        self.back_to_dashboard()
        self.session = None  # nothing may write while the file is converted
        session.close(back_up=False)
        self.notify(_("Encrypting the workbook and its backups…"), timeout=3)

        def work() -> None:
            reopened, failure = encrypt_and_reopen(session.path, passphrase, self._open_session)
            self.call_from_thread(self._encrypted, reopened, failure, then)

        self.run_worker(work, thread=True, group="encrypt", exit_on_error=False)

    def _encrypted(
        self, session: WorkbookSession, failure: str | None, then: Callable[[], None]
    ) -> None:
        self.use_session(session)
        then()
        if failure is not None:
            self.notify(
                _("The workbook was not encrypted: {reason}").format(reason=failure),
                severity="error",
                markup=False,
            )
            return
        self.notify(_("Done: the workbook and its backups are encrypted."), timeout=6)

    def switch_language(self) -> None:
        """Save, remember the other language in the workbook, and restart in it.

        Every screen open was composed in the old language (and Textual's own
        words were set for it), so the interface restarts (in about half a
        second) rather than mixing two languages; ``bilan`` does the restart
        once the app has closed.
        """
        from bilan_tui.i18n import LANGUAGES, language

        session = self.ready_session()
        if session is None:
            return
        other = next(code for code in LANGUAGES if code != language())
        if not self.save_everything():
            return
        session.workbook.set_language(other)
        self.switch_language_to = other
        self.exit(0)

    def start_wipe(self) -> None:
        """End of the bilan: the dialog asks; if confirmed, delete the workbook and quit."""
        from bilan_tui.ui.screens.wipe import WipeScreen, wipe_dialog

        session = self.ready_session()
        if session is None or isinstance(self.screen, WipeScreen):
            return
        self.push_screen(wipe_dialog(session.path), partial(self._wipe_confirmed, session))

    def _wipe_confirmed(self, session: WorkbookSession, confirmed: bool | None) -> None:
        if not confirmed:
            return
        self.back_to_dashboard()  # leaves nothing pending for the screens' unmount to write
        self.call_after_refresh(self._wipe, session)

    def _wipe(self, session: WorkbookSession) -> None:
        """Close the workbook, delete it and its backups, quit with what was removed."""
        from bilan_tui.ui.screens.wipe import delete_workbook

        self.session = None
        status, message = delete_workbook(session)
        self.exit(status, message=message)
