"""Autosave writes, exports, and how opening and exporting grow with the workbook.

Everything here runs in this process with the storage layer already
imported: the figures are the work itself, not Python's imports (the
start-up benchmark covers those).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.model import Pack
from bilan_tui.export.api import NoHomework, render
from bilan_tui.export.documents import PAGE_FORMATS
from bilan_tui.export.options import FORMATS, SCOPES, ExportOptions
from bilan_tui.services.export_source import collect
from bilan_tui.services.session import WorkbookSession
from bilan_tui.store.inspection import verify_integrity
from bilan_tui.store.repository import open_workbook

from .common import LANGUAGE, Settings, median, percentile, progress
from .workbooks import Size, copy_workbook, scale_up, size_of

FACTORS = (1, 5, 10, 20)
SYNCHRONOUS_FULL = 2
TEXT_FORMATS = tuple(format_ for format_ in FORMATS if format_ not in PAGE_FORMATS)
"""Markdown, HTML and JSON: the 150 ms goal; PDF and DOCX have their own (``pages``)."""
WARMUP_WRITES = 20
AUTOSAVE_FIELDS = ("poste", "secteur", "ce_qui_pese")
"""A few answers of one exercise: what one autosave of steady typing writes."""


@dataclass(frozen=True, slots=True)
class Autosave:
    """Milliseconds per write of a few answers, ``synchronous=FULL``, on disk.

    Attributes:
        p99: Ours, the 99th percentile (wall clock).
        median: Ours, the median.
        cpu: Ours, CPU milliseconds per write (the rest is waiting for the disk).
        bare_p99: The same rows written with the standard library's ``sqlite3``
            alone, same PRAGMAs: the floor of this disk and SQLite.
        writes: Writes timed of each.
    """

    p99: float
    median: float
    cpu: float
    bare_p99: float
    writes: int


@dataclass(frozen=True, slots=True)
class Scaled:
    """One workbook size and how long it takes to open and to export.

    Attributes:
        size: What the workbook holds.
        open_ms: Median CPU time: open the session as the interface does
            (without the whole-file check) and read the dashboard's data.
        check_ms: Median CPU time: the whole-file check the interface runs
            in the background once the dashboard is drawn.
        export_ms: Median CPU time: collect, then render every scope in every format.
    """

    size: Size
    open_ms: float
    check_ms: float
    export_ms: float


BARE_SCHEMA = """
CREATE TABLE answer (
    id INTEGER PRIMARY KEY, pack_id TEXT NOT NULL, exercise_id TEXT NOT NULL,
    field_id TEXT NOT NULL, entry_id TEXT NOT NULL DEFAULT '', value TEXT NOT NULL,
    updated_at TEXT NOT NULL, UNIQUE (pack_id, exercise_id, field_id, entry_id)
)
"""
BARE_UPSERT = (
    "INSERT INTO answer (pack_id, exercise_id, field_id, entry_id, value, updated_at) "
    "VALUES (?, ?, ?, '', ?, ?) ON CONFLICT (pack_id, exercise_id, field_id, entry_id) "
    "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
)


def _bare_database(path: Path) -> sqlite3.Connection:
    """A plain ``sqlite3`` database with the workbook's answer table and PRAGMAs."""
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute(BARE_SCHEMA)
    return connection


def _bare_write(connection: sqlite3.Connection, rows: Sequence[tuple[str, ...]]) -> None:
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany(BARE_UPSERT, rows)
    connection.execute("COMMIT")


def measure_autosave(settings: Settings, folder: Path, pack: Pack) -> Autosave:
    """Time ``save_answers`` of a few answers, alternated with the bare ``sqlite3`` write.

    Raises:
        RuntimeError: The workbook is not written with ``synchronous=FULL``.
    """
    progress(f"autosave x{settings.saves}")
    workbook = open_workbook(folder / "autosave.sqlite", language=LANGUAGE, create=True)
    bare = _bare_database(folder / "bare.sqlite")
    ours: list[float] = []
    floor: list[float] = []
    cpu = 0.0
    try:
        if workbook.pragma("synchronous") != SYNCHRONOUS_FULL:
            raise RuntimeError("the workbook is not opened with synchronous=FULL")
        keys = [AnswerKey(pack.id, "situation", field) for field in AUTOSAVE_FIELDS]
        for index in range(WARMUP_WRITES + settings.saves):
            text = f"text {index} " * 8
            batch = [Answer(key, text) for key in keys]
            start, used = time.perf_counter(), time.process_time()
            workbook.save_answers(batch)
            elapsed, used = time.perf_counter() - start, time.process_time() - used
            rows = [(pack.id, "situation", key.field_id, text, "now") for key in keys]
            start = time.perf_counter()
            _bare_write(bare, rows)
            bare_elapsed = time.perf_counter() - start
            if index >= WARMUP_WRITES:  # the first writes grow the files and warm the caches
                ours.append(elapsed * 1000)
                floor.append(bare_elapsed * 1000)
                cpu += used * 1000
    finally:
        workbook.close()
        bare.close()
    return Autosave(
        p99=percentile(ours, 0.99),
        median=median(ours),
        cpu=cpu / len(ours),
        bare_p99=percentile(floor, 0.99),
        writes=len(ours),
    )


