"""Turning encryption on or off: a new file, checked, flushed, then swapped in.

``sqlcipher_export`` copies every table, index and row of the workbook into
a new file (encrypted or plain), next to it under a temporary name
(``<name>.sqlite.crypt-new``). The copy is then checked (SQLite's integrity
check, the same row count in every table, the same schema version and
application id), flushed to the disk, and renamed over the workbook in one
step. A kill at any moment leaves the old workbook whole, or the new one
whole: never a mixture, and nothing lost. The key file is written (and
flushed) *before* the encrypted file takes the workbook's name, and removed
only *after* the plain file did, so an encrypted file never lacks its key.

The rolling backups follow the workbook, one at a time, the same way. A
kill between two leaves backups of both kinds, each readable; running the
same command again finishes the job (:func:`finish_backups`).

The caller holds the single-instance lock. While copying, the workbook is
switched to a rollback journal and held in an exclusive transaction, which
SQLite only grants when no other program has it open.

What this cannot do: the plain file's old blocks may stay on the disk after
encrypting (an SSD or a copy-on-write file system writes elsewhere), which
is why encrypting at creation is recommended.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from bilan_tui.i18n import _
from bilan_tui.store.errors import WorkbookBusy, WorkbookDamaged
from bilan_tui.store.files import create_private_file, sync_dir

from . import keyfile, sqlcipher
from .errors import KeyFileError, WrongPassphrase

TEMP_SUFFIX = ".crypt-new"
_COMPANIONS = ("-journal", "-wal", "-shm")


def temp_path(path: Path) -> Path:
    """Where the converted copy of ``path`` is built."""
    return path.with_name(path.name + TEMP_SUFFIX)


def leftovers(path: Path) -> list[Path]:
    """The temporary files a conversion of ``path`` cut short may leave."""
    temp = temp_path(path)
    return [temp, *(temp.with_name(temp.name + suffix) for suffix in _COMPANIONS)]


def _discard(path: Path) -> None:
    for leftover in leftovers(path):
        leftover.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _open_source(path: Path, data_key: bytes | None) -> Any:
    if data_key is None:
        return sqlcipher.plain_connect(str(path), isolation_level=None)
    return sqlcipher.connect(str(path), data_key, isolation_level=None)


def _tables(connection: Any) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [str(row[0]) for row in rows]


def _count(connection: Any, schema: str, table: str) -> int:
    quoted = '"' + table.replace('"', '""') + '"'
    return int(connection.execute(f"SELECT count(*) FROM {schema}.{quoted}").fetchone()[0])


def _export(connection: Any, path: Path, dest: Path, dest_key: bytes | None) -> None:
    """Copy the open database into ``dest`` and check the copy, inside one exclusive lock."""
    key_text = "''" if dest_key is None else f"\"x'{dest_key.hex()}'\""
    connection.execute(f"ATTACH DATABASE ? AS target KEY {key_text}", (str(dest),))
    try:
        connection.execute("BEGIN EXCLUSIVE")
        try:
            connection.execute("SELECT sqlcipher_export('target')").fetchall()
            for pragma in ("user_version", "application_id"):
                value = int(connection.execute(f"PRAGMA main.{pragma}").fetchone()[0])
                connection.execute(f"PRAGMA target.{pragma} = {value}")
            verdict = connection.execute("PRAGMA target.integrity_check").fetchall()
            if [tuple(row) for row in verdict] != [("ok",)]:
                raise WorkbookDamaged(path, _("the converted copy failed its integrity check"))
            for table in _tables(connection):
                if _count(connection, "main", table) != _count(connection, "target", table):
                    raise WorkbookDamaged(path, _("the converted copy lacks rows"))
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    finally:
        connection.execute("DETACH DATABASE target")


def open_elsewhere(path: Path) -> bool:
    """Whether another process has the database open (in WAL mode).

    Every connection to a WAL database holds a shared lock on one byte of
    its ``-shm`` file (SQLite's "dead man switch", offset 128) for as long as
    it is open; an exclusive lock on it is refused while one does. Call it
    when this process has no connection to ``path`` open: closing the
    descriptor drops this process's own locks on the file.
    """
    import fcntl

    shm = path.with_name(path.name + "-shm")
    try:
        fd = os.open(shm, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 128)
        return False
    finally:
        os.close(fd)


def convert_file(path: Path, source_key: bytes | None, dest_key: bytes | None) -> None:
    """Replace the database at ``path`` by a copy encrypted with ``dest_key`` (None: plain).

    Raises:
        WorkbookBusy: Another program has the workbook open.
        WorkbookDamaged: The copy did not check out (the original is untouched).
    """
    if open_elsewhere(path):
        raise WorkbookBusy(path)
    dest = temp_path(path)
    _discard(path)  # what a run killed while building the copy left
    create_private_file(dest)
    try:
        connection = _open_source(path, source_key)
        try:
            connection.execute("PRAGMA busy_timeout = 5000")
            mode = str(connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0])
            if mode.lower() != "delete":
                raise WorkbookBusy(path)
            _export(connection, path, dest, dest_key)
        finally:
            connection.close()
        for companion in _COMPANIONS[1:]:  # a rollback journal now: no -wal may follow us
            wal = path.with_name(path.name + companion)
            if wal.exists() and wal.stat().st_size:
                raise WorkbookBusy(path)
            wal.unlink(missing_ok=True)
        _fsync(dest)
        os.replace(dest, path)
        sync_dir(path.parent)
    except sqlcipher.database_errors() as error:
        raise WorkbookDamaged(path, str(error)) from None
    finally:
        _discard(path)


def is_encrypted(path: Path) -> bool:
    """Whether the database at ``path`` is encrypted (it does not start like SQLite)."""
    return not sqlcipher.looks_plain(path)


def finish_backups(workbook: Path, data_key: bytes | None, old_key: bytes | None) -> int:
    """Make every rolling backup match the workbook: encrypted with ``data_key``, or plain.

    Args:
        workbook: The workbook.
        data_key: The key the backups must have (None: plain).
        old_key: The key of backups still encrypted (decrypting), else None.

    Returns:
        How many backups were converted.
    """
    from bilan_tui.store.backup import rolling_backups

    converted = 0
    for backup in rolling_backups(workbook):
        encrypted = is_encrypted(backup)
        if encrypted == (data_key is not None):
            continue
        convert_file(backup, old_key if encrypted else None, data_key)
        converted += 1
    return converted


def encrypt_workbook(workbook: Path, passphrase: str) -> bytes:
    """Encrypt a plain workbook and its backups; returns the data key.

    A key file left by an earlier run cut short is reused if the passphrase
    opens it (backups may already be encrypted with it).

    Raises:
        WrongPassphrase: A key file is left whose passphrase this is not,
            and backups encrypted with it exist (nothing changed).
        WorkbookBusy, WorkbookDamaged: See :func:`convert_file`.
    """
    from bilan_tui.store.backup import rolling_backups

    data_key: bytes | None = None
    if keyfile.existing_key_files(workbook):
        try:
            data_key = keyfile.unlock(workbook, passphrase)
        except WrongPassphrase:
            if any(is_encrypted(backup) for backup in rolling_backups(workbook)):
                raise
        except Exception:  # noqa: BLE001 - a damaged leftover key is replaced
            data_key = None
    if is_encrypted(workbook):
        if data_key is None:  # an encrypted file whose key files are gone
            raise KeyFileError(keyfile.key_path(workbook), _("it is missing"))
        return data_key
    if data_key is None:
        data_key = keyfile.new_data_key()
    keyfile.store_key(workbook, data_key, passphrase)  # flushed before the file needs it
    convert_file(workbook, None, data_key)
    finish_backups(workbook, data_key, None)
    return data_key


def decrypt_workbook(workbook: Path, data_key: bytes) -> None:
    """Decrypt an encrypted workbook and its backups, then remove the key files.

    Also finishes a decryption cut short (the workbook plain, backups or key
    files left).
    """
    if is_encrypted(workbook):
        convert_file(workbook, data_key, None)
    finish_backups(workbook, None, data_key)
    remove_key_files(workbook)


def remove_key_files(workbook: Path) -> list[Path]:
    """Overwrite, flush and remove every key file of ``workbook``; what was removed."""
    removed: list[Path] = []
    for path in keyfile.existing_key_files(workbook):
        try:
            size = path.stat().st_size
            fd = os.open(path, os.O_WRONLY)
            try:
                os.write(fd, b"\0" * size)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            pass
        path.unlink(missing_ok=True)
        sync_dir(path.parent)
        removed.append(path)
    return removed
