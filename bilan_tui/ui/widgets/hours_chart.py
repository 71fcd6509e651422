"""The weekly chart of the hours screen: accompaniment and personal work side by side.

One block per ISO week (labelled by its Monday, written as the person writes
dates), with two bars on the same scale: accompaniment first, personal work
below it, each followed by its figure. A legend on top says which colour is
which; the figures make the chart readable on a terminal without colours too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from bilan_tui.domain.dates import short_date
from bilan_tui.domain.ledger import WeekHours
from bilan_tui.i18n import _, language
from bilan_tui.services.ledger_text import duration_text
from bilan_tui.ui.widgets.hours_bars import FULL, bar

ACCOMPANIMENT_STYLE = "$accent"
PERSONAL_STYLE = "$primary"


class WeeklyChart(Widget):
    """Hours per week, two bars a week, on one scale for the whole chart."""

    DEFAULT_CSS: ClassVar[str] = """
    WeeklyChart {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.weeks: tuple[WeekHours, ...] = ()

    def show(self, weeks: Sequence[WeekHours]) -> None:
        """Draw ``weeks`` (in date order, without gaps, as the summary gives them)."""
        self.weeks = tuple(weeks)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Two lines a week (one when empty): the bars are sized never to wrap."""
        return 2 * len(self.weeks) or 1

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.size.width))

    @staticmethod
    def legend() -> Content:
        """Which colour is which; shown above the chart so it stays in view."""
        return Content.assemble(
            (FULL * 2, ACCOMPANIMENT_STYLE),
            " " + _("Accompaniment") + "   ",
            (FULL * 2, PERSONAL_STYLE),
            " " + _("Personal work"),
        )

    def lines(self, width: int) -> list[Content]:
        """The chart's lines for a given width (also what tests read).

        A week without any hours keeps its label, so gaps show, but no figures.
        """
        if not self.weeks:
            return [Content.styled(_("No hours yet."), "$text-muted")]
        # Labelled as the person writes dates ("2 Mar 2026", "02/03/2026"), never ISO.
        labels = [short_date(week.week_start, language()) for week in self.weeks]
        values = [
            (_figure(week.accompagnement_minutes), _figure(week.personnel_minutes))
            for week in self.weeks
        ]
        label_width = max(len(label) for label in labels)
        value_width = max(len(text) for pair in values for text in pair)
        bar_width = max(width - label_width - value_width - 2, 1)
        scale = max(max(week.accompagnement_minutes, week.personnel_minutes) for week in self.weeks)
        scale = max(scale, 1)
        lines: list[Content] = []
        for week, label, (acc_text, own_text) in zip(self.weeks, labels, values, strict=True):
            lines.append(
                Content.assemble(
                    (label.ljust(label_width), "bold"),
                    " ",
                    bar(week.accompagnement_minutes, scale, bar_width, ACCOMPANIMENT_STYLE),
                    " ",
                    acc_text,
                )
            )
            lines.append(
                Content.assemble(
                    " " * label_width,
                    " ",
                    bar(week.personnel_minutes, scale, bar_width, PERSONAL_STYLE),
                    " ",
                    own_text,
                )
            )
        return lines


def _figure(minutes: int) -> str:
    """The figure after a bar; nothing for an empty one."""
    return duration_text(minutes) if minutes else ""
