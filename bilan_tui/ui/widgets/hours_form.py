"""The ledger entry form and the delete confirmation, both modal.

The form checks every field with the domain's parsers (the same rules as
``bilan hours add``) and shows each problem on a line under its field; nothing
leaves the form until every field is valid. It returns the checked entry, or
``None`` when the person cancels or changed nothing. Correcting an automatic
entry makes it a manual one: the app then stops adding minutes to it.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from bilan_tui.domain.dates import input_date
from bilan_tui.domain.ledger import (
    KINDS,
    LedgerInputError,
    check_choice,
    parse_date,
    parse_duration,
    validate_entry,
)
from bilan_tui.domain.model import PHASE_IDS
from bilan_tui.domain.records import LedgerEntry
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import N_, _, language
from bilan_tui.services.ledger_text import (
    date_example,
    duration_text,
    input_error_text,
    kind_label,
    phase_label,
)
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.footer import SteadyFooter

FIELDS = ("date", "duration", "phase", "kind", "note")


class LedgerEntryForm(ModalScreen[LedgerEntry | None]):
    """Add or correct one ledger entry."""

    CSS_PATH = "hours_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            N_("Cancel"),
            tooltip=N_("Close without saving"),
            id="ledger-entry-form.cancel",
        ),
        Binding(
            "ctrl+s", "save", N_("Save"), tooltip=N_("Save the entry"), id="ledger-entry-form.save"
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without saving |
    | ctrl+s | Save the entry |
    """

    def __init__(
        self,
        entry: LedgerEntry | None,
        today: datetime.date,
        *,
        default_phase: str = PHASE_IDS[0],
        origin: str | None = None,
    ) -> None:
        """Prepare the form.

        Args:
            entry: The entry to correct; ``None`` for a new one, or one without
                an id to start a new entry from those values.
            today: The last day an entry may have.
            default_phase: The phase a new entry starts with.
            origin: For an automatic entry, the exercise it was counted in.
        """
        super().__init__(classes="hours-modal")
        self.entry = entry
        self.today = today
        self.default_phase = default_phase
        self.origin = origin
        self.is_new = entry is None or entry.id is None

    def compose(self) -> ComposeResult:
        entry = self.entry
        with Vertical(id="hours-form"):
            yield self._row(
                "date",
                _("Date"),
                Input(
                    input_date(entry.date if entry else self.today, language()),
                    placeholder=date_example(),
                    compact=True,
                    id="hours-date",
                ),
            )
            yield self._row(
                "duration",
                _("Duration"),
                Input(
                    duration_text(entry.minutes) if entry else "",
                    placeholder=_("1h30, 90m, 1:30"),
                    compact=True,
                    id="hours-duration",
                ),
            )
            yield self._row(
                "phase",
                _("Phase"),
                Select(
                    [(plain(phase_label(phase)), phase) for phase in PHASE_IDS],
                    value=entry.phase if entry and entry.phase in PHASE_IDS else self.default_phase,
                    allow_blank=False,
                    compact=True,
                    id="hours-phase",
                ),
            )
            yield self._row(
                "kind",
                _("Kind"),
                Select(
                    [(plain(kind_label(kind)), kind) for kind in KINDS],
                    value=entry.kind if entry else KINDS[0],
                    allow_blank=False,
                    compact=True,
                    id="hours-kind",
                ),
            )
            yield self._row(
                "note",
                _("Note"),
                Input(
                    entry.note if entry else "",
                    placeholder=_("optional"),
                    compact=True,
                    id="hours-note",
                ),
            )
            if entry is not None and entry.source == "auto":
                notice = _(
                    "Counted automatically while you worked on “{exercise}”. "
                    "Once corrected, it counts as entered by hand."
                ).format(exercise=self.origin or "?")
                yield Static(plain(notice), id="hours-origin")
            with Horizontal(id="hours-form-buttons"):
                yield Button(plain(_("Save")), variant="primary", id="hours-save")
                yield Button(plain(_("Cancel")), id="hours-cancel")
        yield SteadyFooter(show_command_palette=False)

    def _row(self, name: str, label: str, widget: Input | Select[str]) -> Vertical:
        box = Vertical(
            Horizontal(Static(plain(label), classes="hours-label"), widget, classes="hours-row"),
            Static("", id=f"hours-{name}-error", classes="hours-error"),
            classes="hours-field",
        )
        return box

    def on_mount(self) -> None:
        self.query_one("#hours-form").border_title = (
            _("Log hours") if self.is_new else _("Correct an entry")
        )
        self.query_one("#hours-duration" if self.entry is None else "#hours-date").focus()

    def values(self) -> dict[str, str]:
        """What is typed or chosen in each field, as text."""
        phase = self.query_one("#hours-phase", Select).value
        kind = self.query_one("#hours-kind", Select).value
        return {
            "date": self.query_one("#hours-date", Input).value,
            "duration": self.query_one("#hours-duration", Input).value,
            "phase": phase if isinstance(phase, str) else "",
            "kind": kind if isinstance(kind, str) else "",
            "note": self.query_one("#hours-note", Input).value,
        }

    def check(self) -> LedgerEntry | None:
        """The entry if every field is valid; otherwise show each problem under its field."""
        typed = self.values()
        problems: dict[str, LedgerInputError] = {}
        checks: dict[str, Callable[[], object]] = {
            "date": lambda: parse_date(typed["date"], self.today),
            "duration": lambda: parse_duration(typed["duration"]),
            "phase": lambda: check_choice(typed["phase"], PHASE_IDS, "phase"),
            "kind": lambda: check_choice(typed["kind"], KINDS, "kind"),
        }
        for name, run in checks.items():
            try:
                run()
            except LedgerInputError as error:
                problems[name] = error
        for name in FIELDS:
            self._show_error(name, problems.get(name))
        if problems:
            first = next(name for name in FIELDS if name in problems)
            self.query_one(f"#hours-{first}").focus()
            return None
        original = self.entry
        return validate_entry(
            day=typed["date"],
            duration=typed["duration"],
            phase=typed["phase"],
            kind=typed["kind"],
            note=clean_text(typed["note"]),
            today=self.today,
            exercise_id=original.exercise_id if original else None,
            entry_id=original.id if original else None,
        )

    def _show_error(self, name: str, error: LedgerInputError | None) -> None:
        line = self.query_one(f"#hours-{name}-error", Static)
        line.update(plain(input_error_text(error)) if error else "")
        line.set_class(error is not None, "-shown")

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        """Clear a field's error as soon as the person corrects it."""
        name = (event.input.id or "").removeprefix("hours-")
        if name in FIELDS:
            self._show_error(name, None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#hours-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#hours-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_save(self) -> None:
        """Return the entry if it is valid; stay open with the problems shown otherwise."""
        entry = self.check()
        if entry is None:
            return
        original = self.entry
        if original is not None and not self.is_new:
            unchanged = dataclasses.replace(entry, source=original.source) == original
            if unchanged:
                self.dismiss(None)
                return
        self.dismiss(entry)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
