"""SQLCipher connections: the key set first, the log silenced, temporary data in memory.

``sqlcipher3`` is a copy of the standard ``sqlite3`` module built on
SQLCipher; its connections and errors are its own classes, so callers that
may meet either use :func:`database_errors`. With the raw 256-bit key
(``x'…'``) SQLCipher derives nothing per open: opening costs what a plain file
costs. It encrypts every page it writes, in the database and in its ``-wal``
and journal; ``temp_store = MEMORY`` keeps temporary tables and sorts off the
disk entirely.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

from . import keyring

MAGIC = b"SQLite format 3\x00"


def _module() -> Any:
    import sqlcipher3  # type: ignore[import-untyped]

    return sqlcipher3


def cipher_module() -> Any:
    """The ``sqlcipher3`` DB-API module (for SQLAlchemy's ``module=``)."""
    return _module()


def database_errors() -> tuple[type[BaseException], ...]:
    """Both drivers' base error classes, for ``except database_errors():``."""
    return (sqlite3.Error, _module().Error)


def damage_errors() -> tuple[type[BaseException], ...]:
    """Both drivers' ``DatabaseError`` (what SQLite raises for a file it cannot read)."""
    return (sqlite3.DatabaseError, _module().DatabaseError)


def operational_errors() -> tuple[type[BaseException], ...]:
    """Both drivers' ``OperationalError`` (locked, I/O, disk full)."""
    return (sqlite3.OperationalError, _module().OperationalError)


def key_pragma(data_key: bytes) -> str:
    """``PRAGMA key`` for a raw key: no key derivation at open."""
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def connect(target: str, data_key: bytes, **kwargs: Any) -> Any:
    """A ``sqlcipher3`` connection to ``target`` with ``data_key`` set.

    Args:
        target: A path, or a ``file:`` URI with ``uri=True``.
        data_key: The 32-byte data key.
        kwargs: Passed to ``sqlcipher3.connect`` (``uri``, ``timeout``...).
    """
    connection = _module().connect(target, **kwargs)
    try:
        # Before anything else: a wrong key otherwise prints lines on stderr,
        # which would break the interface's screen.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(key_pragma(data_key))
        connection.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        connection.close()
        raise
    return connection


def plain_connect(target: str, **kwargs: Any) -> Any:
    """A ``sqlcipher3`` connection without a key (a plain file), log silenced."""
    connection = _module().connect(target, **kwargs)
    connection.execute("PRAGMA cipher_log_level = NONE")
    return connection


def looks_plain(path: Path) -> bool:
    """Whether ``path`` is missing, empty or begins like an SQLite file (not encrypted).

    Anything but a regular file (a named pipe would block the read) counts as
    plain: the store's inspection then refuses it with its own message.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return True
        with path.open("rb") as handle:
            head = handle.read(len(MAGIC))
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return True
    return not head or head == MAGIC


def opens_with(target: str, data_key: bytes, *, uri: bool = False) -> bool:
    """Whether ``data_key`` reads the database at ``target`` (a page is decrypted)."""
    try:
        connection = connect(target, data_key, uri=uri, timeout=5)
    except database_errors():
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except database_errors():
        return False
    finally:
        connection.close()
    return True


def file_key(path: Path) -> bytes | None:
    """The unlocked data key that opens ``path``, or None if it is plain or none does."""
    if looks_plain(path):
        return None
    from bilan_tui.store.files import read_only_uri

    own = keyring.key_of(path)
    if own is not None and keyring.verified(path, own):
        return own  # seen to open this file already: no trial open on every connection
    for data_key in keyring.candidate_keys(path):
        if opens_with(read_only_uri(path), data_key, uri=True):
            keyring.mark_verified(path, data_key)
            return data_key
    return None


def has_key_file(path: Path) -> bool:
    """Whether a key file sits beside ``path`` (it is an encrypted workbook)."""
    from .keyfile import key_files

    return any(candidate.exists() for candidate in key_files(path))


def connect_read_only(path: Path, **kwargs: Any) -> Any:
    """Open ``path`` read-only with whichever driver it needs (``uri=True`` implied).

    A plain file gets a standard ``sqlite3`` connection, as before; an
    encrypted one a ``sqlcipher3`` connection with the unlocked key that
    opens it (if none does, the plain driver, which then reports the file as
    not a database).
    """
    from bilan_tui.store.files import read_only_uri

    data_key = file_key(path)
    if data_key is None:
        return sqlite3.connect(read_only_uri(path), uri=True, **kwargs)
    return connect(read_only_uri(path), data_key, uri=True, **kwargs)


def connect_like(path: Path, data_key: bytes | None, **kwargs: Any) -> Any:
    """Open (or create) ``path`` for writing, encrypted with ``data_key`` if one is given."""
    if data_key is None:
        return sqlite3.connect(str(path), **kwargs)
    return connect(str(path), data_key, **kwargs)


def is_cipher_connection(connection: object) -> bool:
    """Whether ``connection`` comes from ``sqlcipher3``."""
    return type(connection).__module__.startswith("sqlcipher3")


def database_key(path: Path) -> bytes | None:
    """The key to open the workbook ``path`` with: None for a plain (or new) file.

    Raises:
        WorkbookLocked: It is encrypted and no unlocked key opens it.
    """
    if looks_plain(path):
        return None
    data_key = file_key(path)
    if data_key is None and has_key_file(path):
        from .errors import WorkbookLocked

        raise WorkbookLocked(path)
    return data_key
