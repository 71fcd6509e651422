"""The small input under the skills grid that adds one of the person's own skills.

It has its own Escape binding so that Escape closes the input instead of
leaving the exercise: bindings are looked up from the focused widget outwards.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain


class GridAddRow(Horizontal):
    """The small input that adds one of the person's own skills."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            N_("Cancel"),
            tooltip=N_("Close without adding"),
            id="grid-add-row.cancel",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without adding |
    """

    class Cancelled(Message):
        """The person closed the input without adding anything."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder=_("A skill in your own words"), id="grid-add-input")
        yield Static(plain(_("⏎ add  esc cancel")), classes="grid-add-hint")

    def action_cancel(self) -> None:
        """Close the input."""
        self.post_message(self.Cancelled())
