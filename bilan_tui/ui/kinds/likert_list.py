"""Every item of a likert questionnaire in one widget, answered from the keyboard.

Keys: a digit answers the item under the cursor and moves to the next one,
↑↓ move, ←→ change the answer (an unanswered item starts in the middle of the
scale), Home/End choose the lowest/highest point, Delete/Backspace clear; a
click on a point answers. Only the lines that change are drawn again: a key
must stay instant on a questionnaire of 48 items (DESIGN §12).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bilan_tui.domain.parts import Item, Scale
from bilan_tui.i18n import N_

from .likert_rows import LikertItem, point_at


class LikertList(OptionList):
    """The questionnaire's items, one ``LikertItem`` each; the cursor is the item answered."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", N_("Previous item"), show=False, id="likert-list.cursor-up"),
        Binding("down", "cursor_down", N_("Next item"), show=False, id="likert-list.cursor-down"),
        Binding(
            "left",
            "move(-1)",
            N_("Change"),
            key_display="←→",
            tooltip=N_("Lower or higher"),
            id="likert-list.move-minus1",
        ),
        Binding("right", "move(1)", N_("Higher"), show=False, id="likert-list.move-1"),
        Binding("home", "edge(-1)", N_("Lowest"), show=False, id="likert-list.edge-minus1"),
        Binding("end", "edge(1)", N_("Highest"), show=False, id="likert-list.edge-1"),
        Binding(
            "delete,backspace", "clear", N_("Clear the rating"), show=False, id="likert-list.clear"
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | up | Previous item |
    | down | Next item |
    | left | Lower or higher |
    | right | Higher |
    | home | Lowest |
    | end | Highest |
    | delete,backspace | Clear the rating |
    """

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """As OptionList's, but a move repaints the two items concerned, not the list."""

    DEFAULT_CSS = """
    LikertList, LikertList:focus {
        /* The room its body gives it: the list scrolls itself, so a move
           scrolls these lines, not the exercise (which would lay it out). */
        height: 1fr;
        max-height: initial;
        border: none;
        padding: 0;
        background: transparent;
        background-tint: $foreground 0%;
        overflow-y: auto;
    }
    LikertList > .option-list--option {
        padding: 0;
    }
    LikertList > .option-list--option-highlighted,
    LikertList > .option-list--option-hover {
        color: $foreground;
        background: transparent;
        text-style: none;
    }
    LikertList:focus > .option-list--option-highlighted {
        color: $foreground;
        background: $boost;
        text-style: none;
    }
    """

    class PastTheEnd(Message):
        """A digit answered the last item, or ↓ was pressed on it: the fields come next."""

    def __init__(
        self,
        items: list[Item],
        scale: Scale,
        values: list[int | None],
        rated: Callable[[Item, int | None], None],
    ) -> None:
        """Draw the items with their answers.

        Args:
            items: The questionnaire's items, in pack order.
            scale: The scale every item is rated on.
            values: Each item's answer (``None``: not answered).
            rated: Called when the person answers or clears an item, before
                the key's handler returns (not a message): the item and the
                screen's "12 / 48" counter are then drawn in the same frame,
                one pass over the screen per key instead of two (DESIGN §12).
        """
        super().__init__(markup=False)
        self.scale = scale
        self._rated = rated
        self.rows = [
            LikertItem(number, item, scale, value)
            for number, (item, value) in enumerate(zip(items, values, strict=True), start=1)
        ]
        self.add_options([Option(row) for row in self.rows])
        self._marked: int | None = None

    @property
    def current(self) -> LikertItem | None:
        """The item under the cursor."""
        index = self.highlighted
        return self.rows[index] if index is not None and 0 <= index < len(self.rows) else None

    def redraw(self, index: int | None) -> None:
        """Draw one item again, marked if it is under the cursor of the focused list.

        Marking one item unmarks the one marked before: keys typed quickly
        may move the cursor several times before the highlight messages run.
        """
        if index is None or not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        # ``has_focus`` is set after our own Focus handler runs; the screen knows already.
        row.current = index == self.highlighted and self.screen.focused is self
        if row.current and self._marked is not None and self._marked != index:
            self.rows[self._marked].current = False
            self._repaint(self._marked)
        if row.current:
            self._marked = index
        self._repaint(index)

    def _repaint(self, index: int) -> None:
        """Forget the drawn lines of one item and repaint only them.

        Its height cannot change (the statement does not, and the scale is one
        line), so the other items' lines and the layout stay as they are;
        ``replace_option_prompt_at_index`` would redraw the whole list.
        """
        option = self.options[index]
        cache = self._option_render_cache
        for key in [key for key in cache.keys() if key[0] is option]:  # noqa: SIM118 (no __iter__)
            cache.discard(key)
        line = self._index_to_line.get(index)
        if line is None:
            self.refresh()
            return
        top = line - int(self.scroll_offset.y)
        self.refresh(Region(0, top, self.size.width, self._heights[index]))

    @on(OptionList.OptionHighlighted)
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.redraw(self.highlighted)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()

    def on_focus(self) -> None:
        self.redraw(self.highlighted)
        # After the screen's own scrolling to a newly focused widget.
        self.call_after_refresh(self.scroll_to_highlight)

    def on_blur(self) -> None:
        self.redraw(self.highlighted)

    def _set(self, value: int | None) -> None:
        row = self.current
        if row is None or row.value == value:
            return
        row.value = value
        self.redraw(self.highlighted)
        self._rated(row.item, value)

    def action_rate(self, value: int) -> None:
        """Answer with a digit, then go to the next item."""
        if self.scale.min <= value <= self.scale.max:
            self._set(value)
            self.action_cursor_down()

    def action_cursor_down(self) -> None:
        """Down to the next item; from the last one, on to the fields."""
        if self.highlighted is not None and self.highlighted >= len(self.rows) - 1:
            self.post_message(self.PastTheEnd())
            return
        super().action_cursor_down()

    def action_move(self, step: int) -> None:
        """One point lower or higher; an unanswered item starts in the middle.

        Starting at an end would answer for her: ← once picked the maximum, the
        opposite of what the arrow says. The middle is the least suggestive point.
        """
        row = self.current
        if row is None:
            return
        if row.value is None:
            self._set((self.scale.min + self.scale.max) // 2)
        else:
            self._set(max(self.scale.min, min(self.scale.max, row.value + step)))

    def action_edge(self, side: int) -> None:
        """The lowest or the highest point."""
        self._set(self.scale.min if side < 0 else self.scale.max)

    def action_clear(self) -> None:
        """Forget the answer to the item under the cursor."""
        self._set(None)

    async def _on_click(self, event: events.Click) -> None:
        """A click picks the item; on a point of its scale, it answers."""
        index: int | None = event.style.meta.get("option")
        if index is None:
            return
        self.focus()
        self.highlighted = index
        line = int(self.scroll_offset.y) + event.y
        lines = self._lines
        if 0 <= line < len(lines) and lines[line][1] == self._heights[index] - 1:
            point = point_at(self.scale, event.x)
            if point is not None:
                self._set(point)
