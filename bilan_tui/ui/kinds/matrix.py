"""The ``matrix`` kind: weigh criteria, score each lead, watch the ranking move.

The options are the entries of another exercise's records (the leads), named
by ``exercise.source.field``. Weights are stored at ``WEIGHT_KEYS.key(criterion id)``
(absent: the pack's suggestion), scores at ``SCORE_KEYS.key(criterion id)`` with the
lead's entry id. Totals and ranks come from ``scoring.matrix.score_matrix``
after every digit. The exercise's own questions follow the table.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.keys import SCORE_KEYS, WEIGHT_KEYS
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.scoring import (
    MatrixResult,
    matrix_options,
    score_matrix,
    weight_sensitivity,
)
from bilan_tui.i18n import _
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.profile_bars import BarChart, BarRow

from .base import ExerciseBody, ExerciseContext
from .matrix_table import WEIGHT_COLUMN, MatrixTable

WEIGHT_WIDTH = 8
"""Cells taken by the weight column, padding included."""


class MatrixBody(ExerciseBody):
    """The table of weights and scores, the ranking, then the extra questions."""

    DEFAULT_CSS = """
    MatrixBody {
        height: auto;
    }
    MatrixBody #matrix-table {
        height: auto;
        max-height: 60;
        margin: 1 0 0 0;
    }
    MatrixBody #matrix-detail, MatrixBody #matrix-legend {
        height: auto;
        padding: 0 1;
    }
    MatrixBody #matrix-legend {
        color: $text-muted;
    }
    MatrixBody #matrix-empty {
        padding: 1 1;
        color: $text-warning;
    }
    MatrixBody #matrix-ranking-title {
        margin: 1 0 0 0;
        padding: 0 1;
        text-style: bold;
    }
    MatrixBody #matrix-ranking {
        padding: 0 1;
        margin: 0 0 1 0;
    }
    """

    def __init__(
        self, exercise: Exercise, answers: ExerciseAnswers, context: ExerciseContext
    ) -> None:
        super().__init__(exercise, answers, context)
        self.options = matrix_options(exercise, self.source_record_entries())
        self.labels = [
            label or _("(unnamed {number})").format(number=index + 1)
            for index, (_entry, label) in enumerate(self.options)
        ]
        self.result = score_matrix(exercise, answers, self.options)

    def compose(self) -> ComposeResult:
        if not self.options:
            source = self.source_exercise()
            title = source.title if source else self.source_id
            yield Static(
                plain(
                    _("Add leads in “{title}” first: each one becomes a column here.").format(
                        title=title
                    )
                ),
                id="matrix-empty",
            )
        else:
            yield MatrixTable(id="matrix-table")
            yield Static("", id="matrix-detail")
            yield Static(
                plain(
                    _(
                        "↑↓←→ cell  1–5 set  ⌫ clear  dim = suggested weight  * unfinished  "
                        "✗ limit: 1–2 sets the lead aside"
                    )
                ),
                id="matrix-legend",
            )
            yield Static(self._ranking_title(), id="matrix-ranking-title")
            yield BarChart(self._ranking_rows(), id="matrix-ranking")
            yield Static(self._sensitivity(), id="matrix-sensitivity")
        for field in self.exercise.fields:
            yield self.field_editor(field)

    def on_mount(self) -> None:
        if not self.options:
            return
        width = max(self.app.size.width - 6, 40)
        longest = max(len(weight.criterion.title) for weight in self.result.weights)
        label_width = min(longest, max(14, width * 2 // 5))
        room = width - label_width - WEIGHT_WIDTH
        column_width = max(4, min(16, room // len(self.options) - 2))
        self.query_one(MatrixTable).fill(self.result, self.labels, label_width, column_width)
        self._show_detail(0, 1)

    def progress(self) -> tuple[int, int]:
        """Scores given, out of every (criterion, lead) pair."""
        given = sum(score is not None for option in self.result.options for score in option.scores)
        return given, len(self.result.weights) * len(self.result.options)

    def _scored(self) -> bool:
        return any(score is not None for option in self.result.options for score in option.scores)

    def _ranking_title(self) -> Content:
        if self._scored():
            return plain(_("Ranking"))
        return plain(_("Ranking: score the leads to see it."))

    def _ranking_rows(self) -> list[BarRow]:
        result: MatrixResult = self.result
        rows: list[BarRow] = []
        if not self._scored():
            return rows
        for option in result.ranking:
            label = self.labels[[entry for entry, _label in self.options].index(option.entry_id)]
            fraction = option.total / option.max_total if option.max_total else 0.0
            value = f"{option.total}/{option.max_total}{'' if option.complete else '*'}"
            if option.eliminated:
                rows.append(BarRow(f"✗ {label}", 0.0, _("breaks a limit"), False))
                continue
            rows.append(BarRow(f"{option.rank}. {label}", fraction, value, option.rank == 1))
        return rows

    def _sensitivity(self) -> Content:
        """Whether one point of weight would put another lead first, in words."""
        flips = weight_sensitivity(self.exercise, self.answers, self.options)
        if not flips:
            if flips is None or not self._scored():
                return Content("")
            return plain(_("The lead in first place holds if any weight moves by one point."))
        names = dict(zip((entry for entry, _label in self.options), self.labels, strict=True))
        flip = flips[0]
        text = _("One point {direction} on “{criterion}” would put “{lead}” first.").format(
            direction=_("more") if flip.delta > 0 else _("less"),
            criterion=flip.criterion.title,
            lead=names.get(flip.leader, ""),
        )
        if len(flips) > 1:
            text += " " + _("({count} such changes in all: the first place is fragile.)").format(
                count=len(flips)
            )
        return plain(text)

    @on(MatrixTable.CellSet)
    def _cell_set(self, event: MatrixTable.CellSet) -> None:
        event.stop()
        criterion = self.result.weights[event.row].criterion
        if event.column == WEIGHT_COLUMN:
            field_id, entry_id = WEIGHT_KEYS.key(criterion.id), ""
        else:
            field_id, entry_id = SCORE_KEYS.key(criterion.id), self.options[event.column - 1][0]
        if self.answers.get(field_id, entry_id) != event.value:
            self.answers.set(field_id, event.value, entry_id)
            self.edited(field_id, entry_id)
        self.result = score_matrix(self.exercise, self.answers, self.options)
        self.query_one(MatrixTable).show_result(self.result, event.row, event.column)
        self.query_one(BarChart).show(self._ranking_rows())
        self.query_one("#matrix-ranking-title", Static).update(self._ranking_title())
        self.query_one("#matrix-sensitivity", Static).update(self._sensitivity())
        table = self.query_one(MatrixTable)
        self._show_detail(*table.cursor_coordinate)

    @on(DataTable.CellHighlighted, "#matrix-table")
    def _highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        self._show_detail(event.coordinate.row, event.coordinate.column)

    def _show_detail(self, row: int, column: int) -> None:
        """Name the cell under the cursor in full: the table cuts long titles."""
        detail = self.query_one("#matrix-detail", Static)
        if row >= len(self.result.weights):
            detail.update(
                plain(_("Totals are the sum of weight × score; equal totals share a rank."))
            )
            return
        weight = self.result.weights[row]
        title = plain(weight.criterion.title).stylize("bold")
        if column == WEIGHT_COLUMN and weight.criterion.eliminatory:
            text = _("a limit, with no weight: a lead scored 1 or 2 here is set aside")
            detail.update(Content.assemble(title, " — ", plain(text)))
            return
        if column == WEIGHT_COLUMN:
            text = _("weight {weight} out of 5").format(weight=weight.weight)
            if weight.from_pack:
                text += " " + _("(suggested)")
            detail.update(Content.assemble(title, " — ", plain(text)))
            return
        option = self.result.options[column - 1]
        score = option.scores[row]
        mark = _("not scored yet") if score is None else f"{score}/5"
        detail.update(
            Content.assemble(
                title,
                " — ",
                plain(_("{label}: {items}").format(label=self.labels[column - 1], items=mark)),
            )
        )
