"""``bilan`` without a command: open the workbook in the terminal interface.

Before Textual starts, the workbook is locked against a second instance and,
if it exists, checked without writing to it, so that both refusals are one
clear line in the terminal rather than a screen that flashes and vanishes.
SIGHUP (the terminal window closed) and SIGTERM save everything, then quit:
Textual handles neither by itself (DESIGN §5).
"""

from __future__ import annotations

import signal
from types import FrameType

from bilan_tui.cli.context import CommandContext
from bilan_tui.paths import ensure_private_dir, workbooks_dir


def run_tui(context: CommandContext) -> int:
    """Run the interface until the person quits; returns the exit status."""
    from bilan_tui.store.lock import acquire_lock

    context.settle_language()
    path = context.workbook_path()
    ensure_private_dir(context.data_dir)
    ensure_private_dir(workbooks_dir(context.data_dir))
    pack = context.pack()
    with acquire_lock(path):
        from bilan_tui.ui.app import BilanApp

        app = BilanApp(
            pack,
            lambda: context.open_session(create=True),
            data_location=str(path),
        )
        previous = _install_signal_handlers(app)
        try:
            status = app.run()
        finally:
            _restore_signal_handlers(previous)
            app.save_everything()
            if app.session is not None:
                app.session.close()
    if app.open_error:
        return 1
    return status if isinstance(status, int) else 0


Handler = signal.Handlers | int | None | object


def _install_signal_handlers(app: object) -> dict[int, Handler]:
    """Save and quit on SIGHUP and SIGTERM."""
    from bilan_tui.ui.app import BilanApp

    assert isinstance(app, BilanApp)

    def save_and_quit(signum: int, _frame: FrameType | None) -> None:
        app.save_everything()
        app.exit(128 + signum)

    previous: dict[int, Handler] = {}
    for sig in (signal.SIGHUP, signal.SIGTERM):
        previous[sig] = signal.signal(sig, save_and_quit)
    return previous


def _restore_signal_handlers(previous: dict[int, Handler]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)  # type: ignore[arg-type]
