"""The journal page of one session with the consultant, as a modal form.

A planned session has a day, maybe a duration, and what she wants to raise;
"Held" then turns it into a line of the hours ledger (through the ledger
form, so its hours are checked like any other). A held session adds what she
keeps and what she will do by the next time, one thing a line. The form
returns a :class:`JournalOutcome`, or ``None`` when she cancels.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static, TextArea

from bilan_tui.domain.dates import DateInputError, input_date, read_date, short_date
from bilan_tui.domain.journal import SessionNote, tidy, todo_from_text, todo_text
from bilan_tui.domain.ledger import LedgerInputError, parse_duration
from bilan_tui.domain.records import LedgerEntry
from bilan_tui.i18n import N_, _, language
from bilan_tui.services.ledger_text import (
    date_error_text,
    date_example,
    duration_text,
    input_error_text,
    phase_label,
)
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.footer import SteadyFooter


@dataclass(frozen=True, slots=True)
class JournalOutcome:
    """What the form gives back.

    Attributes:
        note: The page as she left it (not stored yet).
        held: She pressed "Held": the session took place, log its hours.
        delete: She gave up this planned session.
    """

    note: SessionNote
    held: bool = False
    delete: bool = False


def _area(text: str, id: str) -> TextArea:
    """A text box for her own words: wrapped, Tab moves on (it never types a tab)."""
    return TextArea(text, soft_wrap=True, tab_behavior="focus", compact=True, id=id)


class JournalForm(ModalScreen[JournalOutcome | None]):
    """Prepare, or debrief, one session."""

    CSS_PATH = "journal_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            N_("Cancel"),
            tooltip=N_("Close without saving"),
            id="journal-form.cancel",
        ),
        Binding(
            "ctrl+s",
            "save",
            N_("Save"),
            tooltip=N_("Save the journal page"),
            id="journal-form.save",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without saving |
    | ctrl+s | Save the journal page |
    """

    def __init__(self, note: SessionNote, entry: LedgerEntry | None = None) -> None:
        """Prepare the form.

        Args:
            note: The page to show (a new one has no id).
            entry: The ledger line of a held session; ``None`` for a planned one.
        """
        super().__init__(classes="journal-modal")
        self.note = note
        self.entry = entry

    @property
    def planned(self) -> bool:
        """The session has not taken place yet."""
        return self.entry is None

    def compose(self) -> ComposeResult:
        note = self.note
        with Vertical(id="journal-form"):
            with VerticalScroll(id="journal-body"):
                if self.entry is not None:
                    when = "  ·  ".join(
                        (
                            short_date(self.entry.date, language()),
                            duration_text(self.entry.minutes),
                            phase_label(self.entry.phase),
                        )
                    )
                    yield Static(plain(when), id="journal-when")
                else:
                    yield self._row(
                        "date",
                        _("Date"),
                        Input(
                            input_date(note.planned_date, language()) if note.planned_date else "",
                            placeholder=date_example(),
                            compact=True,
                            id="journal-date",
                        ),
                    )
                    yield self._row(
                        "duration",
                        _("Duration"),
                        Input(
                            duration_text(note.planned_minutes) if note.planned_minutes else "",
                            placeholder=_("optional, e.g. 1h30"),
                            compact=True,
                            id="journal-duration",
                        ),
                    )
                yield Static(plain(_("What I want to raise")), classes="journal-label")
                yield _area(note.prepare, "journal-prepare")
                if not self.planned:
                    yield Static(plain(_("What I keep from it")), classes="journal-label")
                    yield _area(note.retain, "journal-retain")
                    yield Static(
                        plain(_("What I do by next time (one thing a line)")),
                        classes="journal-label",
                    )
                    yield _area(todo_text(note.todo), "journal-todo")
            with Horizontal(id="journal-buttons"):
                yield Button(plain(_("Save")), variant="primary", compact=True, id="journal-save")
                if self.planned:
                    yield Button(plain(_("Held")), compact=True, id="journal-held")
                    if note.id is not None:
                        yield Button(
                            plain(_("Give up")), variant="error", compact=True, id="journal-drop"
                        )
                yield Button(plain(_("Cancel")), compact=True, id="journal-cancel")
        yield SteadyFooter(show_command_palette=False)

    def _row(self, name: str, label: str, widget: Input) -> Vertical:
        return Vertical(
            Horizontal(
                Static(plain(label), classes="journal-row-label"), widget, classes="journal-row"
            ),
            Static("", id=f"journal-{name}-error", classes="journal-error"),
            classes="journal-field",
        )

    def on_mount(self) -> None:
        if self.planned:
            title = _("Prepare a session") if self.note.id is None else _("Planned session")
        else:
            title = _("Session journal")
        self.query_one("#journal-form").border_title = title
        first = "#journal-date" if self.planned and self.note.id is None else "#journal-prepare"
        if not self.planned and (self.note.prepare or self.note.retain):
            first = "#journal-retain"
        self.query_one(first).focus()

    def _text(self, name: str) -> str:
        found = self.query(f"#journal-{name}")
        return found.only_one(TextArea).text if found else ""

    def _show_error(self, name: str, message: str) -> None:
        line = self.query_one(f"#journal-{name}-error", Static)
        line.update(plain(message))
        line.set_class(bool(message), "-shown")

    def check(self) -> SessionNote | None:
        """The page if its day and duration read; otherwise say why under each field."""
        note = dataclasses.replace(
            self.note,
            prepare=tidy(self._text("prepare")),
            retain=tidy(self._text("retain")) if not self.planned else self.note.retain,
            todo=todo_from_text(self._text("todo"), self.note.todo)
            if not self.planned
            else self.note.todo,
        )
        if not self.planned:
            return note
        day: datetime.date | None = None
        minutes: int | None = None
        typed_day = self.query_one("#journal-date", Input).value.strip()
        typed_minutes = self.query_one("#journal-duration", Input).value.strip()
        problems = False
        try:
            day = read_date(typed_day)
            self._show_error("date", "")
        except DateInputError as error:
            self._show_error("date", date_error_text(error.code, typed_day))
            problems = True
        if typed_minutes:
            try:
                minutes = parse_duration(typed_minutes)
                self._show_error("duration", "")
            except LedgerInputError as error:
                self._show_error("duration", input_error_text(error))
                problems = True
        else:
            self._show_error("duration", "")
        if problems:
            return None
        return dataclasses.replace(note, planned_date=day, planned_minutes=minutes)

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        """A corrected field loses its error."""
        name = (event.input.id or "").removeprefix("journal-")
        self._show_error(name, "")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#journal-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#journal-held")
    def _held_pressed(self) -> None:
        note = self.check()
        if note is not None:
            self.dismiss(JournalOutcome(note, held=True))

    @on(Button.Pressed, "#journal-drop")
    def _drop_pressed(self) -> None:
        self.dismiss(JournalOutcome(self.note, delete=True))

    @on(Button.Pressed, "#journal-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_save(self) -> None:
        """Give the page back if it reads; stay open with the problems shown otherwise."""
        note = self.check()
        if note is not None:
            self.dismiss(JournalOutcome(note))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
