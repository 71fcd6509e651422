"""The occupation referential's figures (DESIGN §12, §13): import, search, match, fiche, memory.

``python -m benchmarks.referentiel`` measures only these (about a minute) and
writes them between their own markers in ``docs/performance.md``;
``python -m benchmarks`` runs them too, after the application's figures. They
need France Travail's official zip, which the repository never holds: it is
looked for in ``$BILAN_ROME_ZIP``, else in ``../shared/data/rome/`` beside the
checkout (or one level higher, for a worktree); without it the block says so
and why, and nothing is measured.

- **Import**: ``import_referentiel`` of the v60 zip into a fresh folder on disk,
  wall time, median of the runs (goal ≤ 15 s).
- **Search as you type**: "educateur specialise" typed letter by letter, one
  ``Referentiel.search`` per keystroke (the interface's limit, 50 results),
  repeated; the median keystroke and the slowest (goal ≤ 50 ms each).
- **Match**: ``Referentiel.match`` for an S-I profile, the fiches' list already read.
- **Fiche open**: ``Referentiel.fiche`` for 200 codes spread over the referential.
- **Memory**: a child process's resident memory (``VmRSS``) after importing the
  reader, then after opening the referential, one search, one fiche and one match.
- **Command line**: ``bilan metiers search`` against ``bilan --version``, wall
  (DESIGN §12: read commands ≤ 2 ×).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from .common import FULL, QUICK, REPO, Figure, Settings, median, progress, scratch_parent

START = "<!-- referentiel benchmark: start (written by python -m benchmarks.referentiel) -->"
END = "<!-- referentiel benchmark: end -->"
DOCUMENT = REPO / "docs" / "performance.md"
OFFICIAL = Path("shared") / "data" / "rome" / "RefRomeCsv-v460.zip"
TYPED = "educateur specialise"
PROFILE = {"S": 85.0, "I": 70.0, "E": 55.0, "A": 40.0, "C": 30.0, "R": 20.0}


def official_zip() -> Path | None:
    """The shared official zip, or ``None`` (then nothing is measured)."""
    named = os.environ.get("BILAN_ROME_ZIP")
    if named is not None:
        return Path(named) if named and Path(named).is_file() else None
    for base in (REPO.parent, REPO.parent.parent):
        if (base / OFFICIAL).is_file():
            return base / OFFICIAL
    return None


def _import_times(zip_path: Path, scratch: Path, runs: int) -> tuple[list[float], Path]:
    from bilan_tui.referentiel.importer import import_referentiel

    times: list[float] = []
    data = scratch / "referentiel"
    for run in range(runs):
        progress(f"referentiel import {run + 1}/{runs}")
        if data.exists():
            shutil.rmtree(data)
        started = time.perf_counter()
        import_referentiel(zip_path, data)
        times.append(time.perf_counter() - started)
    return times, data


def _keystrokes(data: Path, rounds: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each keystroke's search."""
    from bilan_tui.referentiel.reader import open_latest

    referentiel = open_latest(data)
    assert referentiel is not None
    wall: list[float] = []
    cpu: list[float] = []
    try:
        for _round in range(rounds):
            for end in range(1, len(TYPED) + 1):
                started, started_cpu = time.perf_counter(), time.process_time()
                referentiel.search(TYPED[:end], limit=50)
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
    finally:
        referentiel.close()
    return wall, cpu


def _match_and_fiche(data: Path, repeats: int) -> tuple[float, float, float, float]:
    """(match ms, first match ms, fiche median ms, fiche slowest ms)."""
    from bilan_tui.referentiel.reader import open_latest

    referentiel = open_latest(data)
    assert referentiel is not None
    try:
        started = time.perf_counter()
        referentiel.match(PROFILE)
        first = (time.perf_counter() - started) * 1000
        matches: list[float] = []
        for _repeat in range(repeats):
            started = time.perf_counter()
            referentiel.match(PROFILE)
            matches.append((time.perf_counter() - started) * 1000)
        codes = [ref.code for ref in referentiel.all_fiches()][::8]
        fiches: list[float] = []
        for code in codes:
            started = time.perf_counter()
            referentiel.fiche(code)
            fiches.append((time.perf_counter() - started) * 1000)
    finally:
        referentiel.close()
    return median(matches), first, median(fiches), max(fiches)


_MEMORY_CHILD = """
import sys
from pathlib import Path
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
from bilan_tui.referentiel.reader import open_latest
before = rss()
r = open_latest(Path(sys.argv[1]))
r.search('educateur specialise'); r.fiche('K1207'); r.match({'S': 85, 'I': 70, 'E': 55})
print(before, rss())
"""


def _memory(data: Path) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY_CHILD, str(data)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout.split()
    return float(out[0]), float(out[1])


