"""The one SQLite connection of a process: PRAGMAs, IMMEDIATE writes, a lock for threads.

Two processes may use a workbook at once (the interface, and ``bilan hours
add`` in another terminal). SQLite's default deferred transactions then fail:
a transaction that read first and wants to write later cannot take the write
lock while another holds it, and gets "database is locked" at once, whatever
the busy timeout. So pysqlite's own transaction handling is switched off and
every write transaction starts with ``BEGIN IMMEDIATE``, which takes the write
lock up front and waits politely (``busy_timeout``) for it.

The app saves from a timer, so one connection is shared by every thread of
the process behind a re-entrant lock; a write opened inside another write
joins it, which lets callers group several repository calls atomically.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import NullPool

from bilan_tui.i18n import _

from .codec import StoredTextError
from .errors import WorkbookDamaged, from_sqlite
from .files import read_only_uri
from .inspection import APPLICATION_ID
from .pragmas import BUSY_TIMEOUT_MS, PRAGMAS, apply_pragmas

_BEGIN_KEY = "bilan_begin"


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    """Hand transaction control to us and apply the PRAGMAs."""
    apply_pragmas(dbapi_connection)


def _on_begin(connection: Connection) -> None:
    """Emit our own BEGIN: IMMEDIATE for writes, DEFERRED for reads."""
    mode = connection.info.pop(_BEGIN_KEY, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path, key: bytes | None = None, *, read_only: bool = False) -> Engine:
    """An engine on an existing file, with our PRAGMAs and BEGIN handling.

    ``NullPool`` because the ``Database`` keeps its single connection for the
    life of the process; closing it really closes the file. With ``key`` the
    file is an SQLCipher database (``bilan_tui.crypto``): the driver is
    ``sqlcipher3``, given to SQLAlchemy as its DB-API module so that its
    errors are translated like the standard driver's.

    Args:
        path: The database file.
        key: The data key of an encrypted workbook, else ``None``.
        read_only: Open it read-only (``files.read_only_uri``): the file or
            its folder cannot be written, and reading must still work.
    """
    if key is not None:
        from bilan_tui.crypto import sqlcipher

        def cipher_connect() -> Any:
            if read_only:
                return sqlcipher.connect(
                    read_only_uri(path),
                    key,
                    uri=True,
                    check_same_thread=False,
                    isolation_level=None,
                )
            return sqlcipher.connect(str(path), key, check_same_thread=False, isolation_level=None)

        engine = create_engine(
            "sqlite://",
            creator=cipher_connect,
            poolclass=NullPool,
            module=sqlcipher.cipher_module(),
        )
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        return engine

    def connect() -> sqlite3.Connection:
        if read_only:
            return sqlite3.connect(
                read_only_uri(path), uri=True, check_same_thread=False, isolation_level=None
            )
        return sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """Turn SQLite's operational failures into errors callers can show.

    Callers then need no SQLAlchemy import to catch them, and the message
    says what to do: a full or read-only disk, a busy file, or damage (a
    corrupt page, a missing table). Programming errors (integrity, syntax)
    pass unchanged.
    """
    try:
        yield
    except StoredTextError:
        raise WorkbookDamaged(
            path, _("one of its stored values was altered and cannot be read")
        ) from None
    except (OperationalError, DatabaseError) as exc:
        if type(exc) not in (OperationalError, DatabaseError):
            raise  # an integrity or programming error: ours, not the disk's
        raise from_sqlite(path, exc.orig or exc) from exc


class Database:
    """A workbook's connection, shared by the process's threads.

    Use ``write()`` for anything that changes data and ``read()`` for
    queries; both commit (or roll back on error) when the block ends, so no
    read snapshot outlives a call and no write waits for a later one.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        from bilan_tui.crypto.sqlcipher import database_key

        self.path = path
        self.read_only = read_only
        self.key = database_key(path)
        """The data key of an encrypted workbook (``bilan_tui.crypto``), else None."""
        self._engine = make_engine(path, self.key, read_only=read_only)
        with _translated(path):
            self._connection: Connection | None = self._engine.connect()
        self._lock = threading.RLock()
        self._depth = 0
        self._writing = False

    @property
    def connection(self) -> Connection:
        """The open connection; only valid inside ``read()`` / ``write()``."""
        if self._connection is None:
            raise RuntimeError("the workbook is closed")
        return self._connection

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction that began IMMEDIATE, or the one already open."""
        with self._lock:
            if self._depth:
                if not self._writing:
                    raise RuntimeError("cannot write inside a read transaction")
                self._depth += 1
                try:
                    yield self.connection
                finally:
                    self._depth -= 1
                return
            connection = self.connection
            connection.info[_BEGIN_KEY] = "IMMEDIATE"
            self._depth, self._writing = 1, True
            try:
                with _translated(self.path), connection.begin():
                    yield connection
            finally:
                self._depth, self._writing = 0, False
                connection.info.pop(_BEGIN_KEY, None)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A consistent read, or the transaction already open."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.connection
                finally:
                    self._depth -= 1
                return
            connection = self.connection
            self._depth = 1
            try:
                with _translated(self.path), connection.begin():
                    yield connection
            finally:
                self._depth = 0

    def raw(self) -> sqlite3.Connection:
        """The sqlite3 connection, for the backup API (call under ``locked()``)."""
        driver = self.connection.connection.driver_connection
        if isinstance(driver, sqlite3.Connection):
            return driver
        if self.key is None or driver is None:
            raise RuntimeError("unexpected database driver")
        cipher: sqlite3.Connection = driver  # sqlcipher3: the same API, its own classes
        return cipher

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Keep other threads off the connection outside any transaction."""
        with self._lock:
            if self._depth:
                raise RuntimeError("cannot do this inside a transaction")
            yield

    def pragma(self, name: str) -> Any:
        """Run ``PRAGMA <name>`` outside any transaction; its value, or None."""
        with self.locked():
            row = self.raw().execute(f"PRAGMA {name}").fetchone()
        return None if row is None else row[0]

    def close(self) -> None:
        """Close the connection; SQLite checkpoints and removes ``-wal``/``-shm``."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
                self._engine.dispose()


__all__ = ["APPLICATION_ID", "BUSY_TIMEOUT_MS", "PRAGMAS", "Database", "make_engine"]
