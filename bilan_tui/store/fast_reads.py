"""The dashboard's reads that must not grow with the workbook, in plain ``sqlite3``.

A workbook kept for years holds thousands of answers and ledger entries, yet
opening it should cost about what opening a new one does (DESIGN §12). So
the dashboard never fetches those rows: which exercises are started is found
by probing each exercise until its first non-empty answer, and the ledger is
added up by SQLite (``GROUP BY``). Written once, on a ``sqlite3.Connection``,
for both readers: the store (inside its read transaction, see ``raw_read``)
and ``quick_read``, which runs before SQLAlchemy is imported. So this module
imports the standard library and the domain only.
"""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from typing import TYPE_CHECKING

from bilan_tui.crypto.sqlcipher import operational_errors
from bilan_tui.domain.answers import POSITION, is_empty
from bilan_tui.domain.ledger_summary import SINGLE_DAY_LIMIT_MINUTES, LedgerTotals
from bilan_tui.domain.model import PHASE_IDS, ExerciseStatus
from bilan_tui.domain.progress import exercise_status

from .codec import date_text, from_json, parse_date
from .errors import from_sqlite

if TYPE_CHECKING:
    from .engine import Database

EMPTY_JSON = ("null", '""', "[]", "{}")
"""Stored values that are empty whatever they came from; SQL skips them."""

_PACK_FROM = "SELECT pack_id FROM answer WHERE pack_id >= ? ORDER BY pack_id LIMIT 1"
_PACK_AFTER = "SELECT pack_id FROM answer WHERE pack_id > ? ORDER BY pack_id LIMIT 1"
_EXERCISE_FROM = (
    "SELECT exercise_id FROM answer WHERE pack_id = ? AND exercise_id >= ? "
    "ORDER BY exercise_id LIMIT 1"
)
_EXERCISE_AFTER = (
    "SELECT exercise_id FROM answer WHERE pack_id = ? AND exercise_id > ? "
    "ORDER BY exercise_id LIMIT 1"
)
_CANDIDATES = (
    # Positions are skipped by two index ranges around them, not by a filter:
    # a records exercise holds one position per entry, all before its values.
    # ``!=`` four times: ``NOT IN (...)`` builds a small table on every run.
    "SELECT value FROM answer WHERE pack_id = ? AND exercise_id = ? AND field_id {side} ? "
    "AND value != ? AND value != ? AND value != ? AND value != ?"
)
_AFTER_POSITIONS = _CANDIDATES.format(side=">")
_BEFORE_POSITIONS = _CANDIDATES.format(side="<")
_DONE = "SELECT pack_id, exercise_id FROM exercise_state WHERE done"
_DONE_OF = "SELECT pack_id, exercise_id FROM exercise_state WHERE done AND pack_id = ?"

_JULIAN_WEEK = "CAST(julianday(date) + 0.5 AS INTEGER) / 7"
"""An entry's week as a number: Julian day numbers divisible by 7 fall on Mondays."""
_ORDINAL_OF_JULIAN = 1_721_425
"""``date.toordinal()`` is the Julian day number minus this."""
_BY_WEEK_AND_PHASE = (
    f"SELECT {_JULIAN_WEEK} AS week, phase, "
    "SUM(minutes * (kind = 'accompagnement')), SUM(minutes) "
    "FROM ledger_entry GROUP BY week, phase"
)
_PHASE_ORDER = (
    "SELECT phase FROM ledger_entry WHERE phase NOT IN ({known}) "
    "GROUP BY phase ORDER BY MIN(date || printf(' %020d', id))"
)
_SPAN = "SELECT (SELECT MIN(date) FROM ledger_entry), (SELECT MAX(date) FROM ledger_entry)"
_BUSY_DAYS = (
    "SELECT date, SUM(minutes) FROM ledger_entry "
    "WHERE kind = 'accompagnement' AND date >= ? AND date < ? "
    "GROUP BY date HAVING SUM(minutes) > ?"
)


def _exercise_ids(connection: sqlite3.Connection, pack_id: str) -> list[str]:
    """The distinct exercise ids answered in a pack, one index seek each.

    ``SELECT DISTINCT`` would read the whole index: as many steps as answers.
    """
    found: list[str] = []
    row = connection.execute(_EXERCISE_FROM, (pack_id, "")).fetchone()
    while row is not None:
        found.append(row[0])
        row = connection.execute(_EXERCISE_AFTER, (pack_id, row[0])).fetchone()
    return found


def _pack_ids(connection: sqlite3.Connection) -> list[str]:
    """The distinct pack ids of the stored answers, one index seek each."""
    found: list[str] = []
    row = connection.execute(_PACK_FROM, ("",)).fetchone()
    while row is not None:
        found.append(row[0])
        row = connection.execute(_PACK_AFTER, (row[0],)).fetchone()
    return found


def _has_answer(connection: sqlite3.Connection, pack_id: str, exercise_id: str) -> bool:
    """Whether one exercise holds a non-empty value, stopping at the first one."""
    for query in (_AFTER_POSITIONS, _BEFORE_POSITIONS):
        found = connection.execute(query, (pack_id, exercise_id, POSITION, *EMPTY_JSON))
        with closing(found) as values:
            if any(not is_empty(from_json(value)) for (value,) in values):
                return True
    return False


