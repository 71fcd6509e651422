"""The fields of one record entry, edited in place of the list.

The editor only shows inputs; the records body owns the answers and turns
each ``FieldEditor.Changed`` into a stored value. Its buttons exist for the
mouse (the keyboard has Escape and the list's keys), so they take no focus
and never get in the way of Tab between fields.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from bilan_tui.domain.answers import JSONValue
from bilan_tui.domain.model import Exercise
from bilan_tui.i18n import _
from bilan_tui.ui.text import plain

from .base import field_editor


def mouse_button(label: str, button_id: str, variant: ButtonVariant = "default") -> Button:
    """A compact button that the mouse can press and the focus skips."""
    button = Button(plain(label), id=button_id, compact=True, variant=variant)
    button.can_focus = False
    return button


class RecordEditor(Vertical):
    """One entry: a title with its place in the list, then every field."""

    DEFAULT_CLASSES = "record-editor"
    DEFAULT_CSS = """
    RecordEditor {
        height: auto;
    }
    RecordEditor .record-editor-bar {
        height: 1;
        margin: 0 0 1 0;
    }
    RecordEditor .record-editor-title {
        width: 1fr;
        min-width: 14;
        text-style: bold;
        color: $text-accent;
    }
    """

    def __init__(
        self,
        exercise: Exercise,
        entry_id: str,
        values: dict[str, JSONValue],
        index: int,
        count: int,
    ) -> None:
        super().__init__()
        self.exercise = exercise
        self.entry_id = entry_id
        self.values = values
        self.index = index
        self.count = count
        self._last_focus: Widget | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="record-editor-bar"):
            yield Static(plain(self._title()), classes="record-editor-title")
            yield mouse_button("← " + _("List"), "record-back")
            yield mouse_button("↑ " + _("Up"), "record-up")
            yield mouse_button("↓ " + _("Down"), "record-down")
            yield mouse_button(_("Delete"), "record-delete", "error")
        for field in self.exercise.fields:
            yield field_editor(field, self.values.get(field.id))

    def _title(self) -> str:
        return _("Entry {index} of {count}").format(index=self.index + 1, count=self.count)

    def show_position(self, index: int, count: int) -> None:
        """Update the "Entry 2 of 3" title after a move."""
        self.index, self.count = index, count
        self.query_one(".record-editor-title", Static).update(plain(self._title()))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._last_focus = event.widget

    def restore_focus(self) -> None:
        """Back to the field the person was in (a mouse click moved the focus away)."""
        if self._last_focus is not None and self._last_focus.is_attached:
            self.screen.set_focus(self._last_focus)
        else:
            self.focus_first()

    def focus_first(self) -> None:
        """Put the cursor in the first field, as when an exercise opens."""
        for widget in self.query("FieldEditor *"):
            if widget.focusable:
                self.screen.set_focus(widget)
                return
