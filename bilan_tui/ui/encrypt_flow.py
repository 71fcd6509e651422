"""Encrypting the open workbook from the interface (the palette's "Encrypt this workbook").

The session is saved and closed, the workbook and its backups are encrypted
in a worker (``bilan_tui.crypto.migrate``, the code of ``bilan encrypt``),
then the workbook is opened again with its key. If anything fails, it is
opened again as it was, and one line says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bilan_tui.i18n import _

if TYPE_CHECKING:
    from bilan_tui.services.session import WorkbookSession
    from bilan_tui.ui.app import BilanApp


def offer_encryption(app: BilanApp, after: Callable[[], None] | None = None) -> None:
    """Ask for a passphrase, then encrypt; says so if the workbook already is.

    Args:
        app: The app, its session open.
        after: Called once it is over, whatever the outcome (the welcome's
            answers are stored then, in the encrypted workbook).
    """
    then = after or (lambda: None)
    from bilan_tui.crypto.migrate import is_encrypted
    from bilan_tui.ui.screens.encrypt import EncryptScreen

    session = app.session
    if session is None:
        app.notify(_("Opening your workbook…"), timeout=2)
        return
    if is_encrypted(session.path):
        app.notify(_("This workbook is already encrypted."), timeout=4)
        then()
        return

    def chosen(passphrase: str | None) -> None:
        if passphrase is None:
            then()
        else:
            _encrypt(app, passphrase, then)

    app.push_screen(EncryptScreen(), chosen)


def _encrypt(app: BilanApp, passphrase: str, then: Callable[[], None]) -> None:
    session = app.session
    if session is None or not app.save_everything():
        then()
        return
    while len(app.screen_stack) > 1:
        app.pop_screen()
    app.session = None  # nothing may write while the file is converted
    path = session.path
    session.close(back_up=False)
    app.notify(_("Encrypting the workbook and its backups…"), timeout=3)

    def work() -> None:
        from bilan_tui.crypto import keyring, migrate

        failure: str | None = None
        try:
            keyring.remember(path, migrate.encrypt_workbook(path, passphrase))
        except Exception as error:  # noqa: BLE001 - told in one line; the workbook is whole
            from bilan_tui.services.session import WorkbookSession

            failure = WorkbookSession.describe_error(error)
        reopened = app.reopen_session()
        app.call_from_thread(_done, app, reopened, failure, then)

    app.run_worker(work, thread=True, group="encrypt", exit_on_error=False)


def _done(
    app: BilanApp, session: WorkbookSession, failure: str | None, then: Callable[[], None]
) -> None:
    app.use_session(session)
    then()
    if failure is not None:
        app.notify(
            _("The workbook was not encrypted: {reason}").format(reason=failure),
            severity="error",
            markup=False,
        )
        return
    app.notify(_("Done: the workbook and its backups are encrypted."), timeout=6)