def answered_exercises(
    connection: sqlite3.Connection, pack_id: str | None = None
) -> set[tuple[str, str]]:
    """``(pack id, exercise id)`` of each exercise with at least one non-empty answer.

    Positions do not count (moving an entry is not answering), nor do values
    that ``domain.answers.is_empty`` calls empty: ``null``, blank text, an
    empty list or object. SQL drops the usual empty values; the rest are
    decoded one by one, and an exercise's probe stops at its first real
    answer, so the cost follows the number of exercises, not of answers.

    Args:
        connection: An open connection, inside a read transaction so that
            every probe sees the same data.
        pack_id: One pack only; ``None`` for every pack.
    """
    packs = _pack_ids(connection) if pack_id is None else [pack_id]
    return {
        (pack, exercise)
        for pack in packs
        for exercise in _exercise_ids(connection, pack)
        if _has_answer(connection, pack, exercise)
    }


def done_exercises(
    connection: sqlite3.Connection, pack_id: str | None = None
) -> set[tuple[str, str]]:
    """``(pack id, exercise id)`` of each exercise marked done (of one pack, or all)."""
    if pack_id is None:
        rows = connection.execute(_DONE)
    else:
        rows = connection.execute(_DONE_OF, (pack_id,))
    return {(pack, exercise) for pack, exercise in rows}


def statuses_of(
    connection: sqlite3.Connection, pack_id: str, exercise_ids: Iterable[str] = ()
) -> dict[str, ExerciseStatus]:
    """Each exercise's status in one pack, from its non-empty answers and its done mark.

    Args:
        connection: An open connection, inside a read transaction.
        pack_id: The pack.
        exercise_ids: Exercises to include even without any answer
            (reported ``todo``); others appear only if answered or marked.
    """
    answered = {exercise for _, exercise in answered_exercises(connection, pack_id)}
    done = {exercise for _, exercise in done_exercises(connection, pack_id)}
    result = {exercise_id: ExerciseStatus.TODO for exercise_id in exercise_ids}
    for exercise_id in answered | done:
        result[exercise_id] = exercise_status(exercise_id in answered, exercise_id in done)
    return result


def ledger_totals(connection: sqlite3.Connection) -> LedgerTotals:
    """The ledger added up by SQLite: the same as ``totals_of(workbook.ledger())``.

    One pass over the ledger, in C, gives the minutes by week and phase.
    The order of unknown phases (their first entry by date, then as added)
    is asked for only if there are some. A day can only hold more than the
    daily limit of accompaniment in a week that does, so only such weeks
    are searched for busy days: that relies on the table refusing negative
    minutes.

    Args:
        connection: An open connection, inside a read transaction so that
            every query sees the same ledger.
    """
    by_phase: dict[str, tuple[int, int]] = {}
    by_week: dict[datetime.date, tuple[int, int]] = {}
    week_number: int | None = None
    monday = datetime.date.min
    for week, phase, accompaniment, total in connection.execute(_BY_WEEK_AND_PHASE):
        if week != week_number:  # a week's rows come together: one date for them
            week_number, monday = week, datetime.date.fromordinal(week * 7 - _ORDINAL_OF_JULIAN)
        personal = total - accompaniment
        phase_acc, phase_own = by_phase.get(phase, (0, 0))
        by_phase[phase] = (phase_acc + accompaniment, phase_own + personal)
        week_acc, week_own = by_week.get(monday, (0, 0))
        by_week[monday] = (week_acc + accompaniment, week_own + personal)
    if any(phase not in PHASE_IDS for phase in by_phase):
        by_phase = _known_phases_first(connection, by_phase)
    busy_weeks = [week for week, (acc, _) in by_week.items() if acc > SINGLE_DAY_LIMIT_MINUTES]
    busy_days: dict[datetime.date, int] = {}
    if busy_weeks:
        end = max(busy_weeks) + datetime.timedelta(days=7)
        bounds = (date_text(min(busy_weeks)), date_text(end), SINGLE_DAY_LIMIT_MINUTES)
        for day, total in connection.execute(_BUSY_DAYS, bounds):
            busy_days[parse_date(day)] = int(total)
    first, last = connection.execute(_SPAN).fetchone()
    return LedgerTotals(
        by_phase=by_phase,
        by_week=by_week,
        busy_days=busy_days,
        first_date=None if first is None else parse_date(first),
        last_date=None if last is None else parse_date(last),
    )


def _known_phases_first(
    connection: sqlite3.Connection, by_phase: dict[str, tuple[int, int]]
) -> dict[str, tuple[int, int]]:
    """The legal phases, then the others in the order of their first entry."""
    query = _PHASE_ORDER.format(known=", ".join("?" * len(PHASE_IDS)))
    unknown = [phase for (phase,) in connection.execute(query, PHASE_IDS)]
    ordered = [phase for phase in PHASE_IDS if phase in by_phase] + unknown
    return {phase: by_phase[phase] for phase in ordered}


@contextmanager
def raw_read(database: Database) -> Iterator[sqlite3.Connection]:
    """The store's ``sqlite3`` connection inside one of its read transactions.

    SQLAlchemy costs a few microseconds a row, which is what made big
    workbooks slow to open; the driver's own cursor does not. SQLite's
    failures are turned into the store's errors, as ``Database.read`` does
    for SQLAlchemy's.

    Raises:
        WorkbookBusy: Another process holds the file locked.
        WorkbookIOError: Another failure to read the file.
    """
    with database.read():
        try:
            yield database.raw()
        except operational_errors() as exc:
            raise from_sqlite(database.path, exc) from exc
