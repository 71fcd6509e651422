"""Read-only checks that a file is one of our workbooks, before anything writes to it.

A damaged file must never be written to: SQLite would happily "repair" a
header or turn a stranger's database into ours. So the header bytes are read
with a plain ``open(..., "rb")`` first, and only a file that looks right is
opened by SQLite, read-only (``mode=ro``), for ``PRAGMA quick_check``. Stdlib
only: ``bilan restore`` and ``bilan status`` use it too.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import NamedTuple

from bilan_tui.crypto.sqlcipher import database_errors
from bilan_tui.i18n import _

from .errors import NotAWorkbook, WorkbookDamaged, WorkbookTooNew, from_sqlite

APPLICATION_ID = 0x42494C41
"""``PRAGMA application_id`` of every workbook: "BILA" in ASCII."""

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


class Header(NamedTuple):
    """The fields of an SQLite file header that the checks use.

    Named tuples rather than dataclasses: this module is imported before the
    interface's first frame, and a frozen dataclass costs a millisecond to create.
    """

    page_size: int
    change_counter: int
    page_count: int
    user_version: int
    application_id: int
    valid_for: int


class Inspection(NamedTuple):
    """What the read-only checks found.

    Attributes:
        user_version: The schema version stored in the file.
        blank: An SQLite file with no table, no version and no application
            id: safe to make into a workbook.
    """

    user_version: int
    blank: bool


ENCRYPTED_HEADER = Header(
    page_size=4096, change_counter=0, page_count=0, user_version=0, application_id=0, valid_for=1
)
"""What is known of an encrypted file (``bilan_tui.crypto``) without decrypting it.

