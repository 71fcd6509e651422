"""The dashboard: the three phases, each exercise's state, the next step.

The first frame holds what the pack alone can show: the header, the phases
and the exercise titles (as a ``PhaseOutline``). The real list, the next-step
box, the hours and homework panels and the key bar replace or join it on the
next refresh, with the modules they need (the
ledger's arithmetic among them), so that the titles appear as soon as the
pack is read (DESIGN §12).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static

from bilan_tui.domain.model import Pack
from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.footer import SteadyFooter
from bilan_tui.ui.widgets.phase_list import PhaseList, PhaseOutline

if TYPE_CHECKING:
    from bilan_tui.services.dashboard_data import DashboardData
    from bilan_tui.ui.widgets.homework_panel import HomeworkPanel
    from bilan_tui.ui.widgets.hours_panel import HoursPanel
    from bilan_tui.ui.widgets.journal_panel import JournalPanel


class DashboardScreen(Screen[None]):
    """The home screen. Drawn from the pack first, filled from the workbook next."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open_highlighted",
            N_("Open"),
            tooltip=N_("Open the exercise"),
            id="dashboard.open-highlighted",
        ),
        Binding(
            "n",
            "open_next",
            N_("Next"),
            tooltip=N_("Open the suggested exercise"),
            id="dashboard.open-next",
        ),
        Binding(
            "p",
            "open_profile",
            N_("Profile"),
            tooltip=N_("Your results as pictures"),
            id="dashboard.open-profile",
        ),
        Binding(
            "h",
            "open_hours",
            N_("Hours"),
            tooltip=N_("See and log your hours"),
            id="dashboard.open-hours",
        ),
        Binding(
            "e",
            "open_export",
            N_("Export"),
            tooltip=N_("Write your synthesis or results"),
            id="dashboard.open-export",
        ),
        Binding(
            "m",
            "open_explorer",
            N_("Jobs"),
            tooltip=N_("Explore occupations (ROME)"),
            id="dashboard.open-explorer",
        ),
        Binding(
            "i",
            "import_homework",
            N_("Import homework"),
            tooltip=N_("Import a homework file from your consultant"),
            show=False,
            id="dashboard.import-homework",
        ),
        Binding(
            "ctrl+p",
            "app.command_palette",
            N_("Commands"),
            tooltip=N_("Find an exercise or a command"),
            id="dashboard.command-palette",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Open the exercise |
    | n | Open the suggested exercise |
    | p | Your results as pictures |
    | h | See and log your hours |
    | e | Write your synthesis or results |
    | m | Explore occupations (ROME) |
    | i | Import a homework file from your consultant |
    | ctrl+p | Find an exercise or a command |
    """

    class OpenExercise(Message):
        """The person asked to open an exercise."""

        def __init__(self, exercise_id: str) -> None:
            super().__init__()
            self.exercise_id = exercise_id

    class OpenProfile(Message):
        """The person asked for their profile."""

    class OpenHours(Message):
        """The person asked for the hours ledger."""

    class OpenExport(Message):
        """The person asked to export their synthesis or results."""

    class OpenExplorer(Message):
        """The person asked to explore occupations."""

    class ImportHomework(Message):
        """The person asked to import a homework file."""

    def __init__(self, pack: Pack) -> None:
        super().__init__(id="dashboard")
        self.pack = pack
        self.data: DashboardData | None = None
        self._panels: tuple[HomeworkPanel, HoursPanel] | None = None
        self._journal: JournalPanel | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="dashboard-header"):
            yield Static(plain(_("Skills assessment")), id="workbook-title")
        with Horizontal(id="dashboard-body"):
            outline = PhaseOutline(self.pack, id="phases-outline")
            outline.border_title = _("Your path")
            yield outline
            yield Vertical(id="dashboard-side")

    def on_mount(self) -> None:
        self.call_after_refresh(self._complete)

    def _phases(self) -> PhaseList:
        """The phase list, there from the second frame (see the module's docstring)."""
        self._complete()
        return self.query_one(PhaseList)

    def _complete(self) -> None:
        """After the first frame: the real phase list, the panels, the key bar (idempotent)."""
        if self._panels is not None:
            return

        from bilan_tui.ui.widgets.homework_panel import HomeworkPanel
        from bilan_tui.ui.widgets.hours_panel import HoursPanel
        from bilan_tui.ui.widgets.journal_panel import JournalPanel

        outline = self.query_one(PhaseOutline)
        phases = PhaseList(self.pack, id="phases")
        phases.border_title = _("Your path")
        self.query_one("#dashboard-body", Horizontal).mount(phases, before=outline)
        outline.remove()
        phases.focus()
        next_step = Static(plain(_("Opening your workbook…")), id="next-step", classes="panel")
        next_step.border_title = _("Next step")
        self._panels = (
            HomeworkPanel(id="homework-panel", classes="panel"),
            HoursPanel(id="hours-panel", classes="panel"),
        )
        self._journal = JournalPanel(id="journal-panel", classes="panel")
        self.query_one("#dashboard-side", Vertical).mount_all(
            (self._journal, next_step, *self._panels)
        )
        self.query_one("#dashboard-header", Horizontal).mount(Static("", id="header-hours"))
        self.mount(SteadyFooter(show_command_palette=False))
        self.call_after_refresh(self.refresh_bindings)  # the key bar listens from now on

    def show(self, data: DashboardData) -> None:
        """Fill the screen with the workbook's data."""
        self.data = data
        phases = self._phases()
        phases.show_statuses(data.statuses, data.next_exercise)
        self.query_one("#workbook-title", Static).update(
            plain(_("Skills assessment") + " — " + data.display_name)
        )
        assert self._panels is not None
        homework, hours = self._panels
        homework.show(data.homework or ())
        if self._journal is not None and data.journal is not None:
            self._journal.show(data.journal, data.follow_up)
        if data.hours is not None:
            from bilan_tui.services.ledger_text import budget_line

            hours.show(data.hours)
            self.query_one("#header-hours", Static).update(plain(budget_line(data.hours)))
        next_step = self.query_one("#next-step", Static)
        exercise = self.pack.exercise(data.next_exercise) if data.next_exercise else None
        if exercise is None:
            next_step.update(plain(_("Every exercise is done. Well done.")))
        else:
            lines = [exercise.title]
            if exercise.summary:
                lines.append(exercise.summary)
            if exercise.minutes:
                lines.append(_("~{minutes} min").format(minutes=exercise.minutes))
            assigned = self._homework_of(data, exercise.ref)
            if assigned:
                lines.append(assigned)
            lines.append("")
            lines.append(_("Press n to open it."))
            next_step.update(plain("\n".join(lines)))
        if phases.highlighted in (None, 0) and data.next_exercise:
            phases.highlight_exercise(data.next_exercise)

    @staticmethod
    def _homework_of(data: DashboardData, ref: str) -> str:
        """``Homework from your consultant, due …`` if ``ref`` is assigned, else ``""``."""
        from bilan_tui.ui.widgets.homework_panel import due_text

        for view in data.homework or ():
            if not view.done and any(item.ref == ref for item in view.exercises):
                return _("Homework from your consultant, {due}.").format(
                    due=due_text(view.homework.due, datetime.date.today())
                )
        return ""

    def _open(self, exercise_id: str | None) -> None:
        if exercise_id and self.pack.exercise(exercise_id):
            self.post_message(self.OpenExercise(exercise_id))

    @on(OptionList.OptionSelected, "#phases")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option.id)

    def on_homework_panel_open(self, event: HomeworkPanel.Open) -> None:
        """Enter on the homework panel: open the assigned exercise it highlights."""
        event.stop()
        self._open(event.ref)

    def action_open_highlighted(self) -> None:
        """Open the exercise under the cursor."""
        phases = self._phases()
        if phases.highlighted is not None:
            self._open(phases.get_option_at_index(phases.highlighted).id)

    def set_pack(self, pack: Pack) -> None:
        """Show another library (after a homework file installed a pack)."""
        self.pack = pack
        self._phases().set_pack(pack)

    def action_import_homework(self) -> None:
        """Ask for a homework file to import."""
        self.post_message(self.ImportHomework())

    def action_open_profile(self) -> None:
        """Open the profile screen."""
        self.post_message(self.OpenProfile())

    def action_open_hours(self) -> None:
        """Open the hours ledger."""
        self.post_message(self.OpenHours())

    def action_open_export(self) -> None:
        """Open the export screen."""
        self.post_message(self.OpenExport())

    def action_open_explorer(self) -> None:
        """Open the occupation explorer."""
        self.post_message(self.OpenExplorer())

    def action_open_next(self) -> None:
        """Open the suggested next exercise."""
        if self.data is not None:
            self._open(self.data.next_exercise)
