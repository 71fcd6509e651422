"""The application: wiring between the dashboard, the exercises and the workbook.

The app is given the pack and a function that opens the workbook. It draws the
dashboard from the pack in the first frame; then, in a worker thread, it shows
the dashboard's data read with the standard ``sqlite3`` module
(``dashboard_data.quick_dashboard_data``), and only then opens the workbook for real
(which imports the storage layer, slower than Textual itself) and shows the
full session's data (DESIGN §12). Work that must not delay the dashboard (the
whole-file check, the daily backup) follows in another worker. Exercises,
hours and exports wait for the full session, the only writer. The other
screens are imported when first shown: the exercise screen alone (with
Markdown) would add a tenth of the first frame. The commands on the whole
workbook (welcome, encryption, wipe, homework, explorer) are inherited from
``ui/workbook_commands.py``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from bilan_tui.domain.model import Pack
from bilan_tui.i18n import N_, _
from bilan_tui.ui.commands import AppCommands, ExerciseCommands
from bilan_tui.ui.requests import OpenExercise
from bilan_tui.ui.screens.dashboard import DashboardScreen
from bilan_tui.ui.text import french
from bilan_tui.ui.textual_words import apply_textual_words, quit_hint
from bilan_tui.ui.workbook_commands import SessionOpener, WorkbookCommands

if TYPE_CHECKING:  # imported by the worker, after the first frame
    from textual.notifications import SeverityLevel

    from bilan_tui.services.dashboard_data import DashboardData
    from bilan_tui.services.session import WorkbookSession
    from bilan_tui.ui.explorer_flow import Referentials
    from bilan_tui.ui.widgets.journal_panel import JournalPanel

AfterOpen = Callable[["WorkbookSession"], None]
"""Background work once the session is open (the whole-file check, the daily
backup); raising stops the interface, as a failed open does."""

OUTSIDE_CHECK_SECONDS = 3.0
"""How often the dashboard looks for changes made by another process (``bilan hours add``)."""

QUICK_PAINT_WAIT = 0.5
"""Seconds the storage import waits at most for the quick data to be painted."""


class BilanApp(WorkbookCommands):
    """The bilan workbook. Returns an exit status from :meth:`run`."""

    CSS_PATH = "app.tcss"
    TITLE = "bilan-tui"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS: ClassVar = {AppCommands, ExerciseCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q",
            "quit",
            N_("Quit"),
            tooltip=N_("Save and quit"),
            priority=True,
            id="bilan-app.quit",
        ),
        Binding("f1", "help", N_("Help"), tooltip=N_("Show the help"), id="bilan-app.help"),
        Binding(
            "ctrl+p",
            "command_palette",
            N_("Commands"),
            tooltip=N_("Find an exercise or a command"),
            priority=True,
            show=False,
            id="bilan-app.command-palette",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | ctrl+q | Save and quit |
    | f1 | Show the help |
    | ctrl+p | Find an exercise or a command |
    """

    def __init__(
        self,
        pack: Pack,
        open_session: SessionOpener,
        data_location: str,
        after_open: AfterOpen | None = None,
        *,
        welcome: bool = False,
    ) -> None:
        super().__init__()
        apply_textual_words()  # Textual's own shown keys, in the chosen language
        self.welcome = welcome
        self.outside_check_seconds = OUTSIDE_CHECK_SECONDS
        """Greet a workbook with no name yet (``bilan`` itself; tests leave it off)."""
        self.pack = pack
        self._open_session = open_session
        self._after_open = after_open
        self.data_location = data_location
        self.session: WorkbookSession | None = None
        self.open_error: str | None = None
        self._pending_exercise: str | None = None
        self.crash: BaseException | None = None
        self.crash_save_failed = False
        self._quit_unsaved = False
        self.switch_language_to: str | None = None
        """Set when the person chose the other language: the command line restarts in it."""
        self.referentials: Referentials | None = None
        """The occupation referential, opened when first asked for (``explorer_flow``)."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification, typeset in French if the interface is (#20).

        Every notification of every screen comes here (``Widget.notify`` calls
        the app's), so the toasts, narrower than the screen, never start a line
        with ``:`` nor leave a ``«`` alone, whichever catalog or service built
        the message.
        """
        super().notify(
            french(message), title=french(title), severity=severity, timeout=timeout, markup=markup
        )

    def crashed(self, error: Exception) -> None:
        """Save, then leave quietly: Textual's crash screen prints local variables.

        Those variables hold the person's answers, so the traceback is not shown
        (DESIGN §5, ``ui/quiet_crash.py``); the command line prints a short
        message instead and ``--debug`` re-raises.
        """
        self.crash = error
        try:
            self.crash_save_failed = not self.save_everything()
        except Exception:  # noqa: BLE001 - already failing; the answers in memory are lost
            self.crash_save_failed = True

    def get_default_screen(self) -> Screen[None]:
        return DashboardScreen(self.pack)

    def on_mount(self) -> None:
        self.call_after_refresh(self._load_session)

    @work(thread=True, exclusive=True, group="session", exit_on_error=False)
    def _load_session(self) -> WorkbookSession:
        """Show the workbook's data read with ``sqlite3``, then open it for real.

        The quick read shows the dashboard's data before SQLAlchemy and
        SQLModel are imported (DESIGN §12); a new workbook or any problem
        skips it, and the full open reports what is wrong.
        """
        from bilan_tui.services.dashboard_data import quick_dashboard_data
        from bilan_tui.ui.unlock_flow import unlock_before_open

        unlock_before_open(self, Path(self.data_location))  # an encrypted workbook: its passphrase
        data = quick_dashboard_data(Path(self.data_location), self.pack)
        if data is not None:
            drawn = threading.Event()
            try:
                self.call_from_thread(self._show_quick_data, data, drawn)
            except Exception:  # noqa: BLE001 - a preview (or the app closing): open anyway
                drawn.set()
            # The imports below hold the GIL for a third of a second: let the
            # screen be painted with the data first (bounded, never a hang).
            drawn.wait(QUICK_PAINT_WAIT)
        return self._open_session()

    def _show_quick_data(self, data: DashboardData, drawn: threading.Event) -> None:
        """Fill the dashboard in before the full session is ready (read-only)."""
        if self.session is None and isinstance(
            dashboard := self.get_screen_stack_bottom(), DashboardScreen
        ):
            dashboard.show(data)
        self.call_after_refresh(drawn.set)

    @work(thread=True, exclusive=True, group="after-open", exit_on_error=False)
    def _run_after_open(self, session: WorkbookSession) -> None:
        """The work that must not delay the dashboard (see ``AfterOpen``)."""
        if self._after_open is not None:
            self._after_open(session)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group not in ("session", "after-open") or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        from bilan_tui.services.session import WorkbookSession  # loaded by the worker by now

        if event.state is WorkerState.SUCCESS and event.worker.group == "session":
            result = event.worker.result
            assert isinstance(result, WorkbookSession)
            self.session = result
            if result.pack is not self.pack:  # the library replaces the first frame's outline
                self.use_pack(result.pack)
            self.refresh_dashboard()
            if self._pending_exercise:
                self.open_exercise(self._pending_exercise)
            elif self.welcome:
                self._greet(result)
            self._run_after_open(result)
            self._watch_outside_changes(result)
        elif event.state is WorkerState.ERROR:
            error = event.worker.error
            session_message = WorkbookSession.describe_error
            self.open_error = session_message(error) if error else _("unknown error")
            self.exit(1)  # the command line says why, and may offer a backup

    def _watch_outside_changes(self, session: WorkbookSession) -> None:
        """Redraw the dashboard when another process wrote to the workbook.

        ``bilan hours add`` in another terminal, for instance: the workbook's
        change counter is compared every few seconds, in a worker thread (a
        read of a few microseconds that a signal arriving on the main thread
        can never interrupt), and the dashboard is redrawn only when it moved.
        """
        seen = [session.workbook.outside_changes()]

        def poll() -> None:
            if self.session is not session:
                return
            try:
                version = session.workbook.outside_changes()
            except Exception:  # noqa: BLE001 - the next write reports any real problem
                return
            if version != seen[0]:
                seen[0] = version
                self.call_from_thread(self.refresh_dashboard)

        def check() -> None:
            self.run_worker(poll, thread=True, group="outside", exclusive=True, exit_on_error=False)

        self.set_interval(self.outside_check_seconds, check)

    def _greet(self, session: WorkbookSession) -> None:
        """First launch of a workbook with no name: the welcome screen."""
        from bilan_tui.services.person import welcome_due

        if welcome_due(session):
            self.open_welcome(first=True)

    def use_pack(self, pack: Pack) -> None:
        """Show ``pack`` from now on: the full library, or one with a new pack installed."""
        self.pack = pack
        dashboard = self.get_screen_stack_bottom()
        if isinstance(dashboard, DashboardScreen):
            dashboard.set_pack(pack)

    def refresh_dashboard(self) -> None:
        """Redraw the dashboard with the workbook's current data."""
        if self.session is None:
            return
        dashboard = self.get_screen_stack_bottom()
        if isinstance(dashboard, DashboardScreen):
            dashboard.show(self.session.dashboard_data())

    def get_screen_stack_bottom(self) -> Screen[object]:
        """The dashboard: the first screen of the stack."""
        return self.screen_stack[0]

    @on(DashboardScreen.OpenExercise)
    def _open_from_dashboard(self, event: DashboardScreen.OpenExercise) -> None:
        self.open_exercise(event.exercise_id)

    @on(OpenExercise)
    def _open_requested(self, event: OpenExercise) -> None:
        self.open_exercise(event.exercise_id)

    def open_exercise(self, exercise_id: str) -> None:
        """Show an exercise, once the workbook is open (asked early, it opens then)."""
        exercise = self.pack.exercise(exercise_id)
        if exercise is None:
            return
        if self.ready_session() is None:
            self._pending_exercise = exercise_id
            return
        assert self.session is not None
        from bilan_tui.ui.screens.exercise import ExerciseScreen

        self._pending_exercise = None
        if isinstance(self.screen, ExerciseScreen):
            self.screen.save()
            self.pop_screen()
        self.push_screen(ExerciseScreen(self.session, exercise), self._exercise_closed)

    def on_journal_panel_tick(self, event: JournalPanel.Tick) -> None:
        """An item of the last debrief is done: tick it and redraw the dashboard."""
        event.stop()
        if self.session is None:
            return
        try:
            self.session.tick_todo(event.note_id, event.index)
        except Exception as error:  # noqa: BLE001 - the person gets a message
            self.notify(self.session.describe_error(error), severity="error")
            return
        self.refresh_dashboard()

    @on(DashboardScreen.OpenHours)
    def open_hours(self) -> None:
        """Show the hours ledger, once the workbook is open."""
        from bilan_tui.ui.screens.hours import HoursScreen

        session = self.ready_session()
        if session is not None and not isinstance(self.screen, HoursScreen):
            self.push_screen(HoursScreen(session), self._exercise_closed)

    @on(DashboardScreen.OpenExport)
    def open_export(self) -> None:
        """Show the export screen, once the workbook is open and every answer saved."""
        from bilan_tui.ui.screens.export import ExportScreen

        session = self.ready_session()
        if session is not None and not isinstance(self.screen, ExportScreen):
            self.save_everything()
            self.push_screen(ExportScreen(session), self._exercise_closed)

    @on(DashboardScreen.OpenProfile)
    def open_profile(self) -> None:
        """Show "My profile", built from everything saved so far."""
        from bilan_tui.services.profile import profile_of
        from bilan_tui.ui.screens.profile import ProfileScreen

        session = self.ready_session()
        if session is None or isinstance(self.screen, ProfileScreen):
            return
        self.save_everything()
        self.push_screen(ProfileScreen(profile_of(session)))

    def _exercise_closed(self, _result: None) -> None:
        self.refresh_dashboard()

    async def action_quit(self) -> None:
        """Save, then quit; if the disk refuses, stay once so the text is not lost unseen."""
        if not self.save_everything() and not self._quit_unsaved:
            self._quit_unsaved = True
            self.notify(
                _(
                    "Your last changes could not be saved (see the message at the bottom). "
                    "Free some space and wait a moment, or press ^q again to quit "
                    "without them."
                ),
                severity="error",
                timeout=10,
            )
            return
        self.exit(0)

    def action_help(self) -> None:
        """Show the help page, with the keys of the screen it is opened from."""
        from bilan_tui.ui.screens.help import HelpScreen, screen_keys

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.data_location, screen_keys(self.screen)))

    def action_command_palette(self) -> None:
        """Open the palette with our own, translated placeholder."""
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            from bilan_tui.ui.palette import BilanPalette

            self.push_screen(
                BilanPalette(
                    placeholder=_("Type an exercise or a command…"), id="--command-palette"
                )
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Our own commands, in the person's language, instead of Textual's English ones."""
        yield SystemCommand(_("Dashboard"), _("Back to the list of exercises"), self._go_dashboard)
        yield SystemCommand(_("My profile"), _("Your results as pictures"), self.open_profile)
        yield SystemCommand(_("Hours"), _("See and log your hours"), self.open_hours)
        yield SystemCommand(
            _("Explore occupations"),
            _("Search France Travail's occupation fiches (ROME) and add one to your leads"),
            self.open_explorer,
        )
        yield SystemCommand(
            _("Export"), _("Write your synthesis or detailed results"), self.open_export
        )
        yield SystemCommand(
            _("Import homework"),
            _("Import a homework file from your consultant"),
            self.action_import_homework,
        )
        yield SystemCommand(
            _("My name and my consultant"),
            _("Your name on your documents, your language, your consultant"),
            self.open_welcome,
        )
        yield SystemCommand(
            _("Encrypt this workbook"),
            _("Protect the workbook and its backups with a passphrase"),
            self.offer_encryption,
        )
        yield SystemCommand(_("Help"), _("Keys and where your data lives"), self.action_help)
        yield SystemCommand(
            _("Delete this workbook"),
            _("End of the bilan: destroy the workbook and its backups"),
            self.start_wipe,
        )
        from bilan_tui.i18n import language

        yield SystemCommand(
            _("Language: français / English"),
            _("Show the interface in English; kept for this workbook")
            if language() == "fr"
            else _("Show the interface in French; kept for this workbook"),
            self.switch_language,
        )
        yield SystemCommand(_("Quit"), _("Save and quit"), self.action_quit)

    def use_session(self, session: WorkbookSession) -> None:
        """Work with ``session`` from now on (the workbook was reopened)."""
        self.session = session
        self.refresh_dashboard()
        self._watch_outside_changes(session)

    def action_help_quit(self) -> None:
        """Ctrl+c with nothing to copy: say which key quits, in the person's language."""
        quit_hint(cast("App[object]", self))

    def _go_dashboard(self) -> None:
        self.back_to_dashboard()
        self.refresh_dashboard()
