"""The list of the skills grid: one line per skill, rated from the keyboard.

Keys: ↑↓ move between skills (headings are skipped), ←→ choose the axis that
digits set, 0–3 rate. Rating the mastery moves to the desire of the same
skill; rating the desire moves on to the next skill, so "2 3" rates a line
and goes on. Only the lines that change are redrawn: the shipped list has
more than fifty skills and a key must stay instant.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bilan_tui.domain.scoring import GridItem, Rating
from bilan_tui.i18n import N_

from .digit_keys import digit_bindings
from .grid_rows import DESIRE, MASTERY, Columns, Row, heading


class GridList(OptionList):
    """Skills under their headings, with their two ratings and their zone."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "axis(0)", N_("Mastery"), show=False, id="grid-list.axis-0"),
        Binding("right", "axis(1)", N_("Desire"), show=False, id="grid-list.axis-1"),
        *digit_bindings(
            0,
            3,
            "rate",
            N_("Rate"),
            N_("Rate the skill on the chosen axis"),
            id_prefix="grid-list",
            show=False,
        ),
        Binding(
            "delete,backspace", "clear", N_("Clear the rating"), show=False, id="grid-list.clear"
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | left | Mastery |
    | right | Desire |
    | 0–3 | Rate |
    | delete,backspace | Clear the rating |
    """

    class Rated(Message):
        """The person rated (or cleared) one skill."""

        def __init__(self, item: GridItem, rating: Rating) -> None:
            super().__init__()
            self.item = item
            self.rating = rating

    class AxisChanged(Message):
        """The axis that digits set changed."""

        def __init__(self, axis: int) -> None:
            super().__init__()
            self.axis = axis

    def __init__(self, columns: Columns, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.columns = columns
        self.rows: list[Row] = []
        self.ratings: dict[str, Rating] = {}
        self.axis = MASTERY
        self._marked: int | None = None

    def show(self, rows: list[Row], ratings: dict[str, Rating], focus_key: str | None) -> None:
        """Draw every line (on open, and when a skill is added or removed)."""
        self.rows = rows
        self.ratings = ratings
        self._marked = None
        self.clear_options()
        self.add_options(
            [
                Option(heading(row), disabled=True)
                if isinstance(row, str)
                else Option(self.columns.row(row, self._rating(row), None))
                for row in rows
            ]
        )
        target = self.index_of(focus_key) if focus_key else None
        if target is None:
            target = self._first_unrated()
        if target is not None:
            self.highlighted = target
        self.call_after_refresh(self.scroll_to_highlight)

    def index_of(self, key: str | None) -> int | None:
        """The line of the skill with this key."""
        for index, row in enumerate(self.rows):
            if isinstance(row, GridItem) and row.key == key:
                return index
        return None

    @property
    def current(self) -> GridItem | None:
        """The skill under the cursor."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self.rows):
            return None
        row = self.rows[index]
        return row if isinstance(row, GridItem) else None

    def _rating(self, item: GridItem) -> Rating:
        return self.ratings.get(item.key, Rating())

    def _first_unrated(self) -> int | None:
        first = None
        for index, row in enumerate(self.rows):
            if isinstance(row, GridItem):
                first = index if first is None else first
                rating = self._rating(row)
                if rating.mastery is None or rating.desire is None:
                    return index
        return first

    def redraw(self, index: int | None) -> None:
        """Redraw one line, with the axis marker if it is under the cursor."""
        if index is None or not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        if isinstance(row, str):
            return
        axis = self.axis if index == self.highlighted else None
        self.replace_option_prompt_at_index(index, self.columns.row(row, self._rating(row), axis))

    @on(OptionList.OptionHighlighted)
    def _moved(self, _event: OptionList.OptionHighlighted) -> None:
        previous, self._marked = self._marked, self.highlighted
        if previous != self.highlighted:
            self.redraw(previous)
        self.redraw(self.highlighted)

    def _set_axis(self, axis: int) -> None:
        if axis != self.axis:
            self.axis = axis
            self.redraw(self.highlighted)
            self.post_message(self.AxisChanged(axis))

    def action_axis(self, axis: int) -> None:
        """Choose whether digits set the mastery or the desire."""
        self._set_axis(axis)

    def action_rate(self, value: int) -> None:
        """Set the chosen axis of the current skill, then move on."""
        item = self.current
        if item is None:
            return
        old = self._rating(item)
        new = Rating(value, old.desire) if self.axis == MASTERY else Rating(old.mastery, value)
        self.ratings[item.key] = new
        self.post_message(self.Rated(item, new))
        if self.axis == MASTERY:
            self._set_axis(DESIRE)
            return
        self._set_axis(MASTERY)
        before = self.highlighted
        self.action_cursor_down()
        if self.highlighted == before:
            self.redraw(before)

    def action_clear(self) -> None:
        """Forget both ratings of the current skill."""
        item = self.current
        if item is None:
            return
        self.ratings[item.key] = Rating()
        self.post_message(self.Rated(item, Rating()))
        self._set_axis(MASTERY)
        self.redraw(self.highlighted)
