"""The "Import homework" dialog: type the path of the file the consultant sent.

The import itself (checks, installing the pack it carries, adding the
assignment) runs in a worker thread through the function the app passes in;
a refusal is shown in the dialog, in one sentence, so the person can correct
the path without starting over. The dialog returns what the import returned
(its outcome, which the app reports), or ``None`` if the person cancelled.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Static
from textual.worker import Worker, WorkerState

from bilan_tui.i18n import N_, _
from bilan_tui.ui.text import plain

if TYPE_CHECKING:
    from bilan_tui.services.homework.importer import ImportOutcome

ImportRunner = Callable[[Path], "ImportOutcome"]
"""Imports one file and says what it added; raises with a readable message when it cannot."""

ErrorText = Callable[[BaseException], str]
"""One sentence for any failure of the runner."""


class PathSuggester(Suggester):
    """Completes a path with the entries of its folder (folders get a trailing ``/``)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        folder, separator, start = value.rpartition("/")
        where = Path(os.path.expanduser(folder or "/")) if separator else Path.cwd()
        try:
            with os.scandir(where) as entries:
                names = sorted(entry.name for entry in entries if entry.name.startswith(start))
        except OSError:
            return None
        visible = [name for name in names if not name.startswith(".") or start.startswith(".")]
        if not visible:
            return None
        name = next((name for name in visible if name.endswith(".toml")), visible[0])
        completed = value + name[len(start) :]
        if (where / name).is_dir():
            completed += "/"
        return completed


class HomeworkImportScreen(ModalScreen["ImportOutcome | None"]):
    """Ask for the homework file's path, import it, report a refusal in place."""

    DEFAULT_CSS: ClassVar[str] = """
    HomeworkImportScreen {
        align: center middle;
    }
    #homework-import {
        width: 76;
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    #homework-import-help {
        color: $text-muted;
        margin: 0 0 1 0;
    }
    #homework-import-error {
        color: $text-error;
        height: auto;
        display: none;
    }
    #homework-import-error.-shown {
        display: block;
    }
    #homework-import-buttons {
        height: auto;
        align-horizontal: right;
        margin: 1 0 0 0;
    }
    #homework-import-buttons Button {
        margin: 0 0 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            N_("Cancel"),
            tooltip=N_("Close without importing"),
            id="homework-import.cancel",
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Close without importing |
    """

    def __init__(self, run_import: ImportRunner, error_text: ErrorText) -> None:
        super().__init__()
        self._run_import = run_import
        self._error_text = error_text

    def compose(self) -> ComposeResult:
        with Vertical(id="homework-import"):
            yield Static(
                plain(
                    _(
                        "Type the path of the homework file your consultant sent you "
                        "(a .toml file). The right arrow key completes a path."
                    )
                ),
                id="homework-import-help",
            )
            yield Input(
                placeholder=_("for example ~/Downloads/homework.toml"),
                suggester=PathSuggester(),
                id="homework-import-path",
            )
            yield Static("", id="homework-import-error")
            with Horizontal(id="homework-import-buttons"):
                yield Button(_("Import"), variant="primary", id="homework-import-ok")
                yield Button(_("Cancel"), id="homework-import-cancel")

    def on_mount(self) -> None:
        self.query_one("#homework-import").border_title = _("Import homework")
        self.query_one(Input).focus()

    def show_error(self, message: str) -> None:
        """Say why the file was refused (the person may correct the path)."""
        error = self.query_one("#homework-import-error", Static)
        error.update(plain(message))
        error.set_class(bool(message), "-shown")

    @on(Input.Submitted, "#homework-import-path")
    @on(Button.Pressed, "#homework-import-ok")
    def _submit(self) -> None:
        text = self.query_one(Input).value.strip()
        if not text:
            self.show_error(_("Type the path of the file first."))
            return
        self.show_error("")
        self.query_one("#homework-import-ok", Button).disabled = True
        self._import(Path(os.path.expanduser(text)))

    @on(Button.Pressed, "#homework-import-cancel")
    def action_cancel(self) -> None:
        """Close without importing."""
        self.dismiss(None)

    @work(thread=True, exclusive=True, group="homework-import", exit_on_error=False)
    def _import(self, path: Path) -> ImportOutcome:
        return self._run_import(path)

    @on(Worker.StateChanged)
    def _imported(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "homework-import":
            return
        if event.state is WorkerState.SUCCESS:
            self.dismiss(event.worker.result)
        elif event.state is WorkerState.ERROR:
            self.query_one("#homework-import-ok", Button).disabled = False
            error = event.worker.error
            self.show_error(self._error_text(error) if error else _("unknown error"))
            self.query_one(Input).focus()