SQLCipher's pages are 4096 bytes; the rest is read through SQLite, keyed.
``valid_for`` differs from ``change_counter`` so the page count is not trusted.
"""


def read_header(path: Path) -> Header:
    """Parse the 100-byte header, refusing anything that is not SQLite.

    Raises:
        NotAWorkbook: The path is a folder, a named pipe or a device.
        WorkbookDamaged: Empty, too short, wrong magic or impossible page size.
    """
    if path.is_dir():
        raise NotAWorkbook(path, _("it is a folder"))
    data = read_workbook_start(path)
    if not data:
        raise WorkbookDamaged(path, _("the file is empty"))
    if len(data) == HEADER_SIZE and not data.startswith(MAGIC):
        from bilan_tui.crypto.sqlcipher import database_key

        if database_key(path) is not None:  # raises WorkbookLocked before its passphrase
            return ENCRYPTED_HEADER
    if len(data) < HEADER_SIZE or not data.startswith(MAGIC):
        raise WorkbookDamaged(path, _("it is not an SQLite database (its header is missing)"))
    (raw_page_size,) = struct.unpack_from(">H", data, 16)
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise WorkbookDamaged(path, _("its header is damaged (impossible page size)"))
    return Header(
        page_size=page_size,
        change_counter=struct.unpack_from(">I", data, 24)[0],
        page_count=struct.unpack_from(">I", data, 28)[0],
        user_version=struct.unpack_from(">i", data, 60)[0],
        application_id=struct.unpack_from(">i", data, 68)[0] & 0xFFFFFFFF,
        valid_for=struct.unpack_from(">I", data, 92)[0],
    )


def read_workbook_start(path: Path) -> bytes:
    """The header bytes of a workbook or backup, refused unless it is a regular file.

    Opening a named pipe blocks until something writes to it, which may be
    never; a device such as ``/dev/zero`` never ends. The kind of file is
    checked before opening, and the open itself never blocks.

    Raises:
        NotAWorkbook: a named pipe, a device or a socket.
    """
    from bilan_tui.plain_files import NotAPlainFile, read_start

    try:
        return read_start(path, HEADER_SIZE)
    except NotAPlainFile as error:
        raise NotAWorkbook(path, str(error)) from None


def _check_size(path: Path, header: Header) -> None:
    """Refuse a file cut short, without asking SQLite.

    When a ``-wal`` file holds frames, the main file may legitimately lag
    behind its last checkpoint, so the check is left to ``quick_check``.
    """
    size = path.stat().st_size
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return
    if size % header.page_size:
        raise WorkbookDamaged(path, _("the file is truncated"))
    header_valid = header.valid_for == header.change_counter
    if header_valid and header.page_count * header.page_size > size:
        raise WorkbookDamaged(path, _("the file is truncated"))


def _query(path: Path, integrity: bool) -> tuple[str, int, int, int]:
    """Run the integrity check (if asked) and read the live pragmas, read-only.

    The pragmas are read through SQLite rather than from the header because a
    committed migration may still sit in the ``-wal`` file.
    """
    from bilan_tui.crypto.sqlcipher import connect_read_only

    connection = connect_read_only(path)
    try:
        connection.execute("PRAGMA busy_timeout = 5000")
        verdict = "ok"
        if integrity:
            rows = connection.execute("PRAGMA quick_check(1)").fetchall()
            verdict = str(rows[0][0]) if rows else "no answer"
        application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
        user_version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        tables = int(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    finally:
        connection.close()
    return verdict, application_id & 0xFFFFFFFF, user_version, tables


def _refuse_foreign(path: Path, application_id: int) -> None:
    if application_id not in (0, APPLICATION_ID):
        raise NotAWorkbook(
            path,
            _("it belongs to another program (application id {id})").format(
                id=f"{application_id:#x}"
            ),
        )


def inspect_workbook(path: Path, known_version: int, *, integrity: bool = True) -> Inspection:
    """Check, without writing, that an existing file is a workbook this version can open.

    Args:
        path: An existing path.
        known_version: The newest schema version this program knows.
        integrity: Run ``PRAGMA quick_check``, which reads every page. The
            interface leaves it to :func:`verify_integrity`, run in the
            background once the dashboard is drawn.

    Raises:
        NotAWorkbook: A folder, another program's database, or an SQLite file
            holding tables but no workbook stamp.
        WorkbookDamaged: Not SQLite, empty, truncated or failing quick_check.
        WorkbookTooNew: Written by a newer version of the program.
        WorkbookIOError: The disk refused to let SQLite read it (full, read-only).
    """
    header = inspect_header(path)
    if header.user_version > known_version:
        raise WorkbookTooNew(path, header.user_version, known_version)
    application_id, user_version, tables = _checked_query(path, integrity)
    _refuse_foreign(path, application_id)
    if user_version > known_version:
        raise WorkbookTooNew(path, user_version, known_version)
    if application_id == 0:
        if tables or user_version:
            raise NotAWorkbook(path, _("it is an SQLite database made by something else"))
        return Inspection(user_version=0, blank=True)
    if user_version < 1:
        raise WorkbookDamaged(path, _("it was never fully created"))
    return Inspection(user_version=user_version, blank=False)


def verify_integrity(path: Path) -> None:
    """Read the whole workbook once, read-only, and refuse it if SQLite finds damage.

    The check :func:`inspect_workbook` skips with ``integrity=False``; safe
    to run while the same process writes (WAL readers see a snapshot).

    Raises:
        WorkbookDamaged: ``PRAGMA quick_check`` found a problem, or SQLite
            found the file corrupt.
        WorkbookIOError: The disk refused (full, read-only, input/output
            error): not damage, so no backup is offered.
    """
    _checked_query(path, integrity=True)


def _checked_query(path: Path, integrity: bool) -> tuple[int, int, int]:
    """The live application id, user version and table count; damage refused."""
    try:
        verdict, application_id, user_version, tables = _query(path, integrity)
    except database_errors() as exc:
        # A full or read-only disk is not damage: only corruption offers a backup.
        raise from_sqlite(path, exc) from None
    if verdict != "ok":
        raise WorkbookDamaged(path, _("its integrity check failed"))
    return application_id, user_version, tables


def inspect_header(path: Path) -> Header:
    """The checks that need only the file's first 100 bytes and its size: microseconds.

    Run before the interface draws anything, so that a file that is plainly
    not a workbook (empty, cut short, zeroed, another program's) gets the
    restore offer at once. ``inspect_workbook`` does the rest (``quick_check``,
    which reads the whole file) when the workbook is opened for real.

    Returns:
        The header, for the checks that follow.

    Raises:
        NotAWorkbook: A folder or another program's database.
        WorkbookDamaged: Not SQLite, empty or truncated.
    """
    header = read_header(path)
    _refuse_foreign(path, header.application_id)
    _check_size(path, header)
    return header
