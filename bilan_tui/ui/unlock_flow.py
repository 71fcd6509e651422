"""Before an encrypted workbook is read: the unlock screen, from the app's opening worker.

The worker that opens the workbook waits here while the screen is shown on
the app's thread; it goes on once the key is unlocked, or raises the
refusal the command line then prints (nothing was opened, nothing changed).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from textual.app import App
from textual.worker import get_current_worker


def needs_unlock(workbook: Path) -> bool:
    """Whether ``workbook`` is encrypted and its key not unlocked in this process."""
    from bilan_tui.crypto import keyring
    from bilan_tui.crypto.sqlcipher import has_key_file, looks_plain

    if not workbook.is_file() or looks_plain(workbook) or not has_key_file(workbook):
        return False
    return keyring.key_of(workbook) is None


def unlock_before_open(app: App[Any], workbook: Path) -> None:
    """Show the unlock screen and wait for it (call from a worker thread).

    Raises:
        WrongPassphrase: Three wrong tries.
        WorkbookLocked: The person left without giving it.
    """
    if not needs_unlock(workbook):
        return
    from bilan_tui.crypto.errors import WorkbookLocked, WrongPassphrase
    from bilan_tui.ui.screens.unlock import UnlockScreen

    done = threading.Event()
    outcome: list[bool | None] = [None]

    def closed(result: bool | None) -> None:
        outcome[0] = result
        done.set()

    app.call_from_thread(app.push_screen, UnlockScreen(workbook), closed)
    worker = get_current_worker()
    while not done.wait(0.1):
        if worker.is_cancelled:
            raise WorkbookLocked(workbook)
    if outcome[0] is False:
        raise WrongPassphrase(workbook)
    if outcome[0] is None:
        raise WorkbookLocked(workbook)