def export_everything(
    session: WorkbookSession, clock: Callable[[], float] = time.perf_counter
) -> dict[str, float]:
    """Every text export ``bilan export`` can make of the workbook: ms per ``scope/format``.

    Each one collects from the workbook then renders, as the command does. The
    homework scope is left out when the workbook has no homework (the command
    refuses it then).
    """
    spent: dict[str, float] = {}
    for scope in SCOPES:
        for format_ in TEXT_FORMATS:
            start = clock()
            source = collect(session)
            try:
                render(source, ExportOptions(scope=scope, format=format_))
            except NoHomework:
                continue
            spent[f"{scope}/{format_}"] = (clock() - start) * 1000
    return spent


def _cpu_timed(repeats: int, work: Callable[[], object]) -> float:
    """Median CPU milliseconds of ``work`` after one untimed call (lazy imports, caches).

    CPU time, because the question is how the work grows with the workbook,
    and other programs on the machine lengthen wall-clock times unevenly.
    """
    work()
    timings = []
    for _ in range(repeats):
        start = time.process_time()
        work()
        timings.append((time.process_time() - start) * 1000)
    return median(timings)


def _open_and_read(path: Path, pack: Pack) -> None:
    session = WorkbookSession.open(path, pack, language=LANGUAGE, create=False, integrity=False)
    try:
        session.dashboard_data()
    finally:
        session.close()


def _export(path: Path, pack: Pack) -> None:
    session = WorkbookSession.open(path, pack, language=LANGUAGE, create=False)
    try:
        export_everything(session)
    finally:
        session.close()


@dataclass(frozen=True, slots=True)
class DemoExport:
    """Median milliseconds of exports of the demo, each a collect and a render.

    Attributes:
        each: Per ``scope/format``, one export as ``bilan export`` does it.
        slowest: The slowest of them.
        slowest_cpu: Its CPU time.
        total: Every scope in every format, one after the other.
    """

    each: dict[str, float]
    slowest: str
    slowest_cpu: float
    total: float


def demo_export(settings: Settings, demo: Path, pack: Pack) -> DemoExport:
    """Time each export of the demo (collect + render), every scope and format."""
    progress("demo export")
    session = WorkbookSession.open(demo, pack, language=LANGUAGE, create=False)
    try:
        export_everything(session)  # lazy imports, caches
        runs = [export_everything(session) for _ in range(settings.repeats)]
        cpu = [export_everything(session, time.process_time) for _ in range(settings.repeats)]
    finally:
        session.close()
    each = {name: median([run[name] for run in runs]) for name in runs[0]}
    slowest = max(each, key=each.__getitem__)
    slowest_cpu = median([run[slowest] for run in cpu])
    return DemoExport(each, slowest, slowest_cpu, median([sum(run.values()) for run in runs]))


def measure_scaling(settings: Settings, folder: Path, demo: Path, pack: Pack) -> list[Scaled]:
    """Build the demo at each size of ``FACTORS``; time opening and exporting each."""
    results = []
    for factor in FACTORS:
        progress(f"stress workbook x{factor}")
        path = folder / f"stress-{factor}.sqlite"
        copy_workbook(demo, path)
        if factor > 1:
            scale_up(path, factor)
        size = size_of(path, factor)
        open_ms = _cpu_timed(settings.repeats, partial(_open_and_read, path, pack))
        check_ms = _cpu_timed(settings.repeats, partial(verify_integrity, path))
        export_ms = _cpu_timed(settings.repeats, partial(_export, path, pack))
        results.append(Scaled(size, open_ms, check_ms, export_ms))
    return results
