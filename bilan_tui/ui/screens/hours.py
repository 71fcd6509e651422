"""The hours screen: every ledger entry, the totals, and a chart per week.

Entries are listed newest first; ``a`` adds one, Enter corrects the one under
the cursor (automatic ones included), ``d`` deletes it after a confirmation.
Sessions planned with the consultant come first, apart from the totals
(they count once held); ``s`` plans one, ``j`` opens the journal page of the
session under the cursor: its preparation, and once held its debrief.
Every change is written at once and the totals and chart are redrawn from the
workbook, so what is shown is what ``bilan hours`` prints.
"""

from __future__ import annotations

import datetime
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from bilan_tui.domain.dates import short_date
from bilan_tui.domain.journal import SessionNote
from bilan_tui.domain.model import PHASE_IDS
from bilan_tui.domain.records import LedgerEntry
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import N_, _, language
from bilan_tui.services.ledger_text import (
    budget_line,
    duration_text,
    kind_label,
    phase_label,
    source_label,
    warning_text,
)
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.screens.confirm import Confirm
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.footer import SteadyFooter
from bilan_tui.ui.widgets.hours_chart import WeeklyChart
from bilan_tui.ui.widgets.hours_form import LedgerEntryForm
from bilan_tui.ui.widgets.journal_form import JournalForm, JournalOutcome
from bilan_tui.ui.widgets.linear_table import LinearTable

PLAN_KEY = "plan-"
"""Row keys of planned sessions start with this; ledger rows are their entry's id."""


def _cell(text: str) -> Text:
    """A table cell shown literally (DataTable would read a plain str as markup)."""
    return Text(" ".join(clean_text(text).split()), no_wrap=True, end="")


MIN_NOTE_WIDTH = 8
"""The note column is never narrower than this, even on a very narrow screen."""


def shortened(text: str, width: int) -> str:
    """``text`` in ``width`` cells at most: cut after a whole word, with "…" when cut."""
    text = " ".join(clean_text(text).split())
    if cell_len(text) <= width:
        return text
    cut = Text(text)
    cut.truncate(max(width - 1, 1))
    head = cut.plain
    if " " in head and head.rfind(" ") >= len(head) * 2 // 3:
        head = head[: head.rfind(" ")]
    return head.rstrip(" ,;:-") + "…"


