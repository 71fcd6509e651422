"""What every benchmark shares: where to write, how to summarise, what a figure is."""

from __future__ import annotations

import math
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
"""The checkout: the benchmarks start ``python -m`` from here."""

LANGUAGE = "en"
"""The demo and the app run in English, so the markers are stable words."""

MEMORY_FILESYSTEMS = frozenset({"tmpfs", "ramfs"})


@dataclass(frozen=True, slots=True)
class Settings:
    """How hard to measure.

    Attributes:
        warmup: Runs thrown away before timing (caches, ``.pyc`` files).
        runs: Timed runs of each program, alternated.
        keys: Keystrokes per round in each app.
        rounds: Rounds of keystrokes, alternated between the two apps.
        saves: Autosave writes timed.
        repeats: Repeats of each open and export timing.
    """

    warmup: int
    runs: int
    keys: int
    rounds: int
    saves: int
    repeats: int


FULL = Settings(warmup=2, runs=21, keys=120, rounds=3, saves=1000, repeats=7)
QUICK = Settings(warmup=1, runs=3, keys=40, rounds=1, saves=200, repeats=3)


@dataclass(frozen=True, slots=True)
class Figure:
    """One line of the results table.

    Attributes:
        name: What is measured.
        reference: The reference measured in the same run ("" if none).
        ours: The application's figure.
        ratio: Ours against the reference, as the goal states it.
        goal: The goal of DESIGN §12.
        met: Whether the goal is met.
    """

    name: str
    reference: str
    ours: str
    ratio: str
    goal: str
    met: bool


def median(values: Sequence[float]) -> float:
    """The median; the figures are medians so one slow run does not move them."""
    return statistics.median(values)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (``0.99`` for p99) of at least one value."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def filesystem_of(path: Path) -> str:
    """The type of the filesystem holding ``path`` (from ``/proc/mounts``; "" if unknown)."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    target = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, parts[2]
    return kind


def scratch_parent() -> Path:
    """A folder on a real disk for the benchmark's workbooks.

    Autosave is timed with ``synchronous=FULL``; on a tmpfs ``fsync`` costs
    nothing and the figure would flatter us, so a memory filesystem is
    avoided in favour of the user's cache folder.
    """
    temporary = Path(tempfile.gettempdir())
    if filesystem_of(temporary) not in MEMORY_FILESYSTEMS:
        return temporary
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    cache.mkdir(parents=True, exist_ok=True)
    return cache


def progress(message: str) -> None:
    """One line on stderr, so a long run shows where it is."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)
