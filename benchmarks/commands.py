"""The command line's figures (DESIGN §12, issue 15): read commands and exports, wall time.

Every command runs as a person runs it, ``python -m bilan_tui ...`` in a new
process, and the clock runs from the moment the process is started to the
moment it has exited (for an export: the file is written and the workbook
closed). The reference, ``bilan --version``, runs in the same rounds,
alternated with the commands, so that the load of this shared machine
weighs on both alike; every figure is a median over the rounds, the first
round thrown away (it fills the page cache).

- **Read commands** (``status``, ``hours``, ``homework list``, ``metiers
  search``) on the demo: goal ≤ 2 × ``bilan --version``. ``metiers search``
  needs the official ROME zip (see ``referentiel.official_zip``); without it
  that row says why it is missing.
- **Exports** of the demo, every scope and format (pdf only when typst is
  installed): goal ≤ 0.35 s (md, html, json, docx) and ≤ 0.6 s (pdf), from
  the shell to the file written. The demo gets one homework assignment first,
  so that the homework scope has something to export.

Run alone with ``python -m benchmarks.commands [--quick]`` (prints, writes
nothing), or as part of ``python -m benchmarks``, which writes the table into
``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .common import FULL, QUICK, REPO, Figure, Settings, median, progress, scratch_parent

START = "<!-- command line benchmark: start (written by python -m benchmarks) -->"
END = "<!-- command line benchmark: end -->"
READ_LIMIT = 2.0
"""A read command may take this many times ``bilan --version``."""
EXPORT_LIMIT = 0.35
"""Seconds for an export of the demo in md, html, json or docx."""
PDF_LIMIT = 0.6
"""Seconds for an export of the demo in pdf (typst typesets it)."""
SCOPES = ("synthese", "detail", "homework", "suivi", "evaluation")
FORMATS = ("md", "html", "json", "docx", "pdf")
READS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("status", ("status",)),
    ("status --json", ("status", "--json")),
    ("hours", ("hours",)),
    ("homework list", ("homework", "list")),
    ("metiers search", ("metiers", "search", "educateur", "specialise")),
)


@dataclass(frozen=True)
class Commands:
    """The medians of one run, in seconds.

    Attributes:
        version: ``bilan --version``.
        reads: Per read command (the names of ``READS``), its median.
        exports: Per ``scope/format``, its median.
        missing: Why a row was not measured, by its name.
    """

    version: float
    reads: dict[str, float]
    exports: dict[str, float]
    missing: dict[str, str]


def _bilan(*words: str) -> list[str]:
    return [sys.executable, "-m", "bilan_tui", "--workbook", "demo", *words]


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=REPO, capture_output=True, check=True)
    return time.perf_counter() - started


def _prepare(scratch: Path, env: dict[str, str]) -> dict[str, str]:
    """The demo, with one homework, and the referential if the zip is there; what is missing."""
    missing: dict[str, str] = {}
    subprocess.run(_bilan("demo", "--no-open"), env=env, cwd=REPO, capture_output=True, check=True)
    homework = scratch / "homework.bilan"
    subprocess.run(
        _bilan(
            "homework",
            "new",
            "--exercises",
            "valeurs,pistes",
            "--due",
            (datetime.date.today() + datetime.timedelta(days=14)).isoformat(),
            "--output",
            str(homework),
        ),
        env=env,
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    subprocess.run(
        _bilan("homework", "import", str(homework)),
        env=env,
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    from .referentiel import official_zip

    zip_path = official_zip()
    if zip_path is None:
        missing["metiers search"] = "the official ROME zip is absent"
    else:
        from bilan_tui.referentiel.importer import import_referentiel

        progress("commands: importing the referential")
        import_referentiel(zip_path, Path(env["BILAN_DATA_DIR"]), None)
    try:
        import typst  # noqa: F401 - only whether it is there
    except ImportError:
        missing["pdf"] = "typst is not installed (pip install 'bilan-tui[pdf]')"
    return missing


def measure(settings: Settings, scratch: Path) -> Commands:
    """Time the reference and every command, alternated, over ``settings.repeats`` rounds."""
    env = dict(os.environ, BILAN_DATA_DIR=str(scratch / "data"), LANG="en_US.UTF-8")
    missing = _prepare(scratch, env)
    reads = [(name, words) for name, words in READS if name not in missing]
    formats = [fmt for fmt in FORMATS if fmt not in missing]
    exports = [(scope, fmt) for scope in SCOPES for fmt in formats]
    version: list[float] = []
    read_times: dict[str, list[float]] = {name: [] for name, _ in reads}
    export_times: dict[str, list[float]] = {f"{s}/{f}": [] for s, f in exports}
    out = scratch / "out"
    rounds = settings.repeats + 1
    for round_ in range(rounds):
        progress(f"commands: round {round_ + 1} of {rounds}")
        for name, words in reads:
            version.append(_timed(_bilan("--version"), env))
            read_times[name].append(_timed(_bilan(*words), env))
        for scope, fmt in exports:
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            target = out / f"{scope}.{fmt}"
            version.append(_timed(_bilan("--version"), env))
            export_times[f"{scope}/{fmt}"].append(
                _timed(
                    _bilan("export", "--scope", scope, "--format", fmt, "--output", str(target)),
                    env,
                )
            )
            if not target.is_file():
                raise RuntimeError(f"bilan export --scope {scope} --format {fmt} wrote nothing")
    skip = len(version) // rounds  # the first round's reference runs
    return Commands(
        version=median(version[skip:]),
        reads={name: median(times[1:]) for name, times in read_times.items()},
        exports={name: median(times[1:]) for name, times in export_times.items()},
        missing=missing,
    )


def figures(result: Commands) -> list[Figure]:
    """One row per read command, then the slowest export per format."""
    reference = f"{result.version * 1000:.0f} ms (`bilan --version`)"
    rows: list[Figure] = []
    for name, _words in READS:
        if name in result.missing:
            rows.append(
                Figure(f"`bilan {name}`, wall", reference, result.missing[name], "", "≤ 2 ×", False)
            )
            continue
        wall = result.reads[name]
        rows.append(
            Figure(
                f"`bilan {name}` of the demo, wall",
                reference,
                f"{wall * 1000:.0f} ms",
                f"{wall / result.version:.2f} ×",
                f"≤ {READ_LIMIT:g} ×",
                wall / result.version <= READ_LIMIT,
            )
        )
    for fmt in FORMATS:
        if fmt in result.missing:
            rows.append(
                Figure(f"`bilan export`, {fmt}", "", result.missing[fmt], "", "≤ 0.6 s", False)
            )
            continue
        walls = {key: value for key, value in result.exports.items() if key.endswith("/" + fmt)}
        slowest = max(walls, key=walls.__getitem__)
        limit = PDF_LIMIT if fmt == "pdf" else EXPORT_LIMIT
        each = ", ".join(f"{key.split('/')[0]} {value:.2f}" for key, value in walls.items())
        rows.append(
            Figure(
                f"`bilan export --format {fmt}` of the demo, shell to file, slowest scope",
                reference,
                f"{walls[slowest]:.2f} s ({each})",
                f"{walls[slowest] / result.version:.2f} ×",
                f"≤ {limit} s",
                walls[slowest] <= limit,
            )
        )
    return rows


def block(rows: Sequence[Figure], command: str) -> str:
    """The document's part for these figures, markers included."""
    from .report import table

    lines = [
        START,
        f"- Date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; command: "
        f"`{command}`; load average at the end {os.getloadavg()[0]:.2f}",
        "",
        *table(rows),
        END,
    ]
    return "\n".join(lines)


def write_block(document: Path, text: str) -> None:
    """Put ``text`` between this benchmark's markers in ``document`` (appended if none)."""
    content = document.read_text(encoding="utf-8")
    start, end = content.find(START), content.find(END)
    if start >= 0 and end > start:
        content = content[:start] + text + content[end + len(END) :]
    else:
        content = content.rstrip("\n") + "\n\n" + text + "\n"
    document.write_text(content, encoding="utf-8")


def run(settings: Settings, command: str, output: Path | None) -> str:
    """Measure, print, and write into ``output`` if given; the block written."""
    scratch = Path(tempfile.mkdtemp(prefix="bilan-commands-", dir=scratch_parent()))
    try:
        result = measure(settings, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    text = block(figures(result), command)
    print(text)
    if output is not None:
        write_block(output, text)
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.commands [--quick] [--output FILE]``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.commands")
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--output", type=Path, help="a document to write the table into")
    args = parser.parse_args(argv)
    from .__main__ import compile_package

    compile_package()
    command = "python -m benchmarks.commands" + (" --quick" if args.quick else "")
    run(QUICK if args.quick else FULL, command, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
