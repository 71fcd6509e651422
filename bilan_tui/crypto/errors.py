"""Refusals about encryption, in words a person can act on."""

from __future__ import annotations

from pathlib import Path

from bilan_tui.i18n import _
from bilan_tui.store.errors import WorkbookError


class WorkbookLocked(WorkbookError):
    """An encrypted workbook was opened before its passphrase was given."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            _("The workbook {path} is encrypted: its passphrase is needed to open it.").format(
                path=path
            ),
        )


class WrongPassphrase(WorkbookError):
    """The passphrase does not unwrap the key file: nothing was changed."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            _("Wrong passphrase for the workbook {name}: nothing was changed.").format(
                name=path.name.split(".")[0]
            ),
        )


class KeyFileError(WorkbookError):
    """The key file is missing, damaged or of a version this program does not know."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            path,
            _("The key file {path} cannot be used: {reason}.").format(path=path, reason=reason),
        )
        self.reason = reason
