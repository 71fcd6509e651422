"""Schema versions: creating a new workbook and upgrading an old one.

The version lives in ``PRAGMA user_version``. A new workbook is created from
the current tables and stamped with the newest version; an older one is
upgraded by the ordered steps below, each taking version N to N + 1, all of
them inside one IMMEDIATE transaction together with the new version number,
so a crash leaves either the old schema or the new one, never half of each.
The caller takes a backup first (see ``repository.open_workbook``).

Adding a step: append ``Migration(version=2, ...)``, change ``tables.py`` to
match, and add ``tests/fixtures/db/v2.sqlite`` with a test that opens it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlmodel import SQLModel

from .inspection import APPLICATION_ID
from .tables import TABLE_NAMES, table


@dataclass(frozen=True, slots=True)
class Migration:
    """One upgrade step.

    Attributes:
        version: The version this step produces (the previous one plus one).
        description: What changes, for the log and for reviewers.
        apply: Runs the step's statements on the open transaction.
    """

    version: int
    description: str
    apply: Callable[[Connection], None]


def _add_session_notes(connection: Connection) -> None:
    """Version 2: the session journal gets its table; nothing else changes."""
    SQLModel.metadata.create_all(connection, tables=[table("session_note")])


MIGRATIONS: tuple[Migration, ...] = (
    Migration(version=2, description="session journal (session_note)", apply=_add_session_notes),
)
"""Every step after version 1, in order."""


def target_version(migrations: Sequence[Migration]) -> int:
    """The version a workbook has once every step is applied.

    Raises:
        ValueError: The steps are not numbered 2, 3, 4... in order.
    """
    for expected, step in enumerate(migrations, start=2):
        if step.version != expected:
            raise ValueError(f"migration steps must be numbered in order: got {step.version}")
    return 1 + len(migrations)


SCHEMA_VERSION = target_version(MIGRATIONS)
"""The schema version this program writes and the newest it can open."""


def user_version(connection: Connection) -> int:
    """The schema version seen by the current transaction."""
    return int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())


def create_schema(connection: Connection, version: int) -> bool:
    """Make a blank file into a workbook, inside the caller's write transaction.

    Returns:
        False if another process did it first (the file is then left alone).
    """
    if user_version(connection):
        return False
    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    tables = [table(name) for name in TABLE_NAMES]
    SQLModel.metadata.create_all(connection, tables=tables)
    connection.exec_driver_sql(f"PRAGMA user_version = {int(version)}")
    return True


def upgrade(connection: Connection, migrations: Sequence[Migration]) -> list[int]:
    """Apply the steps the workbook still needs, inside the caller's transaction.

    Re-reads the version under the write lock, so two processes opening an
    old workbook at once upgrade it once.

    Returns:
        The versions reached, in order (empty if there was nothing to do).
    """
    target = target_version(migrations)
    current = user_version(connection)
    applied: list[int] = []
    for step in migrations:
        if step.version <= current:
            continue
        step.apply(connection)
        applied.append(step.version)
    if applied:
        connection.exec_driver_sql(f"PRAGMA user_version = {target}")
    return applied
