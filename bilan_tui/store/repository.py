"""Opening a workbook, and the ``Workbook`` object the rest of the program talks to.

``open_workbook`` is the only way in. It refuses, without writing a byte,
anything that is not one of our workbooks or that a newer version wrote; it
creates a new workbook ``0600`` in a ``0700`` folder; and it upgrades an old
one after taking a backup. The returned ``Workbook`` takes and returns domain
objects only (answers, ledger entries, homework, consents), so no caller
needs SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import datetime
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.sqlite import insert

from bilan_tui.domain.records import WorkbookInfo
from bilan_tui.i18n import _

from . import backup as backups
from .answer_store import AnswerStore
from .codec import now, time_text
from .contents import count_contents
from .engine import Database
from .errors import READ_ONLY, NotAWorkbook, WorkbookDamaged, WorkbookIOError, WorkbookNotFound
from .fast_reads import raw_read
from .files import (
    companion_files,
    create_private_file,
    draft_path,
    make_private_dir,
    sync_dir,
    writable,
)
from .inspection import APPLICATION_ID, inspect_workbook
from .lock import WorkbookLock, acquire_lock, hold_for_writing
from .migrations import MIGRATIONS, Migration, create_schema, target_version, upgrade
from .record_store import RecordStore
from .rows import workbook_info
from .setting_keys import DISPLAY_NAME as DISPLAY_NAME
from .tables import table


class Workbook(AnswerStore, RecordStore):
    """An open workbook. Thread-safe; close it (or use ``with``) when done.

    Attributes:
        path: The database file.
    """

    def __init__(
        self,
        path: Path,
        database: Database,
        lock: WorkbookLock | None = None,
        sharing: WorkbookLock | None = None,
    ) -> None:
        self.path = path
        self._db = database
        self._lock = lock
        self._sharing = sharing
        self._known_packs: set[str] = set()
        with database.locked():
            self._changes_at_open = database.raw().total_changes

    def __enter__(self) -> Workbook:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database, then release the locks it held.

        The replace lock goes last: a restore waiting for it then finds the
        file closed, every write of this connection committed.
        """
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._sharing is not None:
            self._sharing.release()
            self._sharing = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several calls into one IMMEDIATE transaction (all or nothing).

        Needed for read-modify-write: a value read inside the block cannot be
        changed by another process before the block's writes commit.
        """
        with self._db.write():
            yield

    def acquire_lock(self) -> None:
        """Take the single-instance lock (the interface does, before editing).

        Raises:
            WorkbookInUse: Another bilan process has this workbook open.
        """
        if self._lock is None or not self._lock.held:
            self._lock = acquire_lock(self.path)

    def info(self) -> WorkbookInfo:
        """The workbook's name, language, creation time and packs used."""
        workbook = table("workbook")
        with self._db.read() as connection:
            row = connection.execute(select(workbook)).one()
        return workbook_info(row)

    def set_language(self, language: str) -> None:
        """Change the language the workbook is shown in."""
        workbook = table("workbook")
        with self._db.write() as connection:
            connection.execute(update(workbook).values(language=language))

    def outside_changes(self) -> int:
        """SQLite's ``data_version``: it moves when another connection commits.

        Cheap enough to poll: the interface compares it every few seconds to
        see that ``bilan hours add`` (another process) changed the workbook.
        Its own writes never move it.
        """
        with self._db.read() as connection:
            return int(connection.exec_driver_sql("PRAGMA data_version").scalar() or 0)

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """A stored preference, or ``default``."""
        setting = table("setting")
        with self._db.read() as connection:
            value = connection.execute(
                select(setting.c.value).where(setting.c.key == key)
            ).scalar_one_or_none()
        return default if value is None else str(value)

    def set_setting(self, key: str, value: str | None) -> None:
        """Store a preference; ``None`` removes it."""
        setting = table("setting")
        with self._db.write() as connection:
            if value is None:
                connection.execute(delete(setting).where(setting.c.key == key))
                return
            statement = insert(setting).values(key=key, value=value)
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=["key"], set_={"value": statement.excluded.value}
                )
            )

    def backup(self, dest: Path) -> Path:
        """Copy the workbook to a new ``0600`` file (``bilan backup --output``).

        Raises:
            FileExistsError: ``dest`` exists.
        """
        with self._db.locked():
            return backups.backup_to(self._db.raw(), dest, self._db.key)

    def rolling_backup(
        self, *, force: bool = False, moment: datetime.datetime | None = None
    ) -> Path | None:
        """Today's backup in ``backups/`` if not taken yet (or ``force``), then prune.

        ``moment`` (local time, default now) names the backup and decides
        what "today" is. See ``backup.kept`` for which backups are kept.
        """
        with self._db.locked():
            return backups.rolling_backup(
                self._db.raw(), self.path, force=force, moment=moment, key=self._db.key
            )

    def changed(self) -> bool:
        """Whether this process wrote anything to the workbook since opening it."""
        with self._db.locked():
            return self._db.raw().total_changes > self._changes_at_open

    def automatic_backup(
        self, *, closing: bool = False, moment: datetime.datetime | None = None
    ) -> Path | None:
        """The backup the program takes by itself; never one of a workbook holding nothing.

        A copy of an empty workbook would restore nothing, and it would push
        a useful copy out of the rotation.

        Args:
            closing: The session is ending: back up now if it changed
                anything (``changed``). Otherwise: today's backup, once a day.
            moment: Local time naming the backup (tests).

        Returns:
            The new backup, or None if none was needed.
        """
        if closing and not self.changed():
            return None
        with raw_read(self._db) as connection:
            if count_contents(connection).empty:
                return None
        with self._db.locked():
            return backups.rolling_backup(
                self._db.raw(), self.path, force=closing, moment=moment, key=self._db.key
            )

    def pragma(self, name: str) -> object:
        """A PRAGMA's current value (tests and ``bilan doctor``-style checks)."""
        return self._db.pragma(name)


