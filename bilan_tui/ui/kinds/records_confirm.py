"""Asking before a record entry is deleted, naming the entry."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bilan_tui.i18n import _
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.footer import SteadyFooter


class ConfirmDelete(ModalScreen[bool]):
    """ "Delete this entry?" — dismissed with ``True`` to delete, ``False`` to keep.

    Deleting is undoable (``u`` in the list), so Enter confirms at once; Escape
    keeps the entry.
    """

    DEFAULT_CSS = """
    ConfirmDelete {
        align: center middle;
    }
    #confirm-box {
        width: 60;
        max-width: 95%;
        height: auto;
        border: round $error;
        background: $surface;
        padding: 0 1;
    }
    #confirm-question {
        text-style: bold;
        margin: 1 0 0 0;
    }
    #confirm-hint {
        color: $text-muted;
        margin: 0 0 1 0;
    }
    #confirm-buttons {
        height: auto;
        align-horizontal: right;
    }
    #confirm-buttons Button {
        margin: 0 0 0 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "y,o", "answer(True)", _("Delete"), tooltip=_("Delete the entry"), key_display=_("y")
        ),
        Binding("escape,n", "answer(False)", _("Keep"), tooltip=_("Keep the entry")),
        Binding("left", "app.focus_previous", _("Previous button"), show=False),
        Binding("right", "app.focus_next", _("Next button"), show=False),
    ]

    def __init__(self, entry_name: str | None) -> None:
        super().__init__()
        self.entry_name = entry_name

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            if self.entry_name is None:
                question = _("Delete this empty entry?")
            else:
                question = _("Delete “{entry}”?").format(entry=self.entry_name)
            yield Static(plain(question), id="confirm-question")
            yield Static(plain(_("You can undo it with u in the list.")), id="confirm-hint")
            with Horizontal(id="confirm-buttons"):
                yield Button(plain(_("Delete")), variant="error", id="confirm-yes", compact=True)
                yield Button(plain(_("Keep")), id="confirm-no", compact=True)
        yield SteadyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#confirm-box").border_title = _("Delete")
        self.query_one("#confirm-yes", Button).focus()

    def action_answer(self, delete: bool) -> None:
        """Close with the person's answer."""
        self.dismiss(delete)

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)
