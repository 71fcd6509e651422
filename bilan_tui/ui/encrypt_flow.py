"""Encrypting the open workbook from the interface (the palette's "Encrypt this workbook").

The app asks for the passphrase, saves and closes the session, then runs
:func:`encrypt_and_reopen` in a worker: the workbook and its backups are
encrypted (``bilan_tui.crypto.migrate``, the code of ``bilan encrypt``) and
opened again with their key. If anything fails, the workbook is opened again
as it was, and one line says why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilan_tui.services.session import WorkbookSession


def encrypt_and_reopen(
    path: Path, passphrase: str, reopen: Callable[[], WorkbookSession]
) -> tuple[WorkbookSession, str | None]:
    """Encrypt the closed workbook at ``path``, then open it again (in a worker thread).

    Args:
        path: The workbook, closed by the caller: nothing may write meanwhile.
        passphrase: The one she chose.
        reopen: Opens the workbook (the app's opener, which finds the key).

    Returns:
        The session open again, and why the encryption failed (``None``: it worked).
    """
    from bilan_tui.crypto import keyring, migrate

    failure: str | None = None
    try:
        keyring.remember(path, migrate.encrypt_workbook(path, passphrase))
    except Exception as error:  # noqa: BLE001 - told in one line; the workbook is whole
        from bilan_tui.services.session import WorkbookSession

        failure = WorkbookSession.describe_error(error)
    return reopen(), failure
