"""The end of the bilan from the interface: delete the workbook, after a clear warning.

The dialog lists every file that will disappear (the workbook, what SQLite
keeps beside it, the backups), reminds the person to export their synthesis
first, and only lets them go on once they have typed the workbook's name:
nothing here can be undone. The deletion itself is ``bilan wipe``'s
(``bilan_tui.store.wipe``); the app then quits and prints what it removed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from bilan_tui.i18n import N_, _
from bilan_tui.services.wipe_text import (
    backups_hold_cleared_answers,
    keep_until_follow_up,
    what_deletion_does,
    what_the_organisation_destroys,
)
from bilan_tui.store.backup import MOST_KEPT
from bilan_tui.ui.text import plain

if TYPE_CHECKING:
    from bilan_tui.services.session import WorkbookSession


class WipeScreen(ModalScreen[bool]):
    """Ask for the workbook's name before destroying it; returns True to go on."""

    DEFAULT_CSS: ClassVar[str] = """
    WipeScreen {
        align: center middle;
    }
    #wipe {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $error;
        background: $surface;
        padding: 0 1;
    }
    #wipe-details {
        height: 35vh;
        margin: 0 0 1 0;
    }
    #wipe-honesty, #wipe-follow-up {
        margin: 0 0 1 0;
    }
    #wipe-files {
        color: $text-muted;
    }
    #wipe-reminder {
        color: $text-warning;
        margin: 0 0 1 0;
    }
    #wipe-buttons {
        height: auto;
        align-horizontal: right;
        margin: 1 0 0 0;
    }
    #wipe-buttons Button {
        margin: 0 0 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", N_("Cancel"), tooltip=N_("Keep the workbook"), id="wipe.cancel"
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Keep the workbook |
    """

    def __init__(self, workbook: Path, targets: list[Path]) -> None:
        super().__init__()
        self.workbook = workbook
        self.targets = targets

    def _encrypted(self) -> bool:
        from bilan_tui.crypto.keyfile import existing_key_files

        return bool(existing_key_files(self.workbook))

    def compose(self) -> ComposeResult:
        name = self.workbook.stem
        with Vertical(id="wipe"):
            yield Static(
                plain(
                    _("This permanently deletes the workbook {name} and its backups.").format(
                        name=name
                    )
                ),
                id="wipe-intro",
            )
            with VerticalScroll(id="wipe-details"):
                # Scrolls at 80x24, so that the name and the buttons stay in view.
                yield Static(
                    plain(" ".join((keep_until_follow_up(), what_the_organisation_destroys()))),
                    id="wipe-follow-up",
                )
                yield Static(
                    plain(
                        " ".join(
                            (
                                backups_hold_cleared_answers(MOST_KEPT),
                                what_deletion_does(encrypted=self._encrypted()),
                            )
                        )
                    ),
                    id="wipe-honesty",
                )
                yield Static(plain("\n".join(str(path) for path in self.targets)), id="wipe-files")
            yield Static(
                plain(
                    _(
                        "Export your synthesis first if you want to keep it: this "
                        "program cannot bring anything back afterwards. Copies you "
                        "made yourself are not touched."
                    )
                ),
                id="wipe-reminder",
            )
            yield Static(
                plain(_("Type the workbook's name ({name}) to confirm:").format(name=name)),
                id="wipe-ask",
            )
            yield Input(placeholder=name, id="wipe-name")
            with Horizontal(id="wipe-buttons"):
                yield Button(_("Cancel"), id="wipe-cancel")
                yield Button(
                    _("Delete for good"), variant="error", id="wipe-confirm", disabled=True
                )

    def on_mount(self) -> None:
        self.query_one("#wipe").border_title = _("End of the bilan")
        self.query_one(Input).focus()

    def _confirmed(self) -> bool:
        return self.query_one(Input).value.strip() == self.workbook.stem

    @on(Input.Changed, "#wipe-name")
    def _typed(self) -> None:
        self.query_one("#wipe-confirm", Button).disabled = not self._confirmed()

    @on(Input.Submitted, "#wipe-name")
    @on(Button.Pressed, "#wipe-confirm")
    def _confirm(self) -> None:
        if self._confirmed():
            self.dismiss(True)

    @on(Button.Pressed, "#wipe-cancel")
    def action_cancel(self) -> None:
        """Close, keeping everything."""
        self.dismiss(False)


def removed_message(removed: list[Path]) -> Text:
    """What the terminal shows once the interface is gone (plain text, no markup)."""
    lines = [_("Removed:"), *(f"  {path}" for path in removed)]
    return Text("\n".join(lines))


def wipe_dialog(workbook: Path) -> WipeScreen:
    """The dialog for ``workbook``, listing every file that will disappear."""
    from bilan_tui.store.wipe import wipe_targets

    return WipeScreen(workbook, wipe_targets(workbook))


def delete_workbook(session: WorkbookSession) -> tuple[int, Text]:
    """Close ``session`` and delete its workbook and backups (no other screen may hold it).

    Returns:
        The exit status and what the terminal shows once the interface is gone.
    """
    from bilan_tui.store.errors import WorkbookError
    from bilan_tui.store.lock import hold_for_replacing
    from bilan_tui.store.wipe import wipe_workbook

    path = session.path
    session.close(back_up=False)  # the copies are about to go
    try:
        # No command may write into the file while it is deleted (#21.9).
        with hold_for_replacing(path):
            removed = wipe_workbook(path)
    except (OSError, WorkbookError) as error:
        return 1, Text(session.describe_error(error))
    return 0, removed_message(removed)
