"""Hostile packs and homework files: each small enough to travel, each built to hurt.

Every maker writes a one-exercise pack folder whose single exercise (``x``)
holds the hostile part, the way an attacker would send it (under the 1 MiB
per-file limit of archives). ``homework_carrying`` wraps such a pack in a
homework file; ``homework_listing`` assigns tens of thousands of exercises.
Run in a child process by ``test_hostile_packs.py``: on the old code several
of them grew without bound or ran for minutes.
"""

from __future__ import annotations

import datetime
import os
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

MANIFEST = """id = "hostile"
version = "1.0.0"
language = "en"
title = "Hostile"

[[phases]]
id = "investigation"
exercises = ["x"]
"""


def _exercise(front: str, body: str = "Some guidance.\n") -> str:
    return f'+++\nid = "x"\ntitle = "X"\n{front}+++\n{body}'


def _rating(points: int) -> str:
    return _exercise(
        f'kind = "form"\n[[fields]]\nid = "r"\nlabel = "R"\ntype = "rating"\n'
        f"min = 1\nmax = {points}\n"
    )


def _likert(points: int) -> str:
    return _exercise(
        f'kind = "likert"\n[scale]\nmin = 1\nmax = {points}\n'
        '[[dimensions]]\nid = "d"\ntitle = "D"\n'
        '[[items]]\nid = "i"\ntext = "I"\ndimension = "d"\n'
    )


def _many_items(count: int) -> str:
    items = "".join(f'[[items]]\nid = "i{n}"\ntext = "I"\ndimension = "d"\n' for n in range(count))
    return _exercise(
        'kind = "likert"\n[scale]\nmin = 1\nmax = 5\n[[dimensions]]\nid = "d"\ntitle = "D"\n'
        + items
    )


def _many_cards(count: int) -> str:
    cards = "".join(f'[[cards]]\nid = "c{n}"\ntitle = "C"\n' for n in range(count))
    return _exercise('kind = "cardsort"\n[[piles]]\nid = "p"\ntitle = "P"\n' + cards)


def _many_choices(count: int) -> str:
    choices = "".join(f'[[fields.choices]]\nid = "c{n}"\nlabel = "C"\n' for n in range(count))
    return _exercise(
        'kind = "form"\n[[fields]]\nid = "f"\nlabel = "F"\ntype = "choice"\n' + choices
    )


def _list_guidance(count: int) -> str:
    return _exercise(
        'kind = "form"\n[[fields]]\nid = "t"\nlabel = "T"\ntype = "text"\n', "- a\n" * count
    )


def _table_guidance(rows: int) -> str:
    return _exercise(
        'kind = "form"\n[[fields]]\nid = "t"\nlabel = "T"\ntype = "text"\n',
        "| a | b |\n|---|---|\n" + "|1|2|\n" * rows,
    )


def _nested_guidance(depth: int) -> str:
    return _exercise(
        'kind = "form"\n[[fields]]\nid = "t"\nlabel = "T"\ntype = "text"\n', ">" * depth + " deep\n"
    )


def _unknown_inline_keys(count: int) -> str:
    """All on one line: under the line bound, and the hardest case for finding lines."""
    keys = ", ".join(f"k{n} = 1" for n in range(count))
    return _exercise(
        f'kind = "form"\nfields = [{{ id = "t", label = "T", type = "text", {keys} }}]\n'
    )


def _unknown_keys(count: int) -> str:
    keys = "".join(f"k{n} = 1\n" for n in range(count))
    return _exercise('kind = "form"\n[[fields]]\nid = "t"\nlabel = "T"\ntype = "text"\n' + keys)


