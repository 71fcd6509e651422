"""The results as a Markdown table, and their place in ``docs/performance.md``.

The benchmark owns the part of the document between two markers; the text
around it (how to read the figures, what stands in the way of a goal) is
written by people and kept as it is.
"""

from __future__ import annotations

import datetime
import os
import platform
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from .common import Figure
from .keystroke import Keystroke
from .startup import Startup
from .storage import Autosave, DemoExport, Scaled

START = "<!-- benchmark results: start (written by python -m benchmarks) -->"
END = "<!-- benchmark results: end -->"
DEMO = "demo"
STRESS = "stress"
PACKAGES = ("textual", "rich", "sqlmodel", "SQLAlchemy", "pydantic")
LINEAR_LIMIT = 1.5
"""Export is "linear" when an item added at 10-20x costs at most this much more than at 1-5x."""


def figures(
    startup: Startup,
    line: Keystroke,
    area: Keystroke,
    autosave: Autosave,
    export: DemoExport,
    scaled: Sequence[Scaled],
) -> list[Figure]:
    """The table of DESIGN §12, one line per goal."""
    demo, stress = startup.opened[DEMO], startup.opened[STRESS]
    first, last = scaled[0], scaled[-1]
    early, late = _marginal(scaled[0], scaled[1]), _marginal(scaled[-2], scaled[-1])
    extra_memory = demo.memory - startup.bare_memory
    factor = last.size.factor
    return [
        _ratio_figure(
            "First frame of the dashboard (phases and titles), against the bare app's",
            startup.bare,
            demo.first,
            1.2,
            "s",
        ),
        _ratio_figure(
            "Dashboard settled with the demo's data, against the bare app's first frame",
            startup.bare,
            demo.settled,
            2.4,
            "s",
        ),
        _key_figure("One keystroke in a one-line answer, autosave included (CPU)", line, "Input"),
        _key_figure("One keystroke in a long answer, autosave included (CPU)", area, "TextArea"),
        Figure(
            "One autosave write (`synchronous=FULL`), p99",
            f"{autosave.bare_p99:.2f} ms (plain `sqlite3`)",
            f"{autosave.p99:.2f} ms (median {autosave.median:.2f}, CPU {autosave.cpu:.2f})",
            f"{autosave.p99 / autosave.bare_p99:.2f} ×",
            "≤ 5 ms",
            autosave.p99 <= 5.0,
        ),
        Figure(
            "Export of the demo, any scope in Markdown, HTML or JSON (collect and render)",
            "",
            f"slowest {export.each[export.slowest]:.0f} ms ({export.slowest}, "
            f"CPU {export.slowest_cpu:.0f} ms); all {len(export.each)} in a row "
            f"{export.total:.0f} ms",
            "",
            "≤ 150 ms",
            export.each[export.slowest] <= 150.0,
        ),
        _ratio_figure(
            f"A workbook {factor} × the demo: start to settled dashboard, against the demo",
            demo.settled,
            stress.settled,
            1.5,
            "s",
        ),
        _ratio_figure(
            f"A workbook {factor} × the demo: session open and dashboard data, as the "
            "interface opens it (in process, imports done, CPU; the whole-file check "
            "follows in the background, see below), against the demo",
            first.open_ms,
            last.open_ms,
            1.5,
            "ms",
        ),
        Figure(
            f"Export CPU time per added item, up to {factor} × the demo",
            f"{early:.0f} µs ({scaled[0].size.factor}→{scaled[1].size.factor} ×)",
            f"{late:.0f} µs ({scaled[-2].size.factor}→{factor} ×)",
            f"{late / early:.2f} ×" if early > 0 else "",
            f"≤ {LINEAR_LIMIT} × (linear)",
            early > 0 and late / early <= LINEAR_LIMIT,
        ),
        Figure(
            "Peak memory, dashboard settled",
            f"{startup.bare_memory:.0f} MB",
            f"{demo.memory:.0f} MB",
            f"{extra_memory:+.0f} MB",
            "≤ +40 MB",
            extra_memory <= 40.0,
        ),
    ]


def _key_figure(name: str, keys: Keystroke, widget: str) -> Figure:
    extra = keys.ours - keys.bare
    return Figure(
        name,
        f"{keys.bare:.2f} ms (bare `{widget}`)",
        f"{keys.ours:.2f} ms",
        f"{extra:+.2f} ms",
        "≤ +2 ms",
        extra <= 2.0,
    )


def _ratio_figure(name: str, reference: float, ours: float, limit: float, unit: str) -> Figure:
    """A figure whose goal is a ratio to its reference; values in seconds or ms."""
    digits = ".2f" if unit == "s" else ".1f"
    ratio = ours / reference
    return Figure(
        name,
        f"{reference:{digits}} {unit}",
        f"{ours:{digits}} {unit}",
        f"{ratio:.2f} ×",
        f"≤ {limit} ×",
        ratio <= limit,
    )


def _marginal(small: Scaled, big: Scaled) -> float:
    """Microseconds of export per item added between two sizes."""
    added = big.size.items - small.size.items
    return (big.export_ms - small.export_ms) * 1000 / added if added else 0.0


def table(rows: Sequence[Figure]) -> list[str]:
    """The figures as a Markdown table."""
    lines = [
        "| figure | reference | ours | ratio | goal | met |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        met = "yes" if row.met else "**no**"
        cells = (row.name, row.reference, row.ours, row.ratio, row.goal, met)
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def scaling_table(scaled: Sequence[Scaled]) -> list[str]:
    """How opening and exporting grow with the workbook."""
    lines = [
        "| size | record entries | ledger entries | answers | session open + dashboard data | "
        "whole-file check (in the background) | every export in a row | export per item |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in scaled:
        size = row.size
        per_item = row.export_ms * 1000 / size.items
        lines.append(
            f"| {size.factor} × | {size.entries} | {size.ledger} | {size.answers} | "
            f"{row.open_ms:.1f} ms | {row.check_ms:.1f} ms | {row.export_ms:.0f} ms | "
            f"{per_item:.0f} µs |"
        )
    return lines


def machine(command: str, scratch: str, load: tuple[float, float, float]) -> list[str]:
    """Where and how the figures were taken."""
    versions = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    return [
        f"- Date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- Command: `{command}`",
        f"- Machine: {_cpu_model()}, {os.cpu_count()} cores, {platform.platform()}; "
        f"load average at start {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}",
        f"- Python {platform.python_version()} ({sys.implementation.name}); {versions}",
        f"- Workbooks written to {scratch}",
    ]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def results_block(
    header: list[str], rows: list[str], scaling: list[str], screens: Sequence[str] = ()
) -> str:
    """The generated part of the document, markers included."""
    body = [
        START,
        *header,
        "",
        *rows,
        "",
        "How opening and exporting grow with the workbook (medians of CPU time, in process):",
        "",
        *scaling,
        *(["", *screens] if screens else []),
        END,
    ]
    return "\n".join(body)


def write_results(document: Path, block: str) -> None:
    """Put the results between the markers of ``document`` (appended if it has none)."""
    text = document.read_text(encoding="utf-8") if document.exists() else "# Performance\n"
    start, end = text.find(START), text.find(END)
    if start >= 0 and end > start:
        text = text[:start] + block + text[end + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    document.write_text(text, encoding="utf-8")