def _wall(command: list[str], env: dict[str, str], runs: int) -> float:
    times: list[float] = []
    for _run in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(command, env=env, cwd=REPO, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return median(times[1:])  # the first run warms the caches


def _cli(data: Path, runs: int) -> tuple[float, float]:
    env = dict(os.environ, BILAN_DATA_DIR=str(data.parent / "cli"), LANG="en_US.UTF-8")
    shutil.copytree(data, data.parent / "cli", dirs_exist_ok=True)
    bilan = [sys.executable, "-m", "bilan_tui"]
    version = _wall([*bilan, "--version"], env, runs)
    search = _wall([*bilan, "metiers", "search", "educateur", "specialise"], env, runs)
    return version, search


def measure(settings: Settings, scratch: Path) -> list[Figure] | str:
    """The figures, or the reason nothing was measured."""
    zip_path = official_zip()
    if zip_path is None:
        return (
            "Not measured: the official ROME zip is absent (../shared/data/rome/"
            "RefRomeCsv-v460.zip beside the checkout, or $BILAN_ROME_ZIP)."
        )
    runs = max(1, settings.repeats // 2)
    imports, data = _import_times(zip_path, scratch, runs)
    progress("referentiel search, match, fiche, memory, command line")
    keys, keys_cpu = _keystrokes(data, rounds=max(3, settings.repeats))
    match_ms, first_match_ms, fiche_ms, fiche_max = _match_and_fiche(data, settings.repeats * 3)
    rss_before, rss_after = _memory(data)
    version_s, search_s = _cli(data, max(3, settings.runs // 3))
    import_s = median(imports)
    return [
        Figure(
            f"ROME import of the v60 zip (1,584 fiches, 13,120 appellations), median of {runs}",
            "",
            f"{import_s:.1f} s (runs: {', '.join(f'{t:.1f}' for t in imports)})",
            "",
            "≤ 15 s",
            import_s <= 15,
        ),
        Figure(
            f"Search as you type, “{TYPED}” letter by letter ({len(keys)} keystrokes)",
            "",
            f"median {median(keys):.1f} ms, slowest {max(keys):.1f} ms "
            f"(CPU: median {median(keys_cpu):.1f} ms, slowest {max(keys_cpu):.1f} ms)",
            "",
            "≤ 50 ms per keystroke",
            max(keys) <= 50,
        ),
        Figure(
            "Holland match of the 1,584 fiches (S-I profile), median",
            "",
            f"{match_ms:.1f} ms (first call {first_match_ms:.1f} ms, reading the fiches)",
            "",
            "≤ 50 ms (one keystroke's budget)",
            match_ms <= 50,
        ),
        Figure(
            "Fiche open, every part (one in eight fiches)",
            "",
            f"median {fiche_ms:.1f} ms, slowest {fiche_max:.1f} ms",
            "",
            "≤ 50 ms",
            fiche_max <= 50,
        ),
        Figure(
            "Memory the referential adds (open, one search, fiche and match)",
            f"{rss_before:.0f} MB (reader imported)",
            f"{rss_after:.0f} MB",
            f"+{rss_after - rss_before:.1f} MB",
            "≤ +40 MB (the app's whole margin)",
            rss_after - rss_before <= 40,
        ),
        Figure(
            "`bilan metiers search educateur specialise`, wall",
            f"{version_s * 1000:.0f} ms (`bilan --version`)",
            f"{search_s * 1000:.0f} ms",
            f"{search_s / version_s:.2f} ×",
            "≤ 2 ×",
            search_s / version_s <= 2,
        ),
    ]


def block(result: list[Figure] | str, command: str) -> str:
    """The document's part for these figures, markers included."""
    import datetime

    from .report import table

    lines = [
        START,
        f"- Date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; command: `{command}`; "
        f"load average at start {os.getloadavg()[0]:.2f}",
        "",
    ]
    lines += [result] if isinstance(result, str) else table(result)
    lines.append(END)
    return "\n".join(lines)


def write(document: Path, text: str) -> None:
    """Put ``text`` between this benchmark's markers (appended if absent)."""
    current = document.read_text(encoding="utf-8")
    start, end = current.find(START), current.find(END)
    if start >= 0 and end > start:
        current = current[:start] + text + current[end + len(END) :]
    else:
        current = current.rstrip("\n") + "\n\n## The occupation referential\n\n" + text + "\n"
    document.write_text(current, encoding="utf-8")


def run(settings: Settings, command: str, output: Path | None) -> str:
    """Measure in a scratch folder on disk, print, and write the block if asked."""
    scratch = Path(tempfile.mkdtemp(prefix="bilan-rome-bench-", dir=scratch_parent()))
    try:
        text = block(measure(settings, scratch), command)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(text)
    if output is not None:
        write(output, text)
        progress(f"written to {output}")
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.referentiel [--quick]``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.referentiel",
        description="Measure the ROME referential: import, search, match, fiche, memory.",
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs; writes nothing")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    command = "python -m benchmarks.referentiel" + (" --quick" if args.quick else "")
    run(settings, command, None if args.quick else DOCUMENT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
