"""A ``DataTable`` whose column widths cost one pass over the table, not one per cell.

Textual's ``DataTable`` measures each new cell and, when it is narrower than
its column, measures the whole column again. Filling a table row by row is
then quadratic: the hours of a workbook kept for years (a thousand ledger
rows) took seconds to open, 900,000 cell measures (DESIGN §12, issue 15).
Here each column touched by a batch of new cells is measured once, the
cells of the batch included: the widths are the same, the work linear.
"""

from __future__ import annotations

from typing import Any

from textual.render import measure
from textual.widgets import DataTable
from textual.widgets._data_table import CellKey, ColumnKey, default_cell_formatter


class LinearTable(DataTable[Any]):
    """``DataTable`` with column widths measured once per column and batch of changes."""

    def _update_column_widths(self, updated_cells: set[CellKey]) -> None:
        """Measure each column that has a changed cell, every row of it, once."""
        touched: set[ColumnKey] = {column_key for _row_key, column_key in updated_cells}
        console = self.app.console
        for column_key in touched:
            column = self.columns.get(column_key)
            if column is None:
                continue
            widths = [measure(console, column.label, 1)]
            for row_key, row in self.rows.items():
                value = self._data.get(row_key, {}).get(column_key)
                if value is None:
                    continue
                shown = default_cell_formatter(value, wrap=row.height != 1, height=row.height)
                widths.append(measure(console, shown, 1))
            column.content_width = max(widths)
        self._require_update_dimensions = True