class HoursScreen(Screen[None]):
    """The ledger: list, add, correct, delete, and the weekly chart."""

    CSS_PATH = "hours.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "back", N_("Back"), tooltip=N_("Go back to the dashboard"), id="hours.back"
        ),
        Binding("a", "add", N_("Add"), tooltip=N_("Log hours"), id="hours.add"),
        Binding(
            "enter",
            "edit",
            N_("Correct"),
            tooltip=N_("Correct the selected entry"),
            priority=True,
            id="hours.edit",
        ),
        Binding(
            "d", "delete", N_("Delete"), tooltip=N_("Delete the selected entry"), id="hours.delete"
        ),
        Binding(
            "j",
            "journal",
            N_("Journal"),
            tooltip=N_("Prepare or debrief the selected session"),
            id="hours.journal",
        ),
        Binding(
            "s",
            "plan",
            N_("Plan"),
            tooltip=N_("Plan a session with your consultant"),
            id="hours.plan",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Go back to the dashboard |
    | a | Log hours |
    | enter | Correct the selected entry |
    | d | Delete the selected entry |
    | j | Prepare or debrief the selected session |
    | s | Plan a session with your consultant |
    """

    def __init__(self, session: WorkbookSession) -> None:
        super().__init__(id="hours")
        self.session = session
        self.entries: dict[str, LedgerEntry] = {}
        self.plans: dict[str, SessionNote] = {}
        self.pages: dict[int, SessionNote] = {}
        """Journal pages of held sessions, by ledger entry id."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="hours-header"):
            yield Static(plain(_("Hours")), id="hours-title")
            yield Static("", id="hours-totals")
        yield LinearTable(id="hours-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="hours-notes")
        with Vertical(id="hours-chart-box"):
            yield Static(WeeklyChart.legend(), id="hours-legend")
            with VerticalScroll(id="hours-chart-scroll"):
                yield WeeklyChart(id="hours-chart")
        yield SteadyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, label in (
            ("date", _("Date")),
            ("duration", _("Duration")),
            ("phase", _("Phase")),
            ("kind", _("Kind")),
            ("source", _("Source")),
            ("note", _("Note")),
        ):
            table.add_column(_cell(label), key=key)
        self.query_one("#hours-chart-box").border_title = _("Per week")
        self.reload()
        table.focus()

    def reload(self, select_id: int | str | None = None) -> None:
        """Read the ledger again and redraw everything; keep the cursor on ``select_id``."""
        entries = list(reversed(self.session.ledger()))
        summary = self.session.ledger_summary()
        self.entries = {str(entry.id): entry for entry in entries}
        journal = self.session.session_notes()
        self.pages = {n.entry_id: n for n in journal if n.entry_id is not None}
        plans = sorted(
            (n for n in journal if n.planned),
            key=lambda n: (n.planned_date is None, n.planned_date or datetime.date.max, n.id or 0),
            reverse=True,
        )
        self.plans = {f"{PLAN_KEY}{note.id}": note for note in plans}
        table = self.query_one(DataTable)
        previous = table.cursor_row
        table.clear()
        for key, note in self.plans.items():
            table.add_row(
                _cell(short_date(note.planned_date, language()) if note.planned_date else "—"),
                _cell(duration_text(note.planned_minutes) if note.planned_minutes else "—"),
                _cell(""),
                _cell(_("Planned")),
                _cell(""),
                _cell(self.plan_text(note)),
                key=key,
            )
        for entry in entries:
            table.add_row(
                _cell(short_date(entry.date, language())),
                _cell(duration_text(entry.minutes)),
                _cell(phase_label(entry.phase)),
                _cell(kind_label(entry.kind)),
                _cell(source_label(entry.source)),
                _cell(self.note_of(entry)),
                key=str(entry.id),
            )
        rows = len(self.plans) + len(entries)
        if select_id is not None and str(select_id) in self.entries | self.plans:
            table.move_cursor(row=table.get_row_index(str(select_id)))
        elif rows:
            table.move_cursor(row=min(previous, rows - 1))
        totals = budget_line(summary) + "  ·  "
        totals += _("Personal work {total}").format(total=duration_text(summary.personnel_minutes))
        self.query_one("#hours-totals", Static).update(plain(totals))
        notes = [
            Content.styled("⚠ " + warning_text(warning), "$text-warning")
            for warning in summary.warnings
        ]
        if not entries and not self.plans:
            hint = _("No hours yet. Press a to log a session with your consultant.")
            notes.insert(0, Content.styled(hint, "$text-muted"))
        box = self.query_one("#hours-notes", Static)
        box.update(Content("\n").join(notes))
        box.display = bool(notes)
        self.query_one(WeeklyChart).show(summary.by_week)
        self.query_one("#hours-chart-scroll", VerticalScroll).anchor()  # latest weeks in view
        self.call_after_refresh(self._fit_notes)

    def on_resize(self) -> None:
        """A narrower or wider screen: the notes are shortened again."""
        self.call_after_refresh(self._fit_notes)

    def _fit_notes(self) -> None:
        """End the note column at the screen's edge: a long note ends with "…".

        The table would otherwise run off the screen and cut the note mid-word;
        Enter opens the entry with its whole note.
        """
        table = self.query_one(DataTable)
        if "note" not in {key.value for key in table.columns}:
            return
        others = sum(
            column.get_render_width(table)
            for key, column in table.columns.items()
            if key.value != "note"
        )
        scrollbar = table.styles.scrollbar_size_vertical if table.show_vertical_scrollbar else 0
        room = table.size.width - scrollbar - others - 2 * table.cell_padding
        room = max(room, MIN_NOTE_WIDTH)
        for key, entry in self.entries.items():
            note = _cell(shortened(self.note_of(entry), room))
            table.update_cell(key, "note", note, update_width=True)
        for key, plan in self.plans.items():
            table.update_cell(key, "note", _cell(shortened(self.plan_text(plan), room)))

    def note_of(self, entry: LedgerEntry) -> str:
        """The note, or for an automatic entry without one, the exercise it was counted in.

        A session with a journal page starts with "✎".
        """
        mark = "✎ " if entry.id in self.pages and not self.pages[entry.id].empty else ""
        if entry.note or not entry.exercise_id:
            return mark + entry.note
        exercise = self.session.pack.exercise(entry.exercise_id)
        return mark + (exercise.title if exercise else entry.exercise_id)

    @staticmethod
    def plan_text(note: SessionNote) -> str:
        """What a planned session's row says: the first thing she wants to raise."""
        first = next((line for line in note.prepare.splitlines() if line.strip()), "")
        return "✎ " + first if first else ""

    def selected_key(self) -> str | None:
        """The key of the row under the cursor, if any."""
        table = self.query_one(DataTable)
        if not (self.entries or self.plans) or table.cursor_row < 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def selected(self) -> LedgerEntry | None:
        """The ledger entry under the cursor, if any (``None`` on a planned session)."""
        key = self.selected_key()
        return self.entries.get(key) if key is not None else None

    def selected_plan(self) -> SessionNote | None:
        """The planned session under the cursor, if any."""
        key = self.selected_key()
        return self.plans.get(key) if key is not None else None

    # Actions ---------------------------------------------------------------

    def action_back(self) -> None:
        """Return to the dashboard."""
        self.dismiss(None)

    def action_add(self, draft: LedgerEntry | None = None) -> None:
        """Open an empty form (or one holding ``draft``, after a failed write)."""
        ledger = self.session.ledger()
        phase = ledger[-1].phase if ledger and ledger[-1].phase in PHASE_IDS else PHASE_IDS[0]
        form = LedgerEntryForm(draft, self.session.today(), default_phase=phase)
        self.app.push_screen(form, self._saved)

    @on(DataTable.RowSelected)
    def _row_clicked(self, event: DataTable.RowSelected) -> None:
        """A click on the highlighted row opens it, like Enter."""
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        """Correct the entry under the cursor; on a planned session, open its page."""
        if self.selected_plan() is not None:
            self.action_journal()
            return
        entry = self.selected()
        if entry is None:
            return
        origin = self.note_of(entry) if entry.source == "auto" else None
        form = LedgerEntryForm(entry, self.session.today(), origin=origin)
        self.app.push_screen(form, self._saved)

    def _saved(self, entry: LedgerEntry | None) -> None:
        """Write what the form returned; on failure, say why and give the form back."""
        if entry is None:
            return
        try:
            # An entry deleted meanwhile (by ``bilan hours`` elsewhere) is added back.
            if entry.id is None or not self.session.update_ledger_entry(entry):
                entry = self.session.add_ledger_entry(entry)
        except Exception as error:  # noqa: BLE001 - the person gets a message, not a traceback
            self.notify(self.session.describe_error(error), severity="error")
            self.app.push_screen(LedgerEntryForm(entry, self.session.today()), self._saved)
            return
        self.reload(select_id=entry.id)
        self.notify(_("Saved."), timeout=2)

    def action_delete(self) -> None:
        """Ask, then delete the entry under the cursor (or give up a planned session)."""
        plan = self.selected_plan()
        if plan is not None:
            self._give_up(plan)
            return
        entry = self.selected()
        if entry is None or entry.id is None:
            return
        entry_id = entry.id
        description = "  ".join(
            [
                short_date(entry.date, language()),
                duration_text(entry.minutes),
                phase_label(entry.phase),
                kind_label(entry.kind),
                clean_text(self.note_of(entry)),
            ]
        ).strip()

        def answered(delete: bool | None) -> None:
            if not delete:
                return
            try:
                self.session.delete_ledger_entry(entry_id)
            except Exception as error:  # noqa: BLE001 - the person gets a message
                self.notify(self.session.describe_error(error), severity="error")
                return
            self.reload()
            self.notify(_("Entry deleted."), timeout=2)

        self.app.push_screen(Confirm(_("Delete this entry?"), description), answered)

    # Journal ---------------------------------------------------------------

    def action_plan(self) -> None:
        """Plan a new session: its day, maybe its length, what to raise."""
        self.app.push_screen(JournalForm(SessionNote()), self._journal_closed)

    def action_journal(self) -> None:
        """Open the journal page of the session under the cursor."""
        plan = self.selected_plan()
        if plan is not None:
            self.app.push_screen(JournalForm(plan), self._journal_closed)
            return
        entry = self.selected()
        if entry is None or entry.id is None:
            self.notify(_("Press s to plan a session with your consultant."), timeout=4)
            return
        if entry.kind != "accompagnement":
            self.notify(
                _("The journal is for sessions with your consultant, not personal work."),
                timeout=4,
            )
            return
        page = self.pages.get(entry.id) or SessionNote(entry_id=entry.id)
        self.app.push_screen(JournalForm(page, entry), self._journal_closed)

    def _journal_closed(self, outcome: JournalOutcome | None) -> None:
        """Store what the journal form gave back, or go on to log a held session."""
        if outcome is None:
            return
        if outcome.delete:
            self._give_up(outcome.note)
            return
        try:
            note = self.session.save_session_note(outcome.note)
        except Exception as error:  # noqa: BLE001 - the person gets a message
            self.notify(self.session.describe_error(error), severity="error")
            return
        if outcome.held:
            self._log_held(note)
            return
        self.reload(select_id=None if note.id is None else self._key_of(note))
        self.notify(_("Saved."), timeout=2)

    def _key_of(self, note: SessionNote) -> int | str:
        return note.entry_id if note.entry_id is not None else f"{PLAN_KEY}{note.id}"

    def _log_held(self, note: SessionNote) -> None:
        """The ledger form, filled from the plan; once saved, the session counts."""
        ledger = self.session.ledger()
        phase = ledger[-1].phase if ledger and ledger[-1].phase in PHASE_IDS else PHASE_IDS[0]
        today = self.session.today()
        day = note.planned_date if note.planned_date and note.planned_date <= today else today
        draft = LedgerEntry(day, note.planned_minutes or 60, phase, "accompagnement")

        def logged(entry: LedgerEntry | None) -> None:
            if entry is None:
                self.reload()
                return
            try:
                page = self.session.hold_session(note, entry)
            except Exception as error:  # noqa: BLE001 - the person gets a message
                self.notify(self.session.describe_error(error), severity="error")
                return
            self.reload(select_id=page.entry_id)
            self.notify(_("Session logged. Press j to write what you keep from it."), timeout=4)

        self.app.push_screen(LedgerEntryForm(draft, today), logged)

    def _give_up(self, plan: SessionNote) -> None:
        """Ask, then remove a planned session and what was prepared for it."""
        if plan.id is None:
            return
        plan_id = plan.id
        day = short_date(plan.planned_date, language()) if plan.planned_date else ""
        description = "  ".join(filter(None, [day, _("Planned"), self.plan_text(plan)]))

        def answered(delete: bool | None) -> None:
            if not delete:
                return
            try:
                self.session.delete_session_note(plan_id)
            except Exception as error:  # noqa: BLE001 - the person gets a message
                self.notify(self.session.describe_error(error), severity="error")
                return
            self.reload()
            self.notify(_("Planned session removed."), timeout=2)

        self.app.push_screen(Confirm(_("Delete this entry?"), description), answered)
