"""One yes-or-no dialog for the whole interface ("Delete this entry?").

It only answers: it is dismissed with ``True`` (yes) or ``False`` (no) and the
screen that asked does the work, as frogmouth's ``YesNoDialog``. The records
list and the hours ledger both ask with it, so deleting looks and answers the
same everywhere: ``y`` (or ``o``, French *oui*) says yes, ``n`` or Escape says
no, and the focused button is the safe choice unless the action can be undone.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.footer import SteadyFooter


class Confirm(ModalScreen[bool]):
    """A question, what it is about, and two buttons; dismissed with the answer."""

    CSS_PATH = "confirm.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "y,o",
            "answer(True)",
            N_("Delete"),
            tooltip=N_("Delete the entry"),
            key_display=N_("y"),
            id="confirm.answer-true",
        ),
        Binding(
            "escape,n",
            "answer(False)",
            N_("Keep"),
            tooltip=N_("Keep the entry"),
            id="confirm.answer-false",
        ),
        Binding(
            "left",
            "app.focus_previous",
            N_("Previous button"),
            show=False,
            id="confirm.focus-previous",
        ),
        Binding("right", "app.focus_next", N_("Next button"), show=False, id="confirm.focus-next"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | y,o | Delete the entry |
    | escape,n | Keep the entry |
    | left | Previous button |
    | right | Next button |
    """

    def __init__(
        self,
        question: str,
        detail: str = "",
        *,
        title: str = "",
        yes: str = "",
        no: str = "",
        focus_yes: bool = False,
    ) -> None:
        """Prepare the dialog (plain text everywhere: it may quote her words).

        Args:
            question: What is asked, shown in bold.
            detail: What it is about, or what follows (one or more lines).
            title: The box's title (none by default).
            yes: The first button (default "Delete").
            no: The second button (default "Keep").
            focus_yes: Focus the first button: Enter then says yes at once
                (only when it can be undone); otherwise the second is focused.
        """
        super().__init__()
        self.question = question
        self.detail = detail
        self.box_title = title
        self.yes = yes or _("Delete")
        self.no = no or _("Keep")
        self.focus_yes = focus_yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(plain(self.question), id="confirm-question")
            if self.detail:
                yield Static(plain(self.detail), id="confirm-detail")
            with Horizontal(id="confirm-buttons"):
                yield Button(plain(self.yes), variant="error", id="confirm-yes", compact=True)
                yield Button(plain(self.no), id="confirm-no", compact=True)
        yield SteadyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        if self.box_title:
            self.query_one("#confirm-box").border_title = self.box_title
        self.query_one("#confirm-yes" if self.focus_yes else "#confirm-no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        """Close with the person's answer."""
        self.dismiss(yes)

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)
