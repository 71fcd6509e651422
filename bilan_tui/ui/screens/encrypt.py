"""Choosing a passphrase to encrypt the workbook, from the interface.

One honest sentence on the risk (a forgotten passphrase cannot be recovered
by anyone), the passphrase typed twice and never shown. Closes with the
passphrase, or None when she decides not to.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.footer import SteadyFooter

MIN_LENGTH = 8
"""As on the command line (``cli.unlock.MIN_LENGTH``)."""


class EncryptScreen(ModalScreen[str | None]):
    """Ask for a new passphrase, twice."""

    DEFAULT_CSS: ClassVar[str] = """
    EncryptScreen {
        align: center middle;
    }
    EncryptScreen #encrypt-box {
        width: 70;
        max-width: 95%;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 1 2;
    }
    EncryptScreen #encrypt-title {
        text-style: bold;
        margin: 0 0 1 0;
    }
    EncryptScreen #encrypt-message {
        color: $error;
        height: auto;
    }
    EncryptScreen #encrypt-buttons {
        height: auto;
        margin: 1 0 0 0;
    }
    EncryptScreen #encrypt-buttons Button {
        margin: 0 2 0 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            N_("Cancel"),
            tooltip=N_("Keep the workbook as it is"),
            id="encrypt.cancel",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Keep the workbook as it is |
    """

    def __init__(self) -> None:
        super().__init__(id="encrypt")

    def compose(self) -> ComposeResult:
        with Vertical(id="encrypt-box"):
            yield Static(plain(_("Encrypt this workbook")), id="encrypt-title")
            yield Static(
                plain(
                    _(
                        "The workbook and its backups will be readable only with this "
                        "passphrase. If you forget it, nobody can recover your workbook, "
                        "not even your consultant or us."
                    )
                ),
                id="encrypt-text",
            )
            yield Input(password=True, placeholder=_("Passphrase"), id="encrypt-first")
            yield Input(
                password=True, placeholder=_("The same passphrase again"), id="encrypt-second"
            )
            yield Static("", id="encrypt-message")
            with Horizontal(id="encrypt-buttons"):
                yield Button(plain(_("Encrypt")), variant="primary", id="encrypt-ok")
                yield Button(plain(_("Cancel")), id="encrypt-cancel")
        yield SteadyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#encrypt-first", Input).focus()

    @on(Input.Submitted, "#encrypt-first")
    def _next(self) -> None:
        self.query_one("#encrypt-second", Input).focus()

    @on(Input.Submitted, "#encrypt-second")
    @on(Button.Pressed, "#encrypt-ok")
    def _submit(self) -> None:
        first = self.query_one("#encrypt-first", Input)
        second = self.query_one("#encrypt-second", Input)
        message = self.query_one("#encrypt-message", Static)
        if len(first.value) < MIN_LENGTH:
            message.update(
                plain(_("A passphrase needs at least {count} characters.").format(count=MIN_LENGTH))
            )
            first.focus()
            return
        if first.value != second.value:
            message.update(plain(_("The two passphrases differ.")))
            second.value = ""
            second.focus()
            return
        self.dismiss(first.value)

    @on(Button.Pressed, "#encrypt-cancel")
    def action_cancel(self) -> None:
        """Keep the workbook as it is."""
        self.dismiss(None)
