"""First frame, settled dashboard and peak memory, against a bare Textual app.

Both programs run in a 100x30 pseudo-terminal, alternated so that a busy
moment on the machine hits both; the first runs are thrown away (``.pyc``
files, disk cache). The bare app's "ready" is the reference for both of our
figures: the first frame (the first exercise title, drawn from the pack) and
the settled dashboard (the workbook's display name in the header, which only
appears once the workbook is open and its data shown).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .bare_app import MARKER
from .common import LANGUAGE, REPO, Settings, median, progress
from .terminal import Run, timed_run


@dataclass(frozen=True, slots=True)
class Startup:
    """Medians of the timed runs, in seconds and MiB.

    Attributes:
        bare: The bare app's first frame.
        first: Our dashboard's first frame.
        settled: Our dashboard filled with the workbook's data.
        bare_memory: The bare app's peak resident memory.
        memory: Ours, having settled and quit.
        runs: How many timed runs of each.
    """

    bare: float
    first: float
    settled: float
    bare_memory: float
    memory: float
    runs: int


def app_args(data_dir: Path, workbook: str) -> list[str]:
    """``python`` arguments that open ``workbook`` in the interface, as ``bilan`` would."""
    return [
        "-m",
        "bilan_tui",
        "--data-dir",
        str(data_dir),
        "--workbook",
        workbook,
        "--lang",
        LANGUAGE,
    ]


def measure_startup(
    settings: Settings, data_dir: Path, workbook: str, first_title: str, display_name: str
) -> Startup:
    """Alternate the bare app and ours; the medians of the timed runs.

    Args:
        settings: How many runs.
        data_dir: The data folder holding the workbook.
        workbook: The workbook's name (the demo).
        first_title: The first exercise's title: our first-frame marker.
        display_name: The workbook's display name: our settled marker.
    """
    bare: list[Run] = []
    ours: list[Run] = []
    total = settings.warmup + settings.runs
    for index in range(total):
        progress(f"startup {index + 1}/{total}")
        reference = timed_run(["-m", "benchmarks.bare_app"], [MARKER], cwd=REPO)
        run = timed_run(app_args(data_dir, workbook), [first_title, display_name], cwd=REPO)
        if index >= settings.warmup:
            bare.append(reference)
            ours.append(run)
    return Startup(
        bare=median([run.marks[0] for run in bare]),
        first=median([run.marks[0] for run in ours]),
        settled=median([run.marks[1] for run in ours]),
        bare_memory=median([run.max_rss_mb for run in bare]),
        memory=median([run.max_rss_mb for run in ours]),
        runs=settings.runs,
    )
