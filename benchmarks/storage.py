"""Autosave writes, exports, and how opening and exporting grow with the workbook.

Everything here runs in this process with the storage layer already
imported: the figures are the work itself, not Python's imports (the
start-up benchmark covers those).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.model import Pack
from bilan_tui.export.api import NoHomework, render
from bilan_tui.export.options import FORMATS, SCOPES, ExportOptions
from bilan_tui.export.source import collect
from bilan_tui.session import WorkbookSession
from bilan_tui.store.repository import open_workbook

from .common import LANGUAGE, Settings, median, percentile, progress
from .workbooks import Size, scale_up, size_of

FACTORS = (1, 5, 10, 20)
SYNCHRONOUS_FULL = 2
AUTOSAVE_FIELDS = ("poste", "secteur", "ce_qui_pese")
"""A few answers of one exercise: what one autosave of steady typing writes."""


@dataclass(frozen=True, slots=True)
class Autosave:
    """Milliseconds per write of a few answers, ``synchronous=FULL``."""

    median: float
    p99: float
    writes: int


@dataclass(frozen=True, slots=True)
class Scaled:
    """One workbook size and how long it takes to open and to export.

    Attributes:
        size: What the workbook holds.
        open_ms: Median: open the session and read the dashboard's data.
        export_ms: Median: collect, then render every scope in every format.
    """

    size: Size
    open_ms: float
    export_ms: float


def measure_autosave(settings: Settings, folder: Path, pack: Pack) -> Autosave:
    """Time ``save_answers`` of a few answers on a new workbook on disk.

    Raises:
        RuntimeError: The workbook is not written with ``synchronous=FULL``.
    """
    progress(f"autosave x{settings.saves}")
    workbook = open_workbook(folder / "autosave.sqlite", language=LANGUAGE, create=True)
    try:
        if workbook.pragma("synchronous") != SYNCHRONOUS_FULL:
            raise RuntimeError("the workbook is not opened with synchronous=FULL")
        keys = [AnswerKey(pack.id, "situation", field) for field in AUTOSAVE_FIELDS]
        timings = []
        for index in range(settings.saves + 20):
            batch = [Answer(key, f"text {index} " * 8) for key in keys]
            start = time.perf_counter()
            workbook.save_answers(batch)
            elapsed = (time.perf_counter() - start) * 1000
            if index >= 20:  # the first writes grow the file and warm the caches
                timings.append(elapsed)
    finally:
        workbook.close()
    return Autosave(median(timings), percentile(timings, 0.99), len(timings))


def export_everything(session: WorkbookSession) -> dict[str, float]:
    """Collect once per export, render every scope in every format; ms per format."""
    spent = dict.fromkeys(FORMATS, 0.0)
    for scope in SCOPES:
        for format_ in FORMATS:
            start = time.perf_counter()
            source = collect(session)
            try:
                render(source, ExportOptions(scope=scope, format=format_))
            except NoHomework:  # the demo has no homework: the CLI refuses, nothing to time
                continue
            spent[format_] += (time.perf_counter() - start) * 1000
    return spent


def _timed(repeats: int, work: Callable[[], object]) -> float:
    """Median milliseconds of ``work`` after one untimed call (lazy imports, caches)."""
    work()
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        timings.append((time.perf_counter() - start) * 1000)
    return median(timings)


def _open_and_read(path: Path, pack: Pack) -> None:
    session = WorkbookSession.open(path, pack, language=LANGUAGE, create=False)
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


def demo_export(settings: Settings, demo: Path, pack: Pack) -> dict[str, float]:
    """Median ms per format (all scopes) and in total, on the demo."""
    progress("demo export")
    session = WorkbookSession.open(demo, pack, language=LANGUAGE, create=False)
    try:
        export_everything(session)
        runs = [export_everything(session) for _ in range(settings.repeats)]
    finally:
        session.close()
    result = {format_: median([run[format_] for run in runs]) for format_ in FORMATS}
    result["total"] = median([sum(run.values()) for run in runs])
    return result


def _copy(source: Path, target: Path) -> None:
    """Copy a workbook with SQLite's backup API (safe whatever its journal holds)."""
    reading, writing = sqlite3.connect(source), sqlite3.connect(target)
    try:
        reading.backup(writing)
    finally:
        reading.close()
        writing.close()


def measure_scaling(settings: Settings, folder: Path, demo: Path, pack: Pack) -> list[Scaled]:
    """Build the demo at each size of ``FACTORS``; time opening and exporting each."""
    results = []
    for factor in FACTORS:
        progress(f"stress workbook x{factor}")
        path = folder / f"stress-{factor}.sqlite"
        _copy(demo, path)
        if factor > 1:
            scale_up(path, factor)
        size = size_of(path, factor)
        open_ms = _timed(settings.repeats, lambda p=path: _open_and_read(p, pack))
        export_ms = _timed(settings.repeats, lambda p=path: _export(p, pack))
        results.append(Scaled(size, open_ms, export_ms))
    return results
