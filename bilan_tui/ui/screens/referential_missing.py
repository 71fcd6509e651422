"""Said where the occupation referential is needed and not imported yet (DESIGN §13).

What it is, where France Travail publishes it, the one command that imports it;
nothing is downloaded. Escape closes it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain


class ReferentialMissing(ModalScreen[None]):
    """A short page: the referential is not there, and how to bring it."""

    DEFAULT_CSS = """
    ReferentialMissing {
        align: center middle;
    }
    ReferentialMissing > VerticalScroll {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        border: round $primary;
        background: $surface;
        padding: 1 2;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,enter",
            "close",
            N_("Close"),
            tooltip=N_("Close this message"),
            id="referential-missing.close",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape,enter | Close this message |
    """

    def __init__(self, text: str) -> None:
        super().__init__(id="referential-missing")
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = _("The occupation referential")
            box.border_subtitle = _("esc to close")
            yield Static(plain(self.text), id="referential-missing-text")

    def action_close(self) -> None:
        """Close the message."""
        self.dismiss(None)
