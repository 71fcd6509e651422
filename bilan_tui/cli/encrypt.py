"""``bilan encrypt``, ``bilan decrypt``, ``bilan passphrase``: encryption at rest (DESIGN §14).

Each says what it is doing, asks for passphrases without showing them
(twice for a new one), and refuses while the interface has the workbook
open. The conversions themselves are in ``bilan_tui.crypto.migrate``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bilan_tui.cli.context import CommandContext, UsageError
from bilan_tui.i18n import _

NAMES = ("encrypt", "decrypt", "passphrase")


def register(commands: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Declare the three commands."""
    encrypt = commands.add_parser(
        "encrypt",
        help=_("encrypt the workbook and its backups with a passphrase"),
        description=how_it_works(),
    )
    add_common(encrypt)
    decrypt = commands.add_parser(
        "decrypt",
        help=_("take the encryption off the workbook and its backups"),
        description=_(
            "Write the workbook and its backups back as plain files, then delete the key file."
        ),
    )
    add_common(decrypt)
    change = commands.add_parser(
        "passphrase",
        help=_("change the passphrase of an encrypted workbook"),
        description=_(
            "Change the passphrase: only the key file is rewritten, not the workbook. "
            "With --passphrase-file, the new passphrase comes from --new-passphrase-file."
        ),
    )
    add_common(change)
    change.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        type=Path,
        help=_("read the new passphrase from the first line of FILE (for scripts)"),
    )


def how_it_works() -> str:
    """What encryption does and does not do, for ``--help`` and the README."""
    return _(
        "Encrypt the workbook, its journal and its backups (SQLCipher, AES-256). A random key "
        "encrypts them; it is kept in a key file beside the workbook, itself encrypted with "
        "your passphrase (argon2id). Nobody can recover a forgotten passphrase, not even us. "
        "Exports stay plain files. Encryption protects a lost or copied disk; it does not "
        "protect against someone using your unlocked session, nor against malware."
    )


def run(args: argparse.Namespace, context: CommandContext) -> int:
    """Run one of the three commands."""
    context.settle_language()
    if args.command == "encrypt":
        return run_encrypt(context)
    if args.command == "decrypt":
        return run_decrypt(context)
    return run_passphrase(context, getattr(args, "new_passphrase_file", None))


def _held(path: Path) -> Any:
    from bilan_tui.store.lock import acquire_lock

    return acquire_lock(path)


def run_encrypt(context: CommandContext) -> int:
    """Encrypt the workbook (created first if there is none), then its backups."""
    from bilan_tui.cli.unlock import current_passphrase, needs_key, new_passphrase, unlock
    from bilan_tui.crypto import keyring, migrate
    from bilan_tui.store.repository import open_workbook

    path = context.expect_workbook()
    if needs_key(path):
        with _held(path):
            data_key = unlock(path, current_passphrase(path, context.passphrase_file))
            converted = migrate.finish_backups(path, data_key, None)
        print(_("The workbook {name} is already encrypted.").format(name=path.stem))
        if converted:
            print(_("{count} backups were encrypted too.").format(count=converted))
        return 0
    if path.exists() and migrate.is_encrypted(path):  # not SQLite, and no key file beside it
        raise UsageError(
            _(
                "the workbook {name} is not a plain SQLite file and has no key file: "
                "nothing was changed"
            ).format(name=path.stem)
        )
    print(how_it_works())
    passphrase = new_passphrase(context.passphrase_file)
    if not path.exists():
        from bilan_tui.paths import ensure_private_dir, workbooks_dir

        ensure_private_dir(context.data_dir)
        ensure_private_dir(workbooks_dir(context.data_dir))
        open_workbook(path, language=context.language).close()
    with _held(path):
        print(_("Encrypting the workbook {name} and its backups...").format(name=path.stem))
        try:
            data_key = migrate.encrypt_workbook(path, passphrase)
        except Exception as error:
            from bilan_tui.crypto.errors import WrongPassphrase

            if isinstance(error, WrongPassphrase):
                raise UsageError(
                    _(
                        "a key file left by an interrupted change needs the passphrase it was "
                        "made with: nothing was changed"
                    )
                ) from None
            raise
    keyring.remember(path, data_key)
    print(_("Done: the workbook {name} is encrypted.").format(name=path.stem))
    print(
        _(
            "Keep your passphrase safe: if you forget it, nobody can open the workbook again. "
            "The plain file's old blocks may remain on the disk (an SSD or a copy-on-write "
            "file system writes elsewhere): encrypting a new workbook at once avoids that."
        )
    )
    return 0


def run_decrypt(context: CommandContext) -> int:
    """Decrypt the workbook and its backups, then delete the key files."""
    from bilan_tui.cli.unlock import current_passphrase, unlock
    from bilan_tui.crypto import keyfile, migrate

    path = context.workbook_path()
    if not keyfile.existing_key_files(path):
        if path.exists() and migrate.is_encrypted(path):
            raise UsageError(
                _("the key file of the workbook {name} is missing: it cannot be decrypted").format(
                    name=path.stem
                )
            )
        print(_("The workbook {name} is not encrypted: nothing to do.").format(name=path.stem))
        return 0
    with _held(path):
        data_key = unlock(path, current_passphrase(path, context.passphrase_file))
        print(_("Decrypting the workbook {name} and its backups...").format(name=path.stem))
        migrate.decrypt_workbook(path, data_key)
    print(
        _("Done: the workbook {name} and its backups are plain files again.").format(name=path.stem)
    )
    return 0


def run_passphrase(context: CommandContext, new_file: Path | None) -> int:
    """Rewrap the key under a new passphrase (the workbook is not rewritten)."""
    from bilan_tui.cli.unlock import current_passphrase, new_passphrase
    from bilan_tui.crypto import keyfile
    from bilan_tui.store.errors import WorkbookError

    path = context.workbook_path()
    if not keyfile.existing_key_files(path):
        raise UsageError(
            _("the workbook {name} is not encrypted (bilan encrypt)").format(name=path.stem)
        )
    if context.passphrase_file is not None and new_file is None:
        raise UsageError(_("with --passphrase-file, give the new one with --new-passphrase-file"))
    old = current_passphrase(path, context.passphrase_file)
    try:
        keyfile.unlock(path, old)
    except WorkbookError as error:
        raise UsageError(str(error)) from None
    new = new_passphrase(new_file)
    with _held(path):
        keyfile.change_passphrase(path, old, new)
    print(_("Done: the passphrase of the workbook {name} is changed.").format(name=path.stem))
    return 0
