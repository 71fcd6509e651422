"""First frame, settled dashboard and peak memory, against a bare Textual app.

The programs run in a 100x30 pseudo-terminal, alternated so that a busy
moment on the machine hits all of them; the first runs are thrown away
(``.pyc`` files, disk cache). The bare app's "ready" is the reference for our
figures: the first frame (the first exercise title, drawn from the pack) and
the settled dashboard (the workbook's display name in the header, which only
appears once the workbook is open and its data shown). The demo and the
stress workbook are opened in turn, so their ratio is taken in the same run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .bare_app import MARKER
from .common import REPO, Settings, median, progress
from .terminal import Run, timed_run


@dataclass(frozen=True, slots=True)
class Opened:
    """Medians for one workbook, in seconds and MiB.

    Attributes:
        first: Our dashboard's first frame.
        settled: Our dashboard filled with the workbook's data.
        memory: Peak resident memory once settled.
    """

    first: float
    settled: float
    memory: float


@dataclass(frozen=True, slots=True)
class Startup:
    """The bare app's medians and ours per workbook.

    Attributes:
        bare: The bare app's first frame.
        bare_memory: The bare app's peak resident memory.
        opened: Ours, per workbook name.
        runs: How many timed runs of each.
    """

    bare: float
    bare_memory: float
    opened: dict[str, Opened]
    runs: int


def app_args(data_dir: Path, workbook: str) -> list[str]:
    """``python`` arguments that open ``workbook`` in the interface, as ``bilan`` would.

    No ``--lang``: the language comes from the workbook (English, as it was
    made), so the start-up reads it as a person's start does.
    """
    return ["-m", "bilan_tui", "--data-dir", str(data_dir), "--workbook", workbook]


def measure_startup(
    settings: Settings,
    data_dir: Path,
    workbooks: Sequence[str],
    first_title: str,
    display_name: str,
) -> Startup:
    """Alternate the bare app and ours on each workbook; the medians of the timed runs.

    Args:
        settings: How many runs.
        data_dir: The data folder holding the workbooks.
        workbooks: The workbooks' names (the demo first).
        first_title: The first exercise's title: our first-frame marker.
        display_name: The workbooks' display name: our settled marker.
    """
    bare: list[Run] = []
    ours: dict[str, list[Run]] = {name: [] for name in workbooks}
    total = settings.warmup + settings.runs
    for index in range(total):
        progress(f"start-up {index + 1}/{total}")
        reference = timed_run(["-m", "benchmarks.bare_app"], [MARKER], cwd=REPO)
        runs = {
            name: timed_run(app_args(data_dir, name), [first_title, display_name], cwd=REPO)
            for name in workbooks
        }
        if index >= settings.warmup:
            bare.append(reference)
            for name, run in runs.items():
                ours[name].append(run)
    return Startup(
        bare=median([run.marks[0] for run in bare]),
        bare_memory=median([run.max_rss_mb for run in bare]),
        opened={
            name: Opened(
                first=median([run.marks[0] for run in found]),
                settled=median([run.marks[1] for run in found]),
                memory=median([run.max_rss_mb for run in found]),
            )
            for name, found in ours.items()
        },
        runs=settings.runs,
    )
