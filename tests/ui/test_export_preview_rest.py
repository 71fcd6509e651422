"""The export preview draws a long document's beginning first, the rest when scrolled to.

The two parts drawn apart must be the document drawn whole, and End must
still reach the last line of the document.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bilan_tui.export.api import render
from bilan_tui.export.options import ExportOptions
from bilan_tui.services.demo.build import recreate_demo
from bilan_tui.services.export_source import collect
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.screens.export import ExportScreen, preview_lines, split_document
from bilan_tui.ui.widgets.preview_lines import PreviewLines

from .helpers import make_app, shipped_pack, wait_for_session


def demo_workbook(tmp_path: Path) -> Path:
    workbook = tmp_path / "data" / "workbooks" / "demo.sqlite"
    recreate_demo(workbook, shipped_pack())
    return workbook


def drawn(markdown: str, width: int = 60) -> str:
    return "".join(segment.text for segment in preview_lines(markdown, width).segments)


@pytest.mark.parametrize("scope", ["synthese", "detail"])
def test_the_parts_drawn_apart_are_the_document_drawn_whole(tmp_path: Path, scope: str) -> None:
    pack = shipped_pack()
    session = WorkbookSession.open(demo_workbook(tmp_path), pack, language="en", create=False)
    try:
        options = ExportOptions(scope=scope, format="md", recipient="self", include_private=False)
        markdown = render(collect(session), options).markdown
    finally:
        session.close()
    for size in (1000, 6000, 20000):
        head, rest = split_document(markdown, size)
        assert rest, "the demo's document is long enough to be cut"
        assert head + rest == markdown
        assert drawn(head) + "\n" + drawn(rest) == drawn(markdown)


def test_a_document_with_code_or_without_a_later_heading_is_not_cut() -> None:
    assert split_document("# A\n\n" + "x " * 100 + "\n\n```\n# not\n```\n", 10)[1] == ""
    assert split_document("# A\n\n" + "x " * 100, 10)[1] == ""


async def test_end_reaches_the_last_line_of_a_long_preview(tmp_path: Path) -> None:
    app = make_app(demo_workbook(tmp_path), shipped_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        await pilot.press("e")
        for _ in range(4):
            await app.workers.wait_for_complete()
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        preview = screen.query_one("#export-preview", PreviewLines)
        assert preview.more, "the demo's synthesis is drawn in two parts"
        preview.focus()
        await pilot.press("end")
        for _ in range(4):
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert not preview.more
        assert preview.scroll_offset.y == preview.max_scroll_y > 0
        await pilot.press("ctrl+q")
