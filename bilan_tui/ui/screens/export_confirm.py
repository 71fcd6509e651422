"""The confirmation before an export leaves the person's hands (L6313-4).

It says who will receive the file and what it holds; nothing is written and
no consent is recorded unless the person agrees. Cancel has the focus. The
text scrolls when the list of what the file holds is longer than the
terminal, so the buttons stay in view.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.file_name import FileNameText
from bilan_tui.ui.widgets.footer import SteadyFooter


class ConfirmShare(ModalScreen[bool]):
    """Who receives the file and what it holds; the person agrees or not."""

    DEFAULT_CSS: ClassVar[str] = """
    ConfirmShare {
        align: center middle;
    }
    ConfirmShare #confirm-share-box {
        width: 70;
        max-width: 95%;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 1 2;
    }
    ConfirmShare #confirm-share-scroll {
        height: auto;
        max-height: 50vh;
    }
    ConfirmShare #confirm-share-title {
        text-style: bold;
        margin: 0 0 1 0;
    }
    ConfirmShare #confirm-share-buttons {
        height: auto;
        margin: 1 0 0 0;
    }
    ConfirmShare #confirm-share-buttons Button {
        margin: 0 2 0 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,n",
            "answer(False)",
            N_("Cancel"),
            tooltip=N_("Do not write the file"),
            id="confirm-share.answer-false",
        ),
        Binding(
            "y,o",
            "answer(True)",
            N_("I agree"),
            tooltip=N_("Write the file and record it"),
            key_display=N_("y"),
            id="confirm-share.answer-true",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape,n | Do not write the file |
    | y,o | Write the file and record it |
    """

    def __init__(
        self, lines: list[str], *, title: str = "", agree: str = "", id: str = "confirm-share"
    ) -> None:
        """Ask about ``lines``; ``title`` and ``agree`` word a second question.

        Args:
            lines: What is about to be shared, or why it needs a second agreement.
            title: The question (default: "Share your results?").
            agree: The agreeing button's label (default: "I agree").
            id: The screen's id; a second question shows while the first is closing.
        """
        super().__init__(id=id)
        self.lines = lines
        self.title_text = title or _("Share your results?")
        self.agree_text = agree or _("I agree")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-share-box"):
            yield Static(plain(self.title_text), id="confirm-share-title")
            with VerticalScroll(id="confirm-share-scroll"):
                # The file's path among the lines breaks between its parts, never mid-word.
                yield Static(FileNameText("\n".join(self.lines)), id="confirm-share-text")
            with Horizontal(id="confirm-share-buttons"):
                yield Button(plain(self.agree_text), variant="primary", id="agree")
                yield Button(plain(_("Cancel")), id="cancel")
        yield SteadyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "agree")

    def action_answer(self, agreed: bool) -> None:
        """Close with the person's answer."""
        self.dismiss(agreed)
