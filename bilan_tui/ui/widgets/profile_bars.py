"""Horizontal bars drawn with block characters, as wide as the screen allows.

Used by the profile screen (interests, aptitudes, motivations) and by the
decision matrix's ranking. The bars are computed at render time from the
widget's width, so a resized terminal redraws them to fit.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

from bilan_tui.services.profile import bar
from bilan_tui.ui.text import plain

MIN_BAR = 8
"""Below this many cells a bar says nothing; labels are cut instead."""
MAX_BAR = 50
"""Beyond this many cells the eye loses the label at the start of the line."""


@dataclass(frozen=True, slots=True)
class BarRow:
    """One bar.

    Attributes:
        label: What the bar measures (pack or user text, shown literally).
        fraction: How full it is (0–1), ``None`` for "no score yet".
        value: The figure printed after the bar ("82", "112/150").
        strong: Drawn in the accent colour (the top of a ranking).
    """

    label: str
    fraction: float | None
    value: str
    strong: bool = False


class BarChart(Widget):
    """A column of labelled bars, one per line."""

    DEFAULT_CSS = """
    BarChart {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(
        self, rows: list[BarRow], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.rows = rows

    def show(self, rows: list[BarRow]) -> None:
        """Replace the bars."""
        self.rows = rows
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.rows)

    def render(self) -> Content:
        width = self.size.width
        if not self.rows or width <= 0:
            return Content("")
        value_width = max(len(row.value) for row in self.rows)
        label_width = max(len(row.label) for row in self.rows)
        label_width = max(min(label_width, width - value_width - MIN_BAR - 2), 1)
        bar_width = min(max(width - label_width - value_width - 2, 1), MAX_BAR)
        lines = []
        for row in self.rows:
            label = plain(row.label).truncate(label_width, ellipsis=True, pad=True)
            if row.fraction is None:
                drawn = Content("–").stylize("$text-muted")
            else:
                drawn = Content(bar(row.fraction, bar_width))
                drawn = drawn.stylize("$accent" if row.strong else "$primary")
            drawn = drawn.pad_right(bar_width - drawn.cell_length)
            value = Content(row.value.rjust(value_width))
            if row.strong:
                label, value = label.stylize("bold"), value.stylize("bold")
            lines.append(Content.assemble(label, " ", drawn, " ", value))
        return Content("\n").join(lines)
