"""``LinearTable`` gives its columns the widths Textual's ``DataTable`` gives them."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from bilan_tui.ui.widgets.linear_table import LinearTable

ROWS = [("a", "x" * 12), ("a much longer cell", "y"), ("mid cell", "zz"), ("b", "")]


class Tables(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable(id="textual")
        yield LinearTable(id="linear")


async def test_the_widths_are_textuals_after_adding_updating_and_removing() -> None:
    app = Tables()
    async with app.run_test(size=(80, 24)) as pilot:
        tables = [app.query_one("#textual", DataTable), app.query_one("#linear", DataTable)]
        for table in tables:
            table.add_column(Text("First"), key="first")
            table.add_column(Text("Second"), key="second")
            for number, (first, second) in enumerate(ROWS):
                table.add_row(Text(first), Text(second), key=str(number))
        await pilot.pause()
        assert [c.content_width for c in tables[1].columns.values()] == [18, 12]
        assert [c.content_width for c in tables[0].columns.values()] == [18, 12]
        for table in tables:
            table.update_cell("1", "first", Text("short"), update_width=True)
            table.update_cell("0", "second", Text("wider than them all"), update_width=True)
        await pilot.pause()
        assert [c.content_width for c in tables[1].columns.values()] == [8, 19]
        assert [c.content_width for c in tables[0].columns.values()] == [8, 19]
