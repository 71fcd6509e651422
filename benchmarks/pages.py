"""The page formats: the demo exported as DOCX and as PDF, libraries already imported.

DESIGN §12 and issue #19 give the demo's synthesis 0.3 s as DOCX and 0.5 s
as PDF once python-docx and typst are imported (the start-up cost of
importing them is paid only by the command that asks for the format).
Each timing is one export as ``bilan export`` does it: collect from the
workbook, write the document, read it into blocks, make the file.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from bilan_tui.domain.model import Pack
from bilan_tui.export.api import render
from bilan_tui.export.documents import PAGE_FORMATS
from bilan_tui.export.options import ExportOptions
from bilan_tui.export.typst_render import PdfUnavailable, forget_compiler
from bilan_tui.services.export_source import collect
from bilan_tui.services.session import WorkbookSession

from .common import LANGUAGE, Figure, Settings, median, progress

GOALS_MS = {"docx": 300.0, "pdf": 500.0}
"""The demo's synthesis, per format (issue #19)."""

LABELS = {"docx": "DOCX (python-docx)", "pdf": "PDF (typst)"}
SCOPES = ("synthese", "detail")


@dataclass(frozen=True, slots=True)
class PageExports:
    """Median milliseconds per ``scope/format``, wall clock and CPU.

    Attributes:
        wall: Per ``scope/format``, one export (collect and render) as the
            first of a process: for PDF, the Typst compiler is made anew
            (its fonts loaded), as ``bilan export`` does.
        cpu: The same, CPU time of this process.
        again: Per ``scope/format``, the next exports of a session (the
            export screen's), the compiler kept: wall clock.
        missing: Formats whose library is not installed (not measured).
    """

    wall: dict[str, float]
    cpu: dict[str, float]
    again: dict[str, float]
    missing: tuple[str, ...]


def _once(
    session: WorkbookSession, scope: str, format_: str, *, first: bool = True
) -> tuple[float, float]:
    if first:
        forget_compiler()
    start, start_cpu = time.perf_counter(), time.process_time()
    render(collect(session), ExportOptions(scope=scope, format=format_))
    return (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000


def measure_pages(settings: Settings, demo: Path, pack: Pack) -> PageExports:
    """Time the demo's synthesis and detailed results as DOCX and PDF."""
    progress("demo export as DOCX and PDF")
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    again: dict[str, float] = {}
    missing: list[str] = []
    session = WorkbookSession.open(demo, pack, language=LANGUAGE, create=False)
    try:
        for format_ in PAGE_FORMATS:
            try:
                _once(session, "synthese", format_)  # imports the library, warms caches
            except PdfUnavailable:
                missing.append(format_)
                continue
            for scope in SCOPES:
                runs = [_once(session, scope, format_) for _ in range(settings.repeats)]
                wall[f"{scope}/{format_}"] = median([run[0] for run in runs])
                cpu[f"{scope}/{format_}"] = median([run[1] for run in runs])
                _once(session, scope, format_)
                runs = [
                    _once(session, scope, format_, first=False) for _ in range(settings.repeats)
                ]
                again[f"{scope}/{format_}"] = median([run[0] for run in runs])
    finally:
        session.close()
    return PageExports(wall, cpu, again, tuple(missing))


def page_figures(pages: PageExports) -> list[Figure]:
    """One line per page format: the synthesis against its goal, the detail beside it."""
    figures = []
    for format_ in PAGE_FORMATS:
        name = f"Export of the demo's synthesis as {LABELS[format_]}, library imported"
        goal = GOALS_MS[format_]
        if format_ in pages.missing:
            figures.append(Figure(name, "", "not installed", "", f"≤ {goal:.0f} ms", False))
            continue
        key = f"synthese/{format_}"
        detail = f"detail/{format_}"
        ours = (
            f"{pages.wall[key]:.0f} ms (CPU {pages.cpu[key]:.0f} ms, next ones "
            f"{pages.again[key]:.0f} ms); detailed results {pages.wall[detail]:.0f} ms "
            f"(CPU {pages.cpu[detail]:.0f} ms, next ones {pages.again[detail]:.0f} ms)"
        )
        figures.append(Figure(name, "", ours, "", f"≤ {goal:.0f} ms", pages.wall[key] <= goal))
    return figures