def _initialise(connection: Connection, path: Path, language: str, version: int) -> None:
    if create_schema(connection, version):
        connection.execute(
            insert(table("workbook")).values(
                id=1, name=path.stem, language=language, created_at=time_text(now())
            )
        )


def _create(path: Path, language: str, version: int) -> bool:
    """Build a new workbook beside ``path``, then link it into place in one step.

    A kill in the middle (the terminal closed during the very first start)
    leaves only ``<name>.sqlite.new``, which the next creation replaces, and
    never a half-made file under the real name: that one would be refused as
    damaged, with no backup to offer.

    Returns:
        True if this call put the workbook in place; False if another process
        made one first (it is then left as it is, and inspected like any other).
    """
    draft = draft_path(path)
    _discard_new(draft)
    create_private_file(draft)
    database = Database(draft)
    try:
        with database.write() as connection:
            _initialise(connection, path, language, version)
        with database.locked():
            database.raw().execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the file
    finally:
        database.close()
    try:
        os.link(draft, path)  # unlike a rename, never replaces a workbook made meanwhile
    except FileExistsError:
        return False
    finally:
        _discard_new(draft)
    sync_dir(path.parent)
    return True


def _discard_new(path: Path) -> None:
    """Remove a workbook this call created but could not initialise."""
    for leftover in (path, *companion_files(path)[:3]):
        leftover.unlink(missing_ok=True)


def open_workbook(
    path: Path,
    *,
    language: str = "fr",
    create: bool = True,
    lock: bool = False,
    migrations: Sequence[Migration] = MIGRATIONS,
    integrity: bool = True,
    share: bool = True,
) -> Workbook:
    """Open (creating or upgrading if needed) the workbook at ``path``.

    Args:
        path: The ``.sqlite`` file; its stem is the workbook's name.
        language: Stored in a new workbook; ignored for an existing one.
        create: False for read-only commands, which must not create a file.
        lock: Take the single-instance lock first (the interface does; it is
            then held until ``close``).
        migrations: The upgrade steps (tests pass their own).
        integrity: Check every page of an existing file first (``PRAGMA
            quick_check``), which grows with the file. The interface opens
            without it and runs ``inspection.verify_integrity`` in the
            background once the dashboard is drawn.
        share: Hold the replace lock shared while open (see ``lock``), so
            that ``restore`` waits for this connection to close; False only
            for the opens that ``restore`` makes itself, under its own
            exclusive hold.

    An existing file this process cannot write (read-only media, a folder or
    file made read-only) is opened read-only: every read works, and a write
    raises ``WorkbookIOError`` saying "read-only", never "damaged".

    Raises:
        WorkbookNotFound: No file and ``create`` is False.
        NotAWorkbook: A folder or another program's database.
        WorkbookDamaged: Not readable as a workbook (empty, truncated...).
        WorkbookTooNew: Written by a newer version.
        WorkbookInUse: ``lock`` and another process holds the lock.
        WorkbookBeingReplaced: A restore or wipe kept the file longer than
            the bounded wait.
    """
    path = Path(path)
    version = target_version(migrations)
    if path.is_dir():
        raise NotAWorkbook(path, _("it is a folder"))
    if not path.exists():
        if not create:
            raise WorkbookNotFound(path)
        make_private_dir(path.parent)
    # Before the file is opened: a restore must not swap it under this connection.
    sharing = hold_for_writing(path) if share and writable(path) else None
    try:
        database, held = _open(path, language, create, lock, migrations, integrity, version)
    except BaseException:
        if sharing is not None:
            sharing.release()
        raise
    return Workbook(path, database, held, sharing)


def _open(
    path: Path,
    language: str,
    create: bool,
    lock: bool,
    migrations: Sequence[Migration],
    integrity: bool,
    version: int,
) -> tuple[Database, WorkbookLock | None]:
    """The body of :func:`open_workbook`, once the replace lock is held."""
    created = False
    if not path.exists():
        if not create:
            raise WorkbookNotFound(path)
        created = _create(path, language, version)
    held = acquire_lock(path) if lock else None
    try:
        if created:
            blank, found = False, version
        else:
            inspection = inspect_workbook(path, version, integrity=integrity)
            blank, found = inspection.blank, inspection.user_version
        read_only = not created and not writable(path)
        if read_only and (blank or found < version):
            raise WorkbookIOError(path, _("the file or its folder is read-only"), READ_ONLY)
        database = Database(path, read_only=read_only)
        try:
            if blank:
                with database.write() as connection:
                    _initialise(connection, path, language, version)
            elif found < version:
                with database.locked():
                    backups.rolling_backup(database.raw(), path, force=True, key=database.key)
                with database.write() as connection:
                    upgrade(connection, migrations)
            if database.pragma("application_id") & 0xFFFFFFFF != APPLICATION_ID:
                raise WorkbookDamaged(path, _("it lost its workbook stamp"))
        except BaseException:
            database.close()
            raise
    except BaseException:
        if held is not None:
            held.release()
        if created:
            _discard_new(path)
        raise
    return database, held