PACKS: dict[str, tuple[Callable[[], str], str]] = {
    "rating of 50,000,000 points": (
        lambda: _rating(50_000_000),
        "the scale from 1 to 50000000 has 50000000 points; at most 101 are allowed",
    ),
    "likert of 20,000,000 points": (
        lambda: _likert(20_000_000),
        "the scale from 1 to 20000000 has 20000000 points; at most 101 are allowed",
    ),
    "likert of 900 items": (
        lambda: _many_items(900),
        "'items' has 900 entries; at most 500 are allowed",
    ),
    "card sort of 1,200 cards": (
        lambda: _many_cards(1_200),
        "'cards' has 1200 entries; at most 250 are allowed",
    ),
    "choice of 1,200 options": (
        lambda: _many_choices(1_200),
        "'choices' has 1200 entries; at most 100 are allowed",
    ),
    "guidance of 3,000 list items": (
        lambda: _list_guidance(3_000),
        "the guidance has 3000 list items; at most 200 are allowed",
    ),
    "guidance of a 3,000-row table": (
        lambda: _table_guidance(3_000),
        "the guidance has 3001 table rows; at most 200 are allowed",
    ),
    "guidance nested 5,000 deep": (
        lambda: _nested_guidance(5_000),
        "the guidance nests 20 levels deep; at most 16 are allowed",
    ),
    "guidance of 80,000 list items": (
        lambda: _list_guidance(80_000),
        "too large",
    ),
    "guidance of a 70,000-row table": (
        lambda: _table_guidance(70_000),
        "too large",
    ),
    "20,000 unknown keys on one line": (
        lambda: _unknown_inline_keys(20_000),
        "field 't': unknown key 'k0'",
    ),
    "20,000 unknown keys": (
        lambda: _unknown_keys(20_000),
        "the file has 20011 lines; at most 4000 are allowed",
    ),
    "71,000 unknown keys": (
        lambda: _unknown_keys(71_000),
        "too large",
    ),
}
"""Each hostile pack by its test id: its exercise file, and words of the refusal."""


def write_pack(folder: Path, exercise: str) -> Path:
    """A pack folder holding ``pack.toml`` and ``x.md``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.toml").write_text(MANIFEST, "utf-8")
    (folder / "x.md").write_text(exercise, "utf-8")
    return folder


def _due() -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=7)


def homework_carrying(path: Path, exercise: str) -> Path:
    """A homework file assigning ``hostile:x`` and carrying the pack."""
    from bilan_tui.services.homework.fileformat import (
        AssignedExercise,
        HomeworkFile,
        render_homework,
    )

    homework = HomeworkFile(
        id=str(uuid.uuid4()),
        created=datetime.datetime.now(datetime.UTC),
        due=_due(),
        message="",
        exercises=(AssignedExercise("hostile", "x"),),
        pack_files={"pack.toml": MANIFEST, "x.md": exercise},
    )
    path.write_text(render_homework(homework), "utf-8")
    return path


def homework_listing(path: Path, count: int) -> Path:
    """A homework file assigning ``count`` distinct exercises of the built-in pack."""
    head = (
        f'format = "bilan-homework"\nversion = 1\nid = "{uuid.uuid4()}"\n'
        f"created = 2026-01-01T00:00:00Z\ndue = {_due().isoformat()}\n"
    )
    body = "".join(f'[[exercises]]\npack = "bilan"\nid = "x{n}"\n' for n in range(count))
    path.write_text(head + body, "utf-8")
    return path


def fifo(path: Path) -> Path:
    """A named pipe with no writer: opening it for reading blocks forever."""
    os.mkfifo(path)
    return path


def measured_main(args: list[str]) -> None:
    """Run ``bilan ARGS`` in this (child) process; print status, seconds and peak MiB last.

    The peak is the kernel's high-water mark of this process (``VmHWM``),
    ``getrusage`` where there is none.

    The child's memory is capped (``RLIMIT_AS``) so that old code which grew
    without bound fails instead of taking the machine.
    """
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    from bilan_tui.cli import main

    start = time.perf_counter()
    try:
        status = main(args)
    except MemoryError:
        status = -1
    elapsed = time.perf_counter() - start
    sys.stdout.flush()
    print(f"\n@@ {status} {elapsed:.3f} {_peak_megabytes():.1f}")


def _peak_megabytes() -> float:
    """This process's peak resident memory, in MiB.

    ``getrusage`` keeps, across ``exec``, the peak of the process that forked
    (Linux counts the pages it shares with a large test runner), so the
    kernel's ``VmHWM`` of this program's own memory is read where it exists.
    """
    import resource

    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    measured_main(sys.argv[1:])
