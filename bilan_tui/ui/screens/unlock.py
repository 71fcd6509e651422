"""The passphrase of an encrypted workbook, asked before anything of it is read.

Shown over the dashboard's pack outline (no data yet). Three tries; the
passphrase is never shown and is dropped as soon as the key is unwrapped.
Unwrapping takes a few tenths of a second (argon2id), so it runs in a worker
and the screen says it is checking. Closes with True once the key is
unlocked, False after three wrong tries, None when the person leaves.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.footer import SteadyFooter

TRIES = 3


class UnlockScreen(ModalScreen[bool | None]):
    """Ask for the passphrase; unwrap the data key; remember it for this process."""

    DEFAULT_CSS: ClassVar[str] = """
    UnlockScreen {
        align: center middle;
    }
    UnlockScreen #unlock-box {
        width: 64;
        max-width: 95%;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 1 2;
    }
    UnlockScreen #unlock-title {
        text-style: bold;
        margin: 0 0 1 0;
    }
    UnlockScreen #unlock-message {
        color: $error;
        height: auto;
        margin: 1 0 0 0;
    }
    UnlockScreen #unlock-buttons {
        height: auto;
        margin: 1 0 0 0;
    }
    UnlockScreen #unlock-buttons Button {
        margin: 0 2 0 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "leave",
            N_("Quit"),
            tooltip=N_("Leave without opening the workbook"),
            id="unlock.leave",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Leave without opening the workbook |
    """

    def __init__(self, workbook: Path) -> None:
        super().__init__(id="unlock")
        self.workbook = workbook
        self.tries_left = TRIES

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock-box"):
            yield Static(plain(_("This workbook is encrypted")), id="unlock-title")
            yield Static(
                plain(
                    _("Type the passphrase of the workbook {name} to open it.").format(
                        name=self.workbook.stem
                    )
                ),
                id="unlock-text",
            )
            yield Input(
                password=True, placeholder=_("Passphrase"), id="passphrase", select_on_focus=False
            )
            yield Static("", id="unlock-message")
            with Horizontal(id="unlock-buttons"):
                yield Button(plain(_("Open")), variant="primary", id="unlock-open")
                yield Button(plain(_("Quit")), id="unlock-quit")
        yield SteadyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#unlock-message", Static).update(plain(text))

    @on(Input.Submitted, "#passphrase")
    @on(Button.Pressed, "#unlock-open")
    def _submit(self) -> None:
        field = self.query_one("#passphrase", Input)
        passphrase = field.value
        if not passphrase:
            self._say(_("Type the passphrase first."))
            return
        field.value = ""
        field.disabled = True
        self.query_one("#unlock-open", Button).disabled = True
        self._say(_("Checking…"))
        self._check(passphrase)

    @work(thread=True, exclusive=True, group="unlock", exit_on_error=False)
    def _check(self, passphrase: str) -> None:
        """Unwrap the key (a few tenths of a second), off the screen's thread."""
        from bilan_tui.crypto import keyfile, keyring
        from bilan_tui.crypto.errors import WrongPassphrase
        from bilan_tui.store.errors import WorkbookError

        try:
            data_key = keyfile.unlock(self.workbook, passphrase)
        except WrongPassphrase:
            self.app.call_from_thread(self._wrong)
            return
        except WorkbookError as error:
            self.app.call_from_thread(self._say, str(error))
            return
        keyring.remember(self.workbook, data_key)
        self.app.call_from_thread(self.dismiss, True)

    def _wrong(self) -> None:
        self.tries_left -= 1
        if self.tries_left <= 0:
            self.dismiss(False)
            return
        message = _("Wrong passphrase. Tries left: {count}.").format(count=self.tries_left)
        self._say(message)
        field = self.query_one("#passphrase", Input)
        field.disabled = False
        self.query_one("#unlock-open", Button).disabled = False
        field.focus()

    @on(Button.Pressed, "#unlock-quit")
    def action_leave(self) -> None:
        """Leave without opening anything."""
        self.dismiss(None)
