"""The decision matrix as a table: criteria down, the weight then one column per lead.

Criteria run down the rows because a pack has more criteria than a person has
leads, and rows cost less than columns at 80 columns. Under the criteria, two
rows that cannot be edited: each lead's total and its rank. Digits 1–5 set the
cell under the cursor and move down, so a lead is scored by typing down its
column. Every cell is a Rich ``Text`` built from plain strings: DataTable
would read a ``str`` as markup, and lead names are the person's text.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message

from bilan_tui.domain.scoring import CriterionWeight, MatrixResult, OptionScore
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import N_, _
from bilan_tui.ui.widgets.linear_table import LinearTable

from .digit_keys import digit_bindings

WEIGHT_COLUMN = 0


def cell_text(text: str, width: int, style: str = "") -> Text:
    """A cell's literal text, cut with an ellipsis to ``width`` cells."""
    cell = Text(clean_text(text), style=style, no_wrap=True, end="")
    cell.truncate(max(width, 1), overflow="ellipsis")
    return cell


def weight_cell(weight: CriterionWeight) -> Text:
    """A weight; the pack's suggestion is dim until the person chooses.

    An eliminatory criterion has none: it sets a lead aside instead.
    """
    if weight.criterion.eliminatory:
        return Text("✗", style="bold", end="", justify="center")
    return Text(
        str(weight.weight),
        style="dim italic" if weight.from_pack else "bold",
        end="",
        justify="center",
    )


def score_cell(score: int | None) -> Text:
    """A score, or a dot while it is missing."""
    if score is None:
        return Text("·", style="dim", end="", justify="center")
    return Text(str(score), end="", justify="center")


def total_cell(option: OptionScore) -> Text:
    """A lead's total; a star marks a total with criteria still to score."""
    return Text(
        f"{option.total}{'' if option.complete else '*'}", style="bold", end="", justify="center"
    )


def max_cell(result: MatrixResult) -> Text:
    """The best total possible, under the weights."""
    return Text(f"/{result.max_total}", style="dim", end="", justify="center")


def rank_cell(option: OptionScore) -> Text:
    """A lead's rank (equal totals share it); blank until it has a score; ✗ once set aside."""
    if all(score is None for score in option.scores):
        return Text("", end="")
    if option.eliminated:
        return Text("✗", style="bold", end="", justify="center")
    style = "bold" if option.rank == 1 else ""
    return Text(str(option.rank), style=style, end="", justify="center")


class MatrixTable(LinearTable):
    """Weights and scores, edited with digits; totals and ranks kept up to date."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *digit_bindings(
            1,
            5,
            "set",
            N_("Set"),
            N_("Set the weight or the score of the cell"),
            id_prefix="matrix-table",
            show=False,
        ),
        Binding(
            "delete,backspace", "clear", N_("Clear the cell"), show=False, id="matrix-table.clear"
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | 1–5 | Set |
    | delete,backspace | Clear the cell |
    """

    class CellSet(Message):
        """The person set (or cleared, with ``None``) a weight or a score."""

        def __init__(self, row: int, column: int, value: int | None) -> None:
            super().__init__()
            self.row = row
            self.column = column
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        self.criteria_count = 0
        self.eliminatory_rows: set[int] = set()

    def fill(
        self,
        result: MatrixResult,
        labels: list[str],
        label_width: int,
        column_width: int,
    ) -> None:
        """Draw the whole table (once, when the exercise opens)."""
        self.clear(columns=True)
        self.criteria_count = len(result.weights)
        self.eliminatory_rows = {
            row for row, weight in enumerate(result.weights) if weight.criterion.eliminatory
        }
        self.add_column(cell_text(_("Weight"), max(len(_("Weight")), 3)), key="weight")
        for index, label in enumerate(labels):
            self.add_column(cell_text(label, column_width), key=f"option-{index}")
        for index, weight in enumerate(result.weights):
            cells = [weight_cell(weight)]
            cells.extend(score_cell(option.scores[index]) for option in result.options)
            self.add_row(
                *cells,
                key=weight.criterion.id,
                label=cell_text(weight.criterion.title, label_width),
            )
        self.add_row(
            max_cell(result),
            *(total_cell(option) for option in result.options),
            key="@total",
            label=cell_text(_("Total"), label_width, "bold"),
        )
        self.add_row(
            Text("", end=""),
            *(rank_cell(option) for option in result.options),
            key="@rank",
            label=cell_text(_("Rank"), label_width, "bold"),
        )
        self.move_cursor(row=0, column=1 if result.options else WEIGHT_COLUMN)

    def show_result(self, result: MatrixResult, row: int, column: int) -> None:
        """Redraw the edited cell, then the totals and ranks."""
        weight = result.weights[row]
        if column == WEIGHT_COLUMN:
            self.update_cell_at(Coordinate(row, column), weight_cell(weight))
        else:
            option = result.options[column - 1]
            self.update_cell_at(Coordinate(row, column), score_cell(option.scores[row]))
        total_row = self.criteria_count
        self.update_cell_at(Coordinate(total_row, WEIGHT_COLUMN), max_cell(result))
        for index, option in enumerate(result.options, start=1):
            self.update_cell_at(Coordinate(total_row, index), total_cell(option))
            self.update_cell_at(Coordinate(total_row + 1, index), rank_cell(option))

    def action_set(self, value: int) -> None:
        """Set the cell under the cursor, then move down to the next criterion."""
        row, column = self.cursor_coordinate
        if row >= self.criteria_count or (column == WEIGHT_COLUMN and row in self.eliminatory_rows):
            self.app.bell()
            return
        self.post_message(self.CellSet(row, column, value))
        if row + 1 < self.criteria_count:
            self.move_cursor(row=row + 1, column=column)

    def action_clear(self) -> None:
        """Clear a score, or put a weight back to the pack's suggestion."""
        row, column = self.cursor_coordinate
        if row < self.criteria_count:
            self.post_message(self.CellSet(row, column, None))
