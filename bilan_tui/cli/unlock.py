"""Passphrases on the command line: asked without echo, or read from a file for scripts.

Every command that opens a workbook calls :func:`unlock_if_encrypted` first;
an encrypted workbook then needs its passphrase (``getpass``, or
``--passphrase-file FILE``). A wrong one is one clear line and exit status 2:
nothing was opened, so nothing changed.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from bilan_tui.cli.context import UsageError
from bilan_tui.i18n import _

MIN_LENGTH = 8
"""The shortest passphrase accepted when one is chosen."""


def ask_hidden(prompt: str) -> str:
    """Ask without echo (tests replace this function)."""
    return getpass.getpass(prompt)


def can_ask() -> bool:
    """Whether a person is there to type (tests replace this function)."""
    return sys.stdin.isatty()


def read_passphrase_file(path: Path) -> str:
    """The first line of ``path``, without its line ending.

    Raises:
        UsageError: The file cannot be read or its first line is empty.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UsageError(_("cannot read the passphrase file {path}").format(path=path)) from None
    line = text.splitlines()[0] if text else ""
    if not line:
        raise UsageError(_("the passphrase file {path} is empty").format(path=path))
    return line


def current_passphrase(workbook: Path, passphrase_file: Path | None) -> str:
    """The passphrase of ``workbook``: from the file, else asked once.

    Raises:
        UsageError: No file given and nobody to ask.
    """
    if passphrase_file is not None:
        return read_passphrase_file(passphrase_file)
    if not can_ask():
        raise UsageError(
            _(
                "the workbook {name} is encrypted: give its passphrase with --passphrase-file"
            ).format(name=workbook.stem)
        )
    try:
        return ask_hidden(_("Passphrase of the workbook {name}: ").format(name=workbook.stem))
    except (EOFError, KeyboardInterrupt):
        raise UsageError(_("no passphrase given: nothing was changed")) from None


def new_passphrase(passphrase_file: Path | None) -> str:
    """A new passphrase: from the file, else typed twice (never shown).

    Raises:
        UsageError: Too short, the two differ, or nobody to ask.
    """
    if passphrase_file is not None:
        chosen = read_passphrase_file(passphrase_file)
    else:
        if not can_ask():
            raise UsageError(_("give the new passphrase with --passphrase-file"))
        try:
            chosen = ask_hidden(_("New passphrase: "))
            again = ask_hidden(_("The same passphrase again: "))
        except (EOFError, KeyboardInterrupt):
            raise UsageError(_("no passphrase given: nothing was changed")) from None
        if chosen != again:
            raise UsageError(_("the two passphrases differ: nothing was changed"))
    if len(chosen) < MIN_LENGTH:
        raise UsageError(
            _("a passphrase needs at least {count} characters: nothing was changed").format(
                count=MIN_LENGTH
            )
        )
    return chosen


def needs_key(workbook: Path) -> bool:
    """Whether opening ``workbook`` needs its data key (a damaged file has no key file)."""
    from bilan_tui.crypto.sqlcipher import has_key_file, looks_plain

    if not workbook.exists():
        return False
    return not looks_plain(workbook) and has_key_file(workbook)


def unlock(workbook: Path, passphrase: str) -> bytes:
    """Unwrap and remember the data key of ``workbook``.

    Raises:
        UsageError: The passphrase is wrong, or the key file cannot be read.
    """
    from bilan_tui.crypto import keyfile, keyring
    from bilan_tui.store.errors import WorkbookError

    try:
        data_key = keyfile.unlock(workbook, passphrase)
    except WorkbookError as error:
        raise UsageError(str(error)) from None
    keyring.remember(workbook, data_key)
    return data_key


def unlock_if_encrypted(workbook: Path, passphrase_file: Path | None) -> None:
    """Ask for the passphrase of an encrypted workbook not yet unlocked; else nothing."""
    from bilan_tui.crypto import keyring

    if not needs_key(workbook) or keyring.key_of(workbook) is not None:
        return
    unlock(workbook, current_passphrase(workbook, passphrase_file))
